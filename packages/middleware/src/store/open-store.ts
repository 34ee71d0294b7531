import { createPostgresStore } from "./postgres/postgres-store.js";
import type { PrismaLike } from "./sql/sql-client.js";
import { createSqliteStore, DEFAULT_SQLITE_FILE } from "./sqlite/sqlite-store.js";
import type { TraceStore } from "./trace-store.js";

/** Where Loupe stores its data: an opened store, a host's Prisma client, or a URL. */
export interface StoreChoice {
  /** An opened store (takes precedence). */
  store?: TraceStore;
  /** The host's Prisma client whose schema includes Loupe's models, and its database. */
  prisma?: PrismaLike;
  provider?: "sqlite" | "postgres";
  /** `file:./x.db` (SQLite) or `postgres://…`; default: the embedded `file:.loupe/loupe.db`. */
  databaseUrl?: string;
  /** Apply Loupe's migrations on open (default: yes for Loupe's own database, no for a host client). */
  autoMigrate?: boolean;
  /** For a URL: "native" talks to the driver directly (the writer thread), "prisma" (default) through Prisma. */
  driver?: "prisma" | "native";
}

/** The default store URL: the embedded SQLite file. */
export const DEFAULT_DATABASE_URL = `file:${DEFAULT_SQLITE_FILE}`;

/** Opens the store a {@link StoreChoice} names (SQLite or Postgres from the URL's scheme). */
export function openStore(choice: StoreChoice): Promise<TraceStore> {
  if (choice.store) return Promise.resolve(choice.store);
  if (choice.prisma) {
    return choice.provider === "postgres"
      ? createPostgresStore({ prisma: choice.prisma, autoMigrate: choice.autoMigrate })
      : createSqliteStore({ prisma: choice.prisma, autoMigrate: choice.autoMigrate });
  }
  const url = choice.databaseUrl ?? DEFAULT_DATABASE_URL;
  return /^postgres(ql)?:\/\//.test(url)
    ? createPostgresStore({ url, autoMigrate: choice.autoMigrate, driver: choice.driver })
    : createSqliteStore({ url, autoMigrate: choice.autoMigrate, driver: choice.driver });
}
