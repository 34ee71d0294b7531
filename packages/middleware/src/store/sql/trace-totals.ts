import type { DialectSql } from "./dialect.js";
import { chunks, placeholders } from "./in-list.js";
import type { SqlClient } from "./sql-client.js";

/**
 * Totals recounted inside the write transaction: a trace's from its observations, a
 * session's from its traces, and the user/environment copied onto scores from their trace.
 */

/** Recounts the totals of `traceIds` from their observations. */
export async function refreshTraceTotals(tx: SqlClient, sql: DialectSql, traceIds: readonly string[]): Promise<void> {
  for (const ids of chunks(traceIds)) {
    const inList = placeholders(sql, ids.length);
    await tx.execute(
      `UPDATE loupe_traces SET latency_ms = ${sql.msBetween("end_time", "start_time")}
        WHERE id IN (${inList}) AND end_time IS NOT NULL`,
      ids,
    );
    const gen = (expr: string) => `CASE WHEN type = 'GENERATION' THEN ${expr} END`;
    await tx.execute(
      `UPDATE loupe_traces SET
         observation_count = a.n,
         generation_count = a.generations,
         error_count = a.errors,
         input_tokens = a.input_tokens, cache_read_tokens = a.cache_read_tokens,
         cache_write_tokens = a.cache_write_tokens, output_tokens = a.output_tokens,
         reasoning_tokens = a.reasoning_tokens, total_tokens = a.total_tokens,
         input_cost = a.input_cost, output_cost = a.output_cost, total_cost = a.total_cost,
         unpriced_count = a.unpriced,
         models = a.models,
         ttft_ms = ${sql.msBetween("a.first_token", "loupe_traces.start_time")},
         latency_ms = ${sql.msBetween("COALESCE(loupe_traces.end_time, a.max_end)", "loupe_traces.start_time")},
         level = CASE WHEN a.errors > 0 THEN 'ERROR'
                      WHEN a.warnings > 0 AND loupe_traces.level IN ('DEBUG', 'DEFAULT') THEN 'WARNING'
                      ELSE loupe_traces.level END,
         status_message = COALESCE(loupe_traces.status_message, a.status_message)
       FROM (
         SELECT trace_id, COUNT(*) AS n,
                SUM(CASE WHEN type = 'GENERATION' THEN 1 ELSE 0 END) AS generations,
                SUM(CASE WHEN level = 'ERROR' AND type <> 'EVALUATOR' THEN 1 ELSE 0 END) AS errors,
                SUM(CASE WHEN level = 'WARNING' AND type <> 'EVALUATOR' THEN 1 ELSE 0 END) AS warnings,
                COALESCE(SUM(${gen("input_tokens")}), 0) AS input_tokens,
                COALESCE(SUM(${gen("cache_read_tokens")}), 0) AS cache_read_tokens,
                COALESCE(SUM(${gen("cache_write_tokens")}), 0) AS cache_write_tokens,
                COALESCE(SUM(${gen("output_tokens")}), 0) AS output_tokens,
                COALESCE(SUM(${gen("reasoning_tokens")}), 0) AS reasoning_tokens,
                COALESCE(SUM(${gen("total_tokens")}), 0) AS total_tokens,
                SUM(${gen("input_cost")}) AS input_cost,
                SUM(${gen("output_cost")}) AS output_cost,
                SUM(${gen("total_cost")}) AS total_cost,
                SUM(CASE WHEN type = 'GENERATION' AND total_cost IS NULL THEN 1 ELSE 0 END) AS unpriced,
                ${sql.distinctList(gen("model"))} AS models,
                MIN(${gen("completion_start_time")}) AS first_token,
                MAX(COALESCE(end_time, start_time)) AS max_end,
                MIN(CASE WHEN level = 'ERROR' AND type <> 'EVALUATOR' THEN status_message END) AS status_message
           FROM loupe_observations
          WHERE trace_id IN (${inList})
          GROUP BY trace_id
       ) a
       WHERE loupe_traces.id = a.trace_id`,
      ids,
    );
  }
}

/** Recounts the sessions `sessionIds` from their traces. */
export async function refreshSessions(tx: SqlClient, sql: DialectSql, sessionIds: readonly string[]): Promise<void> {
  for (const ids of chunks(sessionIds)) {
    await tx.execute(
      `INSERT INTO loupe_sessions (id, user_id, environment, first_trace_at, last_trace_at, trace_count, error_count, total_tokens, total_cost)
       SELECT session_id, MAX(user_id), MAX(environment), MIN(start_time), MAX(start_time), COUNT(*),
              SUM(CASE WHEN level = 'ERROR' THEN 1 ELSE 0 END), SUM(total_tokens), SUM(total_cost)
         FROM loupe_traces WHERE session_id IN (${placeholders(sql, ids.length)}) GROUP BY session_id
       ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, environment = excluded.environment,
         first_trace_at = excluded.first_trace_at, last_trace_at = excluded.last_trace_at,
         trace_count = excluded.trace_count, error_count = excluded.error_count,
         total_tokens = excluded.total_tokens, total_cost = excluded.total_cost`,
      ids,
    );
  }
}

/** Copies each trace's user and environment onto its scores (scores may land first). */
export async function refreshScoreOwners(tx: SqlClient, sql: DialectSql, traceIds: readonly string[]): Promise<void> {
  for (const ids of chunks(traceIds)) {
    await tx.execute(
      `UPDATE loupe_scores SET user_id = t.user_id, environment = t.environment
         FROM loupe_traces t
        WHERE loupe_scores.trace_id = t.id AND loupe_scores.trace_id IN (${placeholders(sql, ids.length)})`,
      ids,
    );
  }
}
