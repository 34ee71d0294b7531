import { serialize } from "node:v8";
import { describe, expect, it } from "vitest";
import type { LoupeEvent } from "../domain/events.js";
import { EncodedQueue } from "./encoded-queue.js";

const event = (i: number): LoupeEvent => ({ kind: "trace", id: `t-${i}`, startTime: i, environment: "test", recordInputs: true, recordOutputs: true });
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("EncodedQueue", () => {
  it("encodes events soon after they arrive, keeps their order, and hands them out in batches", async () => {
    let turns = 0;
    const queue = new EncodedQueue({ capacity: 1_000, chunkSize: 10, encode: (events) => serialize(events), onEncoded: () => void (turns += 1) });
    for (let i = 0; i < 95; i++) queue.push(event(i));
    expect(queue.encoded).toBe(0);
    // Encoding happens in the next turns of the event loop (a couple of ms each), not in push().
    for (let i = 0; i < 100 && queue.encoded < 95; i++) await turn();
    expect(turns).toBeGreaterThan(0);
    expect(queue.encoded).toBe(95);
    const first = queue.take(50);
    expect(first.reduce((n, c) => n + c.count, 0)).toBe(50);
    expect(queue.size).toBe(45);
    expect(queue.drain().map((e) => (e as { id: string }).id)).toEqual(Array.from({ length: 45 }, (_, i) => `t-${50 + i}`));
  });

  it("holds at most its capacity, raw and encoded together, and counts every drop", async () => {
    const queue = new EncodedQueue({ capacity: 100, chunkSize: 10, encode: (events) => serialize(events), onEncoded: () => {} });
    for (let i = 0; i < 1_000; i++) queue.push(event(i));
    expect(queue.size).toBe(100);
    await turn();
    for (let i = 1_000; i < 1_050; i++) queue.push(event(i));
    queue.encodeAll();
    expect(queue.size).toBeLessThanOrEqual(100);
    expect(queue.size + queue.dropped).toBe(1_050);
    const ids = queue.drain().map((e) => (e as { id: string }).id);
    expect(ids.at(-1)).toBe("t-1049");
  });

  it("counts a batch that cannot be encoded as dropped", async () => {
    const queue = new EncodedQueue({ capacity: 100, encode: () => undefined, onEncoded: () => {} });
    for (let i = 0; i < 5; i++) queue.push(event(i));
    await turn();
    expect(queue.dropped).toBe(5);
    expect(queue.size).toBe(0);
  });
});
