import type * as LoupeModule from "@loupe/middleware";

/**
 * @loupe/middleware, loaded by Node at runtime instead of being bundled.
 *
 * A host that installs Loupe from npm only needs `serverExternalPackages` (next.config.ts).
 * In this monorepo the package is a symlinked workspace, which Next's bundler resolves to
 * its real path outside node_modules and bundles anyway (vercel/next.js#84388); bundled, it
 * cannot find its generated Prisma client. The ignored dynamic import keeps it external.
 */
export const loupeModule: typeof LoupeModule = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ "@loupe/middleware");
