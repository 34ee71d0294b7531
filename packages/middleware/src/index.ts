/**
 * @loupe/middleware — record every AI SDK model call, agent step and tool call of a
 * Next.js app into its own database, and read it back for the dashboard.
 */
export type { ObservationRow, PayloadRow, ScoreRow, TraceRow, WriteBatch, ObservationType, Level, ScoreDataType, ScoreSource, TraceKind, TokenUsage } from "./domain/rows.js";
export { OBSERVATION_TYPES, LEVELS, SCORE_DATA_TYPES, SCORE_SOURCES } from "./domain/rows.js";
export type { TraceStore } from "./store/trace-store.js";
export { createSqliteStore, DEFAULT_SQLITE_FILE, type SqliteStoreOptions } from "./store/sqlite-store.js";
export { createPostgresStore, type PostgresStoreOptions } from "./store/postgres-store.js";
export { LoupeMigrationError } from "./store/migrator.js";
export { LoupeClientMissingError } from "./store/prisma-clients.js";
export type { PrismaLike, SqlClient } from "./store/sql-client.js";
export type * from "./query/views.js";
export type { TraceListQuery } from "./query/traces-list.js";
export type { SessionListQuery } from "./query/sessions-list.js";
export { InvalidCursorError, encodeCursor, decodeCursor } from "./query/cursor.js";
export { createLoupe, type Loupe, type LoupeOptions, type LoupeQuery, type LoupeStats } from "./loupe.js";
export type { TraceAttributes } from "./capture/trace-context.js";
export type { SpanOptions } from "./capture/with-trace.js";
export type { MaskFunction, MaskInfo } from "./writer/event-to-rows.js";
export type { WriterStats } from "./writer/batch-writer.js";
export { ScoreInput } from "./domain/score-input.js";
export { createPriceBook, builtInPrices, computeCost, type ModelPriceInput, type PriceBook, type CostBreakdown } from "./cost/index.js";

export { createJudge, codeEvaluators, comparePairwise, rubrics, type Evaluator, type EvaluationResult } from "./eval/index.js";
export { LoupeSpanProcessor, OtlpTraceRequest, spanToEvents, LOUPE_RECORDED_ATTRIBUTE, LOUPE_TRACE_ID_ATTRIBUTE, type SpanData } from "./otel/index.js";
export type { LoupeEvent, ObservationEvent, TraceEvent } from "./domain/events.js";
export { LoupeBudgetExceededError, type BudgetOptions, type BudgetStatus } from "./budget/budget-guard.js";
// The dashboard's read models (a curated barrel, used by @loupe/ui).
export * from "./query/dashboard/index.js";
