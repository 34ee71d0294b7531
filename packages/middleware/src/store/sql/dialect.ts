import type { Dialect } from "./sql-client.js";

/** A column's value kind, as the upsert builder converts it. */
export type ColumnKind = "text" | "int" | "float" | "time" | "bool";

/**
 * Everything in which SQLite and Postgres SQL differ, as small builders. Each dialect
 * lives in its own folder (`store/sqlite/dialect.ts`, `store/postgres/dialect.ts`); the
 * shared SQL in `store/sql/` asks the dialect instead of branching on its name.
 */
export interface DialectSql {
  readonly name: Dialect;
  /** The placeholder for the 1-based parameter `n`. */
  param(n: number): string;
  /** A time value as the database stores it (SQLite: ISO text; Postgres: timestamp). */
  time(date: Date): string;
  /** Casts a parameter placeholder to a timestamp where needed. */
  timeParam(n: number): string;
  /** Casts a parameter placeholder to a time-zone-aware timestamp (Prisma's migration history). */
  timestamptzParam(n: number): string;
  /**
   * SQL giving the whole milliseconds from `from` to `to` (both time expressions),
   * clamped to the 32-bit range of the `*_ms` columns so odd clocks cannot fail a write.
   */
  msBetween(to: string, from: string): string;
  /** SQL that joins the distinct non-null values of `expr` with commas. */
  distinctList(expr: string): string;
  /** SQL for the UTC day "YYYY-MM-DD" of a time expression. */
  day(expr: string): string;
  /** SQL for the UTC hour "YYYY-MM-DDTHH" of a time expression. */
  hour(expr: string): string;
  /** Case-insensitive LIKE operator. */
  ilike: string;
  /** A parameter value of a column of this kind, as the driver takes it. */
  value(kind: ColumnKind, value: unknown): unknown;
  /**
   * `SELECT <columns> FROM <rows of the JSON parameter>` for an upsert whose one parameter
   * is a JSON array of arrays (one per row, in `kinds` order).
   */
  selectJsonRows(kinds: readonly ColumnKind[]): string;
  /**
   * `SELECT <columns> FROM unnest($1::type[], …)` for an upsert whose parameters are one
   * array per column, where the database has typed arrays (Postgres); undefined elsewhere.
   */
  selectArrayRows?(kinds: readonly ColumnKind[]): string;
  /**
   * `FROM`-clause text joining the one row of `table` (as `alias`) whose key satisfies
   * `condition` (which refers to the left side), looked up by that key for each row of
   * the left side. For the step of a recursive walk: Postgres would otherwise hash-join
   * and scan the whole table again at every step.
   */
  joinOneByKey(table: string, alias: string, condition: string): string;
  /** SQL that takes the transaction-scoped lock `id`, or null where the database serialises writers itself. */
  lock(id: number): string | null;
  /** The DDL of Prisma's `_prisma_migrations` table. */
  readonly migrationHistoryDdl: string;
  /**
   * True for a synchronous driver (better-sqlite3): the store then yields to the host's
   * event loop between statements of a batch.
   */
  readonly synchronous: boolean;
}

/** Transaction-scoped lock ids (one writer, one migrator at a time per database). */
export const LOCKS = { migrate: 744210001, write: 744210002 } as const;
