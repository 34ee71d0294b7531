/**
 * Display formatters shared by server and client components. Deterministic (UTC, no
 * locale-dependent output) so server HTML and client hydration agree.
 */

/** "$0.0042", "$1.23", "$1,234.56"; "—" when the cost is unknown (never "$0" for unpriced). */
export function formatCost(cost: number | null | undefined): string {
  if (cost === null || cost === undefined || Number.isNaN(cost)) return "—";
  if (cost === 0) return "$0.00";
  const abs = Math.abs(cost);
  if (abs < 0.0001) return `${cost < 0 ? "-" : ""}<$0.0001`;
  if (abs < 1) return `$${trimZeros(cost.toFixed(4))}`;
  return `$${groupThousands(cost.toFixed(2))}`;
}

/** A cost cell: the text, and whether to show an "unpriced" badge (cost missing or a lower bound). */
export function costDisplay(cost: number | null | undefined, unpricedCount = 0): { text: string; unpriced: boolean } {
  const unpriced = cost === null || cost === undefined || unpricedCount > 0;
  return { text: cost === null || cost === undefined ? "—" : formatCost(cost), unpriced };
}

/** 950, "1.2k", "3.4M", "1.1B". */
export function formatTokens(tokens: number | null | undefined): string {
  if (tokens === null || tokens === undefined) return "—";
  const abs = Math.abs(tokens);
  if (abs < 1_000) return String(Math.round(tokens));
  if (abs < 1_000_000) return `${trimZeros((tokens / 1_000).toFixed(1))}k`;
  if (abs < 1_000_000_000) return `${trimZeros((tokens / 1_000_000).toFixed(1))}M`;
  return `${trimZeros((tokens / 1_000_000_000).toFixed(1))}B`;
}

/** "850 ms", "1.25 s", "12.5 s", "2m 05s", "1h 02m"; "—" when unknown. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return "—";
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${trimZeros((ms / 1_000).toFixed(2))} s`;
  if (ms < 60_000) return `${trimZeros((ms / 1_000).toFixed(1))} s`;
  const totalSeconds = Math.round(ms / 1_000);
  if (totalSeconds < 3_600) return `${Math.floor(totalSeconds / 60)}m ${pad(totalSeconds % 60)}s`;
  const minutes = Math.floor(totalSeconds / 60);
  return `${Math.floor(minutes / 60)}h ${pad(minutes % 60)}m`;
}

/** "12.5%"; "—" for null. `ratio` is 0–1. */
export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return "—";
  return `${trimZeros((ratio * 100).toFixed(digits))}%`;
}

/** A plain number with thousands separators ("12,345"). */
export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined) return "—";
  return groupThousands(String(Math.round(n)));
}

/** "2026-01-02 10:00:05" in UTC; "—" for null. */
export function formatTime(date: Date | string | null | undefined): string {
  if (date === null || date === undefined) return "—";
  const d = typeof date === "string" ? new Date(date) : date;
  if (Number.isNaN(d.getTime())) return "—";
  return d.toISOString().replace("T", " ").slice(0, 19);
}

/** A score value for display: booleans as "true"/"false", categories as text, numbers with up to 2 decimals. */
export function formatScore(value: number | null | undefined, stringValue?: string | null, dataType?: string): string {
  if (dataType === "BOOLEAN" && value !== null && value !== undefined) return value > 0 ? "true" : "false";
  if (stringValue && (value === null || value === undefined || dataType === "CATEGORICAL" || dataType === "TEXT")) return stringValue;
  if (value === null || value === undefined) return stringValue ?? "—";
  return trimZeros(value.toFixed(2));
}

/** A chart axis label for a bucket key ("2026-01-02" → "Jan 2", "2026-01-02T10" → "10:00"). */
export function formatBucket(bucket: string): string {
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  if (bucket.length === 13) return `${bucket.slice(11, 13)}:00`;
  const [, m, d] = bucket.split("-");
  return m && d ? `${months[Number(m) - 1]} ${Number(d)}` : bucket;
}

function trimZeros(text: string): string {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

function groupThousands(text: string): string {
  const [int, frac] = text.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
