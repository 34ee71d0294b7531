import { describe, expect, it } from "vitest";
import { computeCost, type PriceForCost } from "./compute-cost.js";

// Prices written out by hand (USD per 1M tokens) so these tests do not depend on prices.json.
const gpt4oMini: PriceForCost = {
  id: "openai/gpt-4o-mini@2024-07-18",
  inputPrice: 0.15,
  cachedInputPrice: 0.075,
  cacheWritePrice: null,
  outputPrice: 0.6,
  tiers: [{ name: "priority", serviceTier: "priority", inputPrice: 0.25, cachedInputPrice: 0.125, outputPrice: 1 }],
};

const sonnet45: PriceForCost = {
  id: "anthropic/claude-sonnet-4-5@2025-09-29",
  inputPrice: 3,
  cachedInputPrice: 0.3,
  cacheWritePrice: 3.75,
  outputPrice: 15,
  tiers: [
    {
      name: "long-context",
      whenInputTokensAbove: 200_000,
      inputPrice: 6,
      cachedInputPrice: 0.6,
      cacheWritePrice: 7.5,
      outputPrice: 22.5,
    },
  ],
};

describe("computeCost", () => {
  it("does not double-count cached input or reasoning output (gpt-4o-mini)", () => {
    // (600×0.15 + 400×0.075 + 500×0.6) / 1e6 = (90 + 30 + 300) / 1e6
    const cost = computeCost(gpt4oMini, {
      inputTokens: 1_000,
      cacheReadTokens: 400,
      outputTokens: 500,
      reasoningTokens: 200,
    });
    expect(cost.inputCost).toBeCloseTo(0.00012, 12);
    expect(cost.outputCost).toBeCloseTo(0.0003, 12);
    expect(cost.totalCost).toBeCloseTo(0.00042, 12);
    expect(cost.priceId).toBe("openai/gpt-4o-mini@2024-07-18");
    expect(cost.tier).toBeUndefined();
  });

  it("bills Anthropic cache writes and reads at their own prices", () => {
    // non-cached 10,000 − 2,000 − 3,000 = 5,000
    // input: 5,000×3 + 2,000×0.3 + 3,000×3.75 = 15,000 + 600 + 11,250 = 26,850 → 0.02685
    // output: 1,000×15 = 15,000 → 0.015
    const cost = computeCost(sonnet45, {
      inputTokens: 10_000,
      cacheReadTokens: 2_000,
      cacheWriteTokens: 3_000,
      outputTokens: 1_000,
    });
    expect(cost.inputCost).toBeCloseTo(0.02685, 12);
    expect(cost.outputCost).toBeCloseTo(0.015, 12);
    expect(cost.totalCost).toBeCloseTo(0.04185, 12);
  });

  it("falls back to inputPrice when cache prices are null", () => {
    const price: PriceForCost = { id: "x", inputPrice: 2, cachedInputPrice: null, cacheWritePrice: null, outputPrice: 0 };
    // 1,000 tokens all at 2 → 2,000 / 1e6
    const cost = computeCost(price, { inputTokens: 1_000, cacheReadTokens: 300, cacheWriteTokens: 200 });
    expect(cost.totalCost).toBeCloseTo(0.002, 12);
  });

  it("applies the long-context tier only strictly above 200k input tokens", () => {
    // 200,000×3 = 600,000 → 0.6 ; 1,000×15 → 0.015
    const atBoundary = computeCost(sonnet45, { inputTokens: 200_000, outputTokens: 1_000 });
    expect(atBoundary.tier).toBeUndefined();
    expect(atBoundary.totalCost).toBeCloseTo(0.615, 12);

    // 200,001×6 = 1,200,006 → 1.200006 ; 1,000×22.5 → 0.0225
    const above = computeCost(sonnet45, { inputTokens: 200_001, outputTokens: 1_000 });
    expect(above.tier).toBe("long-context");
    expect(above.inputCost).toBeCloseTo(1.200006, 12);
    expect(above.outputCost).toBeCloseTo(0.0225, 12);
    expect(above.totalCost).toBeCloseTo(1.222506, 12);
  });

  it("compares the long-context threshold with total input, cached tokens included", () => {
    // 150,000 non-cached + 60,000 cache read = 210,000 > 200k → tier
    // 150,000×6 + 60,000×0.6 = 900,000 + 36,000 → 0.936
    const cost = computeCost(sonnet45, { inputTokens: 210_000, cacheReadTokens: 60_000 });
    expect(cost.tier).toBe("long-context");
    expect(cost.totalCost).toBeCloseTo(0.936, 12);
  });

  it("applies the priority tier only for serviceTier 'priority'", () => {
    const usage = { inputTokens: 1_000_000, cacheReadTokens: 200_000, outputTokens: 100_000 };
    // base: 800,000×0.15 + 200,000×0.075 + 100,000×0.6 = 120,000 + 15,000 + 60,000 → 0.195
    expect(computeCost(gpt4oMini, usage).totalCost).toBeCloseTo(0.195, 12);
    expect(computeCost(gpt4oMini, usage, "default").totalCost).toBeCloseTo(0.195, 12);
    // priority: 800,000×0.25 + 200,000×0.125 + 100,000×1 = 200,000 + 25,000 + 100,000 → 0.325
    const priority = computeCost(gpt4oMini, usage, "Priority");
    expect(priority.tier).toBe("priority");
    expect(priority.totalCost).toBeCloseTo(0.325, 12);
  });

  it("treats missing, negative and NaN counts as 0", () => {
    expect(computeCost(gpt4oMini, {}).totalCost).toBe(0);
    const cost = computeCost(gpt4oMini, { inputTokens: Number.NaN, outputTokens: -5 });
    expect(cost.totalCost).toBe(0);
  });

  it("clamps non-cached input at 0 when cache counts exceed inputTokens", () => {
    // non-cached max(0, 100 − 300) = 0 ; 300×0.075 = 22.5 → 0.0000225
    const cost = computeCost(gpt4oMini, { inputTokens: 100, cacheReadTokens: 300 });
    expect(cost.inputCost).toBeCloseTo(0.0000225, 12);
  });

  it("uses the first matching tier in array order", () => {
    const price: PriceForCost = {
      id: "t",
      inputPrice: 1,
      outputPrice: 1,
      tiers: [
        { name: "a", whenInputTokensAbove: 10, serviceTier: "priority", inputPrice: 3, outputPrice: 3 },
        { name: "b", whenInputTokensAbove: 10, inputPrice: 2, outputPrice: 2 },
      ],
    };
    expect(computeCost(price, { inputTokens: 11 }, "priority").tier).toBe("a");
    expect(computeCost(price, { inputTokens: 11 }).tier).toBe("b");
    expect(computeCost(price, { inputTokens: 10 }, "priority").tier).toBeUndefined();
  });
});
