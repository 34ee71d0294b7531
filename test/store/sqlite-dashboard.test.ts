import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSqliteStore } from "@loupe/middleware";
import { describeDashboardQueries } from "@loupe/middleware/testing";

// The dashboard's reads on the native better-sqlite3 store (the Prisma one: packages/middleware/src/testing/dashboard.test.ts).
describeDashboardQueries("sqlite (native driver)", () =>
  createSqliteStore({ url: `file:${path.join(mkdtempSync(path.join(tmpdir(), "loupe-dash-")), "loupe.db")}`, driver: "native" }),
);
