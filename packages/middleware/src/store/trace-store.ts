import type { WriteBatch } from "../domain/rows.js";
import type { SessionListQuery } from "../query/sessions-list.js";
import type { TraceListQuery } from "../query/traces-list.js";
import type { Page, SessionSummary, TraceDetail, TraceSummary, UsageDailyRow } from "../query/views.js";
import type { DialectSql } from "./dialect-sql.js";
import type { SqlClient } from "./sql-client.js";

/**
 * The storage port. Every adapter (SQLite, Postgres) passes the same conformance suite
 * (`@loupe/middleware/testing`). Writes are idempotent batched upserts that may arrive
 * in any order; derived data (trace/session totals, daily rollup) is kept in the same
 * transaction as the rows it derives from.
 */
export interface TraceStore {
  /** "sqlite" or "postgres". */
  readonly dialect: DialectSql["name"];
  /** Raw SQL access for the query layer (dashboard read models). */
  readonly db: SqlClient;
  /** SQL builders for this store's dialect. */
  readonly sql: DialectSql;
  /** Applies Loupe's pending migrations (no-op when up to date). */
  migrate(): Promise<string[]>;
  /** Upserts a batch of rows and refreshes everything derived from them, atomically. */
  write(batch: WriteBatch): Promise<void>;
  /** One trace with its tree, payloads and scores, or null. */
  getTrace(id: string): Promise<TraceDetail | null>;
  /** Traces newest first, keyset-paged. */
  listTraces(query?: TraceListQuery): Promise<Page<TraceSummary>>;
  /** Sessions by last activity, keyset-paged. */
  listSessions(query?: SessionListQuery): Promise<Page<SessionSummary>>;
  /** The maintained per-day rollup. */
  usageDaily(): Promise<UsageDailyRow[]>;
  /** Rebuilds the per-day rollup from raw rows. */
  rebuildRollups(): Promise<void>;
  /** Releases connections (only those the store opened itself). */
  close(): Promise<void>;
}
