import { mkdirSync } from "node:fs";
import path from "node:path";
import { sqliteMigrations } from "./migrations.generated.js";
import { openSqlitePrisma } from "./prisma-clients.js";
import { prismaSqlClient, type PrismaLike } from "./sql-client.js";
import { createSqlTraceStore } from "./sql-trace-store.js";
import type { TraceStore } from "./trace-store.js";

/** The default embedded database file, relative to the working directory. */
export const DEFAULT_SQLITE_FILE = ".loupe/loupe.db";

/** Options of {@link createSqliteStore}. */
export interface SqliteStoreOptions {
  /** A file path or `file:` URL. Default `.loupe/loupe.db`. */
  url?: string;
  /** A Prisma client of the host's on SQLite (Loupe then opens nothing itself). */
  prisma?: PrismaLike;
  /** Apply pending migrations on open. Default: true for Loupe's own file, false for a host client. */
  autoMigrate?: boolean;
}

/** Turns `file:./x.db` or `./x.db` into a path. */
export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, "");
}

/**
 * Opens the embedded SQLite store: creates the file and its folder when missing,
 * switches to WAL, and migrates on first use — no command needed.
 */
export async function createSqliteStore(options: SqliteStoreOptions = {}): Promise<TraceStore> {
  const own = options.prisma === undefined;
  let prisma = options.prisma;
  if (prisma === undefined) {
    const file = sqliteFilePath(options.url ?? DEFAULT_SQLITE_FILE);
    if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    prisma = await openSqlitePrisma(file);
  }
  const client = prisma;
  await client.$queryRawUnsafe(`PRAGMA journal_mode = WAL`);
  await client.$queryRawUnsafe(`PRAGMA synchronous = NORMAL`);
  await client.$queryRawUnsafe(`PRAGMA busy_timeout = 5000`);
  const store = createSqlTraceStore({
    db: prismaSqlClient(client, "sqlite"),
    migrations: sqliteMigrations,
    onClose: own ? () => client.$disconnect() : undefined,
  });
  if (options.autoMigrate ?? own) await store.migrate();
  return store;
}
