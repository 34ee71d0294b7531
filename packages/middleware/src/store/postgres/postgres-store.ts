import { postgresMigrations } from "../migrations.generated.js";
import { loadPrismaClient } from "../sql/prisma-client.js";
import { prismaSqlClient, type PrismaLike } from "../sql/sql-client.js";
import { createSqlTraceStore } from "../sql/sql-trace-store.js";
import type { TraceStore } from "../trace-store.js";
import { postgresSql } from "./dialect.js";
import { pgPool, pgSqlClient } from "./pg-client.js";

/** Options of {@link createPostgresStore}: a connection string or the host's Prisma client. */
export interface PostgresStoreOptions {
  /** `postgres://…` (Loupe opens and owns a small pool). */
  url?: string;
  /** A Prisma client of the host's on Postgres, whose schema includes Loupe's models. */
  prisma?: PrismaLike;
  /** Apply pending migrations on open. Default: true with `url`, false with a host client. */
  autoMigrate?: boolean;
  /** Pool size when Loupe opens the connection. Default 10. */
  poolSize?: number;
  /**
   * With `url`: "prisma" (default) sends SQL through a Prisma client; "native" straight
   * through a `pg` pool (what Loupe's writer thread uses for its writes).
   */
  driver?: "prisma" | "native";
}

/** Opens a Prisma client on Postgres through the pg driver adapter. */
async function openPostgresPrisma(connectionString: string, poolSize = 10): Promise<PrismaLike> {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const PrismaClient = loadPrismaClient("postgres");
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: poolSize }) });
}

/** Opens the Postgres store (migrations: `prisma migrate deploy`, or `autoMigrate`). */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<TraceStore> {
  const own = options.prisma === undefined;
  if (own && !options.url) throw new Error("createPostgresStore needs `url` (postgres://…) or a `prisma` client.");
  if (own && options.driver === "native") {
    const pool = await pgPool(options.url!, options.poolSize);
    const store = createSqlTraceStore({ db: pgSqlClient(pool), sql: postgresSql, migrations: postgresMigrations, onClose: () => pool.end() });
    if (options.autoMigrate ?? true) await store.migrate();
    return store;
  }
  const client = options.prisma ?? (await openPostgresPrisma(options.url!, options.poolSize));
  const store = createSqlTraceStore({
    db: prismaSqlClient(client, "postgres"),
    sql: postgresSql,
    migrations: postgresMigrations,
    onClose: own ? () => client.$disconnect() : undefined,
  });
  if (options.autoMigrate ?? own) await store.migrate();
  return store;
}
