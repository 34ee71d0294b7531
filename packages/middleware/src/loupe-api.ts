import type { LanguageModelV4Middleware } from "@ai-sdk/provider";
import type { Telemetry } from "ai";
import type { BudgetStatus } from "./budget/budget-guard.js";
import type { TraceAttributes } from "./capture/trace-context.js";
import type { SpanOptions } from "./capture/with-trace.js";
import type { PriceBook } from "./cost/index.js";
import type { TracePage } from "./domain/dashboard-views.js";
import type { LoupeEvent } from "./domain/events.js";
import type { SessionListQuery, TraceQuery } from "./domain/read-queries.js";
import type { ScoreRow } from "./domain/rows.js";
import type { ScoreInput } from "./domain/score-input.js";
import type { Page, SessionSummary, TraceDetail, UsageDailyRow } from "./domain/views.js";
import type { EvaluationRunner } from "./eval/evaluation-runner.js";
import type { RouteHandler } from "./http/handlers.js";
import type { LoupeSpanProcessor } from "./otel/loupe-span-processor.js";
import type { AgreementOptions, JudgeAgreement } from "./query/agreement.js";
import type { TraceStore } from "./store/index.js";
import type { WriterStats } from "./writer/batch-writer.js";

/** Counters: the writer's plus errors swallowed inside Loupe's hooks. */
export interface LoupeStats extends WriterStats {
  internalErrors: number;
  /** Where rows are serialised and written: a worker thread, or the host's main thread. */
  writerThread: "worker" | "main";
}

/** Read access for the dashboard and tests. */
export interface LoupeQuery {
  /** One trace with its tree, payloads and scores, or null. */
  trace(id: string): Promise<TraceDetail | null>;
  /** Traces (the same query as the dashboard's table and the data API). */
  traces(query?: TraceQuery): Promise<TracePage>;
  /** Sessions by last activity. */
  sessions(query?: SessionListQuery): Promise<Page<SessionSummary>>;
  /** The maintained per-day usage rollup. */
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

