import type { DashboardFilters } from "../../../domain/read-queries.js";
import type { BucketPercentiles } from "../../../domain/dashboard-views.js";
import { toNumberOrNull } from "../map-rows.js";
import { traceConditions, } from "./trace-filters.js";
import { paramList, type SqlContext } from "../params.js";
import { bucketOf, type Grain } from "../../../domain/time-buckets.js";
import { bucketSql } from "../bucket-sql.js";
import { rollupAnswers } from "../rollup-rule.js";
import { percentilesFromBins } from "../latency-bins.js";



/**
 * p50/p95/p99 of trace latency or TTFT over the range, overall or per bucket. Without
 * per-trace filters (model, user, release, tag, name) they come from the hourly
 * histogram the writer keeps (±2.5 %, whole hours at the range's edges) and cost the
 * same at any size; with them, from the matching traces themselves (exact).
 */
export async function tracePercentiles(
  store: SqlContext,
  filters: DashboardFilters,
  column: "latency_ms" | "ttft_ms",
  grain?: Grain,
): Promise<BucketPercentiles[]> {
  return rollupAnswers("latencyHourly", filters, grain)
    ? histogramPercentiles(store, filters, column, grain)
    : exactPercentiles(store, filters, column, grain);
}

async function histogramPercentiles(store: SqlContext, filters: DashboardFilters, column: "latency_ms" | "ttft_ms", grain?: Grain): Promise<BucketPercentiles[]> {
  const { db, sql } = store;
  const p = paramList(sql);
  const where = [
    `hour >= ${p.bind(bucketOf(filters.from, "hour"))}`,
    `hour <= ${p.bind(bucketOf(new Date(filters.to.getTime() - 1), "hour"))}`,
    `metric = ${p.bind(column === "latency_ms" ? "latency" : "ttft")}`,
    `kind = 'app'`,
  ];
  if (filters.environment !== undefined) where.push(`environment = ${p.bind(filters.environment)}`);
  const bucket = grain === "day" ? "substr(hour, 1, 10)" : grain === "hour" ? "hour" : `'all'`;
  const rows = await db.query<{ bucket: string; bin: unknown; n: unknown }>(
    `SELECT ${bucket} AS bucket, bin, SUM(count) AS n FROM loupe_latency_hourly WHERE ${where.join(" AND ")} GROUP BY ${grain ? bucket : "bin"}${grain ? ", bin" : ""}`,
    p.values,
  );
  const byBucket = new Map<string, { bin: number; count: number }[]>();
  for (const r of rows) {
    const key = String(r.bucket);
    const list = byBucket.get(key) ?? [];
    list.push({ bin: Number(r.bin), count: Number(r.n) });
    byBucket.set(key, list);
  }
  return [...byBucket.keys()].sort().map((bucketKey) => {
    const [p50, p95, p99] = percentilesFromBins(byBucket.get(bucketKey)!, [0.5, 0.95, 0.99]);
    return { bucket: bucketKey, p50, p95, p99 };
  });
}

async function exactPercentiles(
  store: SqlContext,
  filters: DashboardFilters,
  column: "latency_ms" | "ttft_ms",
  grain?: Grain,
): Promise<BucketPercentiles[]> {
  const { db, sql } = store;
  const p = paramList(sql);
  const where = traceConditions(filters, p);
  where.push(`t.${column} IS NOT NULL`, `t.kind = 'app'`);
  const bucket = grain ? bucketSql(sql, grain, "t.start_time") : `'all'`;
  // Postgres rejects constants in GROUP BY / PARTITION BY: no partition for the overall value.
  const partition = grain ? `PARTITION BY ${bucket} ` : "";
  const rows = await db.query(
    `SELECT b AS bucket,
            MIN(CASE WHEN rn * 100 >= n * 50 THEN v END) AS p50,
            MIN(CASE WHEN rn * 100 >= n * 95 THEN v END) AS p95,
            MIN(CASE WHEN rn * 100 >= n * 99 THEN v END) AS p99
       FROM (SELECT ${bucket} AS b, t.${column} AS v,
                    ROW_NUMBER() OVER (${partition}ORDER BY t.${column}) AS rn,
                    COUNT(*) OVER (${partition.trim()}) AS n
               FROM loupe_traces t WHERE ${where.join(" AND ")}) ranked
      GROUP BY b ORDER BY b`,
    p.values,
  );
  return rows.map((r) => ({
    bucket: String(r.bucket),
    p50: toNumberOrNull(r.p50),
    p95: toNumberOrNull(r.p95),
    p99: toNumberOrNull(r.p99),
  }));
}
