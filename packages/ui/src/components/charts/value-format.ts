import { formatCost, formatCount, formatDuration, formatPercent, formatScore, formatTokens } from "../../lib/format.js";

/** How a chart formats its values (a name: functions cannot cross the server→client boundary). */
export type ValueFormat = "count" | "cost" | "ms" | "percent" | "tokens" | "score";

/** Formats a chart value. */
export function formatValue(format: ValueFormat, value: unknown): string {
  if (value === null || value === undefined || typeof value !== "number") return "—";
  switch (format) {
    case "cost":
      return formatCost(value);
    case "ms":
      return formatDuration(value);
    case "percent":
      return formatPercent(value);
    case "tokens":
      return formatTokens(value);
    case "score":
      return formatScore(value);
    default:
      return formatCount(value);
  }
}
