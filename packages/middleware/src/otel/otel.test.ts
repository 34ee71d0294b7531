import { OpenTelemetry, LegacyOpenTelemetry } from "@ai-sdk/otel";
import { context, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { generateText, stepCountIs, streamText, tool, wrapLanguageModel, type Telemetry } from "ai";
import { MockLanguageModelV4 } from "ai/test";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createLoupe, type Loupe } from "../loupe.js";
import type { ObservationView, TraceDetail } from "../domain/views.js";
import { manualClock, scriptedModel, type ScriptedStep } from "../testing/scripted-model.js";
import { tempSqliteStore } from "../testing/temp-store.js";

const STEPS: ScriptedStep[] = [
  { toolCalls: [{ toolCallId: "call-1", toolName: "weather", input: { city: "Paris" } }], usage: { input: 1000, cacheRead: 400, output: 20, reasoning: 5 } },
  { text: "Sunny, 21 °C.", usage: { input: 1200, cacheRead: 1000, output: 30 } },
];
const tools = { weather: tool({ inputSchema: z.object({ city: z.string() }), execute: async ({ city }) => ({ city, celsius: 21 }) }) };

let contextManager: AsyncLocalStorageContextManager;
beforeAll(() => {
  contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
});
afterAll(() => {
  context.disable();
});

let loupes: Loupe[] = [];
afterEach(async () => {
  for (const l of loupes) await l.shutdown();
  loupes = [];
});

function otelProvider() {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  return { exporter, provider, tracer: provider.getTracer("test") };
}

async function newLoupe(options: Parameters<typeof createLoupe>[0] = {}) {
  const l = createLoupe({ store: await tempSqliteStore(), registerTelemetry: false, otel: false, ...options });
  loupes.push(l);
  return l;
}

describe("GenAI span export", () => {
  it("emits chat and execute_tool spans with the conventions' attributes under the host's active span", async () => {
    const { exporter, tracer } = otelProvider();
    const loupe = await newLoupe({ otel: { tracer, recordContent: true } });
    const model = wrapLanguageModel({ model: scriptedModel(STEPS, manualClock()), middleware: loupe.middleware() });
    let traceId = "";
    await tracer.startActiveSpan("POST /api/chat", async (http) => {
      await loupe.withTrace({ name: "chat" }, async () => {
        traceId = loupe.currentTraceId()!;
        await generateText({ model, prompt: "weather?", tools, stopWhen: stepCountIs(2), telemetry: { integrations: [loupe.telemetry()] } });
      });
      http.end();
    });
    const spans = exporter.getFinishedSpans();
    const http = spans.find((s) => s.name === "POST /api/chat")!;
    const chats = spans.filter((s) => s.name === "chat gpt-4o-mini");
    expect(chats).toHaveLength(2);
    for (const chat of chats) expect(chat.parentSpanContext?.spanId).toBe(http.spanContext().spanId);
    expect(chats[0].attributes).toMatchObject({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "openai",
      "gen_ai.request.model": "gpt-4o-mini",
      "gen_ai.response.model": "gpt-4o-mini",
      "gen_ai.usage.input_tokens": 1000,
      "gen_ai.usage.output_tokens": 20,
      "gen_ai.usage.cache_read.input_tokens": 400,
      "gen_ai.usage.reasoning.output_tokens": 5,
      "gen_ai.response.finish_reasons": ["tool-calls"],
      "loupe.trace_id": traceId,
    });
    expect(String(chats[0].attributes["gen_ai.input.messages"])).toContain("weather?");
    const toolSpan = spans.find((s) => s.name === "execute_tool weather")!;
    expect(toolSpan.attributes).toMatchObject({ "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "weather", "gen_ai.tool.call.id": "call-1", "loupe.trace_id": traceId });
    expect(JSON.parse(String(toolSpan.attributes["gen_ai.tool.call.result"]))).toEqual({ city: "Paris", celsius: 21 });
  });

  it("covers streams and errors, and leaves message contents out when inputs/outputs are not recorded", async () => {
    const { exporter, tracer } = otelProvider();
    const loupe = await newLoupe({ otel: { tracer, recordContent: true }, recordInputs: false, recordOutputs: false });
    const stream = wrapLanguageModel({ model: scriptedModel([{ text: "streamed answer", usage: { input: 10, output: 3 } }], manualClock()), middleware: loupe.middleware() });
    await streamText({ model: stream, prompt: "secret prompt" }).text;
    const failing = wrapLanguageModel({ model: new MockLanguageModelV4({ doGenerate: async () => { throw new Error("quota exceeded"); } }), middleware: loupe.middleware() });
    await expect(generateText({ model: failing, prompt: "x", maxRetries: 0 })).rejects.toThrow("quota exceeded");
    const [streamed, errored] = exporter.getFinishedSpans();
    expect(streamed.attributes).toMatchObject({ "gen_ai.usage.input_tokens": 10, "gen_ai.usage.output_tokens": 3, "gen_ai.response.finish_reasons": ["stop"] });
    expect(streamed.attributes["gen_ai.input.messages"]).toBeUndefined();
    expect(streamed.attributes["gen_ai.output.messages"]).toBeUndefined();
    expect(errored.status).toMatchObject({ code: 2, message: "quota exceeded" });
    expect(errored.attributes["error.type"]).toBe("Error");
  });

  it("is off when no tracer provider records spans", async () => {
    const loupe = await newLoupe({ otel: "auto" });
    const model = wrapLanguageModel({ model: scriptedModel([{ text: "ok", usage: { input: 1, output: 1 } }], manualClock()), middleware: loupe.middleware() });
    await generateText({ model, prompt: "x" });
    expect(trace.getActiveSpan()).toBeUndefined();
    expect(loupe.stats().internalErrors).toBe(0);
  });
});

/** The tree as comparable data: parent by type/name path, usage, cost, tool I/O. */
function shape(t: TraceDetail) {
  const byId = new Map(t.observations.map((o) => [o.id, o]));
  const path = (o: ObservationView): string => {
    const parent = o.parentId ? byId.get(o.parentId) : undefined;
    return `${parent ? `${path(parent)} > ` : ""}${o.type}:${o.name}`;
  };
  return t.observations
    .map((o) => ({
      path: path(o),
      model: o.model,
      level: o.level,
      usage: o.usage && { input: o.usage.inputTokens, cacheRead: o.usage.cacheReadTokens, output: o.usage.outputTokens, total: o.usage.totalTokens },
      totalCost: o.totalCost,
      toolInput: o.type === "TOOL" ? o.input : undefined,
      toolOutput: o.type === "TOOL" ? o.output : undefined,
      finishReason: o.type === "GENERATION" ? o.finishReason : undefined,
    }))
    .sort((a, b) => a.path.localeCompare(b.path) || String(a.finishReason).localeCompare(String(b.finishReason)));
}

describe("LoupeSpanProcessor", () => {
  it("stores the same tree from @ai-sdk/otel spans as the middleware stores", async () => {
    // 1. Captured by the middleware + telemetry integration.
    const direct = await newLoupe();
    const model = wrapLanguageModel({ model: scriptedModel(STEPS, manualClock()), middleware: direct.middleware() });
    const directId = await direct.withTrace({ name: "agent" }, async () => {
      await generateText({ model, prompt: "weather?", tools, stopWhen: stepCountIs(2), telemetry: { functionId: "weather-agent", integrations: [direct.telemetry()] } });
      return direct.currentTraceId()!;
    });
    await direct.flush();

    // 2. Captured from OpenTelemetry spans only (unwrapped model).
    const viaSpans = await newLoupe();
    const provider = new BasicTracerProvider({ spanProcessors: [viaSpans.spanProcessor()] });
    await generateText({
      model: scriptedModel(STEPS, manualClock()),
      prompt: "weather?",
      tools,
      stopWhen: stepCountIs(2),
      runtimeContext: { userId: "ada", sessionId: "s-9" },
      telemetry: { functionId: "weather-agent", includeRuntimeContext: { userId: true, sessionId: true }, integrations: [new OpenTelemetry({ tracer: provider.getTracer("ai"), runtimeContext: true } as ConstructorParameters<typeof OpenTelemetry>[0]) as Telemetry] },
    });
    await viaSpans.flush();
    const [ingested] = (await viaSpans.query.traces()).items;
    const a = (await direct.query.trace(directId))!;
    const b = (await viaSpans.query.trace(ingested.id))!;
    expect(b).toMatchObject({ name: "weather-agent", userId: "ada", sessionId: "s-9" });
    expect(shape(b)).toEqual(shape(a));
    // @ai-sdk/otel's GenAI spans carry no reasoning-token count (the legacy spans do); all else matches.
    expect({ ...b.usage, reasoningTokens: a.usage.reasoningTokens }).toEqual(a.usage);
    expect(b.totalCost).toBeCloseTo(a.totalCost!, 12);
  });

  it("reads the legacy ai.* spans too", async () => {
    const loupe = await newLoupe();
    const provider = new BasicTracerProvider({ spanProcessors: [loupe.spanProcessor()] });
    await generateText({
      model: scriptedModel(STEPS, manualClock()),
      prompt: "weather?",
      tools,
      stopWhen: stepCountIs(2),
      telemetry: { functionId: "legacy-agent", integrations: [new LegacyOpenTelemetry({ tracer: provider.getTracer("ai") } as ConstructorParameters<typeof LegacyOpenTelemetry>[0]) as Telemetry] },
    });
    await loupe.flush();
    const [summary] = (await loupe.query.traces()).items;
    const t = (await loupe.query.trace(summary.id))!;
    expect(t.name).toBe("legacy-agent");
    expect(t.observations.filter((o) => o.type === "GENERATION")).toHaveLength(2);
    expect(t.observations.find((o) => o.type === "TOOL")).toMatchObject({ name: "weather", input: { city: "Paris" }, output: { city: "Paris", celsius: 21 } });
    expect(t.usage).toMatchObject({ inputTokens: 2200, outputTokens: 50, cacheReadTokens: 1400 });
  });

  it("does not store a call twice when the middleware and the AI SDK's spans both see it", async () => {
    const loupe = await newLoupe({ registerTelemetry: false });
    const provider = new BasicTracerProvider({ spanProcessors: [loupe.spanProcessor()] });
    const model = wrapLanguageModel({ model: scriptedModel(STEPS, manualClock()), middleware: loupe.middleware() });
    await loupe.withTrace({ name: "both" }, () =>
      generateText({ model, prompt: "weather?", tools, stopWhen: stepCountIs(2), telemetry: { integrations: [loupe.telemetry(), new OpenTelemetry({ tracer: provider.getTracer("ai") }) as Telemetry] } }),
    );
    await loupe.flush();
    const { items } = await loupe.query.traces();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ name: "both", generationCount: 2 });
  });
});
