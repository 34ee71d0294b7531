import type { CostBreakdown, ModelPrice, PriceRates, PriceTier, UsageForCost } from "./types.js";

/** The parts of a {@link ModelPrice} that {@link computeCost} needs. */
export type PriceForCost = PriceRates & Pick<ModelPrice, "id"> & { tiers?: readonly PriceTier[] };

const PER_MILLION = 1_000_000;

function count(value: number | undefined): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
}

/** Removes floating-point noise below 1e-12 USD. */
function roundUsd(value: number): number {
  return Math.round(value * 1e12) / 1e12;
}

function selectTier(
  tiers: readonly PriceTier[] | undefined,
  inputTokens: number,
  serviceTier: string | undefined,
): PriceTier | undefined {
  if (!tiers) return undefined;
  const wanted = serviceTier?.toLowerCase();
  return tiers.find(
    (t) =>
      (t.whenInputTokensAbove === undefined || inputTokens > t.whenInputTokensAbove) &&
      (t.serviceTier === undefined || t.serviceTier.toLowerCase() === wanted),
  );
}

/**
 * Computes the USD cost of one model call. Pure; prices are per 1M tokens.
 *
 * AI SDK semantics: `inputTokens` already includes cache reads and writes, and
 * `outputTokens` already includes reasoning. Therefore:
 * - nonCached = max(0, inputTokens − cacheReadTokens − cacheWriteTokens)
 * - inputCost = nonCached × inputPrice + cacheRead × (cachedInputPrice ?? inputPrice)
 *   + cacheWrite × (cacheWritePrice ?? inputPrice)
 * - outputCost = outputTokens × outputPrice (reasoning is NOT added on top)
 *
 * The first tier whose conditions all hold replaces the base prices:
 * `whenInputTokensAbove` compares total `inputTokens` (strictly greater), and
 * `serviceTier` compares the given `serviceTier` (case-insensitive).
 * Missing or invalid counts count as 0.
 */
export function computeCost(price: PriceForCost, usage: UsageForCost, serviceTier?: string): CostBreakdown {
  const inputTokens = count(usage.inputTokens);
  const cacheRead = count(usage.cacheReadTokens);
  const cacheWrite = count(usage.cacheWriteTokens);
  const outputTokens = count(usage.outputTokens);
  const nonCached = Math.max(0, inputTokens - cacheRead - cacheWrite);

  const tier = selectTier(price.tiers, inputTokens, serviceTier);
  const rates: PriceRates = tier ?? price;

  const inputCost = roundUsd(
    (nonCached * rates.inputPrice +
      cacheRead * (rates.cachedInputPrice ?? rates.inputPrice) +
      cacheWrite * (rates.cacheWritePrice ?? rates.inputPrice)) /
      PER_MILLION,
  );
  const outputCost = roundUsd((outputTokens * rates.outputPrice) / PER_MILLION);
  const breakdown: CostBreakdown = {
    inputCost,
    outputCost,
    totalCost: roundUsd(inputCost + outputCost),
    priceId: price.id,
  };
  if (tier) breakdown.tier = tier.name;
  return breakdown;
}
