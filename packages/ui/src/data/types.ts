/**
 * The data shapes the views render, from @loupe/middleware (types only: safe to import
 * from client components).
 */
export type {
  TraceDetail,
  TraceSummary,
  ObservationView,
  UsageView,
  ScoreView,
  SessionSummary,
  Page,
  Overview,
  OverviewPoint,
  ModelUsagePoint,
  TracePage,
  TracePageRow,
  TraceScoreBadge,
  UserStats,
  UserStatsPage,
  UserDetail,
  ScoreSummary,
  SessionDetail,
  SessionTurn,
  FilterOptions,
  TraceStore,
} from "@loupe/middleware";
