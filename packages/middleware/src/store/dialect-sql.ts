import type { Dialect } from "./sql-client.js";

/**
 * The few places where SQLite and Postgres SQL differ, as small builders. Everything
 * else Loupe writes is SQL both accept (multi-row VALUES, ON CONFLICT … DO UPDATE,
 * UPDATE … FROM).
 */
export interface DialectSql {
  readonly name: Dialect;
  /** The placeholder for the 1-based parameter `n`. */
  param(n: number): string;
  /** A time value as the database stores it (SQLite: ISO text; Postgres: timestamp). */
  time(date: Date): string;
  /**
   * SQL giving the whole milliseconds from `from` to `to` (both time expressions),
   * clamped to the 32-bit range of the `*_ms` columns so odd clocks cannot fail a write.
   */
  msBetween(to: string, from: string): string;
  /** SQL that joins the distinct non-null values of `expr` with commas. */
  distinctList(expr: string): string;
  /** SQL for the UTC day "YYYY-MM-DD" of a time expression. */
  day(expr: string): string;
  /** Casts a parameter placeholder to a timestamp where needed. */
  timeParam(n: number): string;
  /** Case-insensitive LIKE operator. */
  ilike: string;
}

/** SQLite: times are ISO-8601 text with a +00:00 suffix, as Prisma's SQLite adapter writes them. */
export const sqliteSql: DialectSql = {
  name: "sqlite",
  param: () => "?",
  time: (d) => d.toISOString().replace("Z", "+00:00"),
  msBetween: (to, from) =>
    `max(-2147483648, min(2147483647, CAST(ROUND((julianday(${to}) - julianday(${from})) * 86400000) AS INTEGER)))`,
  distinctList: (expr) => `group_concat(DISTINCT ${expr})`,
  day: (expr) => `substr(${expr}, 1, 10)`,
  timeParam: () => "?",
  ilike: "LIKE",
};

/** Postgres: times are `timestamp(3)` in UTC, as Prisma's `DateTime` maps them. */
export const postgresSql: DialectSql = {
  name: "postgres",
  param: (n) => `$${n}`,
  time: (d) => d.toISOString(),
  msBetween: (to, from) =>
    `CAST(GREATEST(-2147483648, LEAST(2147483647, ROUND(EXTRACT(EPOCH FROM (${to} - ${from})) * 1000))) AS INTEGER)`,
  distinctList: (expr) => `string_agg(DISTINCT ${expr}, ',')`,
  day: (expr) => `to_char(${expr}, 'YYYY-MM-DD')`,
  timeParam: (n) => `$${n}::timestamp(3)`,
  ilike: "ILIKE",
};

/** The SQL builders for a dialect. */
export function dialectSql(dialect: Dialect): DialectSql {
  return dialect === "sqlite" ? sqliteSql : postgresSql;
}
