import { deserialize } from "node:v8";
import { parentPort, workerData } from "node:worker_threads";
import { createPriceBook, type ModelPriceInput } from "../cost/index.js";
import type { LoupeEvent } from "../domain/events.js";
import { openStore, type StoreChoice, type TraceStore } from "../store/index.js";
import { BatchWriter, type WriterStats } from "./batch-writer.js";
import { eventsToBatch } from "./event-to-rows.js";

/** What the writer thread is started with (structured-cloneable: no functions). */
export interface WriterWorkerConfig {
  store: Pick<StoreChoice, "databaseUrl" | "autoMigrate">;
  prices?: ModelPriceInput[];
  disableBuiltInPrices?: boolean;
  maxPayloadLength: number;
  batchSize: number;
  maxBufferSize: number;
  maxRetryDelayMs?: number;
}

/** Messages the main thread sends. */
export type ToWorker =
  | { type: "batch"; id: number; chunks: Uint8Array[] }
  | { type: "flush"; id: number; signal?: Int32Array }
  | { type: "close"; id: number; timeoutMs: number };

/** Messages the worker sends back. */
export type FromWorker =
  | { type: "ready" }
  | { type: "done"; ids: number[]; stats: WriterStats; internalErrors: number }
  | { type: "stats"; stats: WriterStats; internalErrors: number }
  | { type: "flushed"; id: number; ok: boolean; stats: WriterStats; internalErrors: number }
  | { type: "error"; message: string };

/**
 * The writer thread: owns the database connection and does everything costly —
 * serialising, pricing, SQL — with the same batching, retry and poison-row isolation
 * as the in-thread {@link BatchWriter}. Batches are confirmed (`done`) once written (or
 * isolated as bad rows), so the main thread can replay unconfirmed ones after a crash.
 */
function start(port: NonNullable<typeof parentPort>, config: WriterWorkerConfig): void {
  let internalErrors = 0;
  const onInternalError = () => void (internalErrors += 1);
  const priceBook = createPriceBook({ prices: config.prices, includeBuiltIn: !config.disableBuiltInPrices });
  let opened: Promise<TraceStore> | undefined;
  const store = () =>
    (opened ??= openStore({ databaseUrl: config.store.databaseUrl, autoMigrate: config.store.autoMigrate, driver: "native" }).catch((error: unknown) => {
      opened = undefined;
      throw error;
    }));
  const writer = new BatchWriter({
    store,
    toBatch: (events) => eventsToBatch(events, { priceBook, maxPayloadLength: config.maxPayloadLength, onInternalError }),
    batchSize: config.batchSize,
    // The main thread bounds what is in flight; the worker only needs room for it.
    maxBufferSize: config.maxBufferSize * 2,
    flushIntervalMs: 60_000,
    maxRetryDelayMs: config.maxRetryDelayMs,
  });
  const send = (message: FromWorker) => port.postMessage(message);
  const stats = () => ({ stats: writer.stats(), internalErrors });

  let received: number[] = [];
  let settling: Promise<boolean> | undefined;
  let retryDelay = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Writes what was received; confirms those batches when everything is written. */
  const settle = (): Promise<boolean> =>
    (settling ??= (async () => {
      const ids = received;
      received = [];
      const ok = await writer.flush();
      if (ok) {
        retryDelay = 0;
        if (ids.length) send({ type: "done", ids, ...stats() });
      } else {
        received = [...ids, ...received];
        send({ type: "stats", ...stats() });
        retryDelay = Math.min(config.maxRetryDelayMs ?? 30_000, Math.max(100, retryDelay * 2));
        retryTimer ??= setTimeout(() => {
          retryTimer = undefined;
          void settle();
        }, retryDelay);
      }
      return ok;
    })().finally(() => {
      settling = undefined;
      if (received.length && retryDelay === 0) void settle();
    }));

  port.on("message", async (message: ToWorker) => {
    if (message.type === "batch") {
      received.push(message.id);
      for (const chunk of message.chunks) for (const event of deserialize(chunk) as LoupeEvent[]) writer.enqueue(event);
      void settle();
    } else if (message.type === "flush") {
      await settling;
      const ok = await settle();
      send({ type: "flushed", id: message.id, ok, ...stats() });
      if (message.signal) {
        Atomics.store(message.signal, 0, 1);
        Atomics.notify(message.signal, 0);
      }
    } else {
      await settling;
      const ok = await settle();
      await writer.shutdown(message.timeoutMs);
      if (opened) await (await opened.catch(() => undefined))?.close();
      send({ type: "flushed", id: message.id, ok, ...stats() });
      port.close();
    }
  });
  // Open (and migrate) the store before saying ready, so readers never race the migration.
  store().then(
    () => send({ type: "ready" }),
    (error: unknown) => {
      send({ type: "error", message: error instanceof Error ? error.message : String(error) });
      send({ type: "ready" });
    },
  );
}

if (parentPort) start(parentPort, workerData as WriterWorkerConfig);
