import type { ScoreSource } from "./rows.js";
import type { Grain } from "./time-buckets.js";
import type { ScoreView, SessionSummary, TraceSummary } from "./views.js";

/** What the dashboard's reads return (backend-neutral shapes; the SQL lives in store/). */

/** A score of a trace as the table shows it: mean of numeric values, last text value. */
export interface TraceScoreBadge {
  name: string;
  source: string;
  value: number | null;
  stringValue: string | null;
  count: number;
}

/** A traces-table row: the trace summary plus its scores. */
export interface TracePageRow extends TraceSummary {
  scores: TraceScoreBadge[];
}

/** One page of traces with cursors to the neighbouring pages (null at either end). */
export interface TracePage {
  items: TracePageRow[];
  nextCursor: string | null;
  prevCursor: string | null;
}

/** Usage of one model in one bucket (generations only). */
export interface ModelUsagePoint {
  bucket: string;
  /** "" for generations without a model id. */
  model: string;
  generationCount: number;
  errorCount: number;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  /** Sum of known costs (USD). */
  cost: number;
  /** Generations without a price: `cost` is then a lower bound. */
  unpricedCount: number;
}

/** Traces started in one bucket. */
export interface TraceCountPoint {
  bucket: string;
  traceCount: number;
  errorTraceCount: number;
}

/** Usage over a range: per model and bucket, plus trace counts per bucket. */
export interface UsageSeries {
  models: ModelUsagePoint[];
  traces: TraceCountPoint[];
}

/** Nearest-rank percentiles of a duration, in ms (null when there is no value). */
export interface Percentiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/** {@link Percentiles} of one bucket. */
export interface BucketPercentiles extends Percentiles {
  bucket: string;
}

/** Thumbs (FEEDBACK scores) and judge means (EVAL scores) of one bucket. */
export interface FeedbackPoint {
  bucket: string;
  thumbsUp: number;
  thumbsDown: number;
  /** Mean of numeric/boolean EVAL scores, null without any. */
  judgeMean: number | null;
  judgeCount: number;
}

/** One end user's usage, quality and activity. App traffic only (judge runs excluded). */
export interface UserStats {
  userId: string;
  cost: number;
  unpricedCount: number;
  totalTokens: number;
  inputTokens: number;
  outputTokens: number;
  /** Model calls (generations). */
  calls: number;
  traces: number;
  errorTraces: number;
  errorRate: number | null;
  thumbsUp: number;
  thumbsDown: number;
  judgeMean: number | null;
  firstSeen: Date | null;
  lastSeen: Date | null;
}

/** One page of users and whether another follows. */
export interface UserStatsPage {
  items: UserStats[];
  hasMore: boolean;
  page: number;
}

/** One user's cost of one model on one day. */
export interface UserDailyModelCost {
  day: string;
  model: string;
  cost: number;
  totalTokens: number;
  calls: number;
}

/** A user page: totals over the range, cost per day and model, activity bounds. */
export interface UserDetail {
  userId: string;
  cost: number;
  unpricedCount: number;
  totalTokens: number;
  calls: number;
  traces: number;
  errorTraces: number;
  daily: UserDailyModelCost[];
  firstSeen: Date | null;
  lastSeen: Date | null;
}

/** One bar of a score's distribution: a category, or a numeric bin [from, to]. */
export interface ScoreBin {
  label: string;
  count: number;
}

/** One bucket of a score's trend. */
export interface ScoreTrendPoint {
  bucket: string;
  count: number;
  mean: number | null;
}

/** A score name from one source over the range: stats, distribution and trend. */
export interface ScoreSummary {
  name: string;
  source: ScoreSource;
  dataType: string;
  count: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  distribution: ScoreBin[];
  trend: ScoreTrendPoint[];
}

/** One turn of a session: a trace with its input, output and scores. */
export interface SessionTurn extends TraceSummary {
  input: unknown;
  output: unknown;
  scores: ScoreView[];
}

/** A session with its turns in start order. */
export interface SessionDetail extends SessionSummary {
  turns: SessionTurn[];
  /** True when the session has more turns than were loaded. */
  truncated: boolean;
}

/** Values offered in the filter pickers. */
export interface FilterOptions {
  environments: string[];
  models: string[];
  names: string[];
  releases: string[];
  tags: string[];
}

/** The overview cards. Rates and means are null when there is nothing to divide. */
export interface OverviewTotals {
  traces: number;
  errorTraces: number;
  /** errorTraces / traces. */
  errorRate: number | null;
  generations: number;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  /** Sum of known costs (USD). */
  cost: number;
  /** Generations without a price: `cost` is a lower bound when > 0. */
  unpricedCount: number;
  latency: Percentiles;
  ttftP50: number | null;
  thumbsUp: number;
  thumbsDown: number;
  /** thumbsUp / (thumbsUp + thumbsDown). */
  thumbsUpRatio: number | null;
  judgeMean: number | null;
  judgeCount: number;
}

/** One bucket of the overview charts (every bucket of the range is present, zero-filled). */
export interface OverviewPoint extends Percentiles {
  bucket: string;
  traces: number;
  errorTraces: number;
  errorRate: number | null;
  generations: number;
  totalTokens: number;
  cost: number;
  thumbsUp: number;
  thumbsDown: number;
  judgeMean: number | null;
}

/** Everything the overview page shows. */
export interface Overview {
  grain: Grain;
  totals: OverviewTotals;
  series: OverviewPoint[];
  /** Cost, generations and tokens per model and bucket (only non-empty points). */
  costByModel: ModelUsagePoint[];
}
