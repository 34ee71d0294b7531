import type { NextConfig } from "next";

/**
 * The demo's pattern (apps/demo/next.config.ts): Loupe's middleware and its native parts stay
 * outside the bundle; lib/loupe-module.ts loads the workspace package with an ignored import.
 */
const nextConfig: NextConfig = {
  serverExternalPackages: ["@loupe/middleware", "@prisma/client", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "better-sqlite3", "pg"],
  poweredByHeader: false,
};

export default nextConfig;
