import type { SqlClient } from "./sql-client.js";

/** A checked-in migration, embedded in the package (see scripts/embed-migrations.mjs). */
export interface EmbeddedMigration {
  name: string;
  /** sha256 of migration.sql, as Prisma computes it. */
  checksum: string;
  sql: string;
}

/** Raised when a migration fails; the database is left as it was before that migration. */
export class LoupeMigrationError extends Error {
  override readonly name = "LoupeMigrationError";
  /** True when `error` is a {@link LoupeMigrationError}. */
  static isInstance(error: unknown): error is LoupeMigrationError {
    return error instanceof Error && error.name === "LoupeMigrationError";
  }
}

const HISTORY_DDL = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
    "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
    "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`,
  postgres: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
} as const;

/** Splits a Prisma migration file into statements (Prisma's DDL has no `;` inside literals). */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\r?\n|$)/)
    .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
    .filter((s) => s.length > 0);
}

/**
 * Applies the migrations that are not yet in `_prisma_migrations`, each in its own
 * transaction, and records them the way `prisma migrate deploy` does, so the Prisma CLI
 * sees the same history afterwards. Returns the names applied.
 */
export async function migrate(db: SqlClient, migrations: readonly EmbeddedMigration[]): Promise<string[]> {
  await db.execute(HISTORY_DDL[db.dialect]);
  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await db.transaction(async (tx) => {
      if (tx.dialect === "postgres") await tx.query(`SELECT 1 AS locked FROM pg_advisory_xact_lock(744210001)`);
      const rows = await tx.query<{ checksum: string }>(
        `SELECT checksum FROM "_prisma_migrations" WHERE migration_name = ${tx.dialect === "postgres" ? "$1" : "?"} AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        [migration.name],
      );
      if (rows.length > 0) {
        if (rows[0].checksum !== migration.checksum) {
          throw new LoupeMigrationError(
            `The database applied a different version of Loupe's migration ${migration.name} (checksum mismatch). ` +
              `It was created by another Loupe build: use a fresh database (for the embedded default, delete .loupe/loupe.db) or migrate it by hand.`,
          );
        }
        return false;
      }
      const statements = splitStatements(migration.sql);
      for (const statement of statements) {
        try {
          await tx.execute(statement);
        } catch (error) {
          throw new LoupeMigrationError(
            `Loupe could not apply migration ${migration.name}: ${(error as Error).message}. ` +
              `Check the database is reachable and writable, or apply prisma/${tx.dialect}/migrations with \`prisma migrate deploy\`.`,
            { cause: error },
          );
        }
      }
      const now = new Date().toISOString();
      const p = (n: number) => (tx.dialect === "postgres" ? `$${n}` : "?");
      await tx.execute(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES (${p(1)}, ${p(2)}, ${tx.dialect === "postgres" ? "$3::timestamptz" : "?"}, ${p(4)}, ${tx.dialect === "postgres" ? "$5::timestamptz" : "?"}, ${p(6)})`,
        [crypto.randomUUID(), migration.checksum, now, migration.name, now, statements.length],
      );
      return true;
    });
    if (done) applied.push(migration.name);
  }
  return applied;
}
