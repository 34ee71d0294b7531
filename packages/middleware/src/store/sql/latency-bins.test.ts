import { describe, expect, it } from "vitest";
import { binValue, latencyBin, percentilesFromBins } from "./latency-bins.js";

describe("latency histogram bins", () => {
  it("round-trip any duration within ±2.5 %", () => {
    for (const ms of [1, 2, 7, 50, 999, 1000, 1001, 12_345, 600_000, 3_600_000]) {
      expect(Math.abs(binValue(latencyBin(ms)) / ms - 1), String(ms)).toBeLessThanOrEqual(0.025);
    }
    expect(latencyBin(0)).toBe(0);
    expect(binValue(0)).toBe(0);
  });

  it("give percentiles within ±2.5 % of the exact nearest-rank ones", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const values = Array.from({ length: 20_000 }, () => Math.round(50 + 5000 * random() ** 3));
    const exact = (q: number) => [...values].sort((a, b) => a - b)[Math.ceil(q * values.length) - 1];
    const counts = new Map<number, number>();
    for (const v of values) counts.set(latencyBin(v), (counts.get(latencyBin(v)) ?? 0) + 1);
    const approx = percentilesFromBins([...counts].map(([bin, count]) => ({ bin, count })), [0.5, 0.95, 0.99]);
    [0.5, 0.95, 0.99].forEach((q, i) => expect(Math.abs(approx[i]! / exact(q) - 1), String(q)).toBeLessThanOrEqual(0.025));
    expect(percentilesFromBins([], [0.5])).toEqual([null]);
  });
});
