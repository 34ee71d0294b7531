import type { SessionDetail } from "../../../domain/dashboard-views.js";
import { mapScore, mapSession, mapTrace } from "../map-rows.js";
import { loadPayloadDecoder } from "../message-reads.js";
import type { ScoreView, SessionSummary, TraceSummary } from "../../../domain/views.js";
import { paramList, type SqlContext } from "../params.js";



/**
 * A session and its first `limit` turns (default 200) in start order, with each turn's
 * input/output payload and scores. Null when no such session exists.
 */
export async function getSessionDetail(store: SqlContext, sessionId: string, limit = 200): Promise<SessionDetail | null> {
  const { db, sql } = store;
  const sp = paramList(sql);
  const [session] = await db.query(`SELECT * FROM loupe_sessions WHERE id = ${sp.bind(sessionId)}`, sp.values);
  if (!session) return null;
  const tp = paramList(sql);
  const traces = await db.query(
    `SELECT t.*, p.input, p.output FROM loupe_traces t LEFT JOIN loupe_payloads p ON p.id = t.id
      WHERE t.session_id = ${tp.bind(sessionId)} ORDER BY t.start_time, t.id LIMIT ${limit + 1}`,
    tp.values,
  );
  const loaded = traces.slice(0, limit);
  const scores = new Map<string, ScoreView[]>();
  if (loaded.length > 0) {
    const cp = paramList(sql);
    const rows = await db.query(
      `SELECT * FROM loupe_scores WHERE trace_id IN (${loaded.map((t) => cp.bind(t.id)).join(", ")}) ORDER BY timestamp, id`,
      cp.values,
    );
    for (const r of rows.map(mapScore)) scores.set(r.traceId ?? "", [...(scores.get(r.traceId ?? "") ?? []), r]);
  }
  const decode = await loadPayloadDecoder(db, sql, loaded.flatMap((t) => [t.input, t.output]));
  return {
    ...mapSession(session),
    turns: loaded.map((t) => ({
      ...mapTrace(t),
      input: decode(t.input),
      output: decode(t.output),
      scores: scores.get(String(t.id)) ?? [],
    })),
    truncated: traces.length > limit,
  };
}
