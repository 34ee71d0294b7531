/**
 * Read models of the admin dashboard (@loupe/ui). Each takes a store's `{ db, sql }`
 * and runs the same SQL on SQLite and Postgres.
 */
export type { DashboardStore } from "./sql-params.js";
export type { DashboardFilters } from "./filters.js";
export { pickGrain, bucketRange, type Grain } from "./time-buckets.js";
export { getOverview, type Overview, type OverviewTotals, type OverviewPoint } from "./overview.js";
export { usageSeries, type UsageSeries, type ModelUsagePoint, type TraceCountPoint } from "./usage-series.js";
export { tracePercentiles, type Percentiles, type BucketPercentiles } from "./percentiles.js";
export { feedbackSeries, type FeedbackPoint } from "./score-aggregates.js";
export {
  listTracePage,
  TRACE_SORT_KEYS,
  type TraceSortKey,
  type TracePageQuery,
  type TracePage,
  type TracePageRow,
  type TraceScoreBadge,
} from "./traces-page.js";
export { listUserStats, USER_SORT_KEYS, type UserSortKey, type UserStatsQuery, type UserStats, type UserStatsPage } from "./users.js";
export { getUserDetail, type UserDetail, type UserDailyModelCost } from "./user-detail.js";
export { listScoreSummaries, type ScoreSummary, type ScoreSummaryQuery, type ScoreBin, type ScoreTrendPoint } from "./score-summary.js";
export { getSessionDetail, type SessionDetail, type SessionTurn } from "./session-detail.js";
export { getFilterOptions, type FilterOptions } from "./filter-options.js";
export { hasTraces } from "./has-traces.js";
export { judgeAgreement, cohensKappa, type JudgeAgreement, type AgreementOptions } from "../../eval/agreement.js";
