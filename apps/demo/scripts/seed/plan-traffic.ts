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
  /**
   * This turn's own random seed: what happens in the turn (faults, tool timings, feedback,
   * judging) is drawn from it alone, so it does not depend on the date or on other turns.
   */
  seed: number;
  /** A sample that tests look up by name (never faulted), e.g. the XSS sample. */
  sample?: string;
}

/** A fixed turn that tests look up by name: who asks what, how long before the end. */
export interface PlannedSample {
  name: string;
  userId: string;
  prompt: string;
  ageMs: number;
}

const DAY = 86_400_000;
// Share of traffic by hour of day (UTC): quiet nights, busy office hours.
const HOURS = [1, 1, 1, 1, 1, 2, 3, 5, 8, 10, 10, 9, 8, 9, 10, 10, 9, 7, 5, 4, 3, 2, 2, 1].map((w, h) => [h, w] as const);

/**
 * Plans `traces` chat turns over `days` days ending at `end`: sessions of 1–6 turns, a
 * few heavy users, growing traffic, office hours and fewer weekend chats. Sorted by time.
 *
 * The random draws are the same whatever `end` is (no draw depends on the calendar), so
 * every end date plans the same sessions, users, prompts and turn seeds; only the times
 * differ (weekend sessions move two days later).
 */
export function planTraffic(rng: Rng, traces: number, days: number, end: number, samples: readonly PlannedSample[] = []): PlannedTurn[] {
  const start = end - days * DAY;
  const userWeights = SEED_USERS.map((u, i) => [u, i < 4 ? 6 : 1 + (i % 5)] as const);
  const plans = new Map(SEED_USERS.map((u, i) => [u, i % 7 === 0 ? "team" : i % 3 === 0 ? "pro" : "free"] as const));
  const turns: PlannedTurn[] = [];
  while (turns.length < traces) {
    const userId = rng.weighted(userWeights);
    // Growth: later days are busier (density ∝ t), weekends have half the chats.
    const plannedDay = Math.floor(Math.sqrt(rng.next()) * days);
    const skipWeekend = rng.chance(0.5);
    const weekday = new Date(start + plannedDay * DAY).getUTCDay();
    const day = (weekday === 0 || weekday === 6) && skipWeekend ? Math.min(days - 1, plannedDay + 2) : plannedDay;
    const hour = rng.weighted(HOURS);
    let at = start + day * DAY + hour * 3_600_000 + rng.int(0, 3_599_000);
    const backOff = rng.int(60_000, 6 * 3_600_000);
    if (at > end - 60_000) at = end - backOff;
    const model = rng.weighted(SEED_MODELS.map((m) => [m, m.weight] as const));
    const sessionId = `conv_${rng.hex(20)}`;
    const environment = rng.chance(0.08) ? "preview" : "production";
    const release = `v1.${4 + Math.floor((plannedDay / days) * 4)}.${rng.int(0, 3)}`;
    const count = rng.weighted([[1, 30], [2, 25], [3, 20], [4, 12], [5, 8], [6, 5]] as const);
    for (let turn = 0; turn < count && turns.length < traces; turn++) {
      const prompt = seedPrompt(rng);
      const seed = rng.int(1, 0x7fffffff);
      turns.push({ at, userId, sessionId, turn, prompt, model, environment, release, plan: plans.get(userId) ?? "free", seed });
      at += rng.int(20_000, 240_000);
    }
  }
  // Samples replace the last planned turns (so the count stays), each in its own session.
  samples.slice(0, turns.length).forEach((sample, i) => {
    const index = turns.length - 1 - i;
    const planned = turns[index];
    turns[index] = {
      ...planned,
      at: end - sample.ageMs,
      userId: sample.userId,
      sessionId: `conv_sample_${sample.name}`,
      turn: 0,
      prompt: sample.prompt,
      plan: plans.get(sample.userId) ?? "free",
      sample: sample.name,
    };
  });
  return turns.sort((a, b) => a.at - b.at);
}
