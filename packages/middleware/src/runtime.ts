import type { LanguageModelV4Middleware } from "@ai-sdk/provider";
import type { Telemetry } from "ai";
import { trace as otelTrace } from "@opentelemetry/api";
import { BudgetGuard } from "./budget/budget-guard.js";
import { createLoupeMiddleware } from "./capture/middleware.js";
import { Recorder } from "./capture/recorder.js";
import { createLoupeTelemetry } from "./capture/telemetry-integration.js";
import { registerLoupeTelemetry } from "./capture/telemetry-registration.js";
import type { TraceAttributes } from "./capture/trace-context.js";
import { withTrace } from "./capture/with-trace.js";
import { createPriceBook, type PriceBook } from "./cost/index.js";
import type { LoupeEvent } from "./domain/events.js";
import type { ScoreRow, WriteBatch } from "./domain/rows.js";
import { toScoreRow, type ScoreInput } from "./domain/score-input.js";
import { EvaluationRunner } from "./eval/evaluation-runner.js";
import type { ResolvedOptions } from "./options.js";
import { openStore, type TraceStore } from "./store/index.js";
import { BatchWriter } from "./writer/batch-writer.js";
import { eventsToBatch } from "./writer/event-to-rows.js";
import { flushOnExit } from "./writer/exit-hook.js";

/** The wired parts of one Loupe instance, from the store up to online evaluation. */
export interface LoupeRuntime {
  store(): Promise<TraceStore>;
  writer: BatchWriter;
  recorder: Recorder;
  middleware: LanguageModelV4Middleware;
  telemetry: Telemetry;
  priceBook: PriceBook;
  evaluations: EvaluationRunner;
  budget: BudgetGuard | undefined;
  toBatch(events: readonly LoupeEvent[]): WriteBatch;
  score(input: ScoreInput): ScoreRow;
  withTrace<T>(attributes: TraceAttributes, fn: () => T | Promise<T>): Promise<T>;
  onInternalError(error: unknown): void;
  internalErrors(): number;
  /** Stops the writer, unregisters telemetry and the exit hook, closes Loupe's own connections. */
  shutdown(): Promise<void>;
}

/** Opens the store lazily (once; retried after a failure). */
function lazyStore(resolved: ResolvedOptions) {
  let opening: Promise<TraceStore> | undefined;
  const store = () =>
    (opening ??= openStore(resolved.storeChoice).catch((error: unknown) => {
      opening = undefined; // try again on the next flush
      throw error;
    }));
  const opened = async () => (opening ? opening.catch(() => undefined) : undefined);
  return { store, opened };
}

/** Builds the runtime: store → writer → recorder → capture hooks, budget and evaluations. */
export function buildRuntime(resolved: ResolvedOptions): LoupeRuntime {
  const { options, now, generateId, log } = resolved;
  let internalErrors = 0;
  const onInternalError = (error: unknown) => {
    internalErrors += 1;
    log?.("internal error (the host was not affected)", error);
  };
  const { store, opened } = lazyStore(resolved);
  const priceBook = createPriceBook({ prices: options.prices, includeBuiltIn: !options.disableBuiltInPrices });
  const toBatch = (events: readonly LoupeEvent[]) =>
    eventsToBatch(events, { priceBook, mask: options.mask, maxPayloadLength: options.maxPayloadLength ?? 262_144, onInternalError });
  const writer = new BatchWriter({ store, toBatch, ...options.writer, onError: (error) => log?.("write failed (will retry or count as dropped)", error) });
  const unregisterExit = flushOnExit(writer);
  const budget = options.budget ? new BudgetGuard({ options: options.budget, store, now, onInternalError }) : undefined;

  let evaluations: EvaluationRunner | undefined;
  const recorder = new Recorder({
    sink: writer,
    settings: {
      budget,
      sampleRate: options.sampleRate ?? 1,
      recordInputs: options.recordInputs ?? true,
      recordOutputs: options.recordOutputs ?? true,
      environment: resolved.environment,
      release: resolved.release,
      now,
      generateId,
      onInternalError,
      onTraceComplete: (trace) => evaluations?.onTraceComplete(trace),
      otel: resolved.otel && { tracer: resolved.otel.tracer ?? otelTrace.getTracer("@loupe/middleware"), recordContent: resolved.otel.recordContent },
    },
  });
  const middleware = createLoupeMiddleware(recorder);
  const telemetry = createLoupeTelemetry(recorder);
  const unregisterTelemetry = options.registerTelemetry !== false ? registerLoupeTelemetry(telemetry) : () => {};
  const score = (input: ScoreInput) => {
    const row = toScoreRow(input, { now, generateId });
    recorder.push({ kind: "score", row });
    return row;
  };
  const trace = <T>(attributes: TraceAttributes, fn: () => T | Promise<T>) => withTrace(recorder, attributes, fn);
  evaluations = new EvaluationRunner({
    deps: { store, flush: () => writer.flush(), withTrace: trace, middleware: () => middleware, score, now, onInternalError },
    limits: options.evaluation,
  });

  return {
    store,
    writer,
    recorder,
    middleware,
    telemetry,
    priceBook,
    evaluations,
    budget,
    toBatch,
    score,
    withTrace: trace,
    onInternalError,
    internalErrors: () => internalErrors,
    async shutdown() {
      await writer.shutdown();
      unregisterExit();
      unregisterTelemetry();
      if (!options.store) await (await opened())?.close();
    },
  };
}
