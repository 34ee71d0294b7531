import pricesFile from "./prices.json" with { type: "json" };
import { parseModelPrices } from "./parse-model-prices.js";
import type { ModelPrice } from "./types.js";

/**
 * The maintained price table shipped with Loupe (`prices.json`), validated and
 * normalized at module load. Frozen; USD per 1M tokens.
 */
export const builtInPrices: readonly ModelPrice[] = Object.freeze(
  parseModelPrices((pricesFile as unknown as { models: unknown }).models, "built-in", "prices.json models"),
);
