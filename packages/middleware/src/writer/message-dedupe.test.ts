import { OpenTelemetry } from "@ai-sdk/otel";
import { BasicTracerProvider } from "@opentelemetry/sdk-trace-base";
import { generateText, stepCountIs, streamText, tool, wrapLanguageModel, type ModelMessage, type Telemetry } from "ai";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createLoupeMiddleware } from "../capture/middleware.js";
import { Recorder } from "../capture/recorder.js";
import { createLoupeTelemetry } from "../capture/telemetry-integration.js";
import { withTrace } from "../capture/with-trace.js";
import { createPriceBook } from "../cost/index.js";
import type { LoupeEvent } from "../domain/events.js";
import type { WriteBatch } from "../domain/rows.js";
import { evaluationInput } from "../eval/evaluator.js";
import { LoupeSpanProcessor } from "../otel/loupe-span-processor.js";
import type { TraceStore } from "../store/trace-store.js";
import { manualClock, scriptedModel } from "../testing/scripted-model.js";
import { rawSql, tempSqliteStore } from "../testing/temp-store.js";
import { eventsToBatch, type MaskFunction, type RowSettings } from "./event-to-rows.js";

// Records the same calls once, converts the events to rows twice — inline as before, and
// content-addressed — and checks every read sees the same data, field by field.

const SYSTEM = `You are Loupe's test assistant. ${"Answer briefly and cite the weather tool. ".repeat(20)}`;
const LONG_RESULT = { city: "Paris", forecast: Array.from({ length: 24 }, (_, h) => ({ hour: h, celsius: 15 + (h % 7), note: `hour ${h} is mild` })) };
const tools = {
  weather: tool({ inputSchema: z.object({ city: z.string() }), execute: async () => LONG_RESULT }),
  fail: tool({ inputSchema: z.object({}), execute: async (): Promise<string> => { throw new Error("tool broke"); } }),
};
const answer = (i: number) => `Answer ${i}: ${"the sky over Paris is clear and the air is mild. ".repeat(8)}`;

async function record(): Promise<{ events: LoupeEvent[]; errors: unknown[] }> {
  const events: LoupeEvent[] = [];
  const errors: unknown[] = [];
  const clock = manualClock();
  let id = 0;
  const recorder = new Recorder({
    sink: { enqueue: (event) => events.push(event) },
    settings: { sampleRate: 1, recordInputs: true, recordOutputs: true, environment: "test", release: undefined, now: clock.now, generateId: () => `id-${String(++id).padStart(4, "0")}`, onInternalError: (e) => errors.push(e) },
  });
  const middleware = createLoupeMiddleware(recorder);
  const telemetry = { integrations: [createLoupeTelemetry(recorder)] };
  const model = (steps: Parameters<typeof scriptedModel>[0]) => wrapLanguageModel({ model: scriptedModel(steps, clock), middleware });

  // 1. Two chat sessions that share a system prompt and their first question; history re-sent every turn.
  for (const session of ["s-1", "s-2"]) {
    const history: ModelMessage[] = [];
    for (let turn = 0; turn < 4; turn++) {
      const question = turn === 0 ? "What is the weather in Paris today, in detail?" : `${session} follow-up ${turn}: ${"and tomorrow? ".repeat(30)}`;
      history.push(turn % 2 ? { role: "user", content: [{ type: "text", text: question }] } : { role: "user", content: question });
      const m = model([{ text: answer(turn), usage: { input: 100, output: 50 } }]);
      const messages = await withTrace(recorder, { name: "chat", userId: "ada", sessionId: session }, async () => {
        if (turn % 2) return (await generateText({ model: m, system: SYSTEM, messages: [...history], telemetry })).response.messages;
        const result = streamText({ model: m, system: SYSTEM, messages: [...history], telemetry });
        return (await result.response).messages;
      });
      history.push(...messages);
    }
  }
  // 2. A tool agent: a long tool result re-sent on later steps, a failing tool, reasoning.
  await withTrace(recorder, { name: "agent", sessionId: "s-3" }, () =>
    generateText({
      model: model([
        { toolCalls: [{ toolCallId: "c1", toolName: "weather", input: { city: "Paris" } }], usage: { input: 10, output: 5 } },
        { toolCalls: [{ toolCallId: "c2", toolName: "fail", input: {} }], reasoning: "Let me check.", usage: { input: 10, output: 5 } },
        { text: answer(9), usage: { input: 10, output: 5 } },
      ]),
      system: SYSTEM,
      prompt: "Plan my day in Paris around the weather, please.",
      tools,
      stopWhen: stepCountIs(3),
      telemetry,
    }),
  );
  // 3. No withTrace, no telemetry: the generation's trace takes its prompt and output.
  await generateText({ model: model([{ text: answer(3), usage: { input: 1, output: 1 } }]), system: SYSTEM, messages: [{ role: "user", content: "Implicit trace question?" }] });
  // 4. A long string prompt, a host-given trace input, and a trace that records no inputs.
  await withTrace(recorder, { name: "prompt", input: { question: "explicit input" } }, () =>
    generateText({ model: model([{ text: answer(4), usage: { input: 1, output: 1 } }]), prompt: `Summarise: ${"a long document. ".repeat(40)}`, telemetry }),
  );
  await withTrace(recorder, { name: "private", recordInputs: false }, () =>
    generateText({ model: model([{ text: answer(5), usage: { input: 1, output: 1 } }]), system: SYSTEM, prompt: "private question", telemetry }),
  );
  // 5. A prompt over the payload cap (stored as the truncation marker either way).
  await withTrace(recorder, { name: "huge" }, () =>
    generateText({ model: model([{ text: answer(6), usage: { input: 1, output: 1 } }]), system: SYSTEM, prompt: "x".repeat(20_000), telemetry }),
  );
  // 6. The OpenTelemetry span-processor path (GenAI message format).
  const processor = new LoupeSpanProcessor({ enqueue: (event) => events.push(event), flush: async () => true, environment: "test" });
  const provider = new BasicTracerProvider({ spanProcessors: [processor] });
  await generateText({
    model: scriptedModel([{ toolCalls: [{ toolCallId: "o1", toolName: "weather", input: { city: "Paris" } }], usage: { input: 1, output: 1 } }, { text: answer(7), usage: { input: 1, output: 1 } }], clock),
    system: SYSTEM,
    prompt: "Weather via spans?",
    tools,
    stopWhen: stepCountIs(2),
    telemetry: { functionId: "otel-agent", integrations: [new OpenTelemetry({ tracer: provider.getTracer("ai") }) as Telemetry] },
  });
  return { events, errors };
}

const mask: MaskFunction = (value) => JSON.parse(JSON.stringify(value ?? null).replaceAll("Paris", "[city]"));

async function payloadBytes(store: TraceStore): Promise<number> {
  const [row] = await rawSql(store).query<{ n: number }>(
    `SELECT (SELECT COALESCE(SUM(LENGTH(input)) + SUM(LENGTH(output)), 0) FROM loupe_payloads)
          + (SELECT COALESCE(SUM(LENGTH(content) + LENGTH(hash)), 0) FROM loupe_messages)
          + (SELECT COALESCE(SUM(LENGTH(hash) + COALESCE(LENGTH(parent_hash), 0) + LENGTH(message_hash)), 0) FROM loupe_message_lists) AS n`,
  );
  return Number(row.n);
}

describe.each([["without a mask", undefined], ["with a mask", mask]] as const)("content-addressed messages read back as the inline format (%s)", (_, maskFn) => {
  let events: LoupeEvent[];
  let inline: TraceStore;
  let addressed: TraceStore;
  let batches: { inline: WriteBatch; addressed: WriteBatch };

  beforeAll(async () => {
    const recorded = await record();
    expect(recorded.errors).toEqual([]);
    events = recorded.events;
    const settings: RowSettings = { priceBook: createPriceBook({}), mask: maskFn, maxPayloadLength: 8_000, onInternalError: (e) => { throw e; } };
    batches = { inline: eventsToBatch(events, { ...settings, addressMessages: false }), addressed: eventsToBatch(events, settings) };
    [inline, addressed] = await Promise.all([tempSqliteStore(), tempSqliteStore()]);
    // Written in two halves, the second replayed, like batches of a real writer.
    for (const [store, batch] of [[inline, batches.inline], [addressed, batches.addressed]] as const) {
      await store.write(batch);
      await store.write(batch);
    }
  });

  const traceIds = () => [...new Set(events.flatMap((e) => (e.kind === "trace" ? [e.id] : [])))];

  it("stores references, and much less, for the same payloads", async () => {
    expect(batches.addressed.payloads!.some((p) => p.input?.startsWith("@l:"))).toBe(true);
    expect(batches.addressed.payloads!.some((p) => p.output?.startsWith("@c:"))).toBe(true);
    expect(batches.addressed.payloads!.some((p) => p.output?.startsWith("@t:"))).toBe(true);
    expect(batches.addressed.payloads!.some((p) => p.output?.startsWith("@v:"))).toBe(true);
    // One row each for the system prompt, a tool result and an answer, however often they were sent.
    const holding = (text: string) => batches.addressed.messages!.filter((m) => m.content.includes(text)).map((m) => m.role);
    expect(holding("Answer briefly and cite")).toEqual(["system"]);
    expect(holding("Answer 2: the sky")).toEqual(["assistant"]);
    // The tool's own output and the tool message of the next step's prompt: one row.
    expect(holding('"toolCallId":"c1","toolName":"weather","output"')).toEqual(["tool"]);
    expect(batches.addressed.payloads!.filter((p) => p.truncated)).toHaveLength(batches.inline.payloads!.filter((p) => p.truncated).length);
    expect(batches.inline.payloads!.filter((p) => p.truncated).length).toBeGreaterThan(0);
    expect(await payloadBytes(addressed)).toBeLessThan((await payloadBytes(inline)) / 2);
    if (maskFn) expect(batches.addressed.messages!.some((m) => m.content.includes("Paris"))).toBe(false);
  });

  it("rebuilds every trace, observation and judge input exactly", async () => {
    expect(traceIds().length).toBeGreaterThan(10);
    for (const id of traceIds()) {
      const [a, b] = await Promise.all([inline.getTrace(id), addressed.getTrace(id)]);
      expect(b).not.toBeNull();
      expect(b).toStrictEqual(a);
      // Key order too: the UI shows the JSON as stored.
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      expect(evaluationInput(b!)).toStrictEqual(evaluationInput(a!));
    }
  });

  it("replays sessions and lists traces (export) the same", async () => {
    for (const session of ["s-1", "s-2", "s-3"]) {
      const [a, b] = await Promise.all([inline.getSession(session), addressed.getSession(session)]);
      expect(b?.turns.length).toBeGreaterThan(0);
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    }
    const range = { from: new Date("2026-01-01T00:00:00Z"), to: new Date("2026-01-10T00:00:00Z"), limit: 500 };
    expect(await addressed.listTraces(range)).toStrictEqual(await inline.listTraces(range));
  });

  it("finds the same traces by text that lives only in deduplicated messages", async () => {
    const range = { from: new Date("2026-01-01T00:00:00Z"), to: new Date("2026-01-10T00:00:00Z"), limit: 500 };
    const queries = ["cite the weather tool", "What is the weather in Paris", "s-2 follow-up 3", "hour 17 is mild", "Answer 2: the sky", "Let me check", "Implicit trace", "no such text anywhere", "tool broke", '"role":"tool"'];
    for (const search of queries) {
      const [a, b] = await Promise.all([inline.listTraces({ ...range, search }), addressed.listTraces({ ...range, search })]);
      expect({ search, ids: b.items.map((t) => t.id) }).toEqual({ search, ids: a.items.map((t) => t.id) });
    }
    const everywhere = await addressed.listTraces({ ...range, search: "cite the weather tool" });
    expect(everywhere.items.length).toBeGreaterThan(8);
  });
});
