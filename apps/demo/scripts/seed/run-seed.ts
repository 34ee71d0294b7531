import { createLoupe, type Loupe } from "@loupe/middleware";
import { FEEDBACK_SCORE_NAME, feedbackScoreId } from "@loupe/middleware/next";
import type { LanguageModelV4 } from "@ai-sdk/provider";
import { generateText, stepCountIs, streamText, wrapLanguageModel, type ModelMessage, type ToolSet } from "ai";
import { createScriptedModel, type Pace } from "../../lib/scripted-model";
import { SYSTEM_PROMPT } from "../../lib/system-prompt";
import { demoTools } from "../../lib/tools";
import { FAULTS, failingModel } from "./fault-model";
import { createJudgeModel } from "./judge-model";
import { planTraffic, type PlannedSample, type PlannedTurn } from "./plan-traffic";
import { Rng } from "./rng";
import { DOWN_COMMENTS, UP_COMMENTS } from "./seed-data";

/** Options of {@link seedHistory}. */
export interface SeedOptions {
  /** Chat traces to create (judge traces come on top). Default 2500. */
  traces?: number;
  days?: number;
  /** End of the history (epoch ms). Default: five minutes ago. */
  end?: number;
  databaseUrl?: string;
  log?: (message: string) => void;
}

/** What a seed run did. */
export interface SeedReport {
  traces: number;
  judged: number;
  feedback: number;
  failed: number;
  dropped: number;
  ms: number;
}

/** The XSS sample: its answer echoes the markup, which the dashboard must show as text. */
export const XSS_PROMPT = "Please repeat this exactly: <script>alert(1)</script> and <img src=x onerror=alert(1)>";

/**
 * Turns that tests look up by their tag (`sample:<name>`): never faulted, always in the
 * last day of the history, whatever the date.
 */
export const SEED_SAMPLES: readonly PlannedSample[] = [{ name: "xss", userId: "grace", prompt: XSS_PROMPT, ageMs: 3 * 3_600_000 }];

/** The tag a seeded sample's trace carries, e.g. `sample:xss`. */
export const sampleTag = (name: string) => `sample:${name}`;

/** Seed of the whole history: the plan, and through each turn's own seed everything in it. */
const HISTORY_SEED = 20260105;

/** What the seed decides for one turn before running it, drawn from the turn's own seed. */
export interface TurnDraws {
  /** The provider fault injected into this turn (3% of turns; never a sample). */
  fault: (typeof FAULTS)[number] | undefined;
  /** Whether the user votes (35% of failed turns, 16% of the others) and how. */
  feedback: { up: boolean } | undefined;
  /** Whether an LLM judge scores the answer (12% of turns that did not fail). */
  judged: boolean;
  /** For the rest of the turn: tool timings, comments, judge score. */
  rng: Rng;
}

/** Draws what happens in a turn from its own seed (the same draws whatever the date). */
export function drawTurn(turn: PlannedTurn): TurnDraws {
  const rng = new Rng(turn.seed);
  const [faultRoll, fault, voteRoll, upRoll, judgeRoll] = [rng.next(), rng.pick(FAULTS), rng.next(), rng.next(), rng.next()];
  const failed = faultRoll < 0.03 && !turn.sample;
  return {
    fault: failed ? fault : undefined,
    feedback: voteRoll < (failed ? 0.35 : 0.16) ? { up: upRoll < (failed ? 0.1 : 0.74) } : undefined,
    judged: !failed && judgeRoll < 0.12,
    rng,
  };
}

/** The history {@link seedHistory} replays: the same sessions, prompts and seeds for every `end`. */
export function planSeedHistory(options: { traces?: number; days?: number; end: number }): PlannedTurn[] {
  return planTraffic(new Rng(HISTORY_SEED), options.traces ?? 3000, options.days ?? 30, options.end, SEED_SAMPLES);
}

function manualClock(start: number): Pace & { moveTo(t: number): void } {
  let t = start;
  return {
    now: () => t,
    wait: async (ms) => void (t += ms),
    moveTo: (next) => void (t = Math.max(t, next)),
  };
}

/** The demo tools, each taking a realistic few hundred (clock) milliseconds, drawn from the current turn's rng. */
function timedTools(clock: Pace, rng: () => Rng): ToolSet {
  return Object.fromEntries(
    Object.entries(demoTools).map(([name, t]) => [
      name,
      {
        ...t,
        execute: async (input: unknown, options: unknown) => {
          await clock.wait(rng().int(25, name === "searchDocs" ? 900 : 400));
          return (t.execute as (i: unknown, o: unknown) => Promise<unknown>)(input, options);
        },
      },
    ]),
  ) as unknown as ToolSet;
}

/**
 * Fills the store with `traces` chat turns over the last 30 days by driving the real
 * capture path: createLoupe on a back-dated manual clock, the scripted model wrapped with
 * Loupe's middleware, streamText tool loops inside withTrace; then users' thumbs and LLM
 * judge scores through loupe.score(). Deterministic (seeded PRNG).
 */
export async function seedHistory(options: SeedOptions = {}): Promise<SeedReport> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const total = options.traces ?? 3000;
  const end = options.end ?? Date.now() - 5 * 60_000;
  const turns = planSeedHistory({ traces: total, days: options.days, end });
  let rng = new Rng(HISTORY_SEED); // the current turn's (see drawTurn)
  const clock = manualClock(turns[0]?.at ?? end);
  const loupe: Loupe = createLoupe({
    databaseUrl: options.databaseUrl,
    now: clock.now,
    writer: { batchSize: 2000, maxBufferSize: 200_000 },
  });
  const tools = timedTools(clock, () => rng);
  const histories = new Map<string, ModelMessage[]>();
  const report: SeedReport = { traces: 0, judged: 0, feedback: 0, failed: 0, dropped: 0, ms: 0 };

  const chat = async (turn: PlannedTurn, fault: TurnDraws["fault"]) => {
    clock.moveTo(turn.at);
    let model: LanguageModelV4 = createScriptedModel({ modelId: turn.model.modelId, provider: turn.model.provider, pace: clock });
    if (fault) model = failingModel(model, fault);
    const history = histories.get(turn.sessionId) ?? [];
    const messages: ModelMessage[] = [...history, { role: "user", content: turn.prompt }];
    let traceId = "";
    let answer = "";
    try {
      await loupe.withTrace(
        {
          name: "chat",
          userId: turn.userId,
          sessionId: turn.sessionId,
          tags: ["demo", turn.model.provider.split(".")[0], ...(turn.sample ? [sampleTag(turn.sample)] : [])],
          metadata: { model: turn.model.modelId, plan: turn.plan, turn: turn.turn },
          input: turn.prompt,
          environment: turn.environment,
          release: turn.release,
        },
        async () => {
          traceId = loupe.currentTraceId()!;
          const result = streamText({
            model: wrapLanguageModel({ model, middleware: loupe.middleware() }),
            system: SYSTEM_PROMPT,
            messages,
            tools,
            stopWhen: stepCountIs(5),
            maxRetries: 0,
            onError: () => {},
            telemetry: { functionId: "chat-agent" },
          });
          answer = await result.text;
          if (fault) throw new Error(fault.message);
        },
      );
      histories.set(turn.sessionId, [...messages, { role: "assistant" as const, content: answer }].slice(-12));
    } catch {
      report.failed += 1;
    }
    report.traces += 1;
    return { traceId, answer };
  };

  const feedback = (turn: PlannedTurn, traceId: string, up: boolean) => {
    const comment = up ? (rng.chance(0.2) ? rng.pick(UP_COMMENTS) : undefined) : rng.chance(0.6) ? rng.pick(DOWN_COMMENTS) : undefined;
    loupe.score({
      id: feedbackScoreId(traceId, turn.userId),
      traceId,
      name: FEEDBACK_SCORE_NAME,
      value: up,
      dataType: "BOOLEAN",
      comment,
      source: "FEEDBACK",
      authorId: turn.userId,
      timestamp: new Date(clock.now() + rng.int(3_000, 90_000)),
    });
    report.feedback += 1;
  };

  const judge = async (turn: PlannedTurn, traceId: string, answer: string) => {
    const score = Math.round((answer.includes("couldn't") ? 0.2 + rng.next() * 0.4 : 0.6 + rng.next() * 0.4) * 100) / 100;
    const reason = score >= 0.7 ? "Answers the question directly with the tool results." : "Partly answers; a tool failed or the answer is vague.";
    const judgeModel = wrapLanguageModel({ model: createJudgeModel(clock, () => ({ score, reason })), middleware: loupe.middleware() });
    await loupe.withTrace({ name: "judge-helpfulness", kind: "eval", tags: ["judge"], environment: turn.environment, release: turn.release, metadata: { targetTraceId: traceId } }, () =>
      generateText({ model: judgeModel, prompt: `Rate the helpfulness (0-1) of this answer.\nQuestion: ${turn.prompt}\nAnswer: ${answer}`, maxRetries: 0 }),
    );
    loupe.score({ traceId, name: "helpfulness", value: score, dataType: "NUMERIC", source: "EVAL", evaluatorId: "judge-helpfulness", comment: reason, timestamp: new Date(clock.now()) });
    report.judged += 1;
  };

  for (const [i, turn] of turns.entries()) {
    const draws = drawTurn(turn);
    rng = draws.rng;
    const { traceId, answer } = await chat(turn, draws.fault);
    if (traceId && draws.feedback) feedback(turn, traceId, draws.feedback.up);
    if (traceId && draws.judged) await judge(turn, traceId, answer);
    // The loop never yields to timers: flush explicitly so the writer's buffer stays small.
    if (i % 200 === 199) {
      await loupe.flush();
      log(`  ${i + 1}/${turns.length} traces`);
    }
  }
  await loupe.flush();
  report.dropped = loupe.stats().dropped;
  await loupe.shutdown();
  report.ms = Date.now() - started;
  return report;
}

/** True when the store already holds traces (the app's database, or `databaseUrl`). */
export async function storeHasTraces(databaseUrl?: string): Promise<boolean> {
  const loupe = createLoupe({ databaseUrl, registerTelemetry: false });
  try {
    return (await loupe.query.traces({ limit: 1 })).items.length > 0;
  } finally {
    await loupe.shutdown();
  }
}
