import type { DashboardFilters } from "../../../domain/read-queries.js";
import type { FeedbackPoint } from "../../../domain/dashboard-views.js";
import { toNumber, toNumberOrNull } from "../map-rows.js";
import { traceAttributeConditions, } from "./trace-filters.js";
import { paramList, type SqlContext, type ParamList } from "../params.js";
import { bucketOf, ceilDay, floorDay, type Grain } from "../../../domain/time-buckets.js";
import { bucketSql } from "../bucket-sql.js";
import { rollupAnswers } from "../rollup-rule.js";


/**
 * WHERE conditions for scores (aliased `s`) in the filters' range. Environment and user
 * are copied onto scores by the writer; other trace filters join the trace (`t`).
 */
export function scoreConditions(filters: DashboardFilters, p: ParamList): { join: string; where: string[] } {
  const where = [`s.timestamp >= ${p.bindTime(filters.from)}`, `s.timestamp < ${p.bindTime(filters.to)}`];
  if (filters.environment !== undefined) where.push(`s.environment = ${p.bind(filters.environment)}`);
  if (filters.userId !== undefined) where.push(`s.user_id = ${p.bind(filters.userId)}`);
  const { model, release, tag, name } = filters;
  if (model === undefined && release === undefined && tag === undefined && name === undefined) return { join: "", where };
  // Trace filters other than the range: the score's time decides, not the trace's.
  const traceWhere = traceAttributeConditions({ model, release, tag, name }, p);
  return { join: "JOIN loupe_traces t ON t.id = s.trace_id", where: [...where, ...traceWhere] };
}

/**
 * Thumbs up/down (FEEDBACK scores: value > 0 is up) and the mean judge score (EVAL
 * scores with a numeric value), overall (`grain` undefined, bucket "all") or per bucket.
 */
export async function feedbackSeries(store: SqlContext, filters: DashboardFilters, grain?: Grain): Promise<FeedbackPoint[]> {
  const { db, sql } = store;
  const p = paramList(sql);
  if (rollupAnswers("scoreDaily", filters, grain)) {
    // Whole UTC days from the daily score rollup (as the usage series does at day grain).
    const where = [`day >= ${p.bind(bucketOf(floorDay(filters.from), "day"))}`, `day < ${p.bind(bucketOf(ceilDay(filters.to), "day"))}`, `source IN ('FEEDBACK', 'EVAL')`];
    if (filters.environment !== undefined) where.push(`environment = ${p.bind(filters.environment)}`);
    const rows = await db.query(
      `SELECT day AS bucket,
              SUM(CASE WHEN source = 'FEEDBACK' THEN positive_count ELSE 0 END) AS up,
              SUM(CASE WHEN source = 'FEEDBACK' THEN negative_count ELSE 0 END) AS down,
              SUM(CASE WHEN source = 'EVAL' THEN value_sum END) / NULLIF(SUM(CASE WHEN source = 'EVAL' THEN value_count ELSE 0 END), 0) AS judge_mean,
              SUM(CASE WHEN source = 'EVAL' THEN value_count ELSE 0 END) AS judge_count
         FROM loupe_score_daily WHERE ${where.join(" AND ")} GROUP BY day ORDER BY 1`,
      p.values,
    );
    return rows.map(feedbackPoint);
  }
  const { join, where } = scoreConditions(filters, p);
  where.push(`s.source IN ('FEEDBACK', 'EVAL')`);
  const bucket = grain ? bucketSql(sql, grain, "s.timestamp") : `'all'`;
  const rows = await db.query(
    `SELECT ${bucket} AS bucket,
            SUM(CASE WHEN s.source = 'FEEDBACK' AND s.value > 0 THEN 1 ELSE 0 END) AS up,
            SUM(CASE WHEN s.source = 'FEEDBACK' AND s.value <= 0 THEN 1 ELSE 0 END) AS down,
            AVG(CASE WHEN s.source = 'EVAL' THEN s.value END) AS judge_mean,
            SUM(CASE WHEN s.source = 'EVAL' AND s.value IS NOT NULL THEN 1 ELSE 0 END) AS judge_count
       FROM loupe_scores s ${join} WHERE ${where.join(" AND ")} ${grain ? `GROUP BY ${bucket} ORDER BY 1` : ""}`,
    p.values,
  );
  return rows.map(feedbackPoint);
}

function feedbackPoint(r: Record<string, unknown>): FeedbackPoint {
  return {
    bucket: String(r.bucket),
    thumbsUp: toNumber(r.up),
    thumbsDown: toNumber(r.down),
    judgeMean: toNumberOrNull(r.judge_mean),
    judgeCount: toNumber(r.judge_count),
  };
}
