/**
 * Cost module: model price table, price lookup and cost computation.
 * @module
 */
export { builtInPrices } from "./built-in-prices.js";
export { computeCost, type PriceForCost } from "./compute-cost.js";
export { compileMatchPattern, modelPriceInputSchema, parseModelPrices } from "./parse-model-prices.js";
export { createPriceBook } from "./price-book.js";
export type {
  CostBreakdown,
  CostInput,
  ModelPrice,
  ModelPriceInput,
  PriceBook,
  PriceBookOptions,
  PriceRates,
  PriceSource,
  PriceTier,
  UsageForCost,
} from "./types.js";
