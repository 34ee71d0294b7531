/**
 * Prisma CLI config for Loupe's schemas, in Prisma 6's Rust-free mode (works offline).
 * `DATABASE_URL=postgres://…` selects the Postgres schema and migrations; anything else
 * (or nothing) selects embedded SQLite (`file:…`, default `file:./.loupe/loupe.db`).
 */
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= "/bin/false";
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PrismaConfig } from "prisma";

const url = process.env.DATABASE_URL ?? "file:./.loupe/loupe.db";
const isPostgres = /^postgres(ql)?:\/\//.test(url);
const dir = path.join(import.meta.dirname, isPostgres ? "postgres" : "sqlite");

// The wasm schema engine leaves a long timer behind; unref timers so the CLI exits.
const setTimeoutOriginal = globalThis.setTimeout;
globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
  const timer = setTimeoutOriginal(...args);
  (timer as { unref?: () => void }).unref?.();
  return timer;
}) as typeof setTimeout;

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(dir, "schema"),
  migrations: { path: path.join(dir, "migrations") },
  async adapter() {
    if (isPostgres) {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: url });
    }
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    const file = url.replace(/^file:/, "");
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    return new PrismaBetterSQLite3({ url: file });
  },
} satisfies PrismaConfig;
