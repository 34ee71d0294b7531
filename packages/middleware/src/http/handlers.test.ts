import { generateText, wrapLanguageModel } from "ai";
import { afterEach, describe, expect, it } from "vitest";
import { createLoupe, type Loupe, type LoupeOptions } from "../loupe.js";
import { manualClock, scriptedModel } from "../testing/scripted-model.js";
import { rawSql, tempSqliteStore } from "../testing/temp-store.js";
import { csvCell } from "./export-traces.js";

const BASE = "http://localhost/api/loupe";
const ADMIN = { "x-test-admin": "yes" };
let loupe: Loupe | undefined;
afterEach(async () => {
  await loupe?.shutdown();
  loupe = undefined;
});

async function setup(options: Partial<LoupeOptions> = {}) {
  const clock = manualClock();
  const store = await tempSqliteStore();
  loupe = createLoupe({
    store,
    registerTelemetry: false,
    feedbackSecret: "test-secret-0123456789abcdef",
    authorize: (request) => request.headers.get("x-test-admin") === "yes",
    _internal: { now: clock.now },
    ...options,
  });
  const model = wrapLanguageModel({
    model: scriptedModel([{ text: "=HYPERLINK(\"http://evil\") hello", usage: { input: 10, output: 5 } }], clock),
    middleware: loupe.middleware(),
  });
  const traceId = await loupe.withTrace({ name: "chat", userId: "ada" }, async () => {
    await generateText({ model, prompt: "hi" });
    return loupe!.currentTraceId()!;
  });
  await loupe.flush();
  return { loupe, clock, traceId, store };
}

const get = (l: Loupe, path: string, headers: Record<string, string> = {}) => l.handlers.GET(new Request(`${BASE}/${path}`, { headers }));
const post = (l: Loupe, path: string, body: unknown, headers: Record<string, string> = {}) =>
  l.handlers.POST(new Request(`${BASE}/${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) }));

async function scoreCount(l: Loupe): Promise<number> {
  const s = await l.store();
  const [row] = await rawSql(s).query<{ n: unknown }>("SELECT COUNT(*) AS n FROM loupe_scores");
  return Number(row.n);
}

describe("admin data routes", () => {
  it("answer 404 to every request the host's authorize refuses, and when no authorize is configured", async () => {
    const { loupe: l, traceId } = await setup();
    for (const path of ["traces", `traces/${traceId}`, "sessions", "export?format=csv", "nope"]) {
      expect((await get(l, path)).status, path).toBe(404);
    }
    expect((await post(l, "scores", { traceId, name: "q", value: 1 })).status).toBe(404);
    const open = createLoupe({ store: await l.store(), registerTelemetry: false });
    expect((await get(open, "traces", ADMIN)).status).toBe(404);
    await open.shutdown();
    expect(await scoreCount(l)).toBe(0);
  });

  it("list and open traces for an authorised request", async () => {
    const { loupe: l, traceId } = await setup();
    const list = await (await get(l, "traces?user=ada&limit=10&range=custom&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z", ADMIN)).json();
    expect(list.items.map((t: { id: string }) => t.id)).toEqual([traceId]);
    const detail = await (await get(l, `traces/${traceId}`, ADMIN)).json();
    expect(detail.observations).toHaveLength(1);
    expect(detail.usage.totalTokens).toBe(15);
    expect((await get(l, "traces/missing", ADMIN)).status).toBe(404);
  });

  it("reject bad filters with a clear 400", async () => {
    const { loupe: l } = await setup();
    for (const [path, hint] of [["traces?limit=abc", "limit"], ["traces?level=LOUD", "level"], ["traces?after=zzz", "cursor"], ["traces?range=custom", "from"], ["traces?sort=mood", "sort"], ["export?format=xml", "format"]]) {
      const response = await get(l, path, ADMIN);
      expect(response.status, path).toBe(400);
      expect((await response.json()).error).toContain(hint);
    }
  });

  it("export the current filter as CSV with formula cells defused", async () => {
    const { loupe: l, traceId } = await setup();
    const response = await get(l, "export?format=csv&user=ada&range=custom&from=2026-01-01T00:00:00Z", ADMIN);
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="loupe-traces-.*\.csv"/);
    const [header, row, ...rest] = (await response.text()).trim().split("\n");
    expect(header.split(",")[0]).toBe("id");
    expect(row.startsWith(traceId)).toBe(true);
    expect(row).toContain(`"'=HYPERLINK(""http://evil"") hello"`);
    expect(rest).toEqual([]);
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell(-1)).toBe("-1");
  });

  it("store a reviewer's annotation score, and refuse a malformed one without writing", async () => {
    const { loupe: l, traceId } = await setup();
    expect((await post(l, "scores", { traceId, name: "correct", value: "partially", comment: "missing a step" }, ADMIN)).status).toBe(201);
    expect((await post(l, "scores", { name: "correct", value: 1 }, ADMIN)).status).toBe(400);
    expect((await post(l, "scores", "{not json", ADMIN)).status).toBe(400);
    await l.flush();
    const scores = (await l.query.trace(traceId))!.scores;
    expect(scores).toHaveLength(1);
    expect(scores[0]).toMatchObject({ source: "ANNOTATION", dataType: "CATEGORICAL", stringValue: "partially", comment: "missing a step" });
  });
});

describe("end-user feedback route", () => {
  it("records one vote per user per trace; a new vote replaces the old", async () => {
    const { loupe: l, traceId } = await setup();
    const token = l.feedbackToken({ traceId, userId: "ada" });
    expect((await post(l, "feedback", { token, value: 1 })).status).toBe(202);
    expect((await post(l, "feedback", { token, value: 0, comment: "wrong city" })).status).toBe(202);
    await l.flush();
    const scores = (await l.query.trace(traceId))!.scores;
    expect(scores).toHaveLength(1);
    expect(scores[0]).toMatchObject({ name: "user-feedback", source: "FEEDBACK", value: 0, comment: "wrong city", authorId: "ada", userId: "ada" });
    const current = await (await get(l, `feedback?token=${encodeURIComponent(token)}`)).json();
    expect(current).toMatchObject({ traceId, value: 0, comment: "wrong city" });
  });

  it("keeps a vote that arrives before the trace is written", async () => {
    const clock = manualClock();
    const store = await tempSqliteStore();
    loupe = createLoupe({ store, registerTelemetry: false, feedbackSecret: "test-secret-0123456789abcdef", _internal: { now: clock.now } });
    const token = loupe.feedbackToken({ traceId: "not-yet-written", userId: "ada" });
    expect((await post(loupe, "feedback", { token, value: 1 })).status).toBe(202);
    await loupe.flush();
    await store.write({ traces: [{ id: "not-yet-written", userId: "ada", startTime: new Date(clock.now()) }] });
    expect((await loupe.query.trace("not-yet-written"))!.scores).toMatchObject([{ value: 1, userId: "ada" }]);
  });

  it("refuses forged, expired, malformed and other-trace tokens with a 4xx and writes nothing", async () => {
    const { loupe: l, traceId, clock } = await setup({ feedbackTokenTtlSeconds: 60 });
    const token = l.feedbackToken({ traceId, userId: "ada" });
    const [v, payload, signature] = token.split(".");
    const forgedPayload = Buffer.from(JSON.stringify({ t: traceId, u: "mallory", e: 9_999_999_999 })).toString("base64url");
    const otherSecret = createLoupe({ store: await l.store(), registerTelemetry: false, feedbackSecret: "another-secret-0123456789" });
    const cases: [unknown, number, string][] = [
      [{ token: `${v}.${forgedPayload}.${signature}`, value: 1 }, 403, "signature"],
      [{ token: otherSecret.feedbackToken({ traceId, userId: "ada" }), value: 1 }, 403, "signature"],
      [{ token: `${v}.${payload}`, value: 1 }, 400, "malformed"],
      [{ token: "garbage", value: 1 }, 400, "malformed"],
      [{ token, value: 7 }, 400, "value"],
      [{ token, value: 1, comment: "x".repeat(2_001) }, 400, "comment"],
      [{ token, value: 1, traceId: "another-trace" }, 403, "another trace"],
      [{ value: 1 }, 400, "token"],
    ];
    for (const [body, status, hint] of cases) {
      const response = await post(l, "feedback", body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect((await response.json()).error).toContain(hint);
    }
    clock.advance(61_000);
    const expired = await post(l, "feedback", { token, value: 1 });
    expect(expired.status).toBe(401);
    expect((await expired.json()).error).toContain("expired");
    await otherSecret.shutdown();
    await l.flush();
    expect(await scoreCount(l)).toBe(0);
  });

  it("rate-limits votes per address and user", async () => {
    const { loupe: l, traceId } = await setup({ feedbackRateLimitPerMinute: 3 });
    const token = l.feedbackToken({ traceId, userId: "ada" });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(l, "feedback", { token, value: i % 2 }, { "x-forwarded-for": "203.0.113.7" })).status);
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
  });
});
