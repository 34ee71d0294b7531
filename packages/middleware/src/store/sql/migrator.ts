import { LoupeMigrationError } from "../../errors/loupe-migration-error.js";
import { LOCKS, type DialectSql } from "./dialect.js";
import type { SqlClient } from "./sql-client.js";

/** A checked-in migration, embedded in the package (see scripts/embed-migrations.mjs). */
export interface EmbeddedMigration {
  name: string;
  /** sha256 of migration.sql, as Prisma computes it. */
  checksum: string;
  sql: string;
}

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
export async function migrate(db: SqlClient, sql: DialectSql, migrations: readonly EmbeddedMigration[]): Promise<string[]> {
  await db.execute(sql.migrationHistoryDdl);
  const lock = sql.lock(LOCKS.migrate);
  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await db.transaction(async (tx) => {
      if (lock) await tx.query(lock);
      const rows = await tx.query<{ checksum: string }>(
        `SELECT checksum FROM "_prisma_migrations" WHERE migration_name = ${sql.param(1)} AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
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
              `Check the database is reachable and writable, or apply prisma/${sql.name}/migrations with \`prisma migrate deploy\`.`,
            { cause: error },
          );
        }
      }
      const now = new Date().toISOString();
      const p = sql.param;
      await tx.execute(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES (${p(1)}, ${p(2)}, ${sql.timestamptzParam(3)}, ${p(4)}, ${sql.timestamptzParam(5)}, ${p(6)})`,
        [crypto.randomUUID(), migration.checksum, now, migration.name, now, statements.length],
      );
      return true;
    });
    if (done) applied.push(migration.name);
  }
  return applied;
}
