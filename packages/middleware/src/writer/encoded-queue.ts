import { deserialize } from "node:v8";
import type { LoupeEvent } from "../domain/events.js";
import { RingBuffer } from "./ring-buffer.js";

/** A run of events encoded together (v8 serialisation). */
export interface EncodedChunk {
  encoded: Buffer;
  count: number;
}

/** Options of {@link EncodedQueue}. */
export interface EncodedQueueOptions {
  /** Events held at most (raw + encoded); past it the oldest are dropped and counted. */
  capacity: number;
  /** Events encoded together. Default 64. */
  chunkSize?: number;
  /** Main-thread time one encoding turn may take, in ms. Default 2. */
  budgetMs?: number;
  encode(events: LoupeEvent[]): Buffer | undefined;
  /** Called after an encoding turn (the writer posts when enough is queued). */
  onEncoded(): void;
}

/**
 * The writer's queue on the host's thread. Events are encoded soon after they arrive —
 * a chunk at a time, between the host's own tasks, a couple of milliseconds per turn —
 * so the queue holds bytes outside the JS heap instead of the host's objects: the
 * objects die young (cheap to collect) and a backlog adds nothing to the host's
 * garbage-collection pauses. Bounded like the ring buffer it starts from.
 */
export class EncodedQueue {
  /** Events dropped past the cap, or that could not be encoded. */
  dropped = 0;
  private readonly raw: RingBuffer<LoupeEvent>;
  private readonly chunks: EncodedChunk[] = [];
  private encodedCount = 0;
  private scheduled = false;
  private readonly options: EncodedQueueOptions;

  constructor(options: EncodedQueueOptions) {
    this.options = options;
    this.raw = new RingBuffer(options.capacity);
  }

  /** Events waiting, raw or encoded. */
  get size(): number {
    return this.raw.size + this.encodedCount;
  }

  /** Events encoded and ready to post. */
  get encoded(): number {
    return this.encodedCount;
  }

  /** Queues an event: O(1); schedules encoding. */
  push(event: LoupeEvent): void {
    if (this.raw.push(event) !== undefined) this.dropped += 1;
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.turn());
    }
  }

  /** Encodes raw events for at most the time budget; true when none is left raw. */
  encodeSome(budgetMs = this.options.budgetMs ?? 2): boolean {
    const started = performance.now();
    const size = this.options.chunkSize ?? 64;
    while (this.raw.size > 0 && performance.now() - started < budgetMs) this.encodeChunk(this.raw.take(size));
    return this.raw.size === 0;
  }

  /** Encodes everything raw now (shutdown and process exit). */
  encodeAll(): void {
    this.encodeSome(Number.POSITIVE_INFINITY);
  }

  /** Takes encoded chunks worth up to `max` events (at least one chunk when any). */
  take(max: number): EncodedChunk[] {
    const out: EncodedChunk[] = [];
    let n = 0;
    while (this.chunks.length > 0 && (out.length === 0 || n + this.chunks[0].count <= max)) {
      const chunk = this.chunks.shift()!;
      n += chunk.count;
      out.push(chunk);
    }
    this.encodedCount -= n;
    return out;
  }

  /** Everything queued, as events again (for the in-thread fallback writer). */
  drain(): LoupeEvent[] {
    const events = this.take(Number.POSITIVE_INFINITY).flatMap((c) => deserialize(c.encoded) as LoupeEvent[]);
    return [...events, ...this.raw.take(this.raw.size)];
  }

  private turn(): void {
    this.scheduled = false;
    const done = this.encodeSome();
    this.options.onEncoded();
    if (!done && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.turn());
    }
  }

  private encodeChunk(events: LoupeEvent[]): void {
    const encoded = this.options.encode(events);
    if (!encoded) {
      this.dropped += events.length;
      return;
    }
    this.chunks.push({ encoded, count: events.length });
    this.encodedCount += events.length;
    // The cap counts raw and encoded events together: drop the oldest chunks past it.
    while (this.chunks.length > 1 && this.size > this.options.capacity) {
      const oldest = this.chunks.shift()!;
      this.encodedCount -= oldest.count;
      this.dropped += oldest.count;
    }
  }
}
