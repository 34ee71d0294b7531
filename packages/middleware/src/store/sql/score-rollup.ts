import type { ScoreDailyRow } from "../../domain/views.js";
import { utcKey } from "./usage-rollup.js";
import type { DialectSql } from "./dialect.js";
import type { SqlClient } from "./sql-client.js";
import { buildUpserts, runStatement, type UpsertSpec } from "./upsert-sql.js";

/** One key's measures in the daily score rollup: a rollup row. */
type ScoreDelta = ScoreDailyRow;

const MEASURES = ["scoreCount", "valueCount", "valueSum", "positiveCount", "negativeCount"] as const;

const upsert: UpsertSpec<ScoreDelta> = {
  table: "loupe_score_daily",
  key: ["day", "environment", "source", "name"],
  columns: [
    { name: "day", kind: "text", merge: "keep", get: (r) => r.day },
    { name: "environment", kind: "text", merge: "keep", get: (r) => r.environment },
    { name: "source", kind: "text", merge: "keep", get: (r) => r.source },
    { name: "name", kind: "text", merge: "keep", get: (r) => r.name },
    { name: "score_count", kind: "int", merge: "add", get: (r) => r.scoreCount },
    { name: "value_count", kind: "int", merge: "add", get: (r) => r.valueCount },
    { name: "value_sum", kind: "float", merge: "add", get: (r) => r.valueSum },
    { name: "positive_count", kind: "int", merge: "add", get: (r) => r.positiveCount },
    { name: "negative_count", kind: "int", merge: "add", get: (r) => r.negativeCount },
  ],
};

/** What a set of scores contributes to the daily score rollup, by key. */
export type ScoreContributions = Map<string, ScoreDelta>;

function add(into: ScoreContributions, row: Record<string, unknown>, sign: 1 | -1): void {
  const d = { day: utcKey(row.timestamp, "day"), environment: String(row.environment ?? ""), source: String(row.source), name: String(row.name) };
  const key = [d.day, d.environment, d.source, d.name].join("\u0000");
  const current = into.get(key) ?? { ...d, scoreCount: 0, valueCount: 0, valueSum: 0, positiveCount: 0, negativeCount: 0 };
  const value = row.value === null || row.value === undefined ? undefined : Number(row.value);
  current.scoreCount += sign;
  if (value !== undefined) {
    current.valueCount += sign;
    current.valueSum += sign * value;
    if (value > 0) current.positiveCount += sign;
    else current.negativeCount += sign;
  }
  into.set(key, current);
}

/** Reads what the scores with these ids, or on these traces, contribute now. */
export async function readScoreContributions(tx: SqlClient, sql: DialectSql, scoreIds: readonly string[], traceIds: readonly string[]): Promise<ScoreContributions> {
  const rows = new Map<string, Record<string, unknown>>();
  const select = `SELECT id, timestamp, environment, source, name, value FROM loupe_scores WHERE`;
  for (const [column, ids] of [["id", scoreIds], ["trace_id", traceIds]] as const) {
    for (let i = 0; i < ids.length; i += 500) {
      const part = ids.slice(i, i + 500);
      const found = await tx.query<Record<string, unknown>>(`${select} ${column} IN (${part.map((_, j) => sql.param(j + 1)).join(", ")})`, part);
      for (const row of found) rows.set(String(row.id), row);
    }
  }
  const out: ScoreContributions = new Map();
  for (const row of rows.values()) add(out, row, 1);
  return out;
}

/** Applies `after − before` to the daily score rollup and drops rows that became empty. */
export async function applyScoreRollupChange(tx: SqlClient, sql: DialectSql, before: ScoreContributions, after: ScoreContributions): Promise<void> {
  const change = new Map<string, ScoreDelta>();
  const merge = (from: ScoreContributions, sign: 1 | -1) => {
    for (const [key, d] of from) {
      const current = change.get(key) ?? { ...d, scoreCount: 0, valueCount: 0, valueSum: 0, positiveCount: 0, negativeCount: 0 };
      for (const m of MEASURES) current[m] += sign * d[m];
      change.set(key, current);
    }
  };
  merge(after, 1);
  merge(before, -1);
  const rows = [...change.values()].filter((d) => MEASURES.some((m) => d[m] !== 0));
  if (rows.length === 0) return;
  for (const statement of buildUpserts(upsert, rows, sql)) await runStatement(tx, statement);
  if (rows.some((r) => r.scoreCount < 0)) await tx.execute(`DELETE FROM loupe_score_daily WHERE score_count <= 0`);
}

/** Rebuilds the daily score rollup from all scores. */
export async function rebuildScoreRollup(tx: SqlClient, sql: DialectSql): Promise<void> {
  await tx.execute(`DELETE FROM loupe_score_daily`);
  const day = sql.day("timestamp");
  await tx.execute(
    `INSERT INTO loupe_score_daily (day, environment, source, name, score_count, value_count, value_sum, positive_count, negative_count)
     SELECT ${day}, COALESCE(environment, ''), source, name, COUNT(*), COUNT(value), COALESCE(SUM(value), 0),
            SUM(CASE WHEN value > 0 THEN 1 ELSE 0 END), SUM(CASE WHEN value <= 0 THEN 1 ELSE 0 END)
       FROM loupe_scores GROUP BY ${day}, COALESCE(environment, ''), source, name`,
  );
}
