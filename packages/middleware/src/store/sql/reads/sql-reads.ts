import type { TraceStore } from "../../trace-store.js";
import type { DialectSql } from "../dialect.js";
import type { SqlClient } from "../sql-client.js";
import { getFilterOptions } from "./filter-options.js";
import { hasTraces } from "./has-traces.js";
import { tracePercentiles } from "./percentiles.js";
import { feedbackSeries } from "./score-aggregates.js";
import { listScoreSummaries } from "./score-summary.js";
import { agreementPairs, getScore } from "./scores.js";
import { getSessionDetail } from "./session-detail.js";
import { listSessions } from "./sessions-list.js";
import { spend } from "./spend.js";
import { getTraceDetail } from "./trace-detail.js";
import { listTraces } from "./trace-page.js";
import { readRollups, readUsageDaily } from "./usage-daily.js";
import { usageSeries } from "./usage-series.js";
import { getUserDetail } from "./user-detail.js";
import { listUserStats } from "./users.js";

/** Every read of the port, in SQL both SQLite and Postgres run (dialect differences via `sql`). */
export type SqlReads = Omit<TraceStore, "dialect" | "migrate" | "write" | "rebuildRollups" | "close">;

/** The port's reads over one SQL client. */
export function sqlReads(db: SqlClient, sql: DialectSql): SqlReads {
  const ctx = { db, sql };
  return {
    getTrace: (id) => getTraceDetail(db, sql, id),
    listTraces: (query) => listTraces(ctx, query),
    listSessions: (query) => listSessions(db, sql, query),
    getSession: (id, limit) => getSessionDetail(ctx, id, limit),
    getScore: (id) => getScore(ctx, id),
    hasTraces: () => hasTraces(ctx),
    usageDaily: () => readUsageDaily(db),
    rollups: () => readRollups(db),
    spend: (query) => spend(ctx, query),
    usageSeries: (filters, grain) => usageSeries(ctx, filters, grain),
    tracePercentiles: (filters, metric, grain) => tracePercentiles(ctx, filters, metric === "latency" ? "latency_ms" : "ttft_ms", grain),
    feedbackSeries: (filters, grain) => feedbackSeries(ctx, filters, grain),
    userStats: (query) => listUserStats(ctx, query),
    userDetail: (userId, range) => getUserDetail(ctx, userId, range),
    scoreSummaries: (query, grain) => listScoreSummaries(ctx, query, grain),
    filterOptions: (range) => getFilterOptions(ctx, range),
    agreementPairs: (query) => agreementPairs(ctx, query),
  };
}
