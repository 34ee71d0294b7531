import type { LatencyHourlyRow, UsageDailyRow } from "../../domain/views.js";
import type { DialectSql } from "./dialect.js";
import type { SqlClient } from "./sql-client.js";
import { toDate, toNumber } from "./map-rows.js";
import { latencyBin } from "./latency-bins.js";
import { chunks, placeholders } from "./in-list.js";
import { buildUpserts, runStatement, type UpsertColumn, type UpsertSpec } from "./upsert-sql.js";

/**
 * The rollups the writer keeps next to the raw rows, inside the same transaction: the
 * per-day usage rollup and the hourly latency/TTFT histograms, each changed by the
 * difference between a trace's contribution before and after the batch (so their cost
 * does not grow with a user's history). Totals of traces and sessions: trace-totals.ts;
 * the daily score rollup: score-rollup.ts.
 */

/** The rollup measures one trace contributes to one (day, user, environment, model, kind): a rollup row. */
type RollupDelta = UsageDailyRow;

const MEASURES = [
  ["traceCount", "trace_count"],
  ["errorTraceCount", "error_trace_count"],
  ["generationCount", "generation_count"],
  ["errorCount", "error_count"],
  ["inputTokens", "input_tokens"],
  ["cacheReadTokens", "cache_read_tokens"],
  ["cacheWriteTokens", "cache_write_tokens"],
  ["outputTokens", "output_tokens"],
  ["reasoningTokens", "reasoning_tokens"],
  ["totalTokens", "total_tokens"],
  ["totalCost", "total_cost"],
  ["unpricedCount", "unpriced_count"],
  ["latencyMsSum", "latency_ms_sum"],
] as const satisfies readonly (readonly [keyof RollupDelta, string])[];

const rollupUpsert: UpsertSpec<RollupDelta> = {
  table: "loupe_usage_daily",
  key: ["day", "user_id", "environment", "model", "kind"],
  columns: [
    { name: "day", kind: "text", merge: "keep", get: (r) => r.day },
    { name: "user_id", kind: "text", merge: "keep", get: (r) => r.userId },
    { name: "environment", kind: "text", merge: "keep", get: (r) => r.environment },
    { name: "model", kind: "text", merge: "keep", get: (r) => r.model },
    { name: "kind", kind: "text", merge: "keep", get: (r) => r.kind },
    ...MEASURES.map(
      ([field, name]): UpsertColumn<RollupDelta> => ({
        name,
        kind: field === "totalCost" ? "float" : "int",
        merge: "add",
        get: (r) => r[field],
      }),
    ),
  ],
};

/** One trace's count in one latency/TTFT histogram bin of an hour: a rollup row. */
type HistogramDelta = LatencyHourlyRow & { metric: "latency" | "ttft" };

const histogramUpsert: UpsertSpec<HistogramDelta> = {
  table: "loupe_latency_hourly",
  key: ["hour", "environment", "kind", "metric", "bin"],
  columns: [
    { name: "hour", kind: "text", merge: "keep", get: (r) => r.hour },
    { name: "environment", kind: "text", merge: "keep", get: (r) => r.environment },
    { name: "kind", kind: "text", merge: "keep", get: (r) => r.kind },
    { name: "metric", kind: "text", merge: "keep", get: (r) => r.metric },
    { name: "bin", kind: "int", merge: "keep", get: (r) => r.bin },
    { name: "count", kind: "int", merge: "add", get: (r) => r.count },
  ],
};

/** A snapshot of what a set of traces contributes to the rollups, plus their sessions. */
export interface Contributions {
  deltas: Map<string, RollupDelta>;
  histogram: Map<string, HistogramDelta>;
  sessionIds: Set<string>;
}

function addBin(into: Map<string, HistogramDelta>, delta: Omit<HistogramDelta, "count">, count: number): void {
  const key = [delta.hour, delta.environment, delta.kind, delta.metric, delta.bin].join("\u0000");
  const current = into.get(key) ?? { ...delta, count: 0 };
  current.count += count;
  into.set(key, current);
}

/** The UTC "YYYY-MM-DD" (day) or "YYYY-MM-DDTHH" (hour) of a SQL time (Date or ISO text). */
export function utcKey(value: unknown, unit: "day" | "hour"): string {
  return toDate(value).toISOString().slice(0, unit === "day" ? 10 : 13);
}

/** Reads what `traceIds` currently contribute to the daily usage rollup and the hourly latency histograms. */
export async function readContributions(tx: SqlClient, sql: DialectSql, traceIds: readonly string[]): Promise<Contributions> {
  const deltas = new Map<string, RollupDelta>();
  const histogram = new Map<string, HistogramDelta>();
  const sessionIds = new Set<string>();
  for (const ids of chunks(traceIds)) {
    const inList = placeholders(sql, ids.length);
    const traces = await tx.query<Record<string, unknown>>(
      `SELECT id, start_time, user_id, session_id, environment, kind, level, latency_ms, ttft_ms FROM loupe_traces WHERE id IN (${inList})`,
      ids,
    );
    if (traces.length === 0) continue;
    const existing = traces.map((t) => String(t.id));
    const groups = await tx.query<Record<string, unknown>>(
      `SELECT trace_id, COALESCE(model, '') AS model, MIN(start_time) AS first_start, COUNT(*) AS n,
              SUM(CASE WHEN level = 'ERROR' THEN 1 ELSE 0 END) AS errors,
              SUM(input_tokens) AS input_tokens, SUM(cache_read_tokens) AS cache_read_tokens,
              SUM(cache_write_tokens) AS cache_write_tokens, SUM(output_tokens) AS output_tokens,
              SUM(reasoning_tokens) AS reasoning_tokens, SUM(total_tokens) AS total_tokens,
              SUM(total_cost) AS total_cost,
              SUM(CASE WHEN total_cost IS NULL THEN 1 ELSE 0 END) AS unpriced,
              SUM(latency_ms) AS latency_ms
         FROM loupe_observations
        WHERE trace_id IN (${placeholders(sql, existing.length)}) AND type = 'GENERATION'
        GROUP BY trace_id, COALESCE(model, '')`,
      existing,
    );
    const byTrace = new Map<string, Record<string, unknown>[]>();
    for (const g of groups) {
      const list = byTrace.get(String(g.trace_id)) ?? [];
      list.push(g);
      byTrace.set(String(g.trace_id), list);
    }
    for (const t of traces) {
      if (t.session_id) sessionIds.add(String(t.session_id));
      const where = { hour: utcKey(t.start_time, "hour"), environment: String(t.environment), kind: String(t.kind) };
      if (t.latency_ms !== null && t.latency_ms !== undefined) addBin(histogram, { ...where, metric: "latency", bin: latencyBin(toNumber(t.latency_ms)) }, 1);
      if (t.ttft_ms !== null && t.ttft_ms !== undefined) addBin(histogram, { ...where, metric: "ttft", bin: latencyBin(toNumber(t.ttft_ms)) }, 1);
      const base = {
        day: utcKey(t.start_time, "day"),
        userId: (t.user_id as string | null) ?? "",
        environment: String(t.environment),
        kind: String(t.kind),
      };
      const models = byTrace.get(String(t.id)) ?? [];
      const primary = models.reduce<Record<string, unknown> | undefined>(
        (first, g) => (first === undefined || toDate(g.first_start) < toDate(first.first_start) ? g : first),
        undefined,
      );
      const isError = t.level === "ERROR" ? 1 : 0;
      if (models.length === 0) {
        add(deltas, { ...base, model: "", ...zero(), traceCount: 1, errorTraceCount: isError }, 1);
        continue;
      }
      for (const g of models) {
        const own = g === primary;
        add(
          deltas,
          {
            ...base,
            model: String(g.model),
            traceCount: own ? 1 : 0,
            errorTraceCount: own ? isError : 0,
            generationCount: toNumber(g.n),
            errorCount: toNumber(g.errors),
            inputTokens: toNumber(g.input_tokens),
            cacheReadTokens: toNumber(g.cache_read_tokens),
            cacheWriteTokens: toNumber(g.cache_write_tokens),
            outputTokens: toNumber(g.output_tokens),
            reasoningTokens: toNumber(g.reasoning_tokens),
            totalTokens: toNumber(g.total_tokens),
            totalCost: toNumber(g.total_cost),
            unpricedCount: toNumber(g.unpriced),
            latencyMsSum: toNumber(g.latency_ms),
          },
          1,
        );
      }
    }
  }
  return { deltas, histogram, sessionIds };
}

function zero(): Omit<RollupDelta, "day" | "userId" | "environment" | "model" | "kind"> {
  return Object.fromEntries(MEASURES.map(([field]) => [field, 0])) as Omit<
    RollupDelta,
    "day" | "userId" | "environment" | "model" | "kind"
  >;
}

function keyOf(d: Pick<RollupDelta, "day" | "userId" | "environment" | "model" | "kind">): string {
  return [d.day, d.userId, d.environment, d.model, d.kind].join("\u0000");
}

function add(into: Map<string, RollupDelta>, delta: RollupDelta, sign: 1 | -1): void {
  const key = keyOf(delta);
  const current = into.get(key) ?? { ...delta, ...zero() };
  for (const [field] of MEASURES) current[field] += sign * delta[field];
  into.set(key, current);
}

/** Applies `after − before` to the daily usage rollup and the hourly histograms, and drops rows that became empty. */
export async function applyRollupChange(tx: SqlClient, sql: DialectSql, before: Contributions, after: Contributions): Promise<void> {
  await applyHistogramChange(tx, sql, before, after);
  const change = new Map<string, RollupDelta>();
  for (const d of after.deltas.values()) add(change, d, 1);
  for (const d of before.deltas.values()) add(change, d, -1);
  const rows = [...change.values()].filter((d) => MEASURES.some(([field]) => d[field] !== 0));
  if (rows.length === 0) return;
  for (const statement of buildUpserts(rollupUpsert, rows, sql)) await runStatement(tx, statement);
  const days = [...new Set(rows.map((r) => r.day))];
  const users = [...new Set(rows.map((r) => r.userId))];
  for (const userChunk of chunks(users)) {
    await tx.execute(
      `DELETE FROM loupe_usage_daily WHERE trace_count = 0 AND generation_count = 0
          AND day IN (${placeholders(sql, days.length)}) AND user_id IN (${placeholders(sql, userChunk.length, days.length)})`,
      [...days, ...userChunk],
    );
  }
}

async function applyHistogramChange(tx: SqlClient, sql: DialectSql, before: Contributions, after: Contributions): Promise<void> {
  const change = new Map<string, HistogramDelta>();
  for (const d of after.histogram.values()) addBin(change, d, d.count);
  for (const d of before.histogram.values()) addBin(change, d, -d.count);
  const rows = [...change.values()].filter((d) => d.count !== 0);
  if (rows.length === 0) return;
  for (const statement of buildUpserts(histogramUpsert, rows, sql)) await runStatement(tx, statement);
  if (rows.some((r) => r.count < 0)) {
    const hours = [...new Set(rows.map((r) => r.hour))];
    for (const part of chunks(hours)) {
      await tx.execute(`DELETE FROM loupe_latency_hourly WHERE count <= 0 AND hour IN (${placeholders(sql, part.length)})`, part);
    }
  }
}

/** Rebuilds the daily usage rollup and the hourly latency histograms from raw rows (repair, or after a bulk import). */
export async function rebuildRollup(tx: SqlClient, sql: DialectSql): Promise<void> {
  await tx.execute(`DELETE FROM loupe_usage_daily`);
  await tx.execute(`DELETE FROM loupe_latency_hourly`);
  const ids = await tx.query<{ id: string }>(`SELECT id FROM loupe_traces`);
  const all = ids.map((r) => r.id);
  for (const part of chunks(all, 2_000)) {
    const contributions = await readContributions(tx, sql, part);
    await applyRollupChange(tx, sql, { deltas: new Map(), histogram: new Map(), sessionIds: new Set() }, contributions);
  }
}
