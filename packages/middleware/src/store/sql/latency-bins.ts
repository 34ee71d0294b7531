/** Growth factor between histogram bins: ±2.5 % error on a percentile. */
export const BIN_GROWTH = 1.05;
const LOG_GROWTH = Math.log(BIN_GROWTH);

/** The log-scale bin of a duration in ms (0 for ≤ 0 ms). */
export function latencyBin(ms: number): number {
  return ms <= 0 ? 0 : Math.floor(Math.log(ms) / LOG_GROWTH) + 1;
}

/** The representative duration of a bin (the geometric middle of its range), in whole ms. */
export function binValue(bin: number): number {
  return bin <= 0 ? 0 : Math.round(Math.exp((bin - 0.5) * LOG_GROWTH));
}

/** SQL computing {@link latencyBin} of an integer ms expression (both dialects have ln()). */
export function latencyBinSql(expr: string): string {
  return `CASE WHEN ${expr} <= 0 THEN 0 ELSE CAST(floor(ln(${expr}) / ln(${BIN_GROWTH})) AS INTEGER) + 1 END`;
}

/** Percentiles (0–1) from histogram bins; null when empty. */
export function percentilesFromBins(bins: { bin: number; count: number }[], qs: number[]): (number | null)[] {
  const sorted = [...bins].filter((b) => b.count > 0).sort((a, b) => a.bin - b.bin);
  const total = sorted.reduce((n, b) => n + b.count, 0);
  if (total === 0) return qs.map(() => null);
  return qs.map((q) => {
    const rank = q * total;
    let seen = 0;
    for (const b of sorted) {
      seen += b.count;
      if (seen >= rank) return binValue(b.bin);
    }
    return binValue(sorted[sorted.length - 1].bin);
  });
}
