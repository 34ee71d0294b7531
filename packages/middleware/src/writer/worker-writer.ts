// size: one state machine (queue, batches in flight, the worker's lifecycle and fallback); split, its invariants would span files.
import { deserialize } from "node:v8";
import { Worker } from "node:worker_threads";
import type { LoupeEvent } from "../domain/events.js";
import type { WriterStats } from "./batch-writer.js";
import type { EventWriter } from "./event-writer.js";
import type { MaskFunction } from "./event-to-rows.js";
import { EncodedQueue, type EncodedChunk } from "./encoded-queue.js";
import { workerEntry } from "./worker-entry.js";
import { encodeBatch } from "./worker-events.js";
import type { FromWorker, ToWorker, WriterWorkerConfig } from "./writer-worker.js";

/** Options of {@link WorkerWriter}. */
export interface WorkerWriterOptions {
  config: WriterWorkerConfig;
  mask?: MaskFunction;
  flushIntervalMs?: number;
  /** Batches posted but not yet confirmed, at most (backpressure; the rest waits here). Default 4. */
  maxInFlight?: number;
  /** A batch the worker crashed on this many times is dropped (and counted). Default 3. */
  maxAttempts?: number;
  /** For tests: another worker entry (e.g. a missing file, to exercise the fallback). */
  entry?: { url: URL | string; eval: boolean };
  onInternalError: (error: unknown) => void;
  /** The in-thread writer to fall back to when no worker can start (e.g. a bundle without the worker file). */
  fallback: () => EventWriter;
}

/** A posted batch, kept (encoded, outside the JS heap) until the worker confirms it. */
interface InFlight {
  chunks: EncodedChunk[];
  count: number;
  attempts: number;
}

const ZERO: WriterStats = { enqueued: 0, written: 0, pending: 0, dropped: 0, failed: 0, retries: 0, flushes: 0, writeMs: 0, lastError: null };

/**
 * The main-thread half of the off-thread writer: a bounded queue that encodes events
 * soon after they arrive (`EncodedQueue`: v8 serialisation in small slices between the
 * host's tasks; drop-oldest past the cap, counted), posted every `flushIntervalMs` or
 * `batchSize` events to a worker thread that owns the database connection — serialising
 * to JSON, pricing and SQL run there. Batches stay here, encoded, until the worker
 * confirms them, so a worker that crashes is restarted and handed what it held again
 * (upserts make replays safe).
 */
export class WorkerWriter implements EventWriter {
  private readonly options: WorkerWriterOptions;
  private readonly queue: EncodedQueue;
  private readonly batchSize: number;
  private readonly inFlight = new Map<number, InFlight>();
  private readonly waiting = new Map<number, (ok: boolean) => void>();
  private readonly timer: ReturnType<typeof setInterval>;
  private worker: Worker | undefined;
  private fallback: EventWriter | undefined;
  /** Signals the main thread blocked in flushSync() (process exit) that the worker is done. */
  private readonly exitSignal = new Int32Array(new SharedArrayBuffer(4));
  private ready: Promise<void> = Promise.resolve();
  private nextId = 1;
  private closed = false;
  private enqueued = 0;
  private dropped = 0;
  private remote: { stats: WriterStats; internalErrors: number } = { stats: ZERO, internalErrors: 0 };
  private restarts = 0;
  private flushing: Promise<boolean> | undefined;
  private queuedFlush: Promise<boolean> | undefined;
  /** Events handed to the fallback writer when the worker could not start. */
  private handedOver = 0;

  constructor(options: WorkerWriterOptions) {
    this.options = options;
    this.batchSize = options.config.batchSize;
    this.queue = new EncodedQueue({
      capacity: options.config.maxBufferSize,
      encode: (events) => encodeBatch(events, options.mask, options.onInternalError),
      onEncoded: () => {
        if (this.queue.encoded >= this.batchSize) this.pump();
      },
    });
    this.timer = setInterval(() => this.pump(), options.flushIntervalMs ?? 1_000);
    this.timer.unref?.();
    this.spawn();
  }

  /** Resolves once the worker has opened (and migrated) the store. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** Queues an event: O(1), never awaits, never throws. */
  enqueue(event: LoupeEvent): void {
    if (this.fallback) return this.fallback.enqueue(event);
    if (this.closed) {
      this.dropped += 1;
      return;
    }
    this.enqueued += 1;
    this.queue.push(event);
  }

  /**
   * Hands everything queued to the worker and waits until it is written (or the database
   * refused). Concurrent calls share flushes (one running, at most one queued behind it
   * for what came later), so a flush after every response (`flushAfterResponse`) does
   * not turn into a write per response on a busy server.
   */
  flush(): Promise<boolean> {
    if (this.fallback) return this.fallback.flush();
    if (this.queuedFlush) return this.queuedFlush;
    const start = () => (this.flushing = this.flushNow().finally(() => (this.flushing = undefined)));
    if (!this.flushing) return start();
    this.queuedFlush = this.flushing.then(() => {
      this.queuedFlush = undefined;
      return start();
    });
    return this.queuedFlush;
  }

  private async flushNow(): Promise<boolean> {
    await this.ready;
    // Encode and post the backlog a slice at a time, yielding in between: encoding is the
    // main thread's only cost, and it must never stall the host's loop.
    // What is in flight stays bounded (`maxInFlight`): when it is full, wait for the worker
    // to write it; a worker that cannot (the database refused) ends the flush with false.
    const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
    const limit = this.options.maxInFlight ?? 4;
    while (this.worker && this.queue.size > 0) {
      if (this.queue.encodeSome()) while (this.queue.encoded > 0 && this.inFlight.size < limit) this.postNext();
      if (this.inFlight.size >= limit) {
        if (!(await this.request({ type: "flush", id: this.nextId++ }))) return false;
      } else await turn();
    }
    const ok = await this.request({ type: "flush", id: this.nextId++ });
    return ok && this.queue.size === 0 && this.inFlight.size === 0;
  }

  /** Flushes (up to `timeoutMs`), stops the worker; later events are dropped and counted. */
  async shutdown(timeoutMs = 10_000): Promise<boolean> {
    clearInterval(this.timer);
    if (this.fallback) return this.fallback.shutdown(timeoutMs);
    this.queue.encodeAll();
    this.pump(true);
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref?.());
    const closing = this.ready.then(() => this.request({ type: "close", id: this.nextId++, timeoutMs }));
    const ok = await Promise.race([closing, timeout]);
    this.closed = true;
    // Whatever could not be written before the deadline is lost: count it, never hide it.
    if (!ok) this.dropped += this.queue.drain().length + this.countInFlight();
    this.inFlight.clear();
    await this.worker?.terminate();
    this.worker = undefined;
    return ok;
  }

  /** Counters of both threads: the main thread's queue and drops, the worker's writes. */
  stats(): WriterStats {
    if (this.fallback) {
      const f = this.fallback.stats();
      return { ...f, enqueued: this.enqueued + f.enqueued - this.handedOver, dropped: this.dropped + this.queue.dropped + f.dropped };
    }
    const r = this.remote.stats;
    return { ...r, enqueued: this.enqueued, dropped: this.dropped + this.queue.dropped + r.dropped, pending: this.queue.size + this.countInFlight() };
  }

  /** Where rows are written now: "worker", or "main" after falling back. */
  get thread(): "worker" | "main" {
    return this.fallback ? "main" : "worker";
  }

  /** @internal For tests: ends the worker thread as a crash would (it is restarted and handed what it held). */
  async crashWorkerForTesting(): Promise<void> {
    await this.worker?.terminate();
  }

  /** Errors swallowed inside the worker (mask and serialisation failures). */
  internalErrors(): number {
    return this.remote.internalErrors;
  }

  private countInFlight(): number {
    let n = 0;
    for (const batch of this.inFlight.values()) n += batch.count;
    return n;
  }

  /** Posts batches while there is room in flight (or everything, when forced: shutdown and exit only). */
  private pump(force = false): void {
    if (!this.worker) return;
    const limit = this.options.maxInFlight ?? 4;
    while (this.queue.encoded > 0 && (force || this.inFlight.size < limit)) this.postNext();
  }

  private postNext(): void {
    const chunks = this.queue.take(this.batchSize);
    if (chunks.length === 0) return;
    const id = this.nextId++;
    this.inFlight.set(id, { chunks, count: chunks.reduce((n, c) => n + c.count, 0), attempts: 1 });
    this.post(id, chunks);
  }

  private post(id: number, chunks: EncodedChunk[]): void {
    this.worker!.postMessage({ type: "batch", id, chunks: chunks.map((c) => c.encoded) } satisfies ToWorker);
  }

  /**
   * For the process `exit` event, where nothing asynchronous runs any more: posts what is
   * queued and blocks this thread (Atomics.wait) until the worker has written it, at
   * most `timeoutMs`. The worker thread keeps running meanwhile.
   */
  flushSync(timeoutMs: number): void {
    if (this.fallback || !this.worker || this.closed) return;
    this.queue.encodeAll();
    this.pump(true);
    if (this.inFlight.size === 0) return;
    Atomics.store(this.exitSignal, 0, 0);
    this.worker.postMessage({ type: "flush", id: 0, signal: this.exitSignal } satisfies ToWorker);
    Atomics.wait(this.exitSignal, 0, 0, timeoutMs);
  }

  /** Sends a flush or close and waits for the answer, keeping the process alive meanwhile. */
  private request(message: Extract<ToWorker, { type: "flush" | "close" }>): Promise<boolean> {
    const worker = this.worker;
    if (!worker) return Promise.resolve(false);
    worker.ref();
    return new Promise<boolean>((resolve) => {
      this.waiting.set(message.id, (ok) => {
        if (this.waiting.size <= 1) worker.unref();
        resolve(ok);
      });
      worker.postMessage(message);
    });
  }

  private spawn(): void {
    const entry = this.options.entry ?? workerEntry();
    let worker: Worker;
    try {
      worker = new Worker(entry.url, { workerData: this.options.config, eval: entry.eval });
    } catch (error) {
      this.giveUp(error);
      return;
    }
    worker.unref();
    this.worker = worker;
    let online = false;
    this.ready = new Promise<void>((resolve) => {
      worker.on("message", (message: FromWorker) => {
        if (message.type === "ready") {
          online = true;
          resolve();
          return;
        }
        this.onMessage(message);
      });
      worker.once("exit", () => resolve());
    });
    worker.on("error", (error) => {
      if (!online && this.restarts === 0) this.giveUp(error);
      else this.options.onInternalError(error);
    });
    worker.on("exit", (code) => {
      if (this.worker !== worker || this.closed || this.fallback) return;
      this.worker = undefined;
      this.restart(code);
    });
    // Replay what the previous worker held, in order.
    for (const [id, batch] of this.inFlight) this.post(id, batch.chunks);
  }

  /** A worker that exited on its own: count the attempt, drop batches that keep killing it, start again. */
  private restart(code: number): void {
    this.restarts += 1;
    this.options.onInternalError(new Error(`Loupe's writer thread exited (code ${code}); restarting it.`));
    for (const [id, batch] of this.inFlight) {
      batch.attempts += 1;
      if (batch.attempts > (this.options.maxAttempts ?? 3)) {
        this.inFlight.delete(id);
        this.dropped += batch.count;
      }
    }
    for (const resolve of this.waiting.values()) resolve(false);
    this.waiting.clear();
    this.spawn();
  }

  /** No worker could start: hand everything to the in-thread writer and use it from now on. */
  private giveUp(error: unknown): void {
    if (this.fallback) return;
    this.options.onInternalError(error);
    clearInterval(this.timer);
    const held = [...[...this.inFlight.values()].flatMap((b) => b.chunks.flatMap((c) => deserialize(c.encoded) as LoupeEvent[])), ...this.queue.drain()];
    this.inFlight.clear();
    void this.worker?.terminate();
    this.worker = undefined;
    this.fallback = this.options.fallback();
    this.handedOver = held.length;
    for (const event of held) this.fallback.enqueue(event);
    for (const resolve of this.waiting.values()) resolve(false);
    this.waiting.clear();
  }

  private onMessage(message: FromWorker): void {
    if (message.type === "error") {
      this.options.onInternalError(new Error(message.message));
      return;
    }
    if (message.type === "ready") return;
    this.remote = { stats: message.stats, internalErrors: message.internalErrors };
    if (message.type === "done") {
      for (const id of message.ids) this.inFlight.delete(id);
      this.pump();
    } else if (message.type === "flushed") {
      this.waiting.get(message.id)?.(message.ok);
      this.waiting.delete(message.id);
    }
  }
}
