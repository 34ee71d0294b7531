import type { Level, ScoreSource, TraceKind } from "./rows.js";

/**
 * The queries a store answers (backend-neutral): filters, sort keys and paging of the
 * traces, sessions, users and scores reads. URL parsing lives in query/.
 */

/** The filters shared by the overview, traces, users and scores views. */
export interface DashboardFilters {
  /** Inclusive start of the time range. */
  from: Date;
  /** Exclusive end of the time range. */
  to: Date;
  environment?: string;
  /** A model id: traces that used it / generations of it. */
  model?: string;
  release?: string;
  userId?: string;
  tag?: string;
  /** Trace name. */
  name?: string;
}

/** Columns the traces table can sort by (server-side). */
export const TRACE_SORT_KEYS = ["time", "latency", "ttft", "tokens", "cost"] as const;

/** One of {@link TRACE_SORT_KEYS}. */
export type TraceSortKey = (typeof TRACE_SORT_KEYS)[number];

/**
 * The one query of traces: used by `loupe.query.traces`, the data API, the export and the
 * dashboard's table. Filters, search, sort and keyset position of one page.
 */
export interface TraceQuery extends Partial<DashboardFilters> {
  sessionId?: string;
  level?: Level;
  /** "app" (default: both) or "eval" traces. */
  kind?: TraceKind;
  /** Text searched in previews and in stored input/output (needs a range; default the 7 days before `to`). */
  search?: string;
  sort?: TraceSortKey;
  order?: "asc" | "desc";
  /** Page size, 1–500 (default 50). */
  limit?: number;
  /** The page after this cursor (from `nextCursor`). */
  after?: string | null;
  /** Same as `after` (the name `Page` results use). */
  cursor?: string | null;
  /** The page before this cursor (from `prevCursor`). */
  before?: string | null;
}

/** Filters and paging for the sessions list (most recently active first). */
export interface SessionListQuery {
  limit?: number;
  cursor?: string | null;
  userId?: string;
}

/** Columns the users table can sort by. */
export const USER_SORT_KEYS = ["cost", "tokens", "calls", "traces", "errorRate", "userId"] as const;

/** One of {@link USER_SORT_KEYS}. */
export type UserSortKey = (typeof USER_SORT_KEYS)[number];

/** The users table query: whole UTC days from `from` to `to` (the rollup is per day). */
export interface UserStatsQuery {
  from: Date;
  to: Date;
  environment?: string;
  /** Users whose id contains this text. */
  search?: string;
  sort?: UserSortKey;
  order?: "asc" | "desc";
  /** Page size, 1–200 (default 50). */
  limit?: number;
  /** 0-based page number (the list is an aggregate: offset paging). */
  page?: number;
}

/** The scores page query. */
export interface ScoreSummaryQuery extends DashboardFilters {
  source?: ScoreSource;
  scoreName?: string;
}
