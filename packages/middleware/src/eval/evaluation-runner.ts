import { wrapLanguageModel } from "ai";
import type { LanguageModelV4Middleware } from "@ai-sdk/provider";
import { isSampled, runOutsideContext, type TraceAttributes, type TraceState } from "../capture/trace-context.js";
import type { ScoreInput } from "../domain/score-input.js";
import type { TraceStore } from "../store/trace-store.js";
import { evaluationInput, type EvaluationContext, type EvaluationResult, type Evaluator } from "./evaluator.js";
import { JudgeOutputError } from "./judge.js";

/** Which traces an online evaluator looks at. */
export interface EvaluatorFilter {
  names?: string[];
  tags?: string[];
  environments?: string[];
}

/** An evaluator run online on a sample of new traces. */
export interface OnlineEvaluatorConfig {
  evaluator: Evaluator;
  /** Fraction of matching traces evaluated, decided by trace id (reproducible). Default 1. */
  samplingRate?: number;
  filter?: EvaluatorFilter;
}

/** Limits of the background evaluation queue. */
export interface EvaluationRunnerOptions {
  /** Evaluations running at once. Default 2. */
  concurrency?: number;
  /** Retries of a failing evaluation (not of a malformed verdict). Default 2. */
  maxRetries?: number;
  /** Stop judging for the day once eval traces cost this much (USD). */
  maxCostPerDayUsd?: number;
  /** Queued evaluations held at most; past it new ones are dropped and counted. Default 1,000. */
  queueSize?: number;
}

/** What the runner needs from Loupe. */
export interface RunnerDeps {
  store(): Promise<TraceStore>;
  flush(): Promise<boolean>;
  withTrace<T>(attributes: TraceAttributes, fn: () => Promise<T>): Promise<T>;
  middleware(): LanguageModelV4Middleware;
  score(input: ScoreInput): unknown;
  now(): number;
  onInternalError(error: unknown): void;
}

/** Outcome of one evaluation. */
export type EvaluationOutcome =
  | { status: "scored"; result: EvaluationResult }
  | { status: "error"; message: string }
  | { status: "skipped"; reason: string };

/** Counters of the runner. */
export interface EvaluationStats {
  queued: number;
  running: number;
  scored: number;
  errors: number;
  skipped: number;
  dropped: number;
}

interface Job {
  evaluator: Evaluator;
  traceId: string;
}

function matches(filter: EvaluatorFilter | undefined, trace: TraceState): boolean {
  if (!filter) return true;
  const a = trace.attributes;
  if (filter.names?.length && !filter.names.includes(a.name ?? "")) return false;
  if (filter.environments?.length && !filter.environments.includes(trace.environment)) return false;
  if (filter.tags?.length && !filter.tags.some((t) => a.tags?.includes(t))) return false;
  return true;
}

/**
 * Runs evaluators off the request path: online on a deterministic sample of completed
 * traces (bounded queue, concurrency limit, retries, daily cost cap), and offline on one
 * trace or a backfill over past traces. Judges' own model calls are recorded as `eval`
 * traces (kept out of per-user cost); failures become evaluator errors on the judged
 * trace, never a score.
 */
export class EvaluationRunner {
  private readonly configs: OnlineEvaluatorConfig[] = [];
  private readonly queue: Job[] = [];
  private readonly waiters: (() => void)[] = [];
  private running = 0;
  private readonly counters = { scored: 0, errors: 0, skipped: 0, dropped: 0 };

  private readonly deps: RunnerDeps;
  private readonly options: EvaluationRunnerOptions;

  constructor(options: { deps: RunnerDeps; limits?: EvaluationRunnerOptions }) {
    this.deps = options.deps;
    this.options = options.limits ?? {};
  }

  /** Adds an online evaluator. */
  add(config: OnlineEvaluatorConfig): void {
    this.configs.push(config);
  }

  /** Hook for the recorder: queue the evaluations a completed trace is sampled for. */
  onTraceComplete(trace: TraceState): void {
    if (this.configs.length === 0 || trace.attributes.kind === "eval") return;
    for (const config of this.configs) {
      if (!matches(config.filter, trace)) continue;
      if (!isSampled(`${config.evaluator.name}:${trace.id}`, config.samplingRate ?? 1)) continue;
      this.enqueue({ evaluator: config.evaluator, traceId: trace.id });
    }
  }

  /** Whether `traceId` falls in an evaluator's sample at `rate` (what online evaluation uses). */
  static sampled(evaluatorName: string, traceId: string, rate: number): boolean {
    return isSampled(`${evaluatorName}:${traceId}`, rate);
  }

  /** Evaluates past traces (newest first) in [from, to); returns how each ended. */
  async backfill(config: OnlineEvaluatorConfig & { from?: Date; to?: Date; limit?: number }): Promise<EvaluationStats> {
    const store = await this.deps.store();
    let cursor: string | null | undefined;
    let seen = 0;
    const before = { ...this.counters };
    do {
      const page = await store.listTraces({ from: config.from, to: config.to, cursor, limit: 200, kind: "app" });
      for (const t of page.items) {
        if (config.limit !== undefined && seen >= config.limit) break;
        if (config.filter?.names?.length && !config.filter.names.includes(t.name ?? "")) continue;
        if (config.filter?.environments?.length && !config.filter.environments.includes(t.environment)) continue;
        if (config.filter?.tags?.length && !config.filter.tags.some((tag) => t.tags.includes(tag))) continue;
        if (!isSampled(`${config.evaluator.name}:${t.id}`, config.samplingRate ?? 1)) continue;
        seen += 1;
        this.enqueue({ evaluator: config.evaluator, traceId: t.id }, true);
      }
      cursor = config.limit !== undefined && seen >= config.limit ? null : page.nextCursor;
      await this.idle();
    } while (cursor);
    return {
      queued: 0,
      running: 0,
      scored: this.counters.scored - before.scored,
      errors: this.counters.errors - before.errors,
      skipped: this.counters.skipped - before.skipped,
      dropped: this.counters.dropped - before.dropped,
    };
  }

  /** Resolves when nothing is queued or running. */
  idle(): Promise<void> {
    if (this.queue.length === 0 && this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** The runner's counters. */
  stats(): EvaluationStats {
    return { ...this.counters, queued: this.queue.length, running: this.running };
  }

  /** Evaluates one trace now and stores the score (or the evaluator error). */
  async evaluate(evaluator: Evaluator, traceId: string, extra: { reference?: string; context?: string } = {}): Promise<EvaluationOutcome> {
    const store = await this.deps.store();
    await this.deps.flush();
    const trace = await store.getTrace(traceId);
    if (!trace) return this.count({ status: "skipped", reason: `trace ${traceId} is not stored` });
    if (this.options.maxCostPerDayUsd !== undefined && evaluator.kind === "judge") {
      const spent = await this.spentToday(store);
      if (spent >= this.options.maxCostPerDayUsd) {
        return this.count({ status: "skipped", reason: `daily evaluation budget of $${this.options.maxCostPerDayUsd} reached` });
      }
    }
    const metadata = (trace.metadata ?? {}) as Record<string, unknown>;
    const input = evaluationInput(trace, {
      reference: extra.reference ?? (typeof metadata.reference === "string" ? metadata.reference : undefined),
      context: extra.context ?? (typeof metadata.context === "string" ? metadata.context : undefined),
    });
    const started = this.deps.now();
    let lastError: unknown;
    for (let attempt = 0; attempt <= (this.options.maxRetries ?? 2); attempt++) {
      try {
        const result = await this.run(evaluator, input);
        this.deps.score({
          id: `eval:${evaluator.name}:${traceId}`,
          traceId,
          name: evaluator.scoreName,
          value: result.value,
          comment: result.comment,
          source: "EVAL",
          evaluatorId: evaluator.name,
        });
        return this.count({ status: "scored", result });
      } catch (error) {
        lastError = error;
        if (JudgeOutputError.isInstance(error)) break; // a malformed verdict is not retried into a score
      }
    }
    const message = lastError instanceof Error ? lastError.message : String(lastError);
    await store.write({
      observations: [
        {
          id: `eval-error:${evaluator.name}:${traceId}`,
          traceId,
          type: "EVALUATOR",
          name: `eval ${evaluator.name}`,
          startTime: new Date(started),
          endTime: new Date(this.deps.now()),
          level: "ERROR",
          statusMessage: `Evaluator ${evaluator.name} failed: ${message}`,
        },
      ],
    });
    return this.count({ status: "error", message });
  }

  private run(evaluator: Evaluator, input: ReturnType<typeof evaluationInput>): Promise<EvaluationResult> {
    const controller = new AbortController();
    const context: EvaluationContext = {
      recordModel: (model) => wrapLanguageModel({ model, middleware: this.deps.middleware() }),
      signal: controller.signal,
    };
    if (evaluator.kind === "code") return evaluator.evaluate(input, context);
    return runOutsideContext(() =>
      this.deps.withTrace(
        { name: `eval ${evaluator.name}`, kind: "eval", metadata: { evaluatedTraceId: input.traceId, evaluator: evaluator.name } },
        () => evaluator.evaluate(input, context),
      ),
    );
  }

  private async spentToday(store: TraceStore): Promise<number> {
    const day = new Date(this.deps.now()).toISOString().slice(0, 10);
    return store.spend({ day, kind: "eval" });
  }

  private count(outcome: EvaluationOutcome): EvaluationOutcome {
    if (outcome.status === "scored") this.counters.scored += 1;
    else if (outcome.status === "error") this.counters.errors += 1;
    else this.counters.skipped += 1;
    return outcome;
  }

  private enqueue(job: Job, force = false): void {
    if (!force && this.queue.length >= (this.options.queueSize ?? 1_000)) {
      this.counters.dropped += 1;
      return;
    }
    this.queue.push(job);
    this.pump();
  }

  private pump(): void {
    while (this.running < (this.options.concurrency ?? 2) && this.queue.length > 0) {
      const job = this.queue.shift()!;
      this.running += 1;
      // Off the request path: start on a later tick, outside the host's trace context.
      setImmediate(() =>
        runOutsideContext(() =>
          this.evaluate(job.evaluator, job.traceId)
            .catch((error) => {
              this.counters.errors += 1;
              this.deps.onInternalError(error);
            })
            .finally(() => {
              this.running -= 1;
              this.pump();
              if (this.queue.length === 0 && this.running === 0) for (const resolve of this.waiters.splice(0)) resolve();
            }),
        ),
      );
    }
  }
}
