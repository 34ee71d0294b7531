import type { BucketPercentiles, FeedbackPoint, FilterOptions, ScoreSummary, SessionDetail, TracePage, UsageSeries, UserDetail, UserStatsPage } from "../domain/dashboard-views.js";
import type { DashboardFilters, ScoreSummaryQuery, SessionListQuery, TraceQuery, UserStatsQuery } from "../domain/read-queries.js";
import type { TraceKind, WriteBatch } from "../domain/rows.js";
import type { Grain } from "../domain/time-buckets.js";
import type { Page, RollupSnapshot, ScoreView, SessionSummary, TraceDetail, UsageDailyRow } from "../domain/views.js";

/** A judge's score and a human verdict on the same trace, for agreement. */
export interface AgreementPair {
  /** The judge (evaluator id), null when the score names none. */
  evaluatorId: string | null;
  judge: number;
  human: number;
}

/**
 * The storage port: domain operations only, no SQL. Every adapter (SQLite and Postgres
 * today, a ClickHouse store later) implements all of it and passes the same suites
 * (`@loupe/middleware/testing`: store conformance and dashboard reads). Writes are
 * idempotent batched upserts that may arrive in any order; derived data (trace and
 * session totals, rollups) is kept in the same transaction as the rows it derives from.
 */
export interface TraceStore {
  /** The backend, e.g. "sqlite" or "postgres". */
  readonly dialect: string;
  /** Applies Loupe's pending migrations (no-op when up to date); returns the names applied. */
  migrate(): Promise<string[]>;
  /** Upserts a batch of rows and refreshes everything derived from them, atomically. */
  write(batch: WriteBatch): Promise<void>;
  /** Rebuilds every rollup from the raw rows (repair, or after a bulk import). */
  rebuildRollups(): Promise<void>;
  /** Releases connections (only those the store opened itself). */
  close(): Promise<void>;

  /** One trace with its tree, payloads and scores, or null. */
  getTrace(id: string): Promise<TraceDetail | null>;
  /** Traces filtered, searched and sorted, keyset-paged both ways (newest first by default). */
  listTraces(query?: TraceQuery): Promise<TracePage>;
  /** Sessions by last activity, keyset-paged. */
  listSessions(query?: SessionListQuery): Promise<Page<SessionSummary>>;
  /** A session with its turns in start order, or null. */
  getSession(id: string, limit?: number): Promise<SessionDetail | null>;
  /** One score by id, or null. */
  getScore(id: string): Promise<ScoreView | null>;
  /** True once at least one trace is stored. */
  hasTraces(): Promise<boolean>;

  /** The maintained per-day usage rollup, in key order. */
  usageDaily(): Promise<UsageDailyRow[]>;
  /** Every maintained rollup, in key order (the conformance suite compares it with a rebuild). */
  rollups(): Promise<RollupSnapshot>;
  /** Known cost (USD) of one UTC day ("YYYY-MM-DD") of `kind` traces, of one user or of all. */
  spend(query: { day: string; kind: TraceKind; userId?: string }): Promise<number>;
  /** Usage per model and bucket and trace counts per bucket over a range (rollups where they answer). */
  usageSeries(filters: DashboardFilters, grain: Grain): Promise<UsageSeries>;
  /** Latency or TTFT percentiles of app traces over the range, overall (no grain) or per bucket. */
  tracePercentiles(filters: DashboardFilters, metric: "latency" | "ttft", grain?: Grain): Promise<BucketPercentiles[]>;
  /** Thumbs and judge means per bucket (or one "all" bucket without a grain). */
  feedbackSeries(filters: DashboardFilters, grain?: Grain): Promise<FeedbackPoint[]>;
  /** The users table: per-user usage, quality and activity. */
  userStats(query: UserStatsQuery): Promise<UserStatsPage>;
  /** One user's activity and cost by day and model, or null. */
  userDetail(userId: string, range: { from: Date; to: Date }): Promise<UserDetail | null>;
  /** Each score's distribution and trend over the range. */
  scoreSummaries(query: ScoreSummaryQuery, grain: Grain): Promise<ScoreSummary[]>;
  /** Values offered in the dashboard's filter pickers. */
  filterOptions(range: { from: Date; to: Date }): Promise<FilterOptions>;
  /** Judge scores paired with human verdicts on the same traces, for one criterion each. */
  agreementPairs(query: { judgeScoreName: string; humanScoreName: string }): Promise<AgreementPair[]>;
}
