import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TraceStore } from "../store/trace-store.js";
import { makeGeneration, makeScore, makeTrace } from "./fixtures.js";
import { getFilterOptions, getOverview, getSessionDetail, getUserDetail, listScoreSummaries, listTracePage, listUserStats } from "../query/index.js";

const at = (iso: string) => new Date(iso);
const plus = (iso: string, ms: number) => new Date(at(iso).getTime() + ms);

// Four traces over four days: two users, one unpriced model, one error, feedback and judge scores.
const t1 = makeTrace({ id: "t1", userId: "user-a", sessionId: "s1", environment: "prod", release: "r1", tags: ["vip"], startTime: at("2026-01-02T10:00:00Z"), endTime: plus("2026-01-02T10:00:00Z", 1000) });
const t2 = makeTrace({ id: "t2", userId: "user-a", sessionId: "s1", environment: "prod", level: "ERROR", startTime: at("2026-01-02T11:00:00Z"), endTime: plus("2026-01-02T11:00:00Z", 2000) });
const t3 = makeTrace({ id: "t3", userId: "user-b", environment: "prod", startTime: at("2026-01-03T09:00:00Z"), endTime: plus("2026-01-03T09:00:00Z", 3000) });
const t4 = makeTrace({ id: "t4", userId: "user-b", environment: "staging", startTime: at("2026-01-05T12:00:00Z"), endTime: plus("2026-01-05T12:00:00Z", 4000) });
const gen = (t: typeof t1, extra: Parameters<typeof makeGeneration>[1] = {}) =>
  makeGeneration(t.id, { id: `g-${t.id}`, startTime: plus(t.startTime.toISOString(), 10), endTime: plus(t.startTime.toISOString(), 500), completionStartTime: plus(t.startTime.toISOString(), 110), ...extra });

/**
 * The dashboard read models against a real store of one dialect (SQLite in this
 * package; the Postgres run is test/store/dashboard-postgres.test.ts).
 */
export function describeDashboardQueries(dialect: string, openStore: () => Promise<TraceStore>): void {
  describe(`dashboard queries (${dialect})`, () => {
    let store: TraceStore;

    beforeAll(async () => {
      store = await openStore();
      await store.write({
        traces: [t1, t2, t3, t4],
        observations: [gen(t1), gen(t2, { model: "claude-x", inputCost: null, outputCost: null, totalCost: null, level: "ERROR" }), gen(t3), gen(t4)],
        payloads: [
          { id: "t1", traceId: "t1", input: JSON.stringify([{ role: "user", content: "hello" }]), output: JSON.stringify("hi there") },
          { id: "t2", traceId: "t2", input: JSON.stringify([{ role: "user", content: "again" }]), output: JSON.stringify("boom") },
          { id: "t3", traceId: "t3", input: JSON.stringify("a question"), output: JSON.stringify('I saw a "purple elephant"') },
        ],
        scores: [
          makeScore({ id: "up1", traceId: "t1", value: 1 }),
          makeScore({ id: "down1", traceId: "t2", value: 0, comment: "wrong", timestamp: at("2026-01-02T11:00:05Z") }),
          makeScore({ id: "j3", traceId: "t3", name: "helpfulness", dataType: "NUMERIC", value: 0.8, source: "EVAL", timestamp: at("2026-01-03T09:01:00Z") }),
          makeScore({ id: "j4", traceId: "t4", name: "helpfulness", dataType: "NUMERIC", value: 0.4, source: "EVAL", timestamp: at("2026-01-05T12:01:00Z") }),
        ],
      });
    });
    afterAll(() => store.close());

    describe("getOverview", () => {
      it("sums one day at hour grain: priced cost only, unpriced counted, thumbs ratio", async () => {
        const o = await getOverview(store, { from: at("2026-01-02T00:00:00Z"), to: at("2026-01-03T00:00:00Z") });
        expect(o.grain).toBe("hour");
        expect(o.totals).toMatchObject({ traces: 2, errorTraces: 1, errorRate: 0.5, generations: 2, unpricedCount: 1, thumbsUp: 1, thumbsDown: 1, thumbsUpRatio: 0.5 });
        expect(o.totals.cost).toBeCloseTo(0.00042, 10);
        // Read from the hourly histogram: within ±2.5 % of the exact 1000 / 2000 / 2000 ms.
        expect(o.totals.latency.p50! / 1000).toBeCloseTo(1, 1);
        expect(Math.abs(o.totals.latency.p95! / 2000 - 1)).toBeLessThanOrEqual(0.025);
        expect(Math.abs(o.totals.latency.p99! / 2000 - 1)).toBeLessThanOrEqual(0.025);
        // A trace's TTFT runs from the trace start to the first token (110 ms here).
        expect(Math.abs(o.totals.ttftP50! / 110 - 1)).toBeLessThanOrEqual(0.025);
        expect(o.series).toHaveLength(24);
        const hour = o.series.find((s) => s.bucket === "2026-01-02T10")!;
        expect(hour.traces).toBe(1);
        expect(Math.abs(hour.p50! / 1000 - 1)).toBeLessThanOrEqual(0.025);
        expect(o.costByModel.map((m) => m.model).sort()).toEqual(["claude-x", "gpt-4o-mini"]);
      });

      it("reads whole UTC days from the rollup at day grain (t1, earlier on the first day, counts)", async () => {
        const o = await getOverview(store, { from: at("2026-01-02T10:30:00Z"), to: at("2026-01-09T00:00:00Z") });
        expect(o.grain).toBe("day");
        expect(o.totals).toMatchObject({ traces: 4, generations: 4, unpricedCount: 1 });
        expect(o.totals.cost).toBeCloseTo(3 * 0.00042, 10);
        expect(o.totals.judgeMean).toBeCloseTo(0.6, 10);
        expect(o.series.map((s) => s.bucket)).toEqual(["2026-01-02", "2026-01-03", "2026-01-04", "2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08"]);
        expect(o.series.map((s) => s.traces)).toEqual([2, 1, 0, 1, 0, 0, 0]);
      });

      it("applies filters the rollup lacks (tag) and those it has (environment, model)", async () => {
        const range = { from: at("2026-01-01T00:00:00Z"), to: at("2026-01-08T00:00:00Z") };
        expect((await getOverview(store, { ...range, tag: "vip" })).totals.traces).toBe(1);
        expect((await getOverview(store, { ...range, environment: "staging" })).totals.traces).toBe(1);
        const claude = await getOverview(store, { ...range, model: "claude-x" });
        expect(claude.totals).toMatchObject({ generations: 1, unpricedCount: 1, cost: 0 });
      });
    });

    describe("listTracePage", () => {
      it("pages newest first with next and previous cursors", async () => {
        const first = await listTracePage(store, { limit: 2 });
        expect(first.items.map((t) => t.id)).toEqual(["t4", "t3"]);
        expect(first.prevCursor).toBeNull();
        const second = await listTracePage(store, { limit: 2, after: first.nextCursor });
        expect(second.items.map((t) => t.id)).toEqual(["t2", "t1"]);
        expect(second.nextCursor).toBeNull();
        const back = await listTracePage(store, { limit: 2, before: second.prevCursor });
        expect(back.items.map((t) => t.id)).toEqual(["t4", "t3"]);
        expect(back.prevCursor).toBeNull();
      });

      it("sorts by cost with unpriced traces as the cheapest, and pages in that order", async () => {
        const asc = await listTracePage(store, { sort: "cost", order: "asc", limit: 3 });
        expect(asc.items[0].id).toBe("t2");
        const rest = await listTracePage(store, { sort: "cost", order: "asc", limit: 3, after: asc.nextCursor });
        expect(rest.items).toHaveLength(1);
        const seen = [...asc.items, ...rest.items].map((t) => t.id).sort();
        expect(seen).toEqual(["t1", "t2", "t3", "t4"]);
        const byLatency = await listTracePage(store, { sort: "latency", order: "desc" });
        expect(byLatency.items.map((t) => t.id)).toEqual(["t4", "t3", "t2", "t1"]);
      });

      it("searches stored outputs (JSON-escaped quotes) within the range", async () => {
        const page = await listTracePage(store, { search: '"purple elephant"', from: at("2026-01-01T00:00:00Z") });
        expect(page.items.map((t) => t.id)).toEqual(["t3"]);
        const none = await listTracePage(store, { search: "100%_off", from: at("2026-01-01T00:00:00Z") });
        expect(none.items).toEqual([]);
      });

      it("filters by model, tag, level, user and session and attaches scores", async () => {
        expect((await listTracePage(store, { model: "claude-x" })).items.map((t) => t.id)).toEqual(["t2"]);
        expect((await listTracePage(store, { tag: "vip" })).items.map((t) => t.id)).toEqual(["t1"]);
        expect((await listTracePage(store, { level: "ERROR" })).items.map((t) => t.id)).toEqual(["t2"]);
        expect((await listTracePage(store, { userId: "user-b" })).items.map((t) => t.id)).toEqual(["t4", "t3"]);
        const session = await listTracePage(store, { sessionId: "s1" });
        expect(session.items.map((t) => t.id)).toEqual(["t2", "t1"]);
        expect(session.items[1].scores).toEqual([{ name: "user-feedback", source: "FEEDBACK", value: 1, stringValue: null, count: 1 }]);
      });
    });

    describe("users", () => {
      const range = { from: at("2026-01-01T00:00:00Z"), to: at("2026-01-08T00:00:00Z") };
      it("lists users by cost with thumbs, judge mean and activity", async () => {
        const page = await listUserStats(store, { ...range, sort: "cost" });
        expect(page.items.map((u) => u.userId)).toEqual(["user-b", "user-a"]);
        const [b, a] = page.items;
        expect(b).toMatchObject({ calls: 2, traces: 2, errorRate: 0, judgeMean: expect.closeTo(0.6, 10) });
        expect(a).toMatchObject({ calls: 2, traces: 2, errorTraces: 1, unpricedCount: 1, thumbsUp: 1, thumbsDown: 1 });
        expect(a.firstSeen?.toISOString()).toBe("2026-01-02T10:00:00.000Z");
        expect(a.lastSeen?.toISOString()).toBe("2026-01-02T11:00:00.000Z");
        const asc = await listUserStats(store, { ...range, sort: "userId", limit: 1 });
        expect(asc.items.map((u) => u.userId)).toEqual(["user-a"]);
        expect(asc.hasMore).toBe(true);
        expect((await listUserStats(store, { ...range, search: "-b" })).items.map((u) => u.userId)).toEqual(["user-b"]);
      });

      it("gives a user's daily cost by model, and null for an unknown user", async () => {
        const detail = await getUserDetail(store, "user-b", range);
        expect(detail?.daily.map((d) => [d.day, d.model, d.calls])).toEqual([
          ["2026-01-03", "gpt-4o-mini", 1],
          ["2026-01-05", "gpt-4o-mini", 1],
        ]);
        expect(detail?.cost).toBeCloseTo(0.00084, 10);
        expect(await getUserDetail(store, "nobody", range)).toBeNull();
      });
    });

    describe("scores, sessions, filter options", () => {
      const range = { from: at("2026-01-01T00:00:00Z"), to: at("2026-01-08T00:00:00Z") };
      it("summarises each score name by source with distribution and trend", async () => {
        const summaries = await listScoreSummaries(store, range);
        const feedback = summaries.find((s) => s.name === "user-feedback");
        expect(feedback).toMatchObject({ source: "FEEDBACK", count: 2, mean: 0.5 });
        expect(feedback?.distribution.sort((a, b) => a.label.localeCompare(b.label))).toEqual([
          { label: "false", count: 1 },
          { label: "true", count: 1 },
        ]);
        const judge = summaries.find((s) => s.name === "helpfulness");
        expect(judge?.distribution).toEqual([{ label: "0.4", count: 1 }, { label: "0.8", count: 1 }]);
        expect(judge?.trend.filter((t) => t.count > 0).map((t) => [t.bucket, t.mean])).toEqual([
          ["2026-01-03", 0.8],
          ["2026-01-05", 0.4],
        ]);
        expect(await listScoreSummaries(store, { ...range, source: "EVAL" })).toHaveLength(1);
      });

      it("replays a session's turns in order with payloads and feedback", async () => {
        const session = await getSessionDetail(store, "s1");
        expect(session?.turns.map((t) => t.id)).toEqual(["t1", "t2"]);
        expect(session?.turns[0].output).toBe("hi there");
        expect(session?.turns[1].scores[0]).toMatchObject({ value: 0, comment: "wrong" });
        expect(await getSessionDetail(store, "missing")).toBeNull();
      });

      it("offers environments, models, names and tags", async () => {
        const options = await getFilterOptions(store, range);
        expect(options).toMatchObject({ environments: ["prod", "staging"], models: ["claude-x", "gpt-4o-mini"], names: ["chat"], releases: ["r1"], tags: ["vip"] });
      });
    });
  });
}
