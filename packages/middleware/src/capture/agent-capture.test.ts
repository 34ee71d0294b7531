import { generateText, stepCountIs, streamText, tool, wrapLanguageModel } from "ai";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createLoupe, type Loupe } from "../loupe.js";
import type { ObservationView } from "../domain/views.js";
import { manualClock, scriptedModel, type ScriptedStep } from "../testing/scripted-model.js";
import { tempSqliteStore } from "../testing/temp-store.js";

// gpt-4o-mini list prices: $0.15 input, $0.075 cached input, $0.60 output per 1M tokens.
const STEPS: ScriptedStep[] = [
  { toolCalls: [{ toolCallId: "call-1", toolName: "weather", input: { city: "Paris" } }], usage: { input: 1000, output: 20 }, ttftMs: 250, durationMs: 800 },
  { toolCalls: [{ toolCallId: "call-2", toolName: "calculator", input: { expression: "2/0" } }], usage: { input: 1200, cacheRead: 1000, output: 30, reasoning: 10 }, ttftMs: 300, durationMs: 900 },
  { text: "It is sunny in Paris and I could not divide by zero.", usage: { input: 1400, cacheRead: 1200, output: 50 }, ttftMs: 150, durationMs: 1200 },
];
// Hand-computed: step 1 (1000×0.15 + 20×0.6)/1e6; step 2 (200×0.15 + 1000×0.075 + 30×0.6)/1e6;
// step 3 (200×0.15 + 1200×0.075 + 50×0.6)/1e6.
const STEP_COSTS = [0.000162, 0.000123, 0.00015];
const TOTAL_COST = 0.000435;

const tools = {
  weather: tool({
    description: "Current weather for a city",
    inputSchema: z.object({ city: z.string() }),
    execute: async ({ city }) => ({ city, condition: "sunny", celsius: 21 }),
  }),
  calculator: tool({
    description: "Evaluates an arithmetic expression",
    inputSchema: z.object({ expression: z.string() }),
    execute: async ({ expression }): Promise<number> => {
      throw new Error(`cannot evaluate ${expression}: division by zero`);
    },
  }),
};

let loupe: Loupe | undefined;
afterEach(async () => {
  await loupe?.shutdown();
  loupe = undefined;
});

async function setup() {
  const clock = manualClock();
  const store = await tempSqliteStore();
  loupe = createLoupe({ store, registerTelemetry: false, _internal: { now: clock.now } });
  const model = wrapLanguageModel({ model: scriptedModel(STEPS, clock), middleware: loupe.middleware() });
  return { clock, store, model, loupe };
}

function byType(observations: ObservationView[], type: string) {
  return observations.filter((o) => o.type === type);
}

describe.each(["generate", "stream"] as const)("a three-step agent with two tools (%s)", (mode) => {
  it("is stored as agent → steps → generation + tool calls with exact usage, cost and TTFT", async () => {
    const { model, loupe } = await setup();
    let traceId: string | undefined;
    const text = await loupe.withTrace({ name: "chat", userId: "ada", sessionId: "s-1", tags: ["demo"] }, async () => {
      traceId = loupe.currentTraceId();
      const options = {
        model,
        tools,
        prompt: "What's the weather in Paris, and what is 2/0?",
        stopWhen: stepCountIs(3),
        telemetry: { functionId: "weather-agent", integrations: [loupe.telemetry()] },
      };
      if (mode === "generate") return (await generateText(options)).text;
      const result = streamText(options);
      return await result.text;
    });
    expect(text).toBe("It is sunny in Paris and I could not divide by zero.");
    expect(await loupe.flush()).toBe(true);

    const trace = await loupe.query.trace(traceId!);
    expect(trace).toMatchObject({ name: "chat", userId: "ada", sessionId: "s-1", tags: ["demo"], models: ["gpt-4o-mini"] });
    const obs = trace!.observations;
    const [agent] = byType(obs, "AGENT");
    expect(agent).toMatchObject({ name: "weather-agent", parentId: null });
    const steps = byType(obs, "SPAN").sort((a, b) => a.name!.localeCompare(b.name!));
    expect(steps.map((s) => [s.name, s.parentId])).toEqual([
      ["step 1", agent.id],
      ["step 2", agent.id],
      ["step 3", agent.id],
    ]);
    const generations = byType(obs, "GENERATION");
    expect(generations).toHaveLength(3);
    for (const [i, step] of steps.entries()) {
      const gen = generations.find((g) => g.parentId === step.id)!;
      expect(gen).toMatchObject({ model: "gpt-4o-mini", provider: "openai.chat" });
      expect(gen.usage).toMatchObject({
        inputTokens: STEPS[i].usage.input,
        cacheReadTokens: STEPS[i].usage.cacheRead ?? 0,
        outputTokens: STEPS[i].usage.output,
        reasoningTokens: STEPS[i].usage.reasoning ?? 0,
        totalTokens: STEPS[i].usage.input + STEPS[i].usage.output,
      });
      expect(gen.totalCost).toBeCloseTo(STEP_COSTS[i], 12);
      expect(gen.latencyMs).toBe(STEPS[i].durationMs);
      if (mode === "stream") expect(gen.ttftMs).toBe(STEPS[i].ttftMs);
      else expect(gen.ttftMs).toBeNull();
    }
    const weather = byType(obs, "TOOL").find((t) => t.name === "weather")!;
    const calculator = byType(obs, "TOOL").find((t) => t.name === "calculator")!;
    expect(weather).toMatchObject({ parentId: steps[0].id, level: "DEFAULT", input: { city: "Paris" }, output: { city: "Paris", condition: "sunny", celsius: 21 } });
    expect(calculator).toMatchObject({ parentId: steps[1].id, level: "ERROR", input: { expression: "2/0" } });
    expect(calculator.statusMessage).toContain("division by zero");
    expect(typeof (calculator.metadata as { toolExecutionMs: number }).toolExecutionMs).toBe("number");

    // Totals are the sum of the generations, never counted twice.
    expect(trace!.usage).toEqual({ inputTokens: 3600, cacheReadTokens: 2200, cacheWriteTokens: 0, outputTokens: 100, reasoningTokens: 10, totalTokens: 3700 });
    expect(trace!.totalCost).toBeCloseTo(TOTAL_COST, 12);
    expect(trace!.generationCount).toBe(3);
    expect(trace!.level).toBe("ERROR");
    expect(trace!.outputPreview).toBe("It is sunny in Paris and I could not divide by zero.");
    expect(trace!.inputPreview).toContain("weather in Paris");
    if (mode === "stream") expect(trace!.ttftMs).toBe(250);
    expect(loupe.stats()).toMatchObject({ dropped: 0, failed: 0, internalErrors: 0, pending: 0 });
  });
});
