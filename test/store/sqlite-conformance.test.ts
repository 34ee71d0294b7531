import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSqliteStore } from "@loupe/middleware";
import { describeStoreConformance } from "@loupe/middleware/testing";

describeStoreConformance("sqlite", () =>
  createSqliteStore({ url: `file:${path.join(mkdtempSync(path.join(tmpdir(), "loupe-conf-")), "loupe.db")}` }),
);

// The writer thread's store: the same SQL straight on better-sqlite3, without Prisma.
describeStoreConformance("sqlite (native driver)", () =>
  createSqliteStore({ url: `file:${path.join(mkdtempSync(path.join(tmpdir(), "loupe-conf-")), "loupe.db")}`, driver: "native" }),
);
