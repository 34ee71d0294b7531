import { postgresMigrations, sqliteMigrations } from "../store/migrations.generated.js";
import { migrate } from "../store/sql/migrator.js";
import { sqlAccessOf } from "../store/sql/sql-trace-store.js";
import type { TraceStore } from "../store/trace-store.js";

/** The names of Loupe's embedded migrations for a SQL store's dialect, oldest first. */
export function migrationNames(store: TraceStore): string[] {
  return (store.dialect === "postgres" ? postgresMigrations : sqliteMigrations).map((m) => m.name);
}

/**
 * Applies Loupe's migrations up to and including `last` to a SQL store opened with
 * `autoMigrate: false`, as an older Loupe would have left the database: upgrade tests
 * fill it with that version's data, then call `store.migrate()`. Returns the names applied.
 */
export function migrateUpTo(store: TraceStore, last: string): Promise<string[]> {
  const access = sqlAccessOf(store);
  if (!access) throw new Error(`migrateUpTo: the ${store.dialect} store has no SQL client.`);
  const all = store.dialect === "postgres" ? postgresMigrations : sqliteMigrations;
  const end = all.findIndex((m) => m.name === last);
  if (end < 0) throw new Error(`migrateUpTo: no migration named ${last}.`);
  return migrate(access.db, access.sql, all.slice(0, end + 1));
}
