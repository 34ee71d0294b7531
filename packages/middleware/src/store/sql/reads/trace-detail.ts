import type { DialectSql } from "../dialect.js";
import type { SqlClient } from "../sql-client.js";
import { mapObservation, mapScore, mapTrace } from "../map-rows.js";
import { loadPayloadDecoder } from "../message-reads.js";
import type { TraceDetail } from "../../../domain/views.js";

/** Loads one trace with its observations (start order), payloads and scores; null if absent. */
export async function getTraceDetail(db: SqlClient, sql: DialectSql, id: string): Promise<TraceDetail | null> {
  const p = sql.param(1);
  const [trace] = await db.query(
    `SELECT t.*, p.input, p.output, p.metadata FROM loupe_traces t LEFT JOIN loupe_payloads p ON p.id = t.id WHERE t.id = ${p}`,
    [id],
  );
  if (!trace) return null;
  const observations = await db.query(
    `SELECT o.*, p.input, p.output, p.metadata, p.truncated
       FROM loupe_observations o LEFT JOIN loupe_payloads p ON p.id = o.id
      WHERE o.trace_id = ${p} ORDER BY o.start_time, o.id`,
    [id],
  );
  const observationIds = observations.map((o) => String(o.id));
  const scores = await db.query(
    `SELECT * FROM loupe_scores WHERE trace_id = ${p} ORDER BY timestamp, id`,
    [id],
  );
  const orphanScores = observationIds.length
    ? await db.query(
        `SELECT * FROM loupe_scores WHERE trace_id IS NULL AND observation_id IN (${observationIds
          .map((_, i) => sql.param(i + 1))
          .join(", ")})`,
        observationIds,
      )
    : [];
  // Payloads that reference content-addressed messages are rebuilt in full.
  const decode = await loadPayloadDecoder(db, sql, [trace, ...observations].flatMap((r) => [r.input, r.output]));
  return {
    ...mapTrace(trace),
    input: decode(trace.input),
    output: decode(trace.output),
    metadata: decode(trace.metadata),
    observations: observations.map((o) => ({
      ...mapObservation({ ...o, input: null, output: null, metadata: null }),
      input: decode(o.input),
      output: decode(o.output),
      metadata: decode(o.metadata),
    })),
    scores: [...scores, ...orphanScores].map(mapScore),
  };
}
