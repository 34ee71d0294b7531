import type { TraceQuery, TraceSortKey } from "../../../domain/read-queries.js";
import type { TracePage, TracePageRow, TraceScoreBadge } from "../../../domain/dashboard-views.js";
import type { Level } from "../../../domain/rows.js";
import { decodeCursor, encodeCursor, type KeysetPosition } from "../cursor.js";
import { mapTrace, toNumberOrNull } from "../map-rows.js";
import type { TraceSummary } from "../../../domain/views.js";
import { traceAttributeConditions, } from "./trace-filters.js";
import { payloadSearchCondition } from "./payload-search.js";
import { paramList, type SqlContext } from "../params.js";






const SORT_SQL: Record<TraceSortKey, string> = {
  time: "t.start_time",
  latency: "COALESCE(t.latency_ms, -1)",
  ttft: "COALESCE(t.ttft_ms, -1)",
  tokens: "t.total_tokens",
  cost: "COALESCE(t.total_cost, -1)",
};

const SEARCH_WINDOW_MS = 7 * 24 * 3_600_000;

function positionOf(row: TraceSummary, sort: TraceSortKey): KeysetPosition {
  const value =
    sort === "time"
      ? row.startTime.toISOString()
      : sort === "latency"
        ? (row.latencyMs ?? -1)
        : sort === "ttft"
          ? (row.ttftMs ?? -1)
          : sort === "tokens"
            ? row.usage.totalTokens
            : (row.totalCost ?? -1);
  return { value, id: row.id };
}

/**
 * One page of the traces table: filters, full-text search in inputs/outputs, any sort
 * of `TRACE_SORT_KEYS`, keyset paging both ways. Newest-first pages walk the
 * start-time index; the payload search is an EXISTS per candidate trace (payloads are
 * indexed by trace id, messages reached by key from them: `payload-search.ts`), bounded
 * by the time range.
 */
export async function listTraces(store: SqlContext, query: TraceQuery = {}): Promise<TracePage> {
  const { db, sql } = store;
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 500);
  const sort = query.sort ?? "time";
  const desc = (query.order ?? "desc") === "desc";
  const after = query.after ?? query.cursor;
  const backward = !after && Boolean(query.before);
  const p = paramList(sql);
  const where: string[] = [];
  let from = query.from;
  if (query.search && !from) from = new Date((query.to ?? new Date()).getTime() - SEARCH_WINDOW_MS);
  const cursor = after ?? query.before;
  const position = cursor ? decodeCursor(cursor) : undefined;
  // Walking backward flips the comparison and the order; rows are flipped back below.
  const towardLarger = desc === backward;
  // On time order, the cursor is the tighter bound on one side: give the planner only that
  // one, so the index range starts at the cursor (SQLite uses a single bound per side).
  const cursorTime = position && sort === "time" ? new Date(position.value) : undefined;
  if (from && !(cursorTime && towardLarger && cursorTime >= from)) where.push(`t.start_time >= ${p.bindTime(from)}`);
  if (query.to && !(cursorTime && !towardLarger && cursorTime < query.to)) where.push(`t.start_time < ${p.bindTime(query.to)}`);
  if (cursorTime) where.push(`t.start_time ${towardLarger ? ">=" : "<="} ${p.bindTime(cursorTime)}`);
  where.push(...traceAttributeConditions(query, p));
  if (query.sessionId !== undefined) where.push(`t.session_id = ${p.bind(query.sessionId)}`);
  if (query.level !== undefined) where.push(`t.level = ${p.bind(query.level)}`);
  if (query.kind !== undefined) where.push(`t.kind = ${p.bind(query.kind)}`);
  if (query.search) where.push(payloadSearchCondition(query.search, p, sql));
  if (position) {
    const op = towardLarger ? ">" : "<";
    const v1 = sort === "time" ? p.bindTime(new Date(position.value)) : p.bind(Number(position.value));
    const v2 = sort === "time" ? p.bindTime(new Date(position.value)) : p.bind(Number(position.value));
    where.push(`(${SORT_SQL[sort]} ${op} ${v1} OR (${SORT_SQL[sort]} = ${v2} AND t.id ${op} ${p.bind(position.id)}))`);
  }
  const dir = towardLarger ? "ASC" : "DESC";
  const rows = await db.query(
    `SELECT t.* FROM loupe_traces t ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY ${SORT_SQL[sort]} ${dir}, t.id ${dir} LIMIT ${limit + 1}`,
    p.values,
  );
  const more = rows.length > limit;
  const page = rows.slice(0, limit).map(mapTrace);
  if (backward) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  const cursorOf = (row: TraceSummary | undefined) => (row ? encodeCursor(positionOf(row, sort)) : null);
  const nextCursor = backward ? (cursorOf(last) ?? query.before ?? null) : more ? cursorOf(last) : null;
  const prevCursor = backward ? (more ? cursorOf(first) : null) : after ? (cursorOf(first) ?? after) : null;
  return { items: await withScores(store, page), nextCursor, prevCursor };
}

async function withScores(store: SqlContext, traces: TraceSummary[]): Promise<TracePageRow[]> {
  if (traces.length === 0) return [];
  const p = paramList(store.sql);
  const rows = await store.db.query(
    `SELECT trace_id, name, source, value, string_value FROM loupe_scores
      WHERE trace_id IN (${traces.map((t) => p.bind(t.id)).join(", ")}) ORDER BY timestamp, id`,
    p.values,
  );
  const byTrace = new Map<string, Map<string, TraceScoreBadge & { sum: number; n: number }>>();
  for (const r of rows) {
    const badges = byTrace.get(String(r.trace_id)) ?? new Map();
    byTrace.set(String(r.trace_id), badges);
    const key = `${r.source}\u0000${r.name}`;
    const badge = badges.get(key) ?? { name: String(r.name), source: String(r.source), value: null, stringValue: null, count: 0, sum: 0, n: 0 };
    badges.set(key, badge);
    badge.count += 1;
    const value = toNumberOrNull(r.value);
    if (value !== null) {
      badge.sum += value;
      badge.n += 1;
      badge.value = badge.sum / badge.n;
    }
    if (r.string_value !== null && r.string_value !== undefined) badge.stringValue = String(r.string_value);
  }
  return traces.map((t) => ({
    ...t,
    scores: [...(byTrace.get(t.id)?.values() ?? [])].map(({ name, source, value, stringValue, count }) => ({ name, source, value, stringValue, count })),
  }));
}
