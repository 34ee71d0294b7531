import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSqliteStore } from "../store/sqlite-store.js";
import type { TraceStore } from "../store/trace-store.js";

/** A fresh, migrated SQLite store in a temporary folder (real file, WAL). */
export function tempSqliteStore(): Promise<TraceStore> {
  return createSqliteStore({ url: path.join(mkdtempSync(path.join(tmpdir(), "loupe-")), "loupe.db") });
}
