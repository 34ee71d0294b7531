import type { DialectSql } from "./dialect.js";

const IN_CHUNK = 500;

/** `?, ?, ?` (or `$1, $2, …` from `offset + 1`) for an IN list of `count` values. */
export function placeholders(sql: DialectSql, count: number, offset = 0): string {
  return Array.from({ length: count }, (_, i) => sql.param(offset + i + 1)).join(", ");
}

/** Splits `items` into IN lists of at most `size` (databases cap a statement's parameters). */
export function chunks<T>(items: readonly T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
