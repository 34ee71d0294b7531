/**
 * Public types of the cost module.
 *
 * All prices are in USD per 1,000,000 tokens.
 */

/**
 * Token counts used to price one model call.
 *
 * Follows the AI SDK convention (`LanguageModelV4Usage`):
 * - `inputTokens` is the TOTAL prompt size and ALREADY INCLUDES `cacheReadTokens`
 *   and `cacheWriteTokens` (map from `usage.inputTokens.total`, `.cacheRead`, `.cacheWrite`).
 * - `outputTokens` is the TOTAL completion size and ALREADY INCLUDES `reasoningTokens`
 *   (map from `usage.outputTokens.total` and `.reasoning`). Reasoning is informational
 *   and is never billed on top of `outputTokens`.
 *
 * Missing counts are treated as 0.
 */
export interface UsageForCost {
  inputTokens?: number;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
  outputTokens?: number;
  reasoningTokens?: number;
}

/** Cost of one model call, in USD. */
export interface CostBreakdown {
  /** Cost of all input tokens (non-cached + cache reads + cache writes). */
  inputCost: number;
  /** Cost of all output tokens (reasoning included). */
  outputCost: number;
  /** `inputCost + outputCost`. */
  totalCost: number;
  /** `id` of the {@link ModelPrice} used. */
  priceId: string;
  /** Name of the {@link PriceTier} applied, if any. */
  tier?: string;
}

/** A set of per-1M-token prices. */
export interface PriceRates {
  /** USD per 1M non-cached input tokens. */
  inputPrice: number;
  /** USD per 1M cache-read input tokens; `null`/absent means billed at `inputPrice`. */
  cachedInputPrice?: number | null;
  /** USD per 1M cache-write input tokens; `null`/absent means billed at `inputPrice`. */
  cacheWritePrice?: number | null;
  /** USD per 1M output tokens (reasoning included). */
  outputPrice: number;
}

/**
 * Alternative prices that REPLACE the base prices of a model when all of the
 * tier's conditions hold. The first matching tier (in array order) wins.
 */
export interface PriceTier extends PriceRates {
  /** Tier name reported in {@link CostBreakdown.tier}, e.g. `"long-context"`, `"priority"`. */
  name: string;
  /** Applies when total `inputTokens` is strictly greater than this value. */
  whenInputTokensAbove?: number;
  /** Applies when the call's service tier equals this value (case-insensitive), e.g. `"priority"`, `"flex"`. */
  serviceTier?: string;
}

/** Where a price entry comes from. */
export type PriceSource = "custom" | "built-in";

/** A validated, normalized price entry for one model, effective from `startDate`. */
export interface ModelPrice extends PriceRates {
  /** Unique id, conventionally `provider/model@startDate`. */
  id: string;
  /** Canonical model name, e.g. `gpt-4o-mini`. */
  modelName: string;
  /** Provider key (`openai`, `anthropic`, …) or `null` for "any provider". */
  provider: string | null;
  /**
   * JavaScript regular-expression source matched against the model id.
   * Always compiled case-insensitively (flag `i`); never contains inline flags.
   */
  matchPattern: string;
  /** Date (`YYYY-MM-DD`, UTC) or ISO date-time from which these prices apply. */
  startDate: string;
  cachedInputPrice: number | null;
  cacheWritePrice: number | null;
  /** Conditional price tiers; empty when none. */
  tiers: readonly PriceTier[];
  /** `custom` for host-given entries, `built-in` for `prices.json`. */
  source: PriceSource;
}

/**
 * A price entry as given by the host application (or stored in `prices.json`).
 * Validated with zod by {@link createPriceBook}.
 */
export interface ModelPriceInput {
  /** Defaults to `custom/<modelName>@<startDate>`. */
  id?: string;
  modelName: string;
  /** Provider key; omit to apply to any provider. */
  provider?: string | null;
  /**
   * Regex source (case-insensitive by convention; a leading `(?i)` is accepted and
   * stripped). Defaults to an exact match of `modelName` with an optional
   * `<provider>/` prefix.
   */
  matchPattern?: string;
  /** `YYYY-MM-DD`, ISO date-time or a `Date`; defaults to `1970-01-01` (all history). */
  startDate?: string | Date;
  inputPrice: number;
  cachedInputPrice?: number | null;
  cacheWritePrice?: number | null;
  outputPrice: number;
  tiers?: PriceTier[];
}

/** Arguments of {@link PriceBook.cost}. */
export interface CostInput {
  /** Model id as reported by the AI SDK (response model id preferred). */
  modelId: string;
  /** AI SDK provider string, e.g. `openai.chat`; only the part before the first `.` is used. */
  provider?: string;
  /** Time of the call; selects the price effective at that time. */
  at: Date;
  usage: UsageForCost;
  /** Service tier the call was processed with, e.g. `priority` or `flex`. */
  serviceTier?: string;
}

/** Lookup of model prices and cost computation. */
export interface PriceBook {
  /**
   * Finds the price for `modelId` effective at `at`. Among entries whose pattern
   * matches and whose `startDate <= at`, custom entries win over built-in ones,
   * then the latest `startDate` wins. When `provider` is given, entries of that
   * provider (or without provider) are preferred; other providers are used only
   * if none match.
   */
  find(modelId: string, at: Date, provider?: string): ModelPrice | undefined;
  /** Computes the cost of a call, or `null` when no price is known (never 0 for unknown models). */
  cost(input: CostInput): CostBreakdown | null;
  /** All entries: custom first (in given order), then built-in. */
  list(): ModelPrice[];
}

/** Options of {@link createPriceBook}. */
export interface PriceBookOptions {
  /** Host-specific prices; they take precedence over built-in ones. */
  prices?: ModelPriceInput[];
  /** Include `prices.json`; default `true`. */
  includeBuiltIn?: boolean;
  /** Maximum number of cached model-id lookups; default 1,000. */
  cacheSize?: number;
}
