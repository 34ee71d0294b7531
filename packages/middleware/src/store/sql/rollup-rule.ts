import type { DashboardFilters } from "../../domain/read-queries.js";
import type { Grain } from "../../domain/time-buckets.js";

/** The rollups the writer keeps, and the time grain each can answer at. */
const ROLLUPS = {
  /** loupe_usage_daily: per day, user, environment, model and kind. */
  usageDaily: { grains: ["day"], dimensions: ["environment", "userId", "model"] },
  /** loupe_latency_hourly: per hour, environment, metric and kind (histograms). */
  latencyHourly: { grains: ["hour", "day", undefined], dimensions: ["environment"] },
  /** loupe_score_daily: per day, environment, source and name. */
  scoreDaily: { grains: ["day"], dimensions: ["environment"] },
} as const satisfies Record<string, { grains: readonly (Grain | undefined)[]; dimensions: readonly (keyof DashboardFilters)[] }>;

const FILTERS = ["environment", "userId", "model", "release", "tag", "name"] as const satisfies readonly (keyof DashboardFilters)[];

/**
 * The one rule for "this read needs raw rows": a rollup answers a read when it is kept
 * at the read's grain and every filter the read sets is one of the rollup's dimensions.
 * Otherwise the read scans the raw rows in the range (exact, and bounded by the range).
 */
export function rollupAnswers(rollup: keyof typeof ROLLUPS, filters: DashboardFilters, grain: Grain | undefined): boolean {
  const { grains, dimensions } = ROLLUPS[rollup];
  if (!(grains as readonly (Grain | undefined)[]).includes(grain)) return false;
  return FILTERS.every((f) => filters[f] === undefined || (dimensions as readonly string[]).includes(f));
}
