import { createRequire } from "node:module";
import type { PrismaLike } from "./sql-client.js";

// Loupe's own Prisma clients are generated at install time (npm run setup) into
// packages/middleware/generated/{sqlite,postgres}; both paths are the same from src/ and dist/.
const require = createRequire(import.meta.url);

type PrismaClientClass = new (options: { adapter: unknown; log?: unknown[] }) => PrismaLike;

/** Raised when Loupe's generated Prisma client is missing (the install step did not run). */
export class LoupeClientMissingError extends Error {
  override readonly name = "LoupeClientMissingError";
  /** True when `error` is a {@link LoupeClientMissingError}. */
  static isInstance(error: unknown): error is LoupeClientMissingError {
    return error instanceof Error && error.name === "LoupeClientMissingError";
  }
}

function load(dialect: "sqlite" | "postgres"): PrismaClientClass {
  try {
    return (require(`../../generated/${dialect}/index.js`) as { PrismaClient: PrismaClientClass }).PrismaClient;
  } catch (error) {
    throw new LoupeClientMissingError(
      `Loupe's ${dialect} Prisma client is not generated. Run \`npm run setup\` (or \`npm run generate -w @loupe/middleware\`).`,
      { cause: error },
    );
  }
}

/** Opens a Prisma client on a SQLite file through the better-sqlite3 driver adapter. */
export async function openSqlitePrisma(file: string): Promise<PrismaLike> {
  const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
  const PrismaClient = load("sqlite");
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: file }) });
}

/** Opens a Prisma client on Postgres through the pg driver adapter. */
export async function openPostgresPrisma(connectionString: string, poolSize = 10): Promise<PrismaLike> {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const PrismaClient = load("postgres");
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: poolSize }) });
}
