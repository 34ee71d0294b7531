import type { LoupeEvent } from "../domain/events.js";
import type { WriteBatch } from "../domain/rows.js";
import type { TraceStore } from "../store/trace-store.js";
import { RingBuffer } from "./ring-buffer.js";
import { isTransientError } from "./transient-error.js";

/** Tuning of the {@link BatchWriter}. */
export interface BatchWriterOptions {
  /** Opens (once) the store to write to. */
  store: () => Promise<TraceStore>;
  /** Turns events into rows (masking, serialising, pricing). */
  toBatch: (events: readonly LoupeEvent[]) => WriteBatch;
  /** Events per write. Default 500. */
  batchSize?: number;
  /** Flush at least this often, in ms. Default 1000. */
  flushIntervalMs?: number;
  /** Events held at most; past it the oldest are dropped and counted. Default 20,000. */
  maxBufferSize?: number;
  /** Cap of the retry backoff, in ms. Default 30,000. */
  maxRetryDelayMs?: number;
  /** Called with write failures (for a debug logger); never throws to the host. */
  onError?: (error: unknown) => void;
}

/** Counters of the writer, as `loupe.stats()` reports them. */
export interface WriterStats {
  /** Events accepted by enqueue(). */
  enqueued: number;
  /** Events written to the store. */
  written: number;
  /** Events waiting in the buffer. */
  pending: number;
  /** Events dropped because the buffer was full (oldest first). */
  dropped: number;
  /** Events dropped because the store rejected them alone (bad data), after isolating them. */
  failed: number;
  /** Failed write attempts that were retried. */
  retries: number;
  /** Successful store writes. */
  flushes: number;
  /** Milliseconds spent converting and writing, in total (wall clock, yields to the host included). */
  writeMs: number;
  /** The last write error, if the last attempt failed. */
  lastError: string | null;
}

/**
 * The background half of Loupe: a bounded buffer flushed every `flushIntervalMs` or
 * every `batchSize` events in one store write, retried with exponential backoff while
 * the database is unavailable. It never throws to the caller, never holds more than
 * `maxBufferSize` events, and counts every event it drops.
 */
export class BatchWriter {
  private readonly buffer: RingBuffer<LoupeEvent>;
  private readonly batchSize: number;
  private readonly maxRetryDelayMs: number;
  private readonly options: BatchWriterOptions;
  private readonly timer: ReturnType<typeof setInterval>;
  private running: Promise<void> | null = null;
  private soon = false;
  private retryDelayMs = 0;
  private nextAttemptAt = 0;
  private closed = false;
  private readonly counters = { enqueued: 0, written: 0, dropped: 0, failed: 0, retries: 0, flushes: 0, writeMs: 0 };
  private lastError: string | null = null;

  constructor(options: BatchWriterOptions) {
    this.options = options;
    this.batchSize = options.batchSize ?? 500;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 30_000;
    this.buffer = new RingBuffer(options.maxBufferSize ?? 20_000);
    this.timer = setInterval(() => void this.drain(false), options.flushIntervalMs ?? 1_000);
    this.timer.unref?.();
  }

  /** Queues an event: O(1), never awaits, never throws. */
  enqueue(event: LoupeEvent): void {
    if (this.closed) {
      this.counters.dropped += 1;
      return;
    }
    this.counters.enqueued += 1;
    if (this.buffer.push(event) !== undefined) this.counters.dropped += 1;
    if (this.buffer.size >= this.batchSize && !this.soon) {
      this.soon = true;
      setImmediate(() => {
        this.soon = false;
        void this.drain(false);
      });
    }
  }

  /**
   * Writes everything queued so far (ignoring any backoff). Resolves when done or when
   * the database refused; never rejects. Returns true when the buffer is empty.
   */
  async flush(): Promise<boolean> {
    await this.drain(true);
    return this.buffer.size === 0;
  }

  /** Flushes (up to `timeoutMs`) and stops the timer; later events are dropped and counted. */
  async shutdown(timeoutMs = 10_000): Promise<boolean> {
    clearInterval(this.timer);
    const done = this.flush();
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref?.());
    const flushed = await Promise.race([done, timeout]);
    this.closed = true;
    // Whatever could not be written before the deadline is lost: count it, never hide it.
    if (!flushed) this.counters.dropped += this.buffer.take(this.buffer.size).length;
    return flushed;
  }

  /** The writer's counters. */
  stats(): WriterStats {
    return { ...this.counters, pending: this.buffer.size, lastError: this.lastError };
  }

  private drain(force: boolean): Promise<void> {
    if (this.running) {
      // Chain a second pass so events queued during the running one are covered too.
      return this.running.then(() => (force || this.buffer.size > 0 ? this.drain(force) : undefined));
    }
    this.running = this.drainLoop(force).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drainLoop(force: boolean): Promise<void> {
    if (!force && Date.now() < this.nextAttemptAt) return;
    while (this.buffer.size > 0) {
      const events = this.buffer.take(this.batchSize);
      const ok = await this.writeEvents(events);
      if (!ok) return;
      // A synchronous driver (better-sqlite3) resolves every await at once: give the host's
      // timers and I/O a turn between batches so a backlog never stalls the event loop.
      if (this.buffer.size > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** Writes one batch; on a transient failure puts it back and backs off. */
  private async writeEvents(events: LoupeEvent[]): Promise<boolean> {
    try {
      await this.write(events);
      this.retryDelayMs = 0;
      this.nextAttemptAt = 0;
      this.lastError = null;
      return true;
    } catch (error) {
      this.report(error);
      if (isTransientError(error)) {
        this.counters.retries += 1;
        this.counters.dropped += this.buffer.unshift(events);
        this.retryDelayMs = Math.min(this.maxRetryDelayMs, Math.max(100, this.retryDelayMs * 2));
        this.nextAttemptAt = Date.now() + this.retryDelayMs;
        return false;
      }
      // The rows themselves are refused: isolate the bad ones by halving, keep the rest.
      await this.isolate(events);
      return true;
    }
  }

  private async isolate(events: LoupeEvent[]): Promise<void> {
    if (events.length === 1) {
      this.counters.failed += 1;
      return;
    }
    const middle = Math.ceil(events.length / 2);
    for (const half of [events.slice(0, middle), events.slice(middle)]) {
      try {
        await this.write(half);
      } catch (error) {
        this.report(error);
        if (isTransientError(error)) {
          this.counters.retries += 1;
          this.counters.dropped += this.buffer.unshift(half);
        } else {
          await this.isolate(half);
        }
      }
    }
  }

  private async write(events: LoupeEvent[]): Promise<void> {
    const store = await this.options.store();
    const started = performance.now();
    const batch = this.options.toBatch(events);
    await store.write(batch);
    this.counters.writeMs += performance.now() - started;
    this.counters.flushes += 1;
    this.counters.written += events.length;
  }

  private report(error: unknown): void {
    this.lastError = error instanceof Error ? error.message : String(error);
    try {
      this.options.onError?.(error);
    } catch {
      // a failing logger must not stop the writer
    }
  }
}
