import Database from "better-sqlite3";
import { generateText, stepCountIs, streamText, tool, wrapLanguageModel } from "ai";
import { MockLanguageModelV4 } from "ai/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createLoupe, type Loupe } from "../loupe.js";
import { createSqliteStore } from "../store/sqlite/sqlite-store.js";
import { manualClock, scriptedModel } from "../testing/scripted-model.js";
import { rawSql, tempSqliteStore } from "../testing/temp-store.js";

let loupe: Loupe | undefined;
afterEach(async () => {
  await loupe?.shutdown();
  loupe = undefined;
});

describe("200 concurrent agent runs", () => {
  it("keep every trace's own steps and tools, and lose nothing", async () => {
    const store = await tempSqliteStore();
    loupe = createLoupe({ store, registerTelemetry: false, writer: { batchSize: 300, flushIntervalMs: 20 } });
    const l = loupe;
    const runs = Array.from({ length: 200 }, async (_, i) => {
      const clock = manualClock();
      const model = wrapLanguageModel({
        model: scriptedModel(
          [
            { toolCalls: [{ toolCallId: `c-${i}`, toolName: "echo", input: { n: i } }], usage: { input: 100 + i, output: 10 } },
            { text: `answer ${i}`, usage: { input: 200 + i, output: 20 } },
          ],
          clock,
        ),
        middleware: l.middleware(),
      });
      return l.withTrace({ name: "run", userId: `user-${i % 17}`, metadata: { i } }, async () => {
        // Yield at random points so the runs really interleave.
        await new Promise((r) => setTimeout(r, (i * 7) % 13));
        const result = await generateText({
          model,
          prompt: `run ${i}`,
          stopWhen: stepCountIs(2),
          tools: { echo: tool({ inputSchema: z.object({ n: z.number() }), execute: async ({ n }) => ({ echoed: n }) }) },
          telemetry: { integrations: [l.telemetry()] },
        });
        expect(result.text).toBe(`answer ${i}`);
        return { i, traceId: l.currentTraceId()! };
      });
    });
    const results = await Promise.all(runs);
    expect(await l.flush()).toBe(true);
    for (const { i, traceId } of results) {
      const trace = (await l.query.trace(traceId))!;
      const tools = trace.observations.filter((o) => o.type === "TOOL");
      expect(tools.map((t) => t.input)).toEqual([{ n: i }]);
      expect(tools[0].output).toEqual({ echoed: i });
      expect(trace.observations.filter((o) => o.type === "SPAN")).toHaveLength(2);
      expect(trace.usage.inputTokens).toBe(300 + 2 * i);
      expect(trace.userId).toBe(`user-${i % 17}`);
    }
    const stats = l.stats();
    expect(stats).toMatchObject({ dropped: 0, failed: 0, pending: 0, internalErrors: 0 });
    // 200 traces × (1 trace + agent + 2 steps + 2 generations + 1 tool) events, traces may be sent twice.
    expect(stats.written).toBe(stats.enqueued);
    expect(stats.written).toBeGreaterThanOrEqual(200 * 7);
  });
});

describe("when the database is unavailable for a while", () => {
  it("host calls succeed and every record lands after the lock is released", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "loupe-lock-")), "loupe.db");
    const store = await createSqliteStore({ url: file });
    await rawSql(store).query("PRAGMA busy_timeout = 50");
    loupe = createLoupe({ store, registerTelemetry: false, writer: { flushIntervalMs: 10, maxRetryDelayMs: 50 } });
    const blocker = new Database(file);
    blocker.exec("BEGIN EXCLUSIVE");
    const clock = manualClock();
    const model = wrapLanguageModel({ model: scriptedModel([{ text: "fine", usage: { input: 5, output: 1 } }], clock), middleware: loupe.middleware() });
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      await loupe.withTrace({ name: "locked", userId: "ada" }, async () => {
        expect((await generateText({ model, prompt: `q${i}` })).text).toBe("fine");
        ids.push(loupe!.currentTraceId()!);
      });
    }
    expect(await loupe.flush()).toBe(false);
    const during = loupe.stats();
    expect(during.pending).toBe(40);
    expect(during.retries).toBeGreaterThan(0);
    expect(during.lastError).toBeTruthy();
    blocker.exec("ROLLBACK");
    blocker.close();
    expect(await loupe.flush()).toBe(true);
    for (const id of ids) expect((await loupe.query.trace(id))?.generationCount).toBe(1);
    expect(loupe.stats()).toMatchObject({ dropped: 0, failed: 0, pending: 0, written: 40 });
  });

  it("past the buffer cap drops the oldest records and counts every one", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "loupe-cap-")), "loupe.db");
    const store = await createSqliteStore({ url: file });
    await rawSql(store).query("PRAGMA busy_timeout = 10");
    loupe = createLoupe({ store, registerTelemetry: false, writer: { maxBufferSize: 25, flushIntervalMs: 10, maxRetryDelayMs: 20 } });
    const blocker = new Database(file);
    blocker.exec("BEGIN EXCLUSIVE");
    const model = wrapLanguageModel({ model: scriptedModel([{ text: "ok", usage: { input: 1, output: 1 } }], manualClock()), middleware: loupe.middleware() });
    for (let i = 0; i < 30; i++) await generateText({ model, prompt: `q${i}` }); // 2 events each (generation + its own trace)
    await loupe.flush();
    blocker.exec("ROLLBACK");
    blocker.close();
    expect(await loupe.flush()).toBe(true);
    const stats = loupe.stats();
    expect(stats.enqueued).toBe(60);
    expect(stats.dropped).toBe(35);
    expect(stats.written + stats.dropped).toBe(stats.enqueued);
    const page = await loupe.query.traces({ limit: 100 });
    // The newest records survive: the last traces written are the last calls made.
    expect(page.items.length).toBeGreaterThanOrEqual(12);
  });
});

describe("failures reach the host unchanged and show on the trace", () => {
  it("a model that throws", async () => {
    const store = await tempSqliteStore();
    loupe = createLoupe({ store, registerTelemetry: false });
    const boom = Object.assign(new Error("provider overloaded"), { statusCode: 529 });
    const model = wrapLanguageModel({
      model: new MockLanguageModelV4({ doGenerate: async () => { throw boom; } }),
      middleware: loupe.middleware(),
    });
    let traceId = "";
    const error = await loupe
      .withTrace({ name: "fails" }, async () => {
        traceId = loupe!.currentTraceId()!;
        return generateText({ model, prompt: "hi", maxRetries: 0 });
      })
      .catch((e: unknown) => e);
    expect(error).toBe(boom);
    await loupe.flush();
    const trace = (await loupe.query.trace(traceId))!;
    expect(trace.level).toBe("ERROR");
    expect(trace.statusMessage).toBe("provider overloaded");
    expect(trace.observations[0]).toMatchObject({ type: "GENERATION", level: "ERROR", statusMessage: "provider overloaded" });
  });

  it("a stream that errors midway keeps its partial output and the error", async () => {
    const store = await tempSqliteStore();
    loupe = createLoupe({ store, registerTelemetry: false });
    const clock = manualClock();
    const model = wrapLanguageModel({
      model: scriptedModel([{ text: "partial answer that breaks", usage: { input: 5, output: 5 }, streamError: new Error("connection reset") }], clock),
      middleware: loupe.middleware(),
    });
    const errors: unknown[] = [];
    let traceId = "";
    await loupe.withTrace({ name: "stream-error" }, async () => {
      traceId = loupe!.currentTraceId()!;
      const result = streamText({ model, prompt: "hi", onError: ({ error }) => void errors.push(error) });
      for await (const _ of result.textStream) void _;
    });
    expect((errors[0] as Error).message).toBe("connection reset");
    await loupe.flush();
    const gen = (await loupe.query.trace(traceId))!.observations.find((o) => o.type === "GENERATION")!;
    expect(gen).toMatchObject({ level: "ERROR", statusMessage: "connection reset" });
  });

  it("a stream the client aborts is recorded as cancelled with what it had so far", async () => {
    const store = await tempSqliteStore();
    loupe = createLoupe({ store, registerTelemetry: false });
    const clock = manualClock();
    const model = wrapLanguageModel({
      model: scriptedModel([{ text: "one two three four five six seven eight", usage: { input: 5, output: 8 }, chunkDelayMs: 5 }], clock),
      middleware: loupe.middleware(),
    });
    const controller = new AbortController();
    let traceId = "";
    let received = "";
    await loupe.withTrace({ name: "aborted" }, async () => {
      traceId = loupe!.currentTraceId()!;
      const result = streamText({ model, prompt: "count", abortSignal: controller.signal });
      try {
        for await (const text of result.textStream) {
          received += text;
          if (received.includes("three")) controller.abort();
        }
      } catch {
        // the host sees its own abort
      }
    });
    await loupe.flush();
    const gen = (await loupe.query.trace(traceId))!.observations.find((o) => o.type === "GENERATION")!;
    expect(gen.level).toBe("WARNING");
    expect(gen.finishReason).toBe("cancelled");
    const output = JSON.stringify(gen.output);
    expect(output).toContain("one two three");
    expect(output).not.toContain("eight");
  });
});
