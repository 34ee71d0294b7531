import type { UserDetail } from "../../../domain/dashboard-views.js";
import { toDateOrNull, toNumber } from "../map-rows.js";
import { paramList, type SqlContext } from "../params.js";
import { bucketOf } from "../../../domain/time-buckets.js";



/**
 * One user's usage over the days of [from, to) from the daily rollup (app traffic), and
 * their first/last trace. Null when the user has no trace at all.
 */
export async function getUserDetail(store: SqlContext, userId: string, range: { from: Date; to: Date }): Promise<UserDetail | null> {
  const { db, sql } = store;
  const ap = paramList(sql);
  const [activity] = await db.query(
    `SELECT (SELECT MIN(start_time) FROM loupe_traces WHERE user_id = ${ap.bind(userId)}) AS first_seen,
            (SELECT MAX(start_time) FROM loupe_traces WHERE user_id = ${ap.bind(userId)}) AS last_seen`,
    ap.values,
  );
  const firstSeen = toDateOrNull(activity?.first_seen);
  if (!firstSeen) return null;
  const p = paramList(sql);
  const rows = await db.query(
    `SELECT day, model, SUM(total_cost) AS cost, SUM(unpriced_count) AS unpriced, SUM(total_tokens) AS total_tokens,
            SUM(generation_count) AS calls, SUM(trace_count) AS traces, SUM(error_trace_count) AS error_traces
       FROM loupe_usage_daily
      WHERE user_id = ${p.bind(userId)} AND day >= ${p.bind(bucketOf(range.from, "day"))}
        AND day <= ${p.bind(bucketOf(new Date(range.to.getTime() - 1), "day"))} AND kind = 'app'
      GROUP BY day, model ORDER BY day, model`,
    p.values,
  );
  const sum = (f: string) => rows.reduce((acc, r) => acc + toNumber(r[f]), 0);
  return {
    userId,
    cost: sum("cost"),
    unpricedCount: sum("unpriced"),
    totalTokens: sum("total_tokens"),
    calls: sum("calls"),
    traces: sum("traces"),
    errorTraces: sum("error_traces"),
    daily: rows
      .filter((r) => toNumber(r.calls) > 0)
      .map((r) => ({
        day: String(r.day),
        model: String(r.model),
        cost: toNumber(r.cost),
        totalTokens: toNumber(r.total_tokens),
        calls: toNumber(r.calls),
      })),
    firstSeen,
    lastSeen: toDateOrNull(activity?.last_seen),
  };
}
