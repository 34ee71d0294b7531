import type { DashboardFilters, ScoreSummaryQuery } from "../../../domain/read-queries.js";
import type { ScoreBin, ScoreSummary } from "../../../domain/dashboard-views.js";
import type { ScoreSource } from "../../../domain/rows.js";
import { toNumber, toNumberOrNull } from "../map-rows.js";
import { scoreConditions } from "./score-aggregates.js";
import { paramList, type SqlContext } from "../params.js";
import { bucketRange, pickGrain, type Grain } from "../../../domain/time-buckets.js";
import { bucketSql } from "../bucket-sql.js";





const NUMERIC_BINS = 10;
const MAX_CATEGORIES = 12;

function numericBins(values: { value: number; count: number }[], min: number, max: number): ScoreBin[] {
  if (values.length === 0) return [];
  if (min === max) return [{ label: String(min), count: values.reduce((a, v) => a + v.count, 0) }];
  const distinct = values.length <= NUMERIC_BINS;
  if (distinct) return values.map((v) => ({ label: String(v.value), count: v.count }));
  const width = (max - min) / NUMERIC_BINS;
  const bins = Array.from({ length: NUMERIC_BINS }, (_, i) => ({
    label: `${+(min + i * width).toFixed(2)}–${+(min + (i + 1) * width).toFixed(2)}`,
    count: 0,
  }));
  for (const v of values) bins[Math.min(NUMERIC_BINS - 1, Math.floor((v.value - min) / width))].count += v.count;
  return bins;
}

/**
 * Every score name and source in the range with its count, mean, distribution
 * (categories, booleans as true/false, numbers in up to 10 bins) and trend per bucket.
 * Scans the range's scores.
 */
export async function listScoreSummaries(store: SqlContext, query: ScoreSummaryQuery, grain: Grain = pickGrain(query.from, query.to)): Promise<ScoreSummary[]> {
  const { db, sql } = store;
  const scoped = () => {
    const p = paramList(sql);
    const { join, where } = scoreConditions(query, p);
    if (query.source !== undefined) where.push(`s.source = ${p.bind(query.source)}`);
    if (query.scoreName !== undefined) where.push(`s.name = ${p.bind(query.scoreName)}`);
    return { p, from: `FROM loupe_scores s ${join} WHERE ${where.join(" AND ")}` };
  };
  const g = scoped();
  const groups = await db.query(
    `SELECT s.name, s.source, MAX(s.data_type) AS data_type, COUNT(*) AS n, AVG(s.value) AS mean, MIN(s.value) AS min, MAX(s.value) AS max
       ${g.from} GROUP BY s.name, s.source ORDER BY s.name, s.source`,
    g.p.values,
  );
  if (groups.length === 0) return [];
  const b = scoped();
  const bucket = bucketSql(sql, grain, "s.timestamp");
  const trendRows = await db.query(
    `SELECT s.name, s.source, ${bucket} AS bucket, COUNT(*) AS n, AVG(s.value) AS mean ${b.from}
      GROUP BY s.name, s.source, ${bucket}`,
    b.p.values,
  );
  const d = scoped();
  const valueRows = await db.query(
    `SELECT s.name, s.source, ROUND(CAST(s.value AS NUMERIC), 2) AS value, s.string_value, COUNT(*) AS n ${d.from}
      GROUP BY s.name, s.source, ROUND(CAST(s.value AS NUMERIC), 2), s.string_value`,
    d.p.values,
  );
  const buckets = bucketRange(query.from, query.to, grain);
  return groups.map((r): ScoreSummary => {
    const key = (x: Record<string, unknown>) => x.name === r.name && x.source === r.source;
    const dataType = String(r.data_type);
    const values = valueRows.filter(key);
    let distribution: ScoreBin[];
    if (dataType === "NUMERIC") {
      const merged = new Map<number, number>();
      for (const v of values) if (v.value !== null) merged.set(toNumber(v.value), (merged.get(toNumber(v.value)) ?? 0) + toNumber(v.n));
      const list = [...merged].map(([value, count]) => ({ value, count })).sort((a, c) => a.value - c.value);
      distribution = numericBins(list, toNumber(r.min), toNumber(r.max));
    } else {
      const counts = new Map<string, number>();
      for (const v of values) {
        const label = dataType === "BOOLEAN" ? (toNumber(v.value) > 0 ? "true" : "false") : String(v.string_value ?? v.value ?? "");
        counts.set(label, (counts.get(label) ?? 0) + toNumber(v.n));
      }
      distribution = [...counts].map(([label, count]) => ({ label, count })).sort((a, c) => c.count - a.count).slice(0, MAX_CATEGORIES);
    }
    const trendBy = new Map(trendRows.filter(key).map((t) => [String(t.bucket), t]));
    return {
      name: String(r.name),
      source: String(r.source) as ScoreSource,
      dataType,
      count: toNumber(r.n),
      mean: toNumberOrNull(r.mean),
      min: toNumberOrNull(r.min),
      max: toNumberOrNull(r.max),
      distribution,
      trend: buckets.map((bucketKey) => {
        const t = trendBy.get(bucketKey);
        return { bucket: bucketKey, count: toNumber(t?.n), mean: toNumberOrNull(t?.mean) };
      }),
    };
  });
}
