import type { LoupeEvent } from "../domain/events.js";
import type { WriterStats } from "./batch-writer.js";

/**
 * What the recorder and createLoupe need from a writer: the in-thread
 * {@link BatchWriter} and the off-thread {@link WorkerWriter} both are one.
 */
export interface EventWriter {
  /** O(1), never awaits, never throws; drops (and counts) the oldest past the cap. */
  enqueue(event: LoupeEvent): void;
  /** Writes everything queued; true when nothing is left (never rejects). */
  flush(): Promise<boolean>;
  /** Flushes within `timeoutMs`, then stops; what is left is counted as dropped. */
  shutdown(timeoutMs?: number): Promise<boolean>;
  /** Flushes synchronously where the writer can (process `exit`), within `timeoutMs`. */
  flushSync?(timeoutMs: number): void;
  stats(): WriterStats;
}
