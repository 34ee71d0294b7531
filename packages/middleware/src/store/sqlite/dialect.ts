import type { DialectSql } from "../sql/dialect.js";

/** SQLite: times are ISO-8601 text with a +00:00 suffix, as Prisma's SQLite adapter writes them. */
export const sqliteSql: DialectSql = {
  name: "sqlite",
  param: () => "?",
  time: (d) => d.toISOString().replace("Z", "+00:00"),
  timeParam: () => "?",
  timestamptzParam: () => "?",
  msBetween: (to, from) =>
    `max(-2147483648, min(2147483647, CAST(ROUND((julianday(${to}) - julianday(${from})) * 86400000) AS INTEGER)))`,
  distinctList: (expr) => `group_concat(DISTINCT ${expr})`,
  day: (expr) => `substr(${expr}, 1, 10)`,
  hour: (expr) => `substr(${expr}, 1, 13)`,
  ilike: "LIKE",
  value: (kind, value) => (kind === "bool" ? (value ? 1 : 0) : value),
  // "WHERE true" resolves SQLite's parsing ambiguity between a join's ON and the upsert's ON CONFLICT.
  selectJsonRows: (kinds) => `SELECT ${kinds.map((_, i) => `value->>${i}`).join(", ")} FROM json_each(?) WHERE true`,
  // SQLite's planner already looks a key up per row.
  joinOneByKey: (table, alias, condition) => `JOIN ${table} ${alias} ON ${condition}`,
  lock: () => null,
  migrationHistoryDdl: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
    "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
    "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`,
  synchronous: true,
};
