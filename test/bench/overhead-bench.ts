/**
 * Request-path overhead of Loupe vs the unwrapped model and vs the OpenTelemetry path
 * other tools use, side by side in one run:
 *   npm run bench   (or: node --import tsx test/bench/overhead-bench.ts)
 */
import { createServer } from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { OpenTelemetry } from "@ai-sdk/otel";
import { LangfuseSpanProcessor } from "@langfuse/otel";
import { context, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { BasicTracerProvider, BatchSpanProcessor, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { createLoupe } from "@loupe/middleware";
import { generateText, wrapLanguageModel, type Telemetry } from "ai";
import { MockLanguageModelV4 } from "ai/test";
import type { LanguageModelV4, LanguageModelV4StreamPart } from "@ai-sdk/provider";
import { fixed, printTable, quantile } from "./print-table.js";

const CALLS_PER_ROUND = Number(process.env.BENCH_CALLS ?? 400);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const CHUNKS = 200;

function mockModel() {
  return new MockLanguageModelV4({
    modelId: "gpt-4o-mini",
    provider: "openai.chat",
    doGenerate: async () => ({
      content: [{ type: "text", text: "Hello from the mock model." }],
      finishReason: { unified: "stop", raw: "stop" },
      usage: { inputTokens: { total: 12, noCache: 12, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 6, text: 6, reasoning: 0 } },
      warnings: [],
    }),
    doStream: async () => {
      const parts: LanguageModelV4StreamPart[] = [{ type: "stream-start", warnings: [] }, { type: "text-start", id: "t" }];
      for (let i = 0; i < CHUNKS; i++) parts.push({ type: "text-delta", id: "t", delta: "tok " });
      parts.push({ type: "text-end", id: "t" });
      parts.push({ type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage: { inputTokens: { total: 12, noCache: 12, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: CHUNKS, text: CHUNKS, reasoning: 0 } } });
      let i = 0;
      return { stream: new ReadableStream<LanguageModelV4StreamPart>({ pull: (c) => (i < parts.length ? c.enqueue(parts[i++]) : c.close()) }) };
    },
  });
}

const discard: SpanExporter = { export: (_spans, done) => done({ code: 0 }), shutdown: async () => {} };

async function main() {
  // A local sink that accepts Langfuse's OTLP exports.
  const sink = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
  });
  await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
  const port = (sink.address() as { port: number }).port;

  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  const otelProvider = new BasicTracerProvider({ spanProcessors: [new BatchSpanProcessor(discard)] });
  const langfuseProvider = new BasicTracerProvider({
    spanProcessors: [new LangfuseSpanProcessor({ publicKey: "pk-bench", secretKey: "sk-bench", baseUrl: `http://127.0.0.1:${port}`, exportMode: "batched" })],
  });
  trace.setGlobalTracerProvider(otelProvider);

  const loupe = createLoupe({ databaseUrl: `file:${path.join(mkdtempSync(path.join(tmpdir(), "loupe-bench-")), "bench.db")}`, registerTelemetry: false, otel: false });
  await loupe.store();
  const raw = mockModel();
  const wrapped = wrapLanguageModel({ model: mockModel(), middleware: loupe.middleware() });
  const exporting = createLoupe({
    databaseUrl: `file:${path.join(mkdtempSync(path.join(tmpdir(), "loupe-bench-")), "bench-otel.db")}`,
    registerTelemetry: false,
    otel: { tracer: otelProvider.getTracer("loupe-bench") },
  });
  await exporting.store();
  const wrappedExporting = wrapLanguageModel({ model: mockModel(), middleware: exporting.middleware() });

  type Config = { name: string; model: LanguageModelV4; integrations: Telemetry[]; inTrace: boolean };
  const configs: Config[] = [
    { name: "unwrapped model", model: raw, integrations: [], inTrace: false },
    { name: "Loupe middleware", model: wrapped, integrations: [], inTrace: false },
    { name: "Loupe middleware, in withTrace", model: wrapped, integrations: [], inTrace: true },
    { name: "Loupe middleware + GenAI span export", model: wrappedExporting, integrations: [], inTrace: false },
    { name: "empty telemetry integration (AI SDK's own cost)", model: raw, integrations: [{} as Telemetry], inTrace: false },
    { name: "Loupe middleware + telemetry, in withTrace", model: wrapped, integrations: [loupe.telemetry()], inTrace: true },
    { name: "@ai-sdk/otel → BatchSpanProcessor", model: raw, integrations: [new OpenTelemetry({ tracer: otelProvider.getTracer("bench") })], inTrace: false },
    { name: "@ai-sdk/otel → LangfuseSpanProcessor", model: raw, integrations: [new OpenTelemetry({ tracer: langfuseProvider.getTracer("bench") })], inTrace: false },
  ];
  const samples = new Map<string, number[]>(configs.map((c) => [c.name, []]));
  const call = (c: Config) => generateText({ model: c.model, prompt: "Say hello.", telemetry: { integrations: c.integrations, isEnabled: c.integrations.length > 0 } });

  for (let round = 0; round <= ROUNDS; round++) {
    for (const c of configs) {
      const out = samples.get(c.name)!;
      for (let i = 0; i < CALLS_PER_ROUND; i++) {
        const start = performance.now();
        if (c.inTrace) await loupe.withTrace({ name: "bench", userId: "u" }, () => call(c));
        else await call(c);
        if (round > 0) out.push((performance.now() - start) * 1000); // round 0 warms up
      }
    }
  }
  const base50 = quantile(samples.get("unwrapped model")!, 0.5);
  const base99 = quantile(samples.get("unwrapped model")!, 0.99);
  const rows: (string | number)[][] = [["generateText, per call (µs)", "p50", "p99", "p50 overhead", "p99 overhead"]];
  for (const c of configs) {
    const s = samples.get(c.name)!;
    const p50 = quantile(s, 0.5);
    const p99 = quantile(s, 0.99);
    rows.push([c.name, fixed(p50), fixed(p99), c === configs[0] ? "—" : fixed(p50 - base50), c === configs[0] ? "—" : fixed(p99 - base99)]);
  }
  printTable(`Per-call overhead (${CALLS_PER_ROUND * ROUNDS} calls each, interleaved; Node ${process.version})`, rows);

  // Streaming: cost per chunk of the tap, reading the model stream directly.
  const streamSamples = { raw: [] as number[], wrapped: [] as number[], wrappedInTrace: [] as number[] };
  const readAll = async (m: LanguageModelV4) => {
    const { stream } = await m.doStream({ prompt: [{ role: "user", content: [{ type: "text", text: "go" }] }] });
    const reader = stream.getReader();
    while (!(await reader.read()).done);
  };
  for (let round = 0; round <= ROUNDS; round++) {
    for (let i = 0; i < 100; i++) {
      let t = performance.now();
      await readAll(raw);
      const r = performance.now() - t;
      t = performance.now();
      await readAll(wrapped);
      const w = performance.now() - t;
      t = performance.now();
      await loupe.withTrace({ name: "bench-stream" }, () => readAll(wrapped));
      const wt = performance.now() - t;
      if (round > 0) {
        streamSamples.raw.push(r);
        streamSamples.wrapped.push(w);
        streamSamples.wrappedInTrace.push(wt);
      }
    }
  }
  const perChunk = (s: number[]) => (quantile(s, 0.5) * 1000) / (CHUNKS + 4);
  printTable(`Streaming (${CHUNKS + 4}-part stream, p50 per part, µs)`, [
    ["stream", "µs / part", "overhead / part"],
    ["unwrapped", fixed(perChunk(streamSamples.raw), 3), "—"],
    ["Loupe tap", fixed(perChunk(streamSamples.wrapped), 3), fixed(perChunk(streamSamples.wrapped) - perChunk(streamSamples.raw), 3)],
    ["Loupe tap, in withTrace", fixed(perChunk(streamSamples.wrappedInTrace), 3), fixed(perChunk(streamSamples.wrappedInTrace) - perChunk(streamSamples.raw), 3)],
  ]);

  await loupe.flush();
  const stats = loupe.stats();
  printTable("Writer (background, SQLite)", [
    ["records written", "dropped (buffer full)", "write ms (wall, incl. yields)", "µs per record"],
    [stats.written, stats.dropped, fixed(stats.writeMs), fixed((stats.writeMs * 1000) / Math.max(1, stats.written), 2)],
  ]);
  // A backlog of 20k records (10k traces + 10k generations with payloads) drained while
  // monitorEventLoopDelay watches for the longest event-loop stall the writer causes — two
  // ways: enqueued in one synchronous burst (the caller's 20k objects are then all alive at
  // once and the host's own garbage collection is part of the stall), and piled up while
  // the database was locked by another connection (what a backlog is in production).
  const record = (l: ReturnType<typeof createLoupe>, i: number, tag: string) => {
    const at = Date.now();
    l.enqueue({ kind: "trace", id: `${tag}-t-${i}`, startTime: at, endTime: at + 900, name: "chat", userId: `u-${i % 50}`, environment: "prod", input: "q".repeat(200), output: "a".repeat(400), recordInputs: true, recordOutputs: true });
    l.enqueue({ kind: "observation", id: `${tag}-o-${i}`, traceId: `${tag}-t-${i}`, type: "GENERATION", startTime: at, endTime: at + 800, model: "gpt-4o-mini", provider: "openai.chat", usage: { inputTokens: 1000, outputTokens: 100, totalTokens: 1100 }, input: [{ role: "user", content: "q".repeat(300) }], output: [{ type: "text", text: "a".repeat(600) }], recordInputs: true, recordOutputs: true });
  };
  const drainRows: (string | number)[][] = [["backlog", "time ms", "records/s", "longest stall ms (monitorEventLoopDelay max)", "p99 delay ms", "dropped"]];
  const measureDrain = async (name: string, l: ReturnType<typeof createLoupe>) => {
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const drainStart = performance.now();
    await l.flush();
    delay.disable();
    const drainMs = performance.now() - drainStart;
    drainRows.push([name, fixed(drainMs, 0), Math.round(20_000 / (drainMs / 1000)).toLocaleString(), fixed(delay.max / 1e6), fixed(delay.percentile(99) / 1e6), l.stats().dropped]);
  };
  const drainFile = () => path.join(mkdtempSync(path.join(tmpdir(), "loupe-bench-")), "drain.db");
  const burst = createLoupe({ databaseUrl: `file:${drainFile()}`, registerTelemetry: false, otel: false });
  await burst.store();
  for (let i = 0; i < 10_000; i++) record(burst, i, "burst");
  await measureDrain("20k enqueued in one synchronous burst", burst);
  await burst.shutdown();
  const lockedFile = drainFile();
  const drain = createLoupe({ databaseUrl: `file:${lockedFile}`, registerTelemetry: false, otel: false });
  await drain.store();
  const { default: Database } = await import("better-sqlite3");
  const locker = new Database(lockedFile);
  locker.exec("BEGIN IMMEDIATE");
  for (let i = 0; i < 10_000; i++) {
    record(drain, i, "locked");
    if (i % 250 === 249) await new Promise((resolve) => setImmediate(resolve));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  locker.exec("ROLLBACK");
  locker.close();
  await measureDrain("20k piled up while the database was locked", drain);
  printTable(`Writer draining a 20k-record backlog (SQLite, ${drain.stats().writerThread} writer)`, drainRows);
  await drain.shutdown();
  await loupe.shutdown();
  await exporting.shutdown();
  await otelProvider.shutdown();
  await langfuseProvider.shutdown();
  sink.close();
}

await main();
