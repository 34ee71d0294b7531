import type { DashboardFilters } from "../../../domain/read-queries.js";
import type { ParamList } from "../params.js";


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
