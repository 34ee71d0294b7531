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
import type { EventWriter } from "./writer/event-writer.js";
import { eventsToBatch } from "./writer/event-to-rows.js";
import { flushOnExit } from "./writer/exit-hook.js";
import { WorkerWriter } from "./writer/worker-writer.js";

/** The wired parts of one Loupe instance, from the store up to online evaluation. */
export interface LoupeRuntime {
  store(): Promise<TraceStore>;
  writer: EventWriter;
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
  /** Where rows are written: "worker" or "main" (see `writer.thread`). */
  writerThread(): "worker" | "main";
  /** Stops the writer, unregisters telemetry and the exit hook, closes Loupe's own connections. */
  shutdown(): Promise<void>;
}

/** Opens the store lazily (once; retried after a failure), after `before` (the writer thread's migration). */
function lazyStore(resolved: ResolvedOptions, before: () => Promise<void>) {
  let opening: Promise<TraceStore> | undefined;
  const store = () =>
    (opening ??= before().then(() => openStore(resolved.storeChoice)).catch((error: unknown) => {
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
  let workerWriter: WorkerWriter | undefined;
  const { store, opened } = lazyStore(resolved, () => workerWriter?.whenReady() ?? Promise.resolve());
  const priceBook = createPriceBook({ prices: options.prices, includeBuiltIn: !options.disableBuiltInPrices });
  const maxPayloadLength = options.maxPayloadLength ?? 262_144;
  const toBatch = (events: readonly LoupeEvent[]) => eventsToBatch(events, { priceBook, mask: options.mask, maxPayloadLength, onInternalError });
  const inThread = () => new BatchWriter({ store, toBatch, ...options.writer, onError: (error) => log?.("write failed (will retry or count as dropped)", error) });
  const offThread = options.writer?.thread !== "main" && !options.store && !options.prisma;
  if (offThread) {
    workerWriter = new WorkerWriter({
      config: {
        store: { databaseUrl: resolved.storeChoice.databaseUrl, autoMigrate: options.autoMigrate },
        prices: options.prices,
        disableBuiltInPrices: options.disableBuiltInPrices,
        maxPayloadLength,
        batchSize: options.writer?.batchSize ?? 500,
        maxBufferSize: options.writer?.maxBufferSize ?? 20_000,
        maxRetryDelayMs: options.writer?.maxRetryDelayMs,
      },
      mask: options.mask,
      flushIntervalMs: options.writer?.flushIntervalMs,
      onInternalError,
      fallback: inThread,
    });
  }
  const writer: EventWriter = workerWriter ?? inThread();
  const exitTimeoutMs = options.writer?.exitTimeoutMs ?? 10_000;
  const unregisterExit = flushOnExit(writer, exitTimeoutMs);
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
    internalErrors: () => internalErrors + (workerWriter?.internalErrors() ?? 0),
    writerThread: () => workerWriter?.thread ?? "main",
    async shutdown() {
      await writer.shutdown(exitTimeoutMs);
      unregisterExit();
      unregisterTelemetry();
      if (!options.store) await (await opened())?.close();
    },
  };
}
