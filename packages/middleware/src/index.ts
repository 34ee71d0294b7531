/**
 * @loupe/middleware — record every AI SDK model call, agent step and tool call of a
 * Next.js app into its own database, and read it back for the dashboard.
 */
export { createLoupe, type Loupe, type LoupeOptions, type LoupeQuery, type LoupeStats } from "./loupe.js";
export type { TraceAttributes } from "./capture/trace-context.js";
export type { SpanOptions } from "./capture/with-trace.js";
export type { MaskFunction, MaskInfo } from "./writer/event-to-rows.js";
export type { WriterStats } from "./writer/batch-writer.js";

// Storage: the port, the two SQL adapters.
export type { TraceStore, AgreementPair, PrismaLike, SqlClient, StoreChoice } from "./store/index.js";
export { createSqliteStore, createPostgresStore, openStore, sqlAccessOf, DEFAULT_SQLITE_FILE, type SqliteStoreOptions, type PostgresStoreOptions } from "./store/index.js";

// Domain: rows, events, views, queries.
export type { ObservationRow, PayloadRow, MessageRow, MessageListRow, ScoreRow, TraceRow, WriteBatch, ObservationType, Level, ScoreDataType, ScoreSource, TraceKind, TokenUsage } from "./domain/rows.js";
export { OBSERVATION_TYPES, LEVELS, SCORE_SOURCES, SCORE_DATA_TYPES } from "./domain/rows.js";
export type { LoupeEvent, ObservationEvent, TraceEvent } from "./domain/events.js";
export type * from "./domain/views.js";
export type * from "./domain/dashboard-views.js";
export type { DashboardFilters, ScoreSummaryQuery, SessionListQuery, TraceQuery, TraceSortKey, UserSortKey, UserStatsQuery } from "./domain/read-queries.js";
export { encodeCursor, decodeCursor } from "./store/sql/cursor.js";
export { ScoreInput } from "./domain/score-input.js";

// Errors (one class a file, each with `isInstance`).
export * from "./errors/index.js";

// Cost, evaluation, OpenTelemetry, budget.
export { createPriceBook, builtInPrices, computeCost, type ModelPriceInput, type PriceBook, type CostBreakdown } from "./cost/index.js";
export { createJudge, codeEvaluators, comparePairwise, rubrics, type Evaluator, type EvaluationResult } from "./eval/index.js";
export { LoupeSpanProcessor, OtlpTraceRequest, spanToEvents, LOUPE_RECORDED_ATTRIBUTE, LOUPE_TRACE_ID_ATTRIBUTE, type SpanData } from "./otel/index.js";
export type { BudgetOptions, BudgetStatus } from "./budget/budget-guard.js";

// The dashboard's reads (also `@loupe/middleware/dashboard`, used by @loupe/ui).
export { getOverview, listTracePage, listUserStats, getUserDetail, listScoreSummaries, getSessionDetail, getFilterOptions, hasTraces, judgeAgreement, cohensKappa, pickGrain, bucketRange, type Grain, type JudgeAgreement, type AgreementOptions } from "./query/index.js";
