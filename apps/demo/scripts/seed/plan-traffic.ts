import type { Rng } from "./rng";
import { SEED_MODELS, SEED_USERS, seedPrompt, type SeedModel } from "./seed-data";

/** One chat turn to replay: who asks what, when, in which conversation, on which model. */
export interface PlannedTurn {
  at: number;
  userId: string;
  sessionId: string;
  turn: number;
  prompt: string;
  model: SeedModel;
  environment: string;
  release: string;
  plan: "free" | "pro" | "team";
}

const DAY = 86_400_000;
// Share of traffic by hour of day (UTC): quiet nights, busy office hours.
const HOURS = [1, 1, 1, 1, 1, 2, 3, 5, 8, 10, 10, 9, 8, 9, 10, 10, 9, 7, 5, 4, 3, 2, 2, 1].map((w, h) => [h, w] as const);

/**
 * Plans `traces` chat turns over `days` days ending at `end`: sessions of 1–6 turns, a
 * few heavy users, growing traffic, office hours and fewer weekend chats. Sorted by time.
 */
export function planTraffic(rng: Rng, traces: number, days: number, end: number): PlannedTurn[] {
  const start = end - days * DAY;
  const userWeights = SEED_USERS.map((u, i) => [u, i < 4 ? 6 : 1 + (i % 5)] as const);
  const plans = new Map(SEED_USERS.map((u, i) => [u, i % 7 === 0 ? "team" : i % 3 === 0 ? "pro" : "free"] as const));
  const turns: PlannedTurn[] = [];
  while (turns.length < traces) {
    const userId = rng.weighted(userWeights);
    // Growth: later days are busier (density ∝ t), weekends have half the chats.
    let day = Math.floor(Math.sqrt(rng.next()) * days);
    const weekday = new Date(start + day * DAY).getUTCDay();
    if ((weekday === 0 || weekday === 6) && rng.chance(0.5)) day = Math.min(days - 1, day + 2);
    const hour = rng.weighted(HOURS);
    let at = start + day * DAY + hour * 3_600_000 + rng.int(0, 3_599_000);
    if (at > end - 60_000) at = end - rng.int(60_000, 6 * 3_600_000);
    const model = rng.weighted(SEED_MODELS.map((m) => [m, m.weight] as const));
    const sessionId = `conv_${rng.hex(20)}`;
    const environment = rng.chance(0.08) ? "preview" : "production";
    const release = `v1.${4 + Math.floor((day / days) * 4)}.${rng.int(0, 3)}`;
    const count = rng.weighted([[1, 30], [2, 25], [3, 20], [4, 12], [5, 8], [6, 5]] as const);
    for (let turn = 0; turn < count && turns.length < traces; turn++) {
      turns.push({ at, userId, sessionId, turn, prompt: seedPrompt(rng), model, environment, release, plan: plans.get(userId) ?? "free" });
      at += rng.int(20_000, 240_000);
    }
  }
  return turns.sort((a, b) => a.at - b.at);
}
