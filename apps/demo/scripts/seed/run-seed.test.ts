import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createLoupe } from "@loupe/middleware";
import { describe, expect, it } from "vitest";
import { seedHistory, storeHasTraces, XSS_PROMPT } from "./run-seed";

describe("seedHistory", () => {
  it("records chats, failures, unpriced calls, feedback and judge runs through the capture path", async () => {
    const databaseUrl = `file:${path.join(mkdtempSync(path.join(tmpdir(), "loupe-seed-")), "seed.db")}`;
    expect(await storeHasTraces(databaseUrl)).toBe(false);
    const report = await seedHistory({ traces: 400, days: 30, databaseUrl });
    expect(report).toMatchObject({ traces: 400, dropped: 0 });
    expect(report.failed).toBeGreaterThan(0);
    expect(report.feedback).toBeGreaterThan(0);
    expect(report.judged).toBeGreaterThan(0);
    expect(await storeHasTraces(databaseUrl)).toBe(true);

    const loupe = createLoupe({ databaseUrl, registerTelemetry: false });
    try {
      const store = await loupe.store();
      const count = async (sql: string) => Number((await store.db.query<{ n: unknown }>(sql))[0].n);
      expect(await count("SELECT COUNT(*) AS n FROM loupe_traces WHERE kind = 'app'")).toBe(400);
      expect(await count("SELECT COUNT(DISTINCT user_id) AS n FROM loupe_traces WHERE kind = 'app'")).toBeGreaterThan(30);
      expect(await count("SELECT COUNT(*) AS n FROM loupe_traces WHERE level = 'ERROR'")).toBeGreaterThan(0);
      expect(await count("SELECT COUNT(*) AS n FROM loupe_traces WHERE unpriced_count > 0")).toBeGreaterThan(0);
      expect(await count("SELECT COUNT(*) AS n FROM loupe_observations WHERE type = 'TOOL'")).toBeGreaterThan(100);
      expect(await count("SELECT COUNT(*) AS n FROM loupe_scores WHERE source = 'EVAL'")).toBe(report.judged);
      const [xss] = (await loupe.query.traces({ userId: "grace", limit: 500 })).items.filter((t) => t.inputPreview === XSS_PROMPT);
      expect(xss.outputPreview).toContain("<script>alert(1)</script>");
      expect(xss.outputPreview).toContain("<img src=x onerror=alert(1)>");
    } finally {
      await loupe.shutdown();
    }
  });
});
