import type { TraceKind } from "../../../domain/rows.js";
import { toNumber } from "../map-rows.js";
import { paramList, type SqlContext } from "../params.js";

/** Known cost of one UTC day of `kind` traces, of one user or of everyone (from the daily rollup). */
export async function spend({ db, sql }: SqlContext, query: { day: string; kind: TraceKind; userId?: string }): Promise<number> {
  const p = paramList(sql);
  const where = [`day = ${p.bind(query.day)}`, `kind = ${p.bind(query.kind)}`];
  if (query.userId !== undefined) where.push(`user_id = ${p.bind(query.userId)}`);
  const [row] = await db.query(`SELECT COALESCE(SUM(total_cost), 0) AS spent FROM loupe_usage_daily WHERE ${where.join(" AND ")}`, p.values);
  return toNumber(row?.spent);
}
