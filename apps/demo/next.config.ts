import type { NextConfig } from "next";

/**
 * Loupe's middleware stays outside the bundle: it is loaded from packages/middleware/dist
 * at runtime and opens its generated Prisma clients (and the SQLite / Postgres drivers)
 * with createRequire. @loupe/ui is bundled like any React library.
 */
const nextConfig: NextConfig = {
  serverExternalPackages: ["@loupe/middleware", "@prisma/client", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "better-sqlite3", "pg"],
  poweredByHeader: false,
  // `next dev` on 127.0.0.1 (the e2e base URL) may load dev resources too.
  allowedDevOrigins: ["127.0.0.1"],
  reactStrictMode: true,
};

export default nextConfig;
