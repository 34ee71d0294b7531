import type { Grain } from "../../domain/time-buckets.js";
import type { DialectSql } from "./dialect.js";

/** SQL for the bucket key of a time expression, as `bucketOf` computes it for a JS date. */
export function bucketSql(sql: DialectSql, grain: Grain, expr: string): string {
  return grain === "day" ? sql.day(expr) : sql.hour(expr);
}
