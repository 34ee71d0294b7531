import type { DialectSql } from "./dialect.js";
import type { SqlClient } from "./sql-client.js";

/** What the SQL reads need: a client and its dialect builders. */
export interface SqlContext {
  readonly db: SqlClient;
  readonly sql: DialectSql;
}

/** Collects positional parameters while a statement is built. */
export interface ParamList {
  readonly values: unknown[];
  /** Adds a value and returns its placeholder. */
  bind(value: unknown): string;
  /** Adds a time and returns its placeholder (cast to a timestamp where needed). */
  bindTime(value: Date): string;
  /** Adds a `%text%` pattern with LIKE wildcards escaped; use with `ESCAPE '\'`. */
  bindContains(text: string): string;
}

/** Escapes `%`, `_` and `\` so `text` matches literally inside a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Starts a parameter list for `sql`'s dialect. */
export function paramList(sql: DialectSql): ParamList {
  const values: unknown[] = [];
  const bind = (value: unknown) => {
    values.push(value);
    return sql.param(values.length);
  };
  return {
    values,
    bind,
    bindTime(value) {
      values.push(sql.time(value));
      return sql.timeParam(values.length);
    },
    bindContains: (text) => bind(`%${escapeLike(text)}%`),
  };
}
