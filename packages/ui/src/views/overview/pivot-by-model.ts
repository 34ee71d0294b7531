import type { ModelUsagePoint } from "../../data/types.js";

/**
 * Turns per-(bucket, model) points into chart rows `{ bucket, [model]: value }` for every
 * bucket, keeping the `top` models by total and folding the rest into "other".
 */
export function pivotByModel(
  points: readonly ModelUsagePoint[],
  buckets: readonly string[],
  value: (p: ModelUsagePoint) => number,
  top = 5,
): { rows: Record<string, string | number>[]; models: string[] } {
  const totals = new Map<string, number>();
  for (const p of points) totals.set(p.model || "(none)", (totals.get(p.model || "(none)") ?? 0) + value(p));
  const ranked = [...totals].sort((a, b) => b[1] - a[1]).map(([m]) => m);
  const kept = ranked.slice(0, top);
  const models = ranked.length > top ? [...kept, "other"] : kept;
  const rows = buckets.map((bucket) => {
    const row: Record<string, string | number> = { bucket };
    for (const m of models) row[m] = 0;
    return row;
  });
  const index = new Map(buckets.map((b, i) => [b, i]));
  for (const p of points) {
    const i = index.get(p.bucket);
    if (i === undefined) continue;
    const name = p.model || "(none)";
    const key = kept.includes(name) ? name : "other";
    rows[i][key] = Number(rows[i][key]) + value(p);
  }
  return { rows, models };
}
