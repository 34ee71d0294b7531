import { toNumberOrNull } from "../map-rows.js";
import { traceConditions, type DashboardFilters } from "./filters.js";
import { paramList, type DashboardStore } from "./sql-params.js";
import { bucketSql, type Grain } from "./time-buckets.js";

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

/**
 * Nearest-rank percentiles of `column` (latency_ms or ttft_ms) over the traces in the
 * filters' range, overall (`grain` undefined, bucket "all") or per time bucket. One SQL
 * both dialects run: ROW_NUMBER over the sorted values, then the smallest value whose
 * rank reaches ceil(p·n), with integer arithmetic only.
 */
export async function tracePercentiles(
  store: DashboardStore,
  filters: DashboardFilters,
  column: "latency_ms" | "ttft_ms",
  grain?: Grain,
): Promise<BucketPercentiles[]> {
  const { db, sql } = store;
  const p = paramList(sql);
  const where = traceConditions(filters, p);
  where.push(`t.${column} IS NOT NULL`);
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
