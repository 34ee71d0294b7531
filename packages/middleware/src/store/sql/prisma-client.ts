import { createRequire } from "node:module";
import { LoupeClientMissingError } from "../../errors/loupe-client-missing-error.js";
import type { Dialect, PrismaLike } from "./sql-client.js";

// Loupe's own Prisma clients are generated at install time (npm run setup) into
// packages/middleware/generated/{sqlite,postgres}; the path is the same from src/ and dist/.
const require = createRequire(import.meta.url);

/** A generated PrismaClient class, taking a driver adapter. */
export type PrismaClientClass = new (options: { adapter: unknown; log?: unknown[] }) => PrismaLike;

/** Loads Loupe's generated Prisma client for `dialect` (throws {@link LoupeClientMissingError}). */
export function loadPrismaClient(dialect: Dialect): PrismaClientClass {
  try {
    return (require(`../../../generated/${dialect}/index.js`) as { PrismaClient: PrismaClientClass }).PrismaClient;
  } catch (error) {
    throw new LoupeClientMissingError(
      `Loupe's ${dialect} Prisma client is not generated. Run \`npm run setup\` (or \`npm run generate -w @loupe/middleware\`).`,
      { cause: error },
    );
  }
}
