import type { FilterOptions } from "../../../domain/dashboard-views.js";
import { parseJson } from "../map-rows.js";
import { paramList, type SqlContext } from "../params.js";
import { bucketOf } from "../../../domain/time-buckets.js";


const RECENT = 5_000;

/**
 * Filter choices: environments and models of the range's days (daily rollup); trace
 * names, releases and tags seen in the most recent 5,000 traces (bounded, index order).
 */
export async function getFilterOptions(store: SqlContext, range: { from: Date; to: Date }): Promise<FilterOptions> {
  const { db, sql } = store;
  const p = paramList(sql);
  const rollup = await db.query(
    `SELECT DISTINCT environment, model FROM loupe_usage_daily
      WHERE day >= ${p.bind(bucketOf(range.from, "day"))} AND day <= ${p.bind(bucketOf(range.to, "day"))}`,
    p.values,
  );
  const recent = await db.query(
    `SELECT name, release, tags FROM (SELECT name, release, tags FROM loupe_traces ORDER BY start_time DESC LIMIT ${RECENT}) r`,
  );
  const distinct = (values: unknown[]) =>
    [...new Set(values.filter((v): v is string => typeof v === "string" && v !== ""))].sort((a, b) => a.localeCompare(b));
  return {
    environments: distinct(rollup.map((r) => r.environment)),
    models: distinct(rollup.map((r) => r.model)),
    names: distinct(recent.map((r) => r.name)),
    releases: distinct(recent.map((r) => r.release)),
    tags: distinct(recent.flatMap((r) => (parseJson(r.tags) as unknown[] | null) ?? [])),
  };
}
