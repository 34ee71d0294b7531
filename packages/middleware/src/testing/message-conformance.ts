import { expect, it } from "vitest";
import { createPriceBook } from "../cost/index.js";
import type { LoupeEvent, ObservationEvent, TraceEvent } from "../domain/events.js";
import type { UsageDailyRow } from "../domain/views.js";
import { sqlAccessOf } from "../store/sql/sql-trace-store.js";
import type { TraceStore } from "../store/trace-store.js";
import { eventsToBatch, type MaskFunction } from "../writer/event-to-rows.js";
import { testId } from "./fixtures.js";

type Message = { role: string; content: unknown };

const priceBook = createPriceBook();
const toBatch = (events: LoupeEvent[], mask?: MaskFunction) => eventsToBatch(events, { priceBook, mask, maxPayloadLength: 262_144, onInternalError: (e) => { throw e; } });

/** One chat turn as the writer receives it: trace, agent (ModelMessages) and generation (provider prompt). */
function turn(options: { sessionId: string; userId: string; system: string; history: Message[]; answer: string; at: number }): { events: LoupeEvent[]; traceId: string; prompt: Message[] } {
  const traceId = testId("msg-trace");
  const agentId = testId("msg-agent");
  const prompt: Message[] = [
    { role: "system", content: options.system },
    ...options.history.map((m) => ({ role: m.role, content: typeof m.content === "string" ? [{ type: "text", text: m.content }] : m.content })),
  ];
  const output = [{ type: "text", text: options.answer }];
  const base = { recordInputs: true, recordOutputs: true, startTime: options.at, endTime: options.at + 900 };
  const generation: ObservationEvent = {
    ...base, kind: "observation", id: testId("msg-gen"), traceId, parentId: agentId, type: "GENERATION", name: "chat gpt-4o-mini",
    model: "gpt-4o-mini", provider: "openai.chat", usage: { inputTokens: 1000, outputTokens: 100, totalTokens: 1100 }, input: prompt, output,
  };
  const agent: ObservationEvent = { ...base, kind: "observation", id: agentId, traceId, type: "AGENT", name: "chat-agent", input: options.history, output: options.answer };
  const trace: TraceEvent = { ...base, kind: "trace", id: traceId, name: "chat", userId: options.userId, sessionId: options.sessionId, environment: "test", input: options.history, output: options.answer };
  return { events: [generation, agent, trace], traceId, prompt };
}

/** A conversation of `turns` turns whose history is re-sent each turn. */
function conversation(marker: string, sessionId: string, turns: number, system: string, start: number) {
  const history: Message[] = [];
  const out: ReturnType<typeof turn>[] = [];
  for (let i = 0; i < turns; i++) {
    history.push({ role: "user", content: `${marker} question ${i} ${"about the weather ".repeat(20)}` });
    const answer = `${marker} answer ${i} ${"it is sunny ".repeat(30)}`;
    out.push(turn({ sessionId, userId: `${marker}-user`, system, history: [...history], answer, at: start + i * 60_000 }));
    history.push({ role: "assistant", content: [{ type: "text", text: answer }] });
  }
  return out;
}

/** Checks how many stored messages contain `text` (SQL stores; other backends count their own way). */
async function expectStoredMessages(store: TraceStore, text: string, expected: number): Promise<void> {
  const access = sqlAccessOf(store);
  if (!access) return;
  const [row] = await access.db.query<{ n: unknown }>(`SELECT COUNT(*) AS n FROM loupe_messages WHERE content LIKE ${access.sql.param(1)}`, [`%${text}%`]);
  expect({ text, stored: Number(row.n) }).toEqual({ text, stored: expected });
}

/**
 * Content-addressed messages in the store conformance suite: each message stored once
 * across traces and sessions, never merged across masks, references written before
 * their traces and replayed, and rollups still equal to a recount.
 */
export function describeMessageConformance(getStore: () => TraceStore): void {
  it("stores each message once across traces and sessions, and reads every payload in full", async () => {
    const store = getStore();
    const marker = testId("dedupe");
    const system = `${marker} system prompt: ${"be helpful and precise. ".repeat(200)}`;
    const start = Date.parse("2026-04-01T10:00:00Z");
    const a = conversation(marker, `${marker}-a`, 5, system, start);
    const b = conversation(`${marker}-b`, `${marker}-b`, 3, system, start + 3_600_000);
    await store.write(toBatch(a.flatMap((t) => t.events)));
    await store.write(toBatch(b.flatMap((t) => t.events)));
    // 1 system prompt, 5 + 3 questions, 5 + 3 answers: each stored once.
    await expectStoredMessages(store, marker, 17);
    for (const t of [...a, ...b]) {
      const detail = await store.getTrace(t.traceId);
      const [generation, agent] = t.events as ObservationEvent[];
      const trace = t.events[2] as TraceEvent;
      expect(detail?.input).toStrictEqual(trace.input);
      expect(detail?.output).toStrictEqual(trace.output);
      expect(detail?.observations.find((o) => o.type === "GENERATION")).toMatchObject({ input: t.prompt, output: generation.output, truncated: false });
      expect(detail?.observations.find((o) => o.type === "AGENT")).toMatchObject({ input: agent.input, output: agent.output });
      expect(detail?.inputPreview).toContain("question");
    }
    const session = await store.getSession(`${marker}-a`);
    expect(session?.turns.map((x) => x.input)).toStrictEqual(a.map((t) => (t.events[2] as TraceEvent).input));
    // Text that lives only in deduplicated messages is found in every trace that holds it.
    const range = { from: new Date(start - 1), to: new Date(start + 86_400_000), limit: 100 };
    const ids = async (search: string) => (await store.listTraces({ ...range, search })).items.map((x) => x.id).sort();
    expect(await ids(`${marker} question 1 `)).toStrictEqual(a.slice(1).map((t) => t.traceId).sort());
    expect(await ids(`${marker} system prompt`)).toStrictEqual([...a, ...b].map((t) => t.traceId).sort());
  });

  it("never merges the same message masked differently, and hashes nothing a trace does not record", async () => {
    const store = getStore();
    const marker = testId("mask");
    const secret = `${marker} secret-1234`;
    const masks: [string, MaskFunction | undefined][] = [
      ["plain", undefined],
      ["A", (value) => JSON.parse(JSON.stringify(value).replaceAll("secret-1234", "[A]"))],
      ["B", (value) => JSON.parse(JSON.stringify(value).replaceAll("secret-1234", "[B]"))],
    ];
    const written = [];
    for (const [name, mask] of masks) {
      const [t] = conversation(secret, `${marker}-${name}`, 1, "same system prompt", Date.parse("2026-04-02T10:00:00Z"));
      await store.write(toBatch(t.events, mask));
      written.push({ name, t });
    }
    for (const { name, t } of written) {
      const generation = (await store.getTrace(t.traceId))?.observations.find((o) => o.type === "GENERATION");
      const text = JSON.stringify(generation?.input);
      expect(text.includes("secret-1234")).toBe(name === "plain");
      if (name !== "plain") expect(text).toContain(`[${name}]`);
    }
    await expectStoredMessages(store, `${marker} [A]`, 2);
    await expectStoredMessages(store, `${marker} [B]`, 2);
    await expectStoredMessages(store, `${marker} secret-1234`, 2);
    // recordInputs/recordOutputs false: nothing of it reaches the message table.
    const [hidden] = conversation(`${marker}-hidden`, `${marker}-hidden`, 1, `${marker}-hidden system`, Date.parse("2026-04-02T11:00:00Z"));
    await store.write(toBatch(hidden.events.map((e) => (e.kind === "score" ? e : { ...e, recordInputs: false, recordOutputs: false }))));
    await expectStoredMessages(store, `${marker}-hidden`, 0);
    expect((await store.getTrace(hidden.traceId))?.observations.find((o) => o.type === "GENERATION")?.input).toBeNull();
  });

  it("accepts references before their trace, twice, in any order, and keeps rollups equal to a recount", async () => {
    const store = getStore();
    const marker = testId("order");
    const turns = conversation(marker, `${marker}-s`, 3, `${marker} system`, Date.parse("2026-04-03T10:00:00Z"));
    const events = turns.flatMap((t) => t.events);
    const generations = events.filter((e) => e.kind === "observation" && e.type === "GENERATION");
    // Generations (with their messages) land first, twice; then agents and traces, newest first; then a replay.
    await store.write(toBatch(generations));
    await store.write(toBatch(generations));
    expect(await store.getTrace(turns[0].traceId)).toBeNull();
    for (const t of [...turns].reverse()) await store.write(toBatch(t.events.slice(1)));
    await store.write(toBatch(events));
    await expectStoredMessages(store, marker, 7);
    for (const t of turns) {
      const detail = await store.getTrace(t.traceId);
      expect(detail).toMatchObject({ generationCount: 1, observationCount: 2, sessionId: `${marker}-s` });
      expect(detail?.usage.totalTokens).toBe(1100);
      expect(detail?.observations.find((o) => o.type === "GENERATION")?.input).toStrictEqual(t.prompt);
      expect(detail?.input).toStrictEqual((t.events[2] as TraceEvent).input);
    }
    expect((await store.listSessions({ userId: `${marker}-user` })).items[0]).toMatchObject({ traceCount: 3, totalTokens: 3300 });
    const keep = (rows: UsageDailyRow[]) => rows.filter((r) => r.userId === `${marker}-user`);
    const maintained = keep(await store.usageDaily());
    await store.rebuildRollups();
    expect(keep(await store.usageDaily())).toStrictEqual(maintained);
    expect(maintained.reduce((n, r) => n + r.traceCount, 0)).toBe(3);
  });
}
