import type { UserSortKey, UserStatsQuery } from "../../../domain/read-queries.js";
import type { UserStats, UserStatsPage } from "../../../domain/dashboard-views.js";
import { toDateOrNull, toNumber, toNumberOrNull } from "../map-rows.js";
import { paramList, type SqlContext } from "../params.js";
import { bucketOf } from "../../../domain/time-buckets.js";





const SORT_SQL: Record<UserSortKey, string> = {
  cost: "cost",
  tokens: "total_tokens",
  calls: "calls",
  traces: "traces",
  errorRate: "CASE WHEN SUM(trace_count) > 0 THEN SUM(error_trace_count) * 1.0 / SUM(trace_count) ELSE 0 END",
  userId: "user_id",
};

/**
 * The per-user cost table: usage from the daily rollup (days of the range, app traffic,
 * users with an id), thumbs and judge means from the page's users' scores, first and
 * last trace times from the user index.
 */
export async function listUserStats(store: SqlContext, query: UserStatsQuery): Promise<UserStatsPage> {
  const { db, sql } = store;
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  const page = Math.max(query.page ?? 0, 0);
  const p = paramList(sql);
  const where = [
    `day >= ${p.bind(bucketOf(query.from, "day"))}`,
    `day <= ${p.bind(bucketOf(new Date(query.to.getTime() - 1), "day"))}`,
    `kind = 'app'`,
    `user_id <> ''`,
  ];
  if (query.environment !== undefined) where.push(`environment = ${p.bind(query.environment)}`);
  if (query.search) where.push(`user_id LIKE ${p.bindContains(query.search)} ESCAPE '\\'`);
  const dir = (query.order ?? (query.sort === "userId" ? "asc" : "desc")) === "asc" ? "ASC" : "DESC";
  const rows = await db.query(
    `SELECT user_id, SUM(total_cost) AS cost, SUM(unpriced_count) AS unpriced, SUM(total_tokens) AS total_tokens,
            SUM(input_tokens) AS input_tokens, SUM(output_tokens) AS output_tokens, SUM(generation_count) AS calls,
            SUM(trace_count) AS traces, SUM(error_trace_count) AS error_traces
       FROM loupe_usage_daily WHERE ${where.join(" AND ")}
      GROUP BY user_id ORDER BY ${SORT_SQL[query.sort ?? "cost"]} ${dir}, user_id ${dir}
      LIMIT ${limit + 1} OFFSET ${page * limit}`,
    p.values,
  );
  const users = rows.slice(0, limit);
  const items = users.map(
    (r): UserStats => ({
      userId: String(r.user_id),
      cost: toNumber(r.cost),
      unpricedCount: toNumber(r.unpriced),
      totalTokens: toNumber(r.total_tokens),
      inputTokens: toNumber(r.input_tokens),
      outputTokens: toNumber(r.output_tokens),
      calls: toNumber(r.calls),
      traces: toNumber(r.traces),
      errorTraces: toNumber(r.error_traces),
      errorRate: toNumber(r.traces) > 0 ? toNumber(r.error_traces) / toNumber(r.traces) : null,
      thumbsUp: 0,
      thumbsDown: 0,
      judgeMean: null,
      firstSeen: null,
      lastSeen: null,
    }),
  );
  if (items.length > 0) await addScoresAndActivity(store, query, items);
  return { items, hasMore: rows.length > limit, page };
}

async function addScoresAndActivity(store: SqlContext, query: UserStatsQuery, items: UserStats[]): Promise<void> {
  const { db, sql } = store;
  const byId = new Map(items.map((u) => [u.userId, u]));
  const sp = paramList(sql);
  const ids = items.map((u) => sp.bind(u.userId)).join(", ");
  const scores = await db.query(
    `SELECT s.user_id,
            SUM(CASE WHEN s.source = 'FEEDBACK' AND s.value > 0 THEN 1 ELSE 0 END) AS up,
            SUM(CASE WHEN s.source = 'FEEDBACK' AND s.value <= 0 THEN 1 ELSE 0 END) AS down,
            AVG(CASE WHEN s.source = 'EVAL' THEN s.value END) AS judge_mean
       FROM loupe_scores s
      WHERE s.user_id IN (${ids}) AND s.timestamp >= ${sp.bindTime(query.from)} AND s.timestamp < ${sp.bindTime(query.to)}
      GROUP BY s.user_id`,
    sp.values,
  );
  for (const r of scores) {
    const user = byId.get(String(r.user_id));
    if (!user) continue;
    user.thumbsUp = toNumber(r.up);
    user.thumbsDown = toNumber(r.down);
    user.judgeMean = toNumberOrNull(r.judge_mean);
  }
  // MIN/MAX per user as correlated subqueries: each is one probe of the (user_id, start_time) index.
  const ap = paramList(sql);
  const unions = items
    .map((u) => {
      const a = ap.bind(u.userId);
      const b = ap.bind(u.userId);
      const c = ap.bind(u.userId);
      return `SELECT CAST(${a} AS TEXT) AS user_id, (SELECT MIN(start_time) FROM loupe_traces WHERE user_id = ${b}) AS first_seen,
                     (SELECT MAX(start_time) FROM loupe_traces WHERE user_id = ${c}) AS last_seen`;
    })
    .join(" UNION ALL ");
  for (const r of await db.query(unions, ap.values)) {
    const user = byId.get(String(r.user_id));
    if (!user) continue;
    user.firstSeen = toDateOrNull(r.first_seen);
    user.lastSeen = toDateOrNull(r.last_seen);
  }
}
