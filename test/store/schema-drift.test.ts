import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPostgresStore, createSqliteStore, type TraceStore } from "@loupe/middleware";
import { rawSql } from "@loupe/middleware/testing";
import { describe, expect, it } from "vitest";
import { freshPostgresDatabase } from "../support/postgres.js";

const root = path.resolve(import.meta.dirname, "../..");

/** The SQL `prisma migrate diff` says the schema needs from an empty database. */
function schemaSql(dialect: "sqlite" | "postgres", databaseUrl: string): string {
  return execFileSync(
    "npx",
    [
      "prisma", "migrate", "diff", "--from-empty",
      "--to-schema-datamodel", path.join(root, "prisma", dialect, "schema"),
      "--script", "--config", path.join(root, "prisma", "prisma.config.ts"),
    ],
    { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
}

async function sqliteShape(store: TraceStore): Promise<unknown> {
  const tables = await rawSql(store).query<{ name: string }>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`,
  );
  const shape: Record<string, unknown> = {};
  for (const { name } of tables) {
    const columns = await rawSql(store).query(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info('${name}') ORDER BY cid`);
    const indexes = await rawSql(store).query<{ name: string; unique: number }>(
      `SELECT name, "unique" FROM pragma_index_list('${name}') ORDER BY name`,
    );
    const indexColumns = [];
    for (const index of indexes) {
      indexColumns.push({
        ...index,
        columns: await rawSql(store).query(`SELECT name, "desc" FROM pragma_index_xinfo('${index.name}') WHERE key = 1 ORDER BY seqno`),
      });
    }
    shape[name] = { columns, indexes: indexColumns };
  }
  return JSON.parse(JSON.stringify(shape, (_, v) => (typeof v === "bigint" ? Number(v) : v)));
}

async function postgresShape(store: TraceStore): Promise<unknown> {
  const columns = await rawSql(store).query(
    `SELECT table_name::text, column_name::text, data_type::text, is_nullable::text, column_default::text,
            datetime_precision::int
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
      ORDER BY table_name, column_name`,
  );
  const indexes = await rawSql(store).query(
    `SELECT tablename::text, indexname::text, indexdef::text FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
      ORDER BY tablename, indexname`,
  );
  return JSON.parse(JSON.stringify({ columns, indexes }, (_, v) => (typeof v === "bigint" ? Number(v) : v)));
}

async function applyScript(store: TraceStore, script: string): Promise<void> {
  for (const statement of script.split(/;\s*\n/).map((s) => s.trim()).filter((s) => s && !/^(--[^\n]*\n?)+$/.test(s))) {
    await rawSql(store).execute(statement);
  }
}

describe("schema and migrations", () => {
  it("embedded migrations match prisma/*/migrations", () => {
    expect(() => execFileSync("node", ["scripts/embed-migrations.mjs", "--check"], { cwd: root, stdio: "pipe" })).not.toThrow();
  });

  it("SQLite: the checked-in migrations build exactly the schema in loupe.prisma", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "loupe-drift-"));
    const migrated = await createSqliteStore({ url: path.join(dir, "migrated.db") });
    const fromSchema = await createSqliteStore({ url: path.join(dir, "schema.db"), autoMigrate: false });
    try {
      await applyScript(fromSchema, schemaSql("sqlite", `file:${path.join(dir, "cli.db")}`));
      const expected = await sqliteShape(fromSchema);
      expect(Object.keys(expected as object).length).toBeGreaterThanOrEqual(12);
      expect(await sqliteShape(migrated)).toEqual(expected);
    } finally {
      await migrated.close();
      await fromSchema.close();
    }
  });

  it("Postgres: the checked-in migrations build exactly the schema in loupe.prisma", async () => {
    const migrated = await createPostgresStore({ url: await freshPostgresDatabase("drift_a") });
    const fromSchemaUrl = await freshPostgresDatabase("drift_b");
    const fromSchema = await createPostgresStore({ url: fromSchemaUrl, autoMigrate: false });
    try {
      await applyScript(fromSchema, schemaSql("postgres", fromSchemaUrl));
      const expected = (await postgresShape(fromSchema)) as { columns: unknown[] };
      expect(expected.columns.length).toBeGreaterThan(100);
      expect(await postgresShape(migrated)).toEqual(expected);
    } finally {
      await migrated.close();
      await fromSchema.close();
    }
  });
});
