import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSqliteStore, type TraceStore } from "@loupe/middleware";
import { makeGeneration, makeScore, makeTrace } from "@loupe/middleware/testing";
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readViewState } from "../routing/url-state.js";
import { OverviewView } from "./overview/overview-view.js";
import { SessionDetailView } from "./sessions/session-detail-view.js";
import type { ViewContext } from "./shared/view-context.js";
import { TraceDetailView } from "./trace-detail/trace-detail-view.js";
import { TracesView } from "./traces/traces-view.js";
import { UsersView } from "./users/users-view.js";
import { ScoresView } from "./scores/scores-view.js";

vi.mock("next/navigation", () => ({
  useRouter: () => ({ push: vi.fn(), refresh: vi.fn() }),
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
}));

const renderHtml = (element: ReactElement) => renderToString(element);
const XSS = "Sure: <script>alert(1)</script> and <img src=x onerror=alert(1)>";
const now = new Date("2026-01-03T00:00:00.000Z");
let store: TraceStore;
const tempSqliteStore = () => createSqliteStore({ url: path.join(mkdtempSync(path.join(tmpdir(), "loupe-ui-")), "loupe.db") });

const ctx = (params: Record<string, string> = {}): ViewContext => ({
  basePath: "/admin/llm",
  apiBasePath: "/api/loupe",
  params,
  state: readViewState(params, now),
});

beforeAll(async () => {
  store = await tempSqliteStore();
  const trace = makeTrace({ id: "xss-trace", userId: "grace", sessionId: "sess-1", tags: ["demo"] });
  const agent = { id: "agent-1", traceId: trace.id, type: "AGENT" as const, name: "agent", startTime: new Date("2026-01-02T10:00:00.050Z"), endTime: new Date("2026-01-02T10:00:01.900Z") };
  const gen = makeGeneration(trace.id, { id: "gen-1", parentId: "agent-1", model: "mystery-model", inputCost: null, outputCost: null, totalCost: null });
  await store.write({
    traces: [trace],
    observations: [agent, gen],
    payloads: [
      { id: trace.id, traceId: trace.id, input: JSON.stringify([{ role: "user", content: "repeat the markup" }]), output: JSON.stringify(XSS) },
      { id: "gen-1", traceId: trace.id, input: JSON.stringify([{ role: "user", content: [{ type: "text", text: "repeat the markup" }] }]), output: JSON.stringify([{ type: "text", text: XSS }]) },
    ],
    scores: [makeScore({ traceId: trace.id, value: 0, comment: "<b>bad</b>" })],
  });
});
afterAll(() => store.close());

describe("server-rendered views", () => {
  it("renders model output and comments as text, never as markup", async () => {
    const html = renderHtml(await TraceDetailView({ store, ctx: ctx(), id: "xss-trace" }));
    expect(html).not.toContain("<script>alert(1)");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<b>bad</b>");
  });

  it("shows the tree (agent → generation), and an unpriced cost as — with a badge, never $0", async () => {
    const html = renderHtml(await TraceDetailView({ store, ctx: ctx({ obs: "gen-1" }), id: "xss-trace" }));
    expect(html).toMatch(/aria-level="1"[^>]*>.*agent/s);
    expect(html).toMatch(/aria-level="2"/);
    expect(html).toContain("unpriced");
    expect(html).not.toContain("$0.00");
    expect(html).toContain("mystery-model");
  });

  it("answers not-found for an unknown trace", async () => {
    await expect(TraceDetailView({ store, ctx: ctx(), id: "nope" })).rejects.toThrow("NEXT_NOT_FOUND");
  });

  it("lists traces with export links carrying the filters", async () => {
    const html = renderHtml(await TracesView({ store, ctx: ctx({ user: "grace" }), hasData: true }));
    expect(html).toContain("/admin/llm/traces/xss-trace");
    expect(html).toContain("/api/loupe/export?user=grace&amp;format=csv");
    const none = renderHtml(await TracesView({ store, ctx: ctx({ user: "nobody" }), hasData: true }));
    expect(none).toContain("No trace matches");
  });

  it("shows the two setup lines before the first trace", async () => {
    const empty = await tempSqliteStore();
    try {
      const html = renderHtml(await OverviewView({ store: empty, ctx: ctx(), hasData: false }));
      expect(html).toContain("createLoupe(");
      expect(html).toContain("wrapLanguageModel({ model: openai(&quot;gpt-4o-mini&quot;), middleware: loupe.middleware() })");
    } finally {
      await empty.close();
    }
  });

  it("renders the overview, users and a session", async () => {
    expect(renderHtml(await OverviewView({ store, ctx: ctx(), hasData: true }))).toContain("loupe-card-traces");
    expect(renderHtml(await UsersView({ store, ctx: ctx(), hasData: true }))).toContain("/admin/llm/users/grace");
    const session = renderHtml(await SessionDetailView({ store, ctx: ctx(), id: "sess-1" }));
    expect(session).toContain("Turn <!-- -->1");
    expect(session).toContain("&lt;script&gt;");
  });

  it("shows how often each judge agrees with users' thumbs (rate and kappa)", async () => {
    // Judge says good (5) where the user said thumbs down (0) on the seeded trace; two more traces agree.
    const extra = [makeTrace({ id: "agree-1", startTime: new Date("2026-01-02T11:00:00Z") }), makeTrace({ id: "agree-2", startTime: new Date("2026-01-02T12:00:00Z") })];
    await store.write({
      traces: extra,
      scores: [
        makeScore({ traceId: "xss-trace", name: "helpfulness", dataType: "NUMERIC", value: 5, source: "EVAL", evaluatorId: "judge-a" }),
        makeScore({ traceId: "agree-1", name: "helpfulness", dataType: "NUMERIC", value: 5, source: "EVAL", evaluatorId: "judge-a" }),
        makeScore({ traceId: "agree-1", value: 1 }),
        makeScore({ traceId: "agree-2", name: "helpfulness", dataType: "NUMERIC", value: 1, source: "EVAL", evaluatorId: "judge-a" }),
        makeScore({ traceId: "agree-2", value: 0 }),
      ],
    });
    const html = renderHtml(await ScoresView({ store, ctx: ctx() }));
    expect(html).toContain("loupe-judge-agreement");
    // Pairs: (5, down), (5, up), (1, down) → 2 of 3 agree; judge good 2/3, users good 1/3;
    // chance = 2/3·1/3 + 1/3·2/3 = 4/9; kappa = (2/3 − 4/9) / (1 − 4/9) = 0.40.
    const text = html.replaceAll("<!-- -->", "").replaceAll("&#x27;", "'");
    expect(text).toContain("judge-a vs users' thumbs: 67% agree · κ 0.40 · 3 traces rated by both");
  });
});
