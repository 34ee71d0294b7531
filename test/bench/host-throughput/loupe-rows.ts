import Database from "better-sqlite3";

/** What GET /api/stats answers: `loupe.stats()` and the SQLite file size (db + WAL + shm). */
export interface LoupeStatsResponse {
  stats: { enqueued: number; written: number; pending: number; dropped: number; failed: number; retries: number; flushes: number; writeMs: number; internalErrors?: number; lastError?: string | null };
  dbFile: string | null;
  dbBytes: number;
}

/** Rows Loupe stored (null where the schema has no such column or table). */
export interface StoredRows {
  /** Traces named "chat" (one per request). */
  traces: number | null;
  /** GENERATION observations (one per request). */
  generations: number | null;
  /** Generations without a computed cost (gpt-4o-mini must be priced). */
  unpriced: number | null;
  /** Output tokens over all generations (150 per request). */
  outputTokens: number | null;
  /** Row count of every `loupe_*` table, largest first (robust to schema changes). */
  tables: [string, number][];
}

/** Counts what Loupe wrote into `dbFile` (opened read-only; the server keeps writing to it). */
export function countStoredRows(dbFile: string): StoredRows {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const one = (sql: string): number | null => {
      try {
        return Number((db.prepare(sql).pluck().get() as number | bigint | null) ?? 0);
      } catch {
        return null;
      }
    };
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'loupe\\_%' ESCAPE '\\'").pluck().all() as string[];
    const tables = names.map((name): [string, number] => [name, one(`SELECT COUNT(*) FROM "${name}"`) ?? 0]).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
    return {
      traces: one("SELECT COUNT(*) FROM loupe_traces WHERE name = 'chat'"),
      generations: one("SELECT COUNT(*) FROM loupe_observations WHERE type = 'GENERATION'"),
      unpriced: one("SELECT COUNT(*) FROM loupe_observations WHERE type = 'GENERATION' AND total_cost IS NULL"),
      outputTokens: one("SELECT COALESCE(SUM(output_tokens), 0) FROM loupe_observations WHERE type = 'GENERATION'"),
      tables,
    };
  } finally {
    db.close();
  }
}
