// next.config.ts — Prisma and the SQLite driver are native: keep them out of the bundle.
import type { NextConfig } from "next";

const config: NextConfig = {
  serverExternalPackages: ["@loupe/middleware", "@prisma/client", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "better-sqlite3", "pg"],
};

export default config;
