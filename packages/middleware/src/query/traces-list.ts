import type { Level, TraceKind } from "../domain/rows.js";
import type { DialectSql } from "../store/dialect-sql.js";
import type { SqlClient } from "../store/sql-client.js";
import { decodeCursor, encodeCursor } from "./cursor.js";
import { mapTrace } from "./map-rows.js";
import type { Page, TraceSummary } from "./views.js";

/** Filters and paging for the traces list (newest first). */
export interface TraceListQuery {
  limit?: number;
  cursor?: string | null;
  userId?: string;
  sessionId?: string;
  name?: string;
  environment?: string;
  level?: Level;
  kind?: TraceKind;
  tag?: string;
  from?: Date;
  to?: Date;
}

const TRACE_COLUMNS = `id, name, user_id, session_id, tags, environment, release, version, kind, start_time, end_time,
  latency_ms, ttft_ms, level, status_message, models, input_preview, output_preview, observation_count,
  generation_count, error_count, input_tokens, cache_read_tokens, cache_write_tokens, output_tokens,
  reasoning_tokens, total_tokens, input_cost, output_cost, total_cost, unpriced_count`;

/**
 * Lists traces newest first with keyset paging on (start_time, id): a page costs the
 * same at any depth, and rows that arrive while a user pages are neither skipped nor
 * repeated (new rows land before the cursor, not after it).
 */
export async function listTraces(db: SqlClient, sql: DialectSql, query: TraceListQuery = {}): Promise<Page<TraceSummary>> {
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 500);
  const where: string[] = [];
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return sql.param(params.length);
  };
  const bindTime = (value: Date) => {
    params.push(sql.time(value));
    return sql.timeParam(params.length);
  };
  if (query.userId !== undefined) where.push(`user_id = ${bind(query.userId)}`);
  if (query.sessionId !== undefined) where.push(`session_id = ${bind(query.sessionId)}`);
  if (query.name !== undefined) where.push(`name = ${bind(query.name)}`);
  if (query.environment !== undefined) where.push(`environment = ${bind(query.environment)}`);
  if (query.level !== undefined) where.push(`level = ${bind(query.level)}`);
  if (query.kind !== undefined) where.push(`kind = ${bind(query.kind)}`);
  if (query.tag !== undefined) where.push(`tags LIKE ${bind(`%${JSON.stringify(query.tag)}%`)}`);
  if (query.from !== undefined) where.push(`start_time >= ${bindTime(query.from)}`);
  if (query.to !== undefined) where.push(`start_time < ${bindTime(query.to)}`);
  if (query.cursor) {
    const position = decodeCursor(query.cursor);
    const time = bindTime(new Date(position.value));
    const time2 = bindTime(new Date(position.value));
    where.push(`(start_time < ${time} OR (start_time = ${time2} AND id < ${bind(position.id)}))`);
  }
  const rows = await db.query(
    `SELECT ${TRACE_COLUMNS} FROM loupe_traces ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY start_time DESC, id DESC LIMIT ${limit + 1}`,
    params,
  );
  const items = rows.slice(0, limit).map(mapTrace);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor({ value: last.startTime.toISOString(), id: last.id }) : null,
  };
}
