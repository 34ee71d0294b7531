import { describe, expect, it } from "vitest";
import { costDisplay, formatBucket, formatCost, formatCount, formatDuration, formatPercent, formatScore, formatTime, formatTokens } from "./format.js";

describe("formatCost / costDisplay", () => {
  it("shows small and large dollar amounts", () => {
    expect(formatCost(0.00042)).toBe("$0.0004");
    expect(formatCost(0.0042)).toBe("$0.0042");
    expect(formatCost(0.5)).toBe("$0.5");
    expect(formatCost(1234.5)).toBe("$1,234.50");
    expect(formatCost(0.00001)).toBe("<$0.0001");
    expect(formatCost(0)).toBe("$0.00");
  });

  it("never shows $0 for an unknown cost, and flags lower bounds", () => {
    expect(formatCost(null)).toBe("—");
    expect(costDisplay(null, 0)).toEqual({ text: "—", unpriced: true });
    expect(costDisplay(0.01, 2)).toEqual({ text: "$0.01", unpriced: true });
    expect(costDisplay(0.01, 0)).toEqual({ text: "$0.01", unpriced: false });
  });
});

describe("tokens, durations, percents, counts, times", () => {
  it("abbreviates tokens", () => {
    expect([formatTokens(950), formatTokens(1200), formatTokens(1_000), formatTokens(3_450_000), formatTokens(2e9)]).toEqual(["950", "1.2k", "1k", "3.5M", "2B"]);
  });

  it("picks a duration unit", () => {
    expect([formatDuration(850), formatDuration(1250), formatDuration(12_500), formatDuration(125_000), formatDuration(3_720_000), formatDuration(null)]).toEqual([
      "850 ms",
      "1.25 s",
      "12.5 s",
      "2m 05s",
      "1h 02m",
      "—",
    ]);
  });

  it("formats percents, counts, times, scores and buckets", () => {
    expect(formatPercent(0.125)).toBe("12.5%");
    expect(formatPercent(null)).toBe("—");
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(formatTime(new Date("2026-01-02T10:00:05.123Z"))).toBe("2026-01-02 10:00:05");
    expect(formatScore(1, "true", "BOOLEAN")).toBe("true");
    expect(formatScore(0.8333)).toBe("0.83");
    expect(formatScore(null, "good", "CATEGORICAL")).toBe("good");
    expect(formatBucket("2026-01-02")).toBe("Jan 2");
    expect(formatBucket("2026-01-02T10")).toBe("10:00");
  });
});
