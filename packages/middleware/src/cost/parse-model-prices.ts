import { z } from "zod";
import type { ModelPrice, PriceSource, PriceTier } from "./types.js";

const price = z.number({ error: "must be a number (USD per 1M tokens)" }).nonnegative({ error: "must be >= 0" });
const optionalPrice = price.nullable().optional();

const tierSchema = z
  .strictObject({
    name: z.string().min(1, { error: "must be a non-empty string" }),
    whenInputTokensAbove: z.number().int().nonnegative().optional(),
    serviceTier: z.string().min(1).optional(),
    inputPrice: price,
    cachedInputPrice: optionalPrice,
    cacheWritePrice: optionalPrice,
    outputPrice: price,
  })
  .refine((t) => t.whenInputTokensAbove !== undefined || t.serviceTier !== undefined, {
    error: "a tier needs a condition: whenInputTokensAbove and/or serviceTier",
  });

/** zod schema of one price entry as given by a host or stored in `prices.json`. */
export const modelPriceInputSchema = z.strictObject({
  id: z.string().min(1).optional(),
  modelName: z.string().min(1, { error: "must be a non-empty string" }),
  provider: z.string().min(1).nullable().optional(),
  matchPattern: z.string().min(1).optional(),
  startDate: z
    .union([z.string(), z.date()])
    .refine((d) => !Number.isNaN(typeof d === "string" ? Date.parse(d) : d.getTime()), {
      error: "must be a valid date (YYYY-MM-DD or ISO date-time)",
    })
    .optional(),
  inputPrice: price,
  cachedInputPrice: optionalPrice,
  cacheWritePrice: optionalPrice,
  outputPrice: price,
  tiers: z.array(tierSchema).optional(),
});

const INLINE_CASE_FLAG = /^\(\?i\)/;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || "(entry)";
}

/**
 * Compiles a price `matchPattern` the way the price book does: a leading `(?i)` is
 * stripped and the pattern is always compiled case-insensitively.
 * @throws Error when the pattern is not a valid JavaScript regular expression.
 */
export function compileMatchPattern(pattern: string): RegExp {
  return new RegExp(pattern.replace(INLINE_CASE_FLAG, ""), "i");
}

/**
 * Validates and normalizes price entries.
 *
 * @param inputs - raw entries (host-given or from `prices.json`).
 * @param source - recorded on each resulting {@link ModelPrice}.
 * @param label - name used in error messages, e.g. `prices`.
 * @throws Error naming the offending entry and field, e.g.
 *   `Invalid model price prices[2] ("my-model"): outputPrice: must be a number (USD per 1M tokens)`.
 */
export function parseModelPrices(inputs: unknown, source: PriceSource, label = "prices"): ModelPrice[] {
  if (!Array.isArray(inputs)) throw new Error(`Invalid model prices: ${label} must be an array`);
  const seen = new Set<string>();
  return inputs.map((raw: unknown, index) => {
    const where = () => {
      const name = (raw as { modelName?: unknown } | null)?.modelName;
      return `${label}[${index}]${typeof name === "string" ? ` ("${name}")` : ""}`;
    };
    const parsed = modelPriceInputSchema.safeParse(raw);
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join("; ");
      throw new Error(`Invalid model price ${where()}: ${details}`);
    }
    const entry = normalize(parsed.data);
    try {
      compileMatchPattern(entry.matchPattern);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Invalid model price ${where()}: matchPattern: invalid regular expression (${reason})`);
    }
    const priced = { ...entry, source };
    if (seen.has(priced.id)) throw new Error(`Invalid model price ${where()}: id: duplicate id "${priced.id}"`);
    seen.add(priced.id);
    return Object.freeze(priced);
  });
}

function normalize(input: z.output<typeof modelPriceInputSchema>): Omit<ModelPrice, "source"> {
  const provider = input.provider ? input.provider.toLowerCase() : null;
  const startDate =
    input.startDate === undefined
      ? "1970-01-01"
      : typeof input.startDate === "string"
        ? input.startDate
        : input.startDate.toISOString();
  const prefix = provider ? `(${escapeRegex(provider)}[/:.])?` : "([\\w-]+[/:.])?";
  const tiers: PriceTier[] = (input.tiers ?? []).map((t) =>
    Object.freeze({ ...t, cachedInputPrice: t.cachedInputPrice ?? null, cacheWritePrice: t.cacheWritePrice ?? null }),
  );
  return {
    id: input.id ?? `custom/${input.modelName}@${startDate}`,
    modelName: input.modelName,
    provider,
    matchPattern: (input.matchPattern ?? `^${prefix}${escapeRegex(input.modelName)}$`).replace(INLINE_CASE_FLAG, ""),
    startDate,
    inputPrice: input.inputPrice,
    cachedInputPrice: input.cachedInputPrice ?? null,
    cacheWritePrice: input.cacheWritePrice ?? null,
    outputPrice: input.outputPrice,
    tiers: Object.freeze(tiers),
  };
}

