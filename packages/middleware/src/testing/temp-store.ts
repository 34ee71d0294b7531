import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSqliteStore } from "../store/sqlite/sqlite-store.js";
import { sqlAccessOf } from "../store/sql/sql-trace-store.js";
import type { SqlClient } from "../store/sql/sql-client.js";
import type { TraceStore } from "../store/trace-store.js";

/** A fresh, migrated SQLite store in a temporary folder (real file, WAL). */
export function tempSqliteStore(): Promise<TraceStore> {
  return createSqliteStore({ url: path.join(mkdtempSync(path.join(tmpdir(), "loupe-")), "loupe.db") });
}

/**
 * The SQL client behind a SQLite or Postgres store, for tests that count rows or set
 * pragmas themselves (not part of the port: other stores have none).
 */
export function rawSql(store: TraceStore): SqlClient {
  const access = sqlAccessOf(store);
  if (!access) throw new Error(`rawSql: the ${store.dialect} store has no SQL client.`);
  return access.db;
}
