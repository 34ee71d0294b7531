import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TraceStore } from "../store/trace-store.js";
import type { UsageDailyRow } from "../domain/views.js";
import { makeGeneration, makeScore, makeTrace, testId } from "./fixtures.js";
import { describeMessageConformance } from "./message-conformance.js";

/**
 * The conformance suite every {@link TraceStore} adapter passes. Call it from a test
 * file with a factory that opens a fresh, migrated store:
 *
 *   describeStoreConformance("sqlite", () => createSqliteStore({ url: tmpFile }));
 */
export function describeStoreConformance(name: string, open: () => Promise<TraceStore>): void {
  describe(`TraceStore conformance: ${name}`, () => {
    let store: TraceStore;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it("migrates idempotently: a second migrate applies nothing", async () => {
      expect(await store.migrate()).toEqual([]);
    });

    it("stores the same trace, observation and score once however often they are written", async () => {
      const trace = makeTrace();
      const gen = makeGeneration(trace.id);
      const score = makeScore({ traceId: trace.id });
      for (let i = 0; i < 3; i++) await store.write({ traces: [trace], observations: [gen], scores: [score] });
      await store.write({ traces: [trace, trace], observations: [gen, gen] });
      const detail = await store.getTrace(trace.id);
      expect(detail?.observations).toHaveLength(1);
      expect(detail?.scores).toHaveLength(1);
      expect(detail?.usage.inputTokens).toBe(1000);
      expect(detail?.usage.totalTokens).toBe(1500);
      expect(detail?.totalCost).toBeCloseTo(0.00042, 12);
      const page = await store.listTraces({ userId: trace.userId!, name: "chat", environment: "test", limit: 500 });
      expect(page.items.filter((t) => t.id === trace.id)).toHaveLength(1);
    });

    it("accepts a child before its parent and before its trace, and totals it once all land", async () => {
      const trace = makeTrace({ userId: testId("user") });
      const agent = { id: testId("agent"), traceId: trace.id, type: "AGENT" as const, name: "agent", startTime: trace.startTime };
      const child = makeGeneration(trace.id, { parentId: agent.id });
      await store.write({ observations: [child] });
      expect(await store.getTrace(trace.id)).toBeNull();
      await store.write({ observations: [agent] });
      await store.write({ traces: [trace] });
      const detail = await store.getTrace(trace.id);
      expect(detail?.observations.map((o) => o.id).sort()).toEqual([agent.id, child.id].sort());
      expect(detail?.observations.find((o) => o.id === child.id)?.parentId).toBe(agent.id);
      expect(detail?.generationCount).toBe(1);
      expect(detail?.observationCount).toBe(2);
      expect(detail?.usage.outputTokens).toBe(500);
      expect(detail?.ttftMs).toBe(350);
      expect(detail?.models).toEqual(["gpt-4o-mini"]);
      const usage = (await store.usageDaily()).filter((r) => r.userId === trace.userId);
      expect(usage).toHaveLength(1);
      expect(usage[0]).toMatchObject({ traceCount: 1, generationCount: 1, inputTokens: 1000, model: "gpt-4o-mini" });
    });

    it("keeps scores and feedback that arrive before their trace, and links them to its user", async () => {
      const trace = makeTrace({ userId: testId("user") });
      const feedback = makeScore({ traceId: trace.id, comment: "great answer 👍", authorId: trace.userId });
      const judge = makeScore({ traceId: trace.id, name: "helpfulness", dataType: "NUMERIC", value: 0.8, source: "EVAL" });
      await store.write({ scores: [feedback, judge] });
      await store.write({ traces: [trace] });
      const detail = await store.getTrace(trace.id);
      expect(detail?.scores.map((s) => s.name).sort()).toEqual(["helpfulness", "user-feedback"]);
      expect(detail?.scores.find((s) => s.id === feedback.id)).toMatchObject({
        comment: "great answer 👍",
        value: 1,
        userId: trace.userId,
        source: "FEEDBACK",
      });
    });

    it("replaces a score written again under the same id (a changed vote)", async () => {
      const trace = makeTrace();
      const vote = makeScore({ traceId: trace.id, value: 1, comment: "ok" });
      await store.write({ traces: [trace], scores: [vote] });
      await store.write({ scores: [{ ...vote, value: 0, comment: null }] });
      const [score] = (await store.getTrace(trace.id))!.scores;
      expect(score).toMatchObject({ value: 0, comment: null });
    });

    it("fills in fields on later writes without erasing earlier ones", async () => {
      const trace = makeTrace({ name: "first", tags: ["a", "b"], release: "v1", endTime: null });
      await store.write({ traces: [trace], payloads: [{ id: trace.id, traceId: trace.id, input: '"hello"' }] });
      await store.write({
        traces: [{ id: trace.id, startTime: trace.startTime, endTime: new Date(trace.startTime.getTime() + 1234) }],
        payloads: [{ id: trace.id, traceId: trace.id, output: '"world"' }],
      });
      const detail = await store.getTrace(trace.id);
      expect(detail).toMatchObject({ name: "first", tags: ["a", "b"], release: "v1", environment: "test", latencyMs: 1234 });
      expect(detail?.input).toBe("hello");
      expect(detail?.output).toBe("world");
    });

    it("raises a trace to ERROR when an observation fails, and leaves cost null for unknown models", async () => {
      const trace = makeTrace();
      const failed = makeGeneration(trace.id, {
        model: "some-unpriced-model",
        level: "ERROR",
        statusMessage: "rate limited",
        inputCost: null,
        outputCost: null,
        totalCost: null,
      });
      await store.write({ traces: [trace], observations: [failed] });
      const detail = await store.getTrace(trace.id);
      expect(detail).toMatchObject({ level: "ERROR", errorCount: 1, totalCost: null, unpricedCount: 1, statusMessage: "rate limited" });
      await store.write({ traces: [{ ...trace, level: "DEFAULT" }] });
      expect((await store.getTrace(trace.id))?.level).toBe("ERROR");
    });

    it("stores Unicode, emoji, odd JSON keys and a 1 MB payload exactly", async () => {
      const trace = makeTrace({ name: "naïve 日本語 🚀", userId: "ユーザー-😀" });
      const odd = {
        "": "empty key",
        "__proto__": { polluted: true },
        "a.b": 1,
        "$where": "x",
        "quote\"d": "'single' \"double\"",
        "nul\u0000key": "nul\u0000value",
        "emoji 👩‍👩‍👧": ["𝕏", "\u{1F600}"],
        "newline\nkey": "tab\tvalue",
        "nested": { "deep": [[[{ "x": null }]]] },
      };
      const big = "x".repeat(1024 * 1024 - 20) + "末尾🙂";
      const gen = makeGeneration(trace.id);
      await store.write({
        traces: [trace],
        observations: [gen],
        payloads: [
          { id: trace.id, traceId: trace.id, input: JSON.stringify(odd), metadata: JSON.stringify({ k: "🙂" }) },
          { id: gen.id, traceId: trace.id, input: JSON.stringify(big), output: JSON.stringify(odd) },
        ],
      });
      const detail = await store.getTrace(trace.id);
      expect(detail?.name).toBe("naïve 日本語 🚀");
      expect(detail?.userId).toBe("ユーザー-😀");
      expect(JSON.stringify(detail?.input)).toBe(JSON.stringify(JSON.parse(JSON.stringify(odd))));
      expect(detail?.metadata).toEqual({ k: "🙂" });
      expect(detail?.observations[0].input).toBe(big);
      expect(JSON.stringify(detail?.observations[0].output)).toBe(JSON.stringify(odd));
    });

    it("pages by keyset without skipping or repeating rows while new rows arrive", async () => {
      const user = testId("pager");
      const base = Date.parse("2026-02-01T00:00:00.000Z");
      // 30 traces, several sharing the same start time to exercise the id tie-break.
      const initial = Array.from({ length: 30 }, (_, i) =>
        makeTrace({ userId: user, startTime: new Date(base + Math.floor(i / 3) * 1000), endTime: null }),
      );
      await store.write({ traces: initial });
      const seen: string[] = [];
      let cursor: string | null = null;
      let round = 0;
      do {
        const page = await store.listTraces({ userId: user, limit: 7, cursor });
        seen.push(...page.items.map((t) => t.id));
        cursor = page.nextCursor;
        round += 1;
        // New rows arrive between pages: newer ones and ones tied with rows already seen.
        await store.write({
          traces: [
            makeTrace({ userId: user, startTime: new Date(base + 3_600_000 + round), endTime: null }),
            makeTrace({ userId: user, startTime: new Date(base + 29_000), endTime: null }),
          ],
        });
      } while (cursor);
      const initialIds = new Set(initial.map((t) => t.id));
      expect(new Set(seen).size).toBe(seen.length);
      for (const id of initialIds) expect(seen).toContain(id);
    });

    it("keeps every row of 200 concurrent writers", async () => {
      const user = testId("concurrent");
      const writes = Array.from({ length: 200 }, (_, i) => {
        const trace = makeTrace({ userId: user, sessionId: `${user}-s${i % 10}` });
        return store.write({ traces: [trace], observations: [makeGeneration(trace.id), makeGeneration(trace.id)] });
      });
      await Promise.all(writes);
      let count = 0;
      let cursor: string | null = null;
      do {
        const page = await store.listTraces({ userId: user, limit: 100, cursor });
        count += page.items.length;
        for (const t of page.items) expect(t.generationCount).toBe(2);
        cursor = page.nextCursor;
      } while (cursor);
      expect(count).toBe(200);
      const sessions = await store.listSessions({ userId: user, limit: 100 });
      expect(sessions.items).toHaveLength(10);
      expect(sessions.items.reduce((n, s) => n + s.traceCount, 0)).toBe(200);
      const usage = (await store.usageDaily()).filter((r) => r.userId === user);
      expect(usage.reduce((n, r) => n + r.generationCount, 0)).toBe(400);
      expect(usage.reduce((n, r) => n + r.traceCount, 0)).toBe(200);
    });

    it("keeps the daily rollup equal to a recount from raw rows through replays, moves and mixed models", async () => {
      const userA = testId("roll-a");
      const userB = testId("roll-b");
      const traces = Array.from({ length: 12 }, (_, i) =>
        makeTrace({ userId: i % 2 ? userA : userB, startTime: new Date(Date.parse("2026-03-01T12:00:00Z") + i * 7_200_000) }),
      );
      const gens = traces.flatMap((t, i) => [
        makeGeneration(t.id, { model: i % 3 ? "gpt-4o-mini" : "claude-sonnet-4-5", startTime: t.startTime }),
        makeGeneration(t.id, { model: "gpt-4o", startTime: new Date(t.startTime.getTime() + 10), totalCost: i % 4 ? 0.01 : null }),
      ]);
      // Observations first, then traces, then everything again (a replay).
      await store.write({ observations: gens.slice(0, 10) });
      await store.write({ traces: traces.slice(0, 6), observations: gens.slice(10) });
      await store.write({ traces: traces.slice(6) });
      await store.write({ traces, observations: gens });
      // Scores land before and after their traces; a vote changes; a judge score lands.
      const vote = makeScore({ traceId: traces[1].id, value: 1 });
      await store.write({ scores: [vote, makeScore({ traceId: traces[2].id, name: "helpfulness", dataType: "NUMERIC", value: 4, source: "EVAL" })] });
      await store.write({ scores: [{ ...vote, value: 0 }, makeScore({ traceId: "no-such-trace", value: 1 })] });
      // A trace moves to another user and day; a generation changes model and cost.
      await store.write({ traces: [{ ...traces[0], userId: userA, startTime: new Date("2026-03-05T00:00:00Z") }] });
      await store.write({ observations: [{ ...gens[3], model: "gemini-2.5-pro", totalCost: 0.5, level: "ERROR" }] });
      const keep = (rows: UsageDailyRow[]) =>
        rows
          .filter((r) => r.userId === userA || r.userId === userB)
          .map((r) => ({ ...r, totalCost: Math.round(r.totalCost * 1e9) / 1e9 }));
      const histogram = async () => JSON.stringify((await store.rollups()).latencyHourly);
      const maintained = keep(await store.usageDaily());
      const maintainedHistogram = await histogram();
      const scoreRollup = async () =>
        JSON.stringify((await store.rollups()).scoreDaily.map((r) => ({ ...r, valueSum: Math.round(r.valueSum * 1e9) / 1e9 })));
      const maintainedScores = await scoreRollup();
      await store.rebuildRollups();
      const recounted = keep(await store.usageDaily());
      expect(maintained).toEqual(recounted);
      expect(maintainedHistogram).toBe(await histogram());
      expect(maintainedScores).toBe(await scoreRollup());
      expect(maintainedHistogram.length).toBeGreaterThan(10);
      expect(recounted.reduce((n, r) => n + r.traceCount, 0)).toBe(12);
      expect(recounted.reduce((n, r) => n + r.generationCount, 0)).toBe(24);
      expect(recounted.find((r) => r.model === "gemini-2.5-pro")?.errorCount).toBe(1);
    });

    describeMessageConformance(() => store);
  });
}
