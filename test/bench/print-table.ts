/** Prints rows as an aligned plain-text table (first row = header). */
export function printTable(title: string, rows: (string | number)[][]): void {
  const text = rows.map((r) => r.map((c) => String(c)));
  const widths = text[0].map((_, i) => Math.max(...text.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(`\n${title}`);
  console.log(line(text[0]));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of text.slice(1)) console.log(line(r));
}

/** The q-quantile (0..1) of `values`. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** A number with `digits` decimals. */
export function fixed(value: number, digits = 1): string {
  return value.toFixed(digits);
}
