import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateText, wrapLanguageModel } from "ai";
import { afterEach, describe, expect, it } from "vitest";
import type { LoupeEvent } from "../domain/events.js";
import { createLoupe, type Loupe } from "../loupe.js";
import { createSqliteStore } from "../store/sqlite/sqlite-store.js";
import type { TraceStore } from "../store/trace-store.js";
import { makeTrace } from "../testing/fixtures.js";
import { manualClock, scriptedModel } from "../testing/scripted-model.js";
import { BatchWriter } from "./batch-writer.js";
import { WorkerWriter, type WorkerWriterOptions } from "./worker-writer.js";

const tempUrl = () => `file:${path.join(mkdtempSync(path.join(tmpdir(), "loupe-worker-")), "loupe.db")}`;
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function traceEvents(count: number, prefix: string): LoupeEvent[] {
  return Array.from({ length: count }, (_, i) => {
    const t = makeTrace({ id: `${prefix}-${i}`, userId: "u" });
    return { kind: "trace", id: t.id, startTime: t.startTime.getTime(), environment: "test", input: { question: `q${i}` }, recordInputs: true, recordOutputs: true } satisfies LoupeEvent;
  });
}

function workerWriter(databaseUrl: string, extra: Partial<WorkerWriterOptions> = {}): { writer: WorkerWriter; errors: unknown[]; store: () => Promise<TraceStore> } {
  const errors: unknown[] = [];
  let opened: Promise<TraceStore> | undefined;
  const store = () => (opened ??= createSqliteStore({ url: databaseUrl }));
  const writer = new WorkerWriter({
    config: { store: { databaseUrl }, maxPayloadLength: 10_000, batchSize: 50, maxBufferSize: 5_000 },
    flushIntervalMs: 60_000,
    onInternalError: (error) => void errors.push(error),
    fallback: () => new BatchWriter({ store, toBatch: () => ({}) }),
    ...extra,
  });
  cleanups.push(async () => {
    await writer.shutdown(2_000);
    await (await opened)?.close();
  });
  return { writer, errors, store };
}

describe("the worker-thread writer", () => {
  let loupe: Loupe | undefined;
  afterEach(async () => {
    await loupe?.shutdown();
    loupe = undefined;
  });

  it("records model calls in a worker thread: rows, cost and masked payloads as the in-thread writer stores them", async () => {
    const clock = manualClock(Date.parse("2026-06-01T10:00:00Z"));
    loupe = createLoupe({
      databaseUrl: tempUrl(),
      registerTelemetry: false,
      now: clock.now,
      mask: (value) => JSON.parse(JSON.stringify(value).replaceAll("secret-42", "[masked]")),
    });
    const l = loupe;
    const model = wrapLanguageModel({ model: scriptedModel(Array.from({ length: 20 }, () => ({ text: "ok", usage: { input: 1_000, output: 100 } })), clock), middleware: l.middleware() });
    for (let i = 0; i < 20; i++) await l.withTrace({ name: "chat", userId: `user-${i % 4}`, input: `my key is secret-42 (#${i})` }, () => generateText({ model, prompt: `hello secret-42 #${i}` }));
    expect(await l.flush()).toBe(true);
    const stats = l.stats();
    expect(stats).toMatchObject({ writerThread: "worker", dropped: 0, failed: 0, pending: 0 });
    expect(stats.written).toBe(40);
    const page = await l.query.traces({ limit: 100 });
    expect(page.items).toHaveLength(20);
    // gpt-4o-mini: (1000 × 0.15 + 100 × 0.6) / 1e6 = $0.00021 a call.
    expect(page.items[0].totalCost).toBeCloseTo(0.00021, 10);
    const detail = await l.query.trace(page.items[0].id);
    expect(JSON.stringify(detail)).not.toContain("secret-42");
    expect(JSON.stringify(detail?.observations[0].input)).toContain("[masked]");
    expect(detail?.inputPreview).toContain("[masked]");
  });

  it("writes in the host's thread with the host's own store (it cannot move to a worker)", async () => {
    loupe = createLoupe({ store: await createSqliteStore({ url: tempUrl() }), registerTelemetry: false });
    expect(loupe.stats().writerThread).toBe("main");
  });

  it("restarts a crashed worker and hands it what it held: nothing lost, nothing counted twice", async () => {
    const url = tempUrl();
    const { writer, store } = workerWriter(url);
    await writer.whenReady();
    for (const event of traceEvents(300, "crash")) writer.enqueue(event);
    await writer.crashWorkerForTesting();
    for (const event of traceEvents(200, "after")) writer.enqueue(event);
    expect(await writer.flush()).toBe(true);
    const s = await store();
    const page = await s.listTraces({ limit: 500 });
    expect(page.items).toHaveLength(500);
    expect(writer.stats()).toMatchObject({ enqueued: 500, dropped: 0, pending: 0 });
  });

  it("falls back to the in-thread writer when no worker can start, keeping what was queued", async () => {
    const url = tempUrl();
    const { writer, errors } = workerWriter(url, { entry: { url: new URL("./no-such-worker.js", import.meta.url), eval: false } });
    for (const event of traceEvents(10, "fallback")) writer.enqueue(event);
    await writer.whenReady();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(writer.thread).toBe("main");
    expect(errors.length).toBeGreaterThan(0);
    expect(writer.stats().enqueued).toBe(10);
  });

  it("shares concurrent flushes: a flush after every response is not a write per response", async () => {
    const url = tempUrl();
    const { writer, store } = workerWriter(url);
    await writer.whenReady();
    const flushes: Promise<boolean>[] = [];
    for (const event of traceEvents(200, "coalesce")) {
      writer.enqueue(event);
      flushes.push(writer.flush());
    }
    expect(await Promise.all(flushes)).toEqual(flushes.map(() => true));
    expect((await (await store()).listTraces({ limit: 500 })).items).toHaveLength(200);
    expect(writer.stats().flushes).toBeLessThan(10);
  });

  it("keeps what is in flight bounded while the database refuses writes, and writes it all once it is back", async () => {
    const url = tempUrl();
    const { writer, store } = workerWriter(url, { maxInFlight: 2 });
    await writer.whenReady();
    const { default: Database } = await import("better-sqlite3");
    const locker = new Database(url.replace(/^file:/, ""));
    locker.pragma("busy_timeout = 0");
    locker.exec("BEGIN IMMEDIATE");
    for (const event of traceEvents(3_000, "locked")) writer.enqueue(event);
    expect(await writer.flush()).toBe(false);
    // At most two batches of 50 went to the worker; the rest waits, encoded, on this side.
    expect(writer.stats()).toMatchObject({ enqueued: 3_000, written: 0, dropped: 0, pending: 3_000 });
    locker.exec("ROLLBACK");
    locker.close();
    expect(await writer.flush()).toBe(true);
    expect((await (await store()).listTraces({ limit: 500 })).items).toHaveLength(500);
    expect(writer.stats()).toMatchObject({ written: 3_000, dropped: 0, pending: 0 });
  }, 30_000);

  it("counts what the buffer drops past its cap while the worker is busy", async () => {
    const url = tempUrl();
    const { writer } = workerWriter(url, { config: { store: { databaseUrl: url }, maxPayloadLength: 10_000, batchSize: 50, maxBufferSize: 100 }, maxInFlight: 1 });
    for (const event of traceEvents(1_000, "burst")) writer.enqueue(event);
    await writer.flush();
    const stats = writer.stats();
    expect(stats.enqueued).toBe(1_000);
    expect(stats.written + stats.dropped).toBe(1_000);
    expect(stats.dropped).toBeGreaterThan(0);
  });
});
