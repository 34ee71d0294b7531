import type { ColumnKind, DialectSql } from "../sql/dialect.js";

const CAST: Record<ColumnKind, string> = { text: "", int: "::int8", float: "::float8", time: "::timestamp(3)", bool: "::bool" };
const ARRAY: Record<ColumnKind, string> = { text: "text[]", int: "int8[]", float: "float8[]", time: "timestamp(3)[]", bool: "bool[]" };

/** Postgres: times are `timestamp(3)` in UTC, as Prisma's `DateTime` maps them. */
export const postgresSql: DialectSql = {
  name: "postgres",
  param: (n) => `$${n}`,
  time: (d) => d.toISOString(),
  timeParam: (n) => `$${n}::timestamp(3)`,
  timestamptzParam: (n) => `$${n}::timestamptz`,
  msBetween: (to, from) =>
    `CAST(GREATEST(-2147483648, LEAST(2147483647, ROUND(EXTRACT(EPOCH FROM (${to} - ${from})) * 1000))) AS INTEGER)`,
  distinctList: (expr) => `string_agg(DISTINCT ${expr}, ',')`,
  day: (expr) => `to_char(${expr}, 'YYYY-MM-DD')`,
  hour: (expr) => `to_char(${expr}, 'YYYY-MM-DD"T"HH24')`,
  ilike: "ILIKE",
  value(kind, value) {
    if (kind === "bool") return Boolean(value);
    // Postgres text cannot hold NUL characters.
    if (kind === "text" && typeof value === "string" && value.includes("\u0000")) return value.replaceAll("\u0000", "\uFFFD");
    return value;
  },
  selectJsonRows: (kinds) => `SELECT ${kinds.map((k, i) => `(v->>${i})${CAST[k]}`).join(", ")} FROM json_array_elements($1::json) AS v`,
  selectArrayRows: (kinds) => `SELECT * FROM unnest(${kinds.map((k, i) => `$${i + 1}::${ARRAY[k]}`).join(", ")})`,
  // A LATERAL subquery with LIMIT is not flattened into a join: it stays one index lookup per row.
  joinOneByKey: (table, alias, condition) => `CROSS JOIN LATERAL (SELECT * FROM ${table} ${alias} WHERE ${condition} LIMIT 1) ${alias}`,
  lock: (id) => `SELECT 1 AS locked FROM pg_advisory_xact_lock(${id})`,
  migrationHistoryDdl: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
  synchronous: false,
};
