import type { SessionListQuery } from "../../../domain/read-queries.js";
import type { DialectSql } from "../dialect.js";
import type { SqlClient } from "../sql-client.js";
import { decodeCursor, encodeCursor } from "../cursor.js";
import { mapSession } from "../map-rows.js";
import type { Page, SessionSummary } from "../../../domain/views.js";


/** Lists sessions by last activity with keyset paging on (last_trace_at, id). */
export async function listSessions(db: SqlClient, sql: DialectSql, query: SessionListQuery = {}): Promise<Page<SessionSummary>> {
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 500);
  const where: string[] = [];
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return sql.param(params.length);
  };
  if (query.userId !== undefined) where.push(`user_id = ${bind(query.userId)}`);
  if (query.cursor) {
    const position = decodeCursor(query.cursor);
    const at = sql.time(new Date(position.value));
    params.push(at);
    const a = sql.timeParam(params.length);
    params.push(at);
    const b = sql.timeParam(params.length);
    where.push(`(last_trace_at < ${a} OR (last_trace_at = ${b} AND id < ${bind(position.id)}))`);
  }
  const rows = await db.query(
    `SELECT * FROM loupe_sessions ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY last_trace_at DESC, id DESC LIMIT ${limit + 1}`,
    params,
  );
  const items = rows.slice(0, limit).map(mapSession);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor({ value: last.lastTraceAt.toISOString(), id: last.id }) : null,
  };
}
