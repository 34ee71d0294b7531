import type { DialectSql } from "./dialect-sql.js";

/** How a column is typed in SQL (drives Postgres array casts and value conversion). */
export type ColumnKind = "text" | "int" | "float" | "time" | "bool";

/**
 * What an upsert does to a column of a row that already exists:
 * - `coalesce`: take the new value unless it is null (partial updates fill in fields);
 * - `replace`: always take the new value;
 * - `keep`: never change it (e.g. created_at);
 * - `add`: add the new value to the stored one (counters, rollup deltas).
 */
export type MergeRule = "coalesce" | "replace" | "keep" | "add";

/** One column of an upsert: its SQL name, kind, merge rule and how to read it from a row. */
export interface UpsertColumn<Row> {
  name: string;
  kind: ColumnKind;
  merge: MergeRule;
  get(row: Row): unknown;
  /**
   * For NOT NULL columns with a default: inserted when the row has no value, and never
   * allowed to overwrite a stored value on a later `coalesce` write.
   */
  defaultValue?: string;
}

/** A table's upsert definition. */
export interface UpsertSpec<Row> {
  table: string;
  key: string[];
  columns: UpsertColumn<Row>[];
  /** Extra `col = expr` assignments for the conflict branch (e.g. updated_at). */
  onUpdate?: string[];
}

/** One SQL statement with its parameters. */
export interface Statement {
  sql: string;
  params: unknown[];
}

const PG_ARRAY_TYPE: Record<ColumnKind, string> = {
  text: "text[]",
  int: "int8[]",
  float: "float8[]",
  time: "timestamp(3)[]",
  bool: "bool[]",
};

// SQLite allows 32,766 bound parameters per statement; stay well below.
const SQLITE_MAX_PARAMS = 30_000;

function toSqlValue(kind: ColumnKind, value: unknown, sql: DialectSql): unknown {
  if (value === undefined || value === null) return null;
  if (kind === "time") return sql.time(value as Date);
  if (kind === "bool") return sql.name === "sqlite" ? (value ? 1 : 0) : Boolean(value);
  return value;
}

function sqlLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function conflictClause<Row>(spec: UpsertSpec<Row>): string {
  const sets = spec.columns
    .filter((c) => c.merge !== "keep" && !spec.key.includes(c.name))
    .map((c) =>
      c.merge === "replace"
        ? `"${c.name}" = excluded."${c.name}"`
        : c.merge === "add"
          ? `"${c.name}" = ${spec.table}."${c.name}" + excluded."${c.name}"`
          : `"${c.name}" = COALESCE(${c.defaultValue === undefined ? `excluded."${c.name}"` : `NULLIF(excluded."${c.name}", ${sqlLiteral(c.defaultValue)})`}, ${spec.table}."${c.name}")`,
    )
    .concat(spec.onUpdate ?? []);
  const keys = spec.key.map((k) => `"${k}"`).join(", ");
  return sets.length ? `ON CONFLICT (${keys}) DO UPDATE SET ${sets.join(", ")}` : `ON CONFLICT (${keys}) DO NOTHING`;
}

/**
 * Builds multi-row upserts for `rows`: SQLite gets `INSERT … VALUES (…),(…)` in chunks
 * under its parameter limit; Postgres gets one `INSERT … SELECT * FROM unnest(…)` with
 * one array parameter per column. Rows with the same key are merged first (a later
 * row's non-null fields win; for tables without `coalesce` columns the later row wins) because Postgres refuses to touch a row twice in one
 * statement.
 */
export function buildUpserts<Row>(spec: UpsertSpec<Row>, rows: readonly Row[], sql: DialectSql): Statement[] {
  if (rows.length === 0) return [];
  const values = mergeByKey(spec, rows).map((row) =>
    spec.columns.map((c) => toSqlValue(c.kind, c.get(row) ?? c.defaultValue, sql)),
  );
  const columnList = spec.columns.map((c) => `"${c.name}"`).join(", ");
  const conflict = conflictClause(spec);

  if (sql.name === "postgres") {
    const arrays = spec.columns.map((_, i) => values.map((v) => v[i]));
    const unnest = spec.columns.map((c, i) => `$${i + 1}::${PG_ARRAY_TYPE[c.kind]}`).join(", ");
    return [{ sql: `INSERT INTO ${spec.table} (${columnList}) SELECT * FROM unnest(${unnest}) ${conflict}`, params: arrays }];
  }

  const perRow = spec.columns.length;
  const rowsPerStatement = Math.max(1, Math.floor(SQLITE_MAX_PARAMS / perRow));
  const tuple = `(${spec.columns.map(() => "?").join(", ")})`;
  const statements: Statement[] = [];
  for (let start = 0; start < values.length; start += rowsPerStatement) {
    const chunk = values.slice(start, start + rowsPerStatement);
    statements.push({
      sql: `INSERT INTO ${spec.table} (${columnList}) VALUES ${chunk.map(() => tuple).join(", ")} ${conflict}`,
      params: chunk.flat(),
    });
  }
  return statements;
}

function mergeByKey<Row>(spec: UpsertSpec<Row>, rows: readonly Row[]): Row[] {
  const keyColumns = spec.columns.filter((c) => spec.key.includes(c.name));
  const fieldMerge = spec.columns.some((c) => c.merge === "coalesce");
  const byKey = new Map<string, Row>();
  for (const row of rows) {
    const key = keyColumns.map((c) => String(c.get(row))).join("\u0000");
    const previous = byKey.get(key);
    if (previous === undefined || !fieldMerge) {
      byKey.set(key, row);
      continue;
    }
    const merged: Record<string, unknown> = { ...(previous as object) };
    for (const [field, value] of Object.entries(row as object)) {
      if (value !== undefined && value !== null) merged[field] = value;
    }
    byKey.set(key, merged as Row);
  }
  return [...byKey.values()];
}
