import type * as LoupeModule from "@loupe/middleware";
import type * as LoupeNextModule from "@loupe/middleware/next";

/**
 * @loupe/middleware and @loupe/middleware/next, loaded by Node at runtime instead of being
 * bundled — the trick of apps/demo/lib/loupe-module.ts: in this monorepo the package is a
 * symlinked workspace that Next bundles anyway (vercel/next.js#84388), and bundled it cannot
 * find its generated Prisma client. A host installing from npm needs only serverExternalPackages.
 */
export const loupeModule: typeof LoupeModule = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ "@loupe/middleware");

/** `flushAfterResponse` and the other Next helpers, loaded the same way. */
export const loupeNext: typeof LoupeNextModule = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ "@loupe/middleware/next");
