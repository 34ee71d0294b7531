/**
 * The dashboard's reads (`@loupe/middleware/dashboard`, used by @loupe/ui): backend-
 * neutral functions over the store port, the URL vocabulary and the math. No SQL here;
 * each store answers the port's reads (see store/README.md).
 */
export type { TraceStore } from "../store/trace-store.js";
export type * from "../domain/dashboard-views.js";
export type * from "../domain/views.js";
export { TRACE_SORT_KEYS, USER_SORT_KEYS } from "../domain/read-queries.js";
export type { DashboardFilters, ScoreSummaryQuery, SessionListQuery, TraceQuery, TraceSortKey, UserSortKey, UserStatsQuery } from "../domain/read-queries.js";
export { pickGrain, bucketRange, type Grain } from "../domain/time-buckets.js";
export { InvalidCursorError } from "../errors/invalid-cursor-error.js";
export { getOverview } from "./overview.js";
export { listTracePage, listUserStats, getUserDetail, listScoreSummaries, getSessionDetail, getFilterOptions, hasTraces } from "./dashboard-reads.js";
export { judgeAgreement, cohensKappa, type JudgeAgreement, type AgreementOptions } from "./agreement.js";
export { parseTraceListParams, TraceListParams } from "./trace-list-params.js";
export * from "./url-vocabulary.js";
