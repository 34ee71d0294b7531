import { builtInPrices } from "./built-in-prices.js";
import { computeCost } from "./compute-cost.js";
import { compileMatchPattern, parseModelPrices } from "./parse-model-prices.js";
import type { CostBreakdown, CostInput, ModelPrice, PriceBook, PriceBookOptions } from "./types.js";

interface CompiledPrice {
  price: ModelPrice;
  regex: RegExp;
  startMs: number;
}

const DEFAULT_CACHE_SIZE = 1_000;

/** `openai.chat` → `openai`; `Anthropic` → `anthropic`. */
function normalizeProvider(provider: string | undefined): string {
  return (provider ?? "").trim().toLowerCase().split(".")[0] ?? "";
}

/**
 * Creates a {@link PriceBook} from host-given prices and (by default) the built-in
 * table. Custom prices are validated with zod and their patterns compiled once;
 * an invalid entry throws an Error naming the entry and field.
 *
 * Lookups are cached per (provider, model id) in a bounded LRU map, since they
 * run for every recorded generation.
 */
export function createPriceBook(options: PriceBookOptions = {}): PriceBook {
  const custom = parseModelPrices(options.prices ?? [], "custom", "prices");
  const entries: readonly ModelPrice[] = [...custom, ...(options.includeBuiltIn === false ? [] : builtInPrices)];
  const cacheSize = Math.max(0, Math.floor(options.cacheSize ?? DEFAULT_CACHE_SIZE));

  // Precedence order: custom before built-in, then latest startDate first (sort is stable).
  const ranked: CompiledPrice[] = entries
    .map((price) => ({ price, regex: compileMatchPattern(price.matchPattern), startMs: Date.parse(price.startDate) }))
    .sort((a, b) => {
      const bySource = Number(a.price.source !== "custom") - Number(b.price.source !== "custom");
      return bySource !== 0 ? bySource : b.startMs - a.startMs;
    });

  const cache = new Map<string, CompiledPrice[]>();

  /** Matching entries in precedence order, independent of the date. */
  function candidates(modelId: string, provider: string): CompiledPrice[] {
    const key = `${provider}\u0000${modelId}`;
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const matching = ranked.filter((c) => c.regex.test(modelId));
    const sameProvider = provider
      ? matching.filter((c) => c.price.provider === null || c.price.provider === provider)
      : matching;
    const result = sameProvider.length > 0 ? sameProvider : matching;
    if (cacheSize > 0) {
      if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
      cache.set(key, result);
    }
    return result;
  }

  function find(modelId: string, at: Date, provider?: string): ModelPrice | undefined {
    const atMs = at instanceof Date ? at.getTime() : Number.NaN;
    const id = typeof modelId === "string" ? modelId.trim() : "";
    if (!id || Number.isNaN(atMs)) return undefined;
    return candidates(id, normalizeProvider(provider)).find((c) => c.startMs <= atMs)?.price;
  }

  return {
    find,
    cost(input: CostInput): CostBreakdown | null {
      const price = find(input.modelId, input.at, input.provider);
      return price ? computeCost(price, input.usage, input.serviceTier) : null;
    },
    list(): ModelPrice[] {
      return [...entries];
    },
  };
}
