import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createLoupe } from "@loupe/middleware";
import { rawSql } from "@loupe/middleware/testing";
import { describe, expect, it } from "vitest";
import { sampleTag, seedHistory, storeHasTraces, XSS_PROMPT } from "./run-seed";

const tempDb = (name: string) => `file:${path.join(mkdtempSync(path.join(tmpdir(), "loupe-seed-")), `${name}.db`)}`;

/** What a user reads off a seeded store, without the times (which move with the end date). */
async function storedContent(databaseUrl: string) {
  const loupe = createLoupe({ databaseUrl, registerTelemetry: false });
  try {
    const traces = (await loupe.query.traces({ limit: 500 })).items;
    const details = await Promise.all(traces.map((t) => loupe.query.trace(t.id)));
    return details
      .map((t) =>
        JSON.stringify([
          t!.name, t!.userId, t!.sessionId, t!.tags, t!.kind, t!.level, t!.statusMessage, t!.inputPreview, t!.outputPreview,
          t!.usage, t!.totalCost, t!.observations.map((o) => [o.type, o.name, o.model, o.level].join(" ")).sort(),
          t!.scores.map((s) => [s.name, s.source, s.value, s.comment].join(" ")).sort(),
        ]),
      )
      .sort();
  } finally {
    await loupe.shutdown();
  }
}

describe("seedHistory", () => {
  it("records chats, failures, unpriced calls, feedback and judge runs through the capture path", async () => {
    const databaseUrl = tempDb("seed");
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
      const count = async (sql: string) => Number((await rawSql(store).query<{ n: unknown }>(sql))[0].n);
      expect(await count("SELECT COUNT(*) AS n FROM loupe_traces WHERE kind = 'app'")).toBe(400);
      expect(await count("SELECT COUNT(DISTINCT user_id) AS n FROM loupe_traces WHERE kind = 'app'")).toBeGreaterThan(30);
      expect(await count("SELECT COUNT(*) AS n FROM loupe_traces WHERE level = 'ERROR'")).toBeGreaterThan(0);
      expect(await count("SELECT COUNT(*) AS n FROM loupe_traces WHERE unpriced_count > 0")).toBeGreaterThan(0);
      expect(await count("SELECT COUNT(*) AS n FROM loupe_observations WHERE type = 'TOOL'")).toBeGreaterThan(100);
      expect(await count("SELECT COUNT(*) AS n FROM loupe_scores WHERE source = 'EVAL'")).toBe(report.judged);
      const samples = (await loupe.query.traces({ tag: sampleTag("xss"), limit: 500 })).items;
      expect(samples).toHaveLength(1);
      const [xss] = samples;
      expect(xss).toMatchObject({ userId: "grace", inputPreview: XSS_PROMPT, level: "DEFAULT" });
      expect(xss.outputPreview).toContain("<script>alert(1)</script>");
      expect(xss.outputPreview).toContain("<img src=x onerror=alert(1)>");
    } finally {
      await loupe.shutdown();
    }
  });

  it("stores the same history, up to its times, for end dates in different months and weekdays", async () => {
    // A Wednesday in November and a Saturday in December: weekend sessions move, nothing else.
    const ends = [Date.parse("2026-11-18T09:30:00Z"), Date.parse("2026-12-05T21:10:00Z")];
    const urls = ends.map((_, i) => tempDb(`end-${i}`));
    for (const [i, end] of ends.entries()) await seedHistory({ traces: 250, days: 30, end, databaseUrl: urls[i] });
    const [first, second] = [await storedContent(urls[0]), await storedContent(urls[1])];
    expect(first.length).toBeGreaterThan(250);
    expect(second).toEqual(first);
  });
});
