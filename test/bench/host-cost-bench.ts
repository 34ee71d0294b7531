/**
 * What observability costs the host, all in: main-thread event-loop time per recorded
 * call (request path + its share of background serialising, writing and exporting),
 * and total process CPU per call (every thread), for Loupe and for the Langfuse OTel path
 * (`@ai-sdk/otel` → `LangfuseSpanProcessor`), interleaved in one process on the same mock
 * model. The Langfuse sink runs in another process, as a real Langfuse server would.
 *
 *   npm run bench   (or: node --import tsx test/bench/host-cost-bench.ts)
 *
 * Main-thread time is `performance.eventLoopUtilization()` active time over a round of
 * calls plus the flush that writes or exports them, minus the same for the unwrapped model.
 */
import { fork } from "node:child_process";
import { performance } from "node:perf_hooks";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { OpenTelemetry } from "@ai-sdk/otel";
import { LangfuseSpanProcessor } from "@langfuse/otel";
import { context } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { BasicTracerProvider } from "@opentelemetry/sdk-trace-base";
import { createLoupe, type Loupe } from "@loupe/middleware";
import type { LanguageModelV4 } from "@ai-sdk/provider";
import { generateText, stepCountIs, tool, wrapLanguageModel, type Telemetry } from "ai";
import { MockLanguageModelV4 } from "ai/test";
import { z } from "zod";
import { fixed, printTable } from "./print-table.js";

const CALLS = Number(process.env.BENCH_CALLS ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const usage = { inputTokens: { total: 1_200, noCache: 1_200, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 60, text: 60, reasoning: 0 } };

/** A mock gpt-4o-mini: answers text, or (toolLoop) first calls the `weather` tool. */
function mockModel(toolLoop: boolean): LanguageModelV4 {
  let step = 0;
  return new MockLanguageModelV4({
    modelId: "gpt-4o-mini",
    provider: "openai.chat",
    doGenerate: async () => {
      const callTool = toolLoop && step++ % 2 === 0;
      return {
        content: callTool
          ? [{ type: "tool-call", toolCallId: `call-${step}`, toolName: "weather", input: JSON.stringify({ city: "Paris" }) }]
          : [{ type: "text", text: "It is 18 °C and sunny in Paris today, with a light breeze from the west." }],
        finishReason: { unified: callTool ? "tool-calls" : "stop", raw: callTool ? "tool_calls" : "stop" },
        usage,
        warnings: [],
      };
    },
  });
}

const tools = { weather: tool({ description: "Weather of a city", inputSchema: z.object({ city: z.string() }), execute: async ({ city }) => ({ city, celsius: 18, sky: "sunny" }) }) };
const CONTEXT_26KB = "You are a helpful assistant for Acme. Policies and product notes follow. ".repeat(360);

interface Scenario {
  name: string;
  run(model: LanguageModelV4, telemetry: Telemetry[], loupe?: Loupe): Promise<unknown>;
}

const scenarios: Scenario[] = [
  { name: "generateText, one step", run: (model, integrations) => generateText({ model, prompt: "What's the weather in Paris?", telemetry: { integrations, isEnabled: integrations.length > 0 } }) },
  {
    name: "2-step tool loop",
    run: (model, integrations) => generateText({ model, prompt: "What's the weather in Paris?", tools, stopWhen: stepCountIs(3), telemetry: { integrations, isEnabled: integrations.length > 0 } }),
  },
  { name: "one step, 26 KB prompt", run: (model, integrations) => generateText({ model, system: CONTEXT_26KB, prompt: "Summarise the return policy.", telemetry: { integrations, isEnabled: integrations.length > 0 } }) },
];

interface Variant {
  name: string;
  model: (toolLoop: boolean) => LanguageModelV4;
  telemetry: Telemetry[];
  inTrace?: Loupe;
  flush(): Promise<unknown>;
}

async function startSink(): Promise<{ url: string; stop(): void }> {
  const child = fork(path.join(import.meta.dirname, "otlp-sink.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "ignore", "inherit", "ipc"] });
  const port = await new Promise<number>((resolve) => child.once("message", (m) => resolve((m as { port: number }).port)));
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

function loupeVariant(name: string, thread: "worker" | "main"): { variant: Variant; loupe: Loupe } {
  const loupe = createLoupe({ databaseUrl: `file:${path.join(mkdtempSync(path.join(tmpdir(), "loupe-cost-")), "bench.db")}`, registerTelemetry: false, otel: false, writer: { thread } });
  const variant: Variant = { name, model: (t) => wrapLanguageModel({ model: mockModel(t), middleware: loupe.middleware() }), telemetry: [loupe.telemetry()], inTrace: loupe, flush: () => loupe.flush() };
  return { variant, loupe };
}

async function main() {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  const sink = await startSink();
  const langfuse = new BasicTracerProvider({
    spanProcessors: [new LangfuseSpanProcessor({ publicKey: "pk-bench", secretKey: "sk-bench", baseUrl: sink.url, exportMode: "batched" })],
  });
  const worker = loupeVariant("Loupe (worker writer)", "worker");
  const inThread = loupeVariant("Loupe (in-thread writer)", "main");
  await worker.loupe.store();
  await inThread.loupe.store();
  const variants: Variant[] = [
    { name: "unwrapped", model: mockModel, telemetry: [], flush: async () => {} },
    worker.variant,
    inThread.variant,
    { name: "Langfuse OTel path", model: mockModel, telemetry: [new OpenTelemetry({ tracer: langfuse.getTracer("bench") })], flush: () => langfuse.forceFlush() },
  ];

  const cells = new Map<string, { main: number; cpu: number; n: number }>();
  for (let round = 0; round <= ROUNDS; round++) {
    for (const scenario of scenarios) {
      for (const v of variants) {
        const model = v.model(scenario.name.includes("tool"));
        const elu0 = performance.eventLoopUtilization();
        const cpu0 = process.cpuUsage();
        for (let i = 0; i < CALLS; i++) {
          const call = () => scenario.run(model, v.telemetry);
          if (v.inTrace) await v.inTrace.withTrace({ name: "bench", userId: `u-${i % 20}`, sessionId: `s-${i % 50}` }, call);
          else await call();
        }
        await v.flush();
        const active = performance.eventLoopUtilization(elu0).active;
        const cpu = process.cpuUsage(cpu0);
        if (round === 0) continue; // warm-up
        const key = `${scenario.name}\u0000${v.name}`;
        const cell = cells.get(key) ?? { main: 0, cpu: 0, n: 0 };
        cell.main += (active * 1000) / CALLS;
        cell.cpu += (cpu.user + cpu.system) / CALLS;
        cell.n += 1;
        cells.set(key, cell);
      }
    }
  }

  const rows: (string | number)[][] = [["scenario · per call (µs)", "variant", "main thread", "process CPU", "main vs Langfuse", "CPU vs Langfuse"]];
  for (const scenario of scenarios) {
    const get = (name: string) => {
      const c = cells.get(`${scenario.name}\u0000${name}`)!;
      return { main: c.main / c.n, cpu: c.cpu / c.n };
    };
    const base = get("unwrapped");
    const lf = get("Langfuse OTel path");
    for (const v of variants.slice(1)) {
      const m = get(v.name);
      const main = m.main - base.main;
      const cpu = m.cpu - base.cpu;
      rows.push([scenario.name, v.name, fixed(main), fixed(cpu), `${fixed(main / (lf.main - base.main), 2)}×`, `${fixed(cpu / (lf.cpu - base.cpu), 2)}×`]);
    }
  }
  printTable(`Host cost per recorded call, all in (${CALLS} calls × ${ROUNDS} interleaved rounds; Node ${process.version}, ${(await import("node:os")).cpus().length} cores)`, rows);
  for (const { loupe } of [worker, inThread]) {
    const s = loupe.stats();
    console.log(`${s.writerThread === "worker" ? "worker" : "in-thread"} writer: written ${s.written}, dropped ${s.dropped}, failed ${s.failed}`);
    await loupe.shutdown();
  }
  await langfuse.shutdown();
  sink.stop();
}

await main();
