import type { ParamList } from "./sql-params.js";

/** The filters shared by the overview, traces, users and scores views. */
export interface DashboardFilters {
  /** Inclusive start of the time range. */
  from: Date;
  /** Exclusive end of the time range. */
  to: Date;
  environment?: string;
  /** A model id: traces that used it / generations of it. */
  model?: string;
  release?: string;
  userId?: string;
  tag?: string;
  /** Trace name. */
  name?: string;
}

/** True when a filter cannot be answered from the daily rollup (it has no release, tag or name). */
export function needsRawRows(filters: DashboardFilters): boolean {
  return filters.release !== undefined || filters.tag !== undefined || filters.name !== undefined;
}

/**
 * WHERE conditions on `loupe_traces` (aliased `t`) for the filters, time range included.
 * The time range comes first so the planner can use the start-time index.
 */
export function traceConditions(filters: DashboardFilters, p: ParamList, alias = "t"): string[] {
  const range = [`${alias}.start_time >= ${p.bindTime(filters.from)}`, `${alias}.start_time < ${p.bindTime(filters.to)}`];
  return [...range, ...traceAttributeConditions(filters, p, alias)];
}

/** WHERE conditions on `loupe_traces` for the filters other than the time range. */
export function traceAttributeConditions(filters: Omit<DashboardFilters, "from" | "to">, p: ParamList, alias = "t"): string[] {
  const c = (column: string) => `${alias}.${column}`;
  const where: string[] = [];
  if (filters.environment !== undefined) where.push(`${c("environment")} = ${p.bind(filters.environment)}`);
  if (filters.userId !== undefined) where.push(`${c("user_id")} = ${p.bind(filters.userId)}`);
  if (filters.name !== undefined) where.push(`${c("name")} = ${p.bind(filters.name)}`);
  if (filters.release !== undefined) where.push(`${c("release")} = ${p.bind(filters.release)}`);
  if (filters.tag !== undefined) where.push(`${c("tags")} LIKE ${p.bindContains(JSON.stringify(filters.tag))} ESCAPE '\\'`);
  if (filters.model !== undefined) {
    where.push(`(',' || ${c("models")} || ',') LIKE ${p.bindContains(`,${filters.model},`)} ESCAPE '\\'`);
  }
  return where;
}
