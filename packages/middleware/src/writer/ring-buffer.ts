/**
 * A bounded FIFO queue: O(1) push and shift; when full, pushing evicts the oldest item
 * and reports it, so memory stays bounded and nothing is dropped silently.
 */
export class RingBuffer<T> {
  private items: (T | undefined)[];
  private head = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError("RingBuffer capacity must be a positive integer");
    this.items = new Array(capacity);
  }

  /** Items waiting. */
  get size(): number {
    return this.count;
  }

  /** Appends `item`; returns the evicted oldest item when the buffer was full. */
  push(item: T): T | undefined {
    if (this.count < this.capacity) {
      this.items[(this.head + this.count) % this.capacity] = item;
      this.count += 1;
      return undefined;
    }
    const evicted = this.items[this.head];
    this.items[this.head] = item;
    this.head = (this.head + 1) % this.capacity;
    return evicted;
  }

  /** Removes and returns up to `max` oldest items. */
  take(max: number): T[] {
    const n = Math.min(max, this.count);
    const out = new Array<T>(n);
    for (let i = 0; i < n; i++) {
      out[i] = this.items[this.head] as T;
      this.items[this.head] = undefined;
      this.head = (this.head + 1) % this.capacity;
    }
    this.count -= n;
    return out;
  }

  /**
   * Puts `items` back at the front (a failed batch, to retry first). Returns how many
   * did not fit and were dropped (the oldest of them).
   */
  unshift(items: readonly T[]): number {
    const room = this.capacity - this.count;
    const keep = items.length > room ? items.slice(items.length - room) : items;
    for (let i = keep.length - 1; i >= 0; i--) {
      this.head = (this.head - 1 + this.capacity) % this.capacity;
      this.items[this.head] = keep[i];
      this.count += 1;
    }
    return items.length - keep.length;
  }
}
