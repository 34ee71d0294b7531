import { randomUUID } from "node:crypto";
import type { LanguageModelV4Middleware } from "@ai-sdk/provider";
import { registerTelemetry, type Telemetry } from "ai";
import { trace as otelTrace, type Tracer } from "@opentelemetry/api";
import { createLoupeMiddleware } from "./capture/middleware.js";
import { Recorder } from "./capture/recorder.js";
import { createLoupeTelemetry } from "./capture/telemetry-integration.js";
import { currentContext, type TraceAttributes } from "./capture/trace-context.js";
import { withSpan, withTrace, type SpanOptions } from "./capture/with-trace.js";
import { createPriceBook, type ModelPriceInput, type PriceBook } from "./cost/index.js";
import { ScoreInput } from "./domain/score-input.js";
import type { ScoreRow } from "./domain/rows.js";
import type { SessionListQuery } from "./query/sessions-list.js";
import type { TraceListQuery } from "./query/traces-list.js";
import type { Page, SessionSummary, TraceDetail, TraceSummary, UsageDailyRow } from "./query/views.js";
import { createPostgresStore } from "./store/postgres-store.js";
import type { PrismaLike } from "./store/sql-client.js";
import { createSqliteStore, DEFAULT_SQLITE_FILE } from "./store/sqlite-store.js";
import type { TraceStore } from "./store/trace-store.js";
import type { LoupeEvent } from "./domain/events.js";
import { BudgetGuard, type BudgetOptions, type BudgetStatus } from "./budget/budget-guard.js";
import { LoupeSpanProcessor } from "./otel/loupe-span-processor.js";
import { EvaluationRunner, type EvaluationRunnerOptions } from "./eval/evaluation-runner.js";
import { judgeAgreement, type AgreementOptions, type JudgeAgreement } from "./eval/agreement.js";
import { createHandlers, type RouteHandler } from "./next/handlers.js";
import { resolveSecret, signFeedbackToken } from "./next/feedback-token.js";
import { RateLimiter } from "./next/rate-limiter.js";
import { BatchWriter, type WriterStats } from "./writer/batch-writer.js";
import { eventsToBatch, type MaskFunction } from "./writer/event-to-rows.js";

/** Options of {@link createLoupe}. Everything is optional: the default is embedded SQLite. */
export interface LoupeOptions {
  /** An opened store (takes precedence over the options below). */
  store?: TraceStore;
  /** `file:./x.db` (SQLite) or `postgres://…`. Default: LOUPE_DATABASE_URL, else `file:.loupe/loupe.db`. */
  databaseUrl?: string;
  /** Your own Prisma client whose schema includes Loupe's models; say which database it is. */
  prisma?: PrismaLike;
  provider?: "sqlite" | "postgres";
  /** Apply Loupe's migrations on start. Default: yes for Loupe's own database, no for your client. */
  autoMigrate?: boolean;
  /** Fraction of traces recorded, decided by trace id (same id, same decision). Default 1. */
  sampleRate?: number;
  /** Store prompts / outputs. Default true. */
  recordInputs?: boolean;
  recordOutputs?: boolean;
  /** Redacts a payload before it is stored (runs in the writer, off the request path). */
  mask?: MaskFunction;
  /** Cap of each stored payload, in characters; longer ones keep a marked preview. Default 262,144. */
  maxPayloadLength?: number;
  /** Default: VERCEL_ENV / NODE_ENV. */
  environment?: string;
  /** Default: VERCEL_GIT_COMMIT_SHA. */
  release?: string;
  /** Your prices: added to, and preferred over, the built-in table. */
  prices?: ModelPriceInput[];
  /** Use only your prices. Default false. */
  disableBuiltInPrices?: boolean;
  /** Writer tuning. */
  writer?: { batchSize?: number; flushIntervalMs?: number; maxBufferSize?: number; maxRetryDelayMs?: number };
  /**
   * Register Loupe's AI SDK telemetry integration globally (agent steps and tool calls).
   * Default true. With per-call `telemetry.integrations`, add `loupe.telemetry()` there.
   */
  registerTelemetry?: boolean;
  /**
   * Who may see the admin pages and data routes. Required for them to answer at all:
   * without it, or when it returns false, every admin request gets 404.
   */
  authorize?: (request: Request) => boolean | Promise<boolean>;
  /** Where `loupe.handlers` are mounted. Default "/api/loupe". */
  apiBasePath?: string;
  /** Secret for signing feedback tokens (≥ 16 chars). Default: LOUPE_SECRET. */
  feedbackSecret?: string;
  /** How long a feedback token stays valid, in seconds. Default 7 days. */
  feedbackTokenTtlSeconds?: number;
  /** End-user votes allowed per IP and user per minute. Default 30. */
  feedbackRateLimitPerMinute?: number;
  /**
   * Also emit OpenTelemetry GenAI spans (`chat {model}`, `execute_tool {name}`) under the
   * host's active span. "auto" (default): when a tracer provider is registered. Or pass a tracer.
   */
  otel?: boolean | "auto" | { tracer?: Tracer; recordContent?: boolean };
  /** Project keys accepted by the OTLP endpoint (`…/v1/traces`). Default: LOUPE_OTLP_KEY (comma-separated). */
  otlpKeys?: string[];
  /** Per-user daily spending limit, enforced before each model call (see BudgetOptions). */
  budget?: BudgetOptions;
  /** Limits of online evaluation (concurrency, retries, daily cost cap, queue size). */
  evaluation?: EvaluationRunnerOptions;
  /** Log Loupe's internal errors (true: console.warn; or your function). */
  debug?: boolean | ((message: string, error?: unknown) => void);
  /** For tests: injected clock and id generator. */
  _internal?: { now?: () => number; generateId?: () => string };
}

/** Counters: the writer's plus errors swallowed inside Loupe's hooks. */
export interface LoupeStats extends WriterStats {
  internalErrors: number;
}

/** Read access for the dashboard and tests. */
export interface LoupeQuery {
  trace(id: string): Promise<TraceDetail | null>;
  traces(query?: TraceListQuery): Promise<Page<TraceSummary>>;
  sessions(query?: SessionListQuery): Promise<Page<SessionSummary>>;
  usageDaily(): Promise<UsageDailyRow[]>;
}

/** A Loupe instance: create one per process and share it. */
export interface Loupe {
  /** The AI SDK middleware: `wrapLanguageModel({ model, middleware: loupe.middleware() })`. */
  middleware(): LanguageModelV4Middleware;
  /** The AI SDK telemetry integration (already registered globally unless disabled). */
  telemetry(): Telemetry;
  /** Runs `fn` as a trace with this user, session, tags and metadata. */
  withTrace<T>(attributes: TraceAttributes, fn: () => T | Promise<T>): Promise<T>;
  /** Runs `fn` as a span of the current trace. */
  withSpan<T>(name: string, fn: () => T | Promise<T>, options?: SpanOptions): Promise<T>;
  /** The id of the trace the running code belongs to, if any. */
  currentTraceId(): string | undefined;
  /** Records a score (numeric, boolean, categorical or text). Throws a ZodError on bad input. */
  score(input: ScoreInput): ScoreRow;
  /** Whether the host's `authorize` lets this request see the admin (false when none is set). */
  authorize(request: Request): Promise<boolean>;
  /** The data routes: `export const { GET, POST } = loupe.handlers;` in app/api/loupe/[...path]/route.ts. */
  readonly handlers: { GET: RouteHandler; POST: RouteHandler };
  /** A signed, expiring token that lets `userId` rate `traceId` (send it with the answer). */
  feedbackToken(claims: { traceId: string; userId: string }): string;
  /** Queues an already-built event (integrations such as the span processor). Never throws. */
  enqueue(event: LoupeEvent): void;
  /** An OpenTelemetry span processor that records the AI SDK's spans into this Loupe. */
  spanProcessor(): LoupeSpanProcessor;
  /** Writes everything queued; resolves true when nothing is left (never rejects). */
  flush(): Promise<boolean>;
  /** Flushes, stops the writer, unregisters telemetry and closes Loupe's own connections. */
  shutdown(): Promise<void>;
  /** Writer and hook counters (dropped records are counted, never silent). */
  stats(): LoupeStats;
  /** The store, opened (and migrated) on first use. */
  store(): Promise<TraceStore>;
  readonly query: LoupeQuery;
  readonly priceBook: PriceBook;
  /** Judges and code evaluators: `add` (online, sampled), `evaluate` (one trace), `backfill`. */
  readonly evaluations: EvaluationRunner;
  /** A user's spend today against the configured budget (reads the database). */
  budgetStatus(userId: string): Promise<BudgetStatus | undefined>;
  /** Judge-vs-human agreement (rate and Cohen's kappa) per judge, for one criterion. */
  agreement(options: AgreementOptions): Promise<JudgeAgreement[]>;
}

const liveWriters = new Set<BatchWriter>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // beforeExit fires when the event loop empties: flush what is left (no-op if nothing).
  process.once("beforeExit", () => {
    for (const writer of liveWriters) void writer.flush();
  });
}

function openStore(options: LoupeOptions): Promise<TraceStore> {
  if (options.store) return Promise.resolve(options.store);
  if (options.prisma) {
    return options.provider === "postgres"
      ? createPostgresStore({ prisma: options.prisma, autoMigrate: options.autoMigrate })
      : createSqliteStore({ prisma: options.prisma, autoMigrate: options.autoMigrate });
  }
  const url = options.databaseUrl ?? process.env.LOUPE_DATABASE_URL ?? `file:${DEFAULT_SQLITE_FILE}`;
  return /^postgres(ql)?:\/\//.test(url)
    ? createPostgresStore({ url, autoMigrate: options.autoMigrate })
    : createSqliteStore({ url, autoMigrate: options.autoMigrate });
}

/**
 * Creates Loupe. Two lines in a host app:
 *
 * ```ts
 * export const loupe = createLoupe();
 * const model = wrapLanguageModel({ model: openai("gpt-4o-mini"), middleware: loupe.middleware() });
 * ```
 */
export function createLoupe(options: LoupeOptions = {}): Loupe {
  let internalErrors = 0;
  const log =
    options.debug === true
      ? (message: string, error?: unknown) => console.warn(`[loupe] ${message}`, error ?? "")
      : typeof options.debug === "function"
        ? options.debug
        : undefined;
  const onInternalError = (error: unknown) => {
    internalErrors += 1;
    log?.("internal error (the host was not affected)", error);
  };

  let storePromise: Promise<TraceStore> | undefined;
  const store = () => {
    storePromise ??= openStore(options).catch((error) => {
      storePromise = undefined; // try again on the next flush
      throw error;
    });
    return storePromise;
  };

  const priceBook = createPriceBook({ prices: options.prices, includeBuiltIn: !options.disableBuiltInPrices });
  const toBatch = (events: readonly LoupeEvent[]) =>
    eventsToBatch(events, {
      priceBook,
      mask: options.mask,
      maxPayloadLength: options.maxPayloadLength ?? 262_144,
      onInternalError,
    });
  const writer = new BatchWriter({
    store,
    toBatch,
    ...options.writer,
    onError: (error) => log?.("write failed (will retry or count as dropped)", error),
  });
  liveWriters.add(writer);
  installExitHook();

  const budget = options.budget
    ? new BudgetGuard(options.budget, store, options._internal?.now ?? Date.now, onInternalError)
    : undefined;
  const recorder = new Recorder(writer, {
    budget,
    sampleRate: options.sampleRate ?? 1,
    recordInputs: options.recordInputs ?? true,
    recordOutputs: options.recordOutputs ?? true,
    environment: options.environment,
    release: options.release,
    now: options._internal?.now ?? Date.now,
    generateId: options._internal?.generateId ?? randomUUID,
    onInternalError,
    onTraceComplete: (trace) => evaluations.onTraceComplete(trace),
    otel:
      options.otel === false
        ? undefined
        : {
            tracer: (typeof options.otel === "object" ? options.otel.tracer : undefined) ?? otelTrace.getTracer("@loupe/middleware"),
            recordContent:
              (typeof options.otel === "object" ? options.otel.recordContent : undefined) ??
              process.env.OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT === "true",
          },
  });

  const middleware = createLoupeMiddleware(recorder);
  const telemetry = createLoupeTelemetry(recorder);
  if (options.registerTelemetry !== false) registerTelemetry(telemetry);

  const withStore = <T>(fn: (s: TraceStore) => Promise<T>) => store().then(fn);
  const now = recorder.settings.now;
  const secret = () => resolveSecret(options.feedbackSecret, (message) => console.warn(`[loupe] ${message}`));

  const authorize = async (request: Request) => {
    if (!options.authorize) return false;
    try {
      return (await options.authorize(request)) === true;
    } catch (error) {
      onInternalError(error);
      return false;
    }
  };

  const score: Loupe["score"] = (input) => {
    const s = ScoreInput.parse(input);
    const dataType =
      s.dataType ?? (typeof s.value === "boolean" ? "BOOLEAN" : typeof s.value === "number" ? "NUMERIC" : "CATEGORICAL");
    const row: ScoreRow = {
      id: s.id ?? randomUUID(),
      traceId: s.traceId ?? null,
      observationId: s.observationId ?? null,
      sessionId: s.sessionId ?? null,
      name: s.name,
      dataType,
      value: typeof s.value === "boolean" ? Number(s.value) : typeof s.value === "number" ? s.value : null,
      stringValue: typeof s.value === "string" ? s.value : typeof s.value === "boolean" ? String(s.value) : null,
      comment: s.comment ?? null,
      source: s.source,
      authorId: s.authorId ?? null,
      evaluatorId: s.evaluatorId ?? null,
      timestamp: s.timestamp ?? new Date(now()),
    };
    recorder.push({ kind: "score", row });
    return row;
  };

  const handlers = createHandlers({
    authorize,
    score,
    store,
    secret,
    now,
    apiBasePath: options.apiBasePath ?? "/api/loupe",
    enqueueScore: (row) => recorder.push({ kind: "score", row }),
    otlpKeys: options.otlpKeys ?? (process.env.LOUPE_OTLP_KEY ?? "").split(",").map((k) => k.trim()).filter(Boolean),
    environment: recorder.environment,
    ingest: async (events) => (await store()).write(toBatch(events)),
    limiter: new RateLimiter(options.feedbackRateLimitPerMinute ?? 30, 60_000, 10_000, now),
    onInternalError,
  });

  const evaluations = new EvaluationRunner(
    {
      store,
      flush: () => writer.flush(),
      withTrace: (attributes, fn) => withTrace(recorder, attributes, fn),
      middleware: () => middleware,
      score,
      now,
      onInternalError,
    },
    options.evaluation,
  );

  return {
    evaluations,
    budgetStatus: async (userId) => budget?.status(userId),
    agreement: (agreementOptions) => withStore((s) => judgeAgreement(s, agreementOptions)),
    middleware: () => middleware,
    telemetry: () => telemetry,
    enqueue: (event) => recorder.push(event),
    spanProcessor: () => new LoupeSpanProcessor({ enqueue: (event) => recorder.push(event), flush: () => writer.flush(), environment: recorder.environment }),
    withTrace: (attributes, fn) => withTrace(recorder, attributes, fn),
    withSpan: (name, fn, spanOptions) => withSpan(recorder, name, fn, spanOptions),
    currentTraceId: () => currentContext()?.trace.id,
    score,
    authorize,
    handlers,
    feedbackToken: ({ traceId, userId }) => signFeedbackToken(secret(), { traceId, userId }, options.feedbackTokenTtlSeconds ?? 7 * 86_400, now()),
    flush: () => writer.flush(),
    async shutdown() {
      await writer.shutdown();
      liveWriters.delete(writer);
      const registered = globalThis.AI_SDK_TELEMETRY_INTEGRATIONS;
      if (registered) {
        const index = registered.indexOf(telemetry);
        if (index >= 0) registered.splice(index, 1);
      }
      if (storePromise && !options.store) await (await storePromise.catch(() => undefined))?.close();
    },
    stats: () => ({ ...writer.stats(), internalErrors }),
    store,
    query: {
      trace: (id) => withStore((s) => s.getTrace(id)),
      traces: (query) => withStore((s) => s.listTraces(query)),
      sessions: (query) => withStore((s) => s.listSessions(query)),
      usageDaily: () => withStore((s) => s.usageDaily()),
    },
    priceBook,
  };
}
