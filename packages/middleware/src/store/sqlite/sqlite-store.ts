import { mkdirSync } from "node:fs";
import path from "node:path";
import { sqliteMigrations } from "../migrations.generated.js";
import { loadPrismaClient } from "../sql/prisma-client.js";
import { prismaSqlClient, type PrismaLike } from "../sql/sql-client.js";
import { createSqlTraceStore } from "../sql/sql-trace-store.js";
import type { TraceStore } from "../trace-store.js";
import { betterSqliteClient } from "./better-sqlite-client.js";
import { sqliteSql } from "./dialect.js";

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
  /**
   * "prisma" (default): SQL through a Prisma client. "native": straight on better-sqlite3
   * (no query compiler in the way; what Loupe's writer thread uses for its writes).
   */
  driver?: "prisma" | "native";
}

/** Opens a Prisma client on a SQLite file through the better-sqlite3 driver adapter. */
async function openSqlitePrisma(file: string): Promise<PrismaLike> {
  const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
  const PrismaClient = loadPrismaClient("sqlite");
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: file }) });
}

/** The store on a better-sqlite3 connection of its own (see {@link SqliteStoreOptions.driver}). */
async function openNativeStore(options: SqliteStoreOptions): Promise<TraceStore> {
  const { default: Database } = await import("better-sqlite3");
  const file = sqliteFilePath(options.url ?? DEFAULT_SQLITE_FILE);
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  const store = createSqlTraceStore({ db: betterSqliteClient(db), sql: sqliteSql, migrations: sqliteMigrations, onClose: async () => void db.close() });
  if (options.autoMigrate ?? true) await store.migrate();
  return store;
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
  if (options.driver === "native" && options.prisma === undefined) return openNativeStore(options);
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
    sql: sqliteSql,
    migrations: sqliteMigrations,
    onClose: own ? () => client.$disconnect() : undefined,
  });
  if (options.autoMigrate ?? own) await store.migrate();
  return store;
}
