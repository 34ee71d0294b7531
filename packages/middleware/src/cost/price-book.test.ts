import { afterEach, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { modelPriceInputSchema } from "./parse-model-prices.js";
import { createPriceBook } from "./price-book.js";
import type { ModelPriceInput } from "./types.js";

// Compile-time: every ModelPriceInput is accepted by the zod schema.
const _inputFitsSchema: z.input<typeof modelPriceInputSchema> = {} as ModelPriceInput;
void _inputFitsSchema;

const book = createPriceBook();
const AT = new Date("2025-12-01T00:00:00Z");
const idOf = (modelId: string, provider?: string, at = AT) => book.find(modelId, at, provider)?.id;

afterEach(() => vi.restoreAllMocks());

describe("PriceBook.find — model id matching", () => {
  it.each([
    ["gpt-4o", "openai/gpt-4o@2024-08-06"],
    ["gpt-4o-2024-08-06", "openai/gpt-4o@2024-08-06"],
    ["gpt-4o-2024-11-20", "openai/gpt-4o@2024-08-06"],
    ["gpt-4o-2024-05-13", "openai/gpt-4o@2024-05-13"],
    ["openai/gpt-4o", "openai/gpt-4o@2024-08-06"],
    ["OpenAI/GPT-4o", "openai/gpt-4o@2024-08-06"],
    ["gpt-4o-mini", "openai/gpt-4o-mini@2024-07-18"],
    ["gpt-4o-mini-2024-07-18", "openai/gpt-4o-mini@2024-07-18"],
    ["openai/gpt-4o-mini", "openai/gpt-4o-mini@2024-07-18"],
    ["gpt-4.1", "openai/gpt-4.1@2025-04-14"],
    ["gpt-4.1-2025-04-14", "openai/gpt-4.1@2025-04-14"],
    ["gpt-4.1-mini-2025-04-14", "openai/gpt-4.1-mini@2025-04-14"],
    ["gpt-4.1-nano", "openai/gpt-4.1-nano@2025-04-14"],
    ["o3", "openai/o3@2025-06-10"],
    ["o3-2025-04-16", "openai/o3@2025-06-10"],
    ["o3-mini", "openai/o3-mini@2025-01-31"],
    ["o3-mini-2025-01-31", "openai/o3-mini@2025-01-31"],
    ["o4-mini-2025-04-16", "openai/o4-mini@2025-04-16"],
    ["gpt-5", "openai/gpt-5@2025-08-07"],
    ["gpt-5-2025-08-07", "openai/gpt-5@2025-08-07"],
    ["gpt-5-chat-latest", "openai/gpt-5@2025-08-07"],
    ["gpt-5-mini-2025-08-07", "openai/gpt-5-mini@2025-08-07"],
    ["gpt-5-nano", "openai/gpt-5-nano@2025-08-07"],
    ["text-embedding-3-small", "openai/text-embedding-3-small@2024-01-25"],
    ["claude-3-5-sonnet-20241022", "anthropic/claude-3-5-sonnet@2024-06-20"],
    ["claude-3-5-sonnet-latest", "anthropic/claude-3-5-sonnet@2024-06-20"],
    ["anthropic/claude-3.5-sonnet", "anthropic/claude-3-5-sonnet@2024-06-20"],
    ["claude-3-5-haiku-20241022", "anthropic/claude-3-5-haiku@2024-11-04"],
    ["claude-3-7-sonnet-20250219", "anthropic/claude-3-7-sonnet@2025-02-24"],
    ["claude-sonnet-4-20250514", "anthropic/claude-sonnet-4@2025-05-22"],
    ["claude-sonnet-4-0", "anthropic/claude-sonnet-4@2025-05-22"],
    ["claude-sonnet-4-5", "anthropic/claude-sonnet-4-5@2025-09-29"],
    ["claude-sonnet-4-5-20250929", "anthropic/claude-sonnet-4-5@2025-09-29"],
    ["anthropic/claude-sonnet-4.5", "anthropic/claude-sonnet-4-5@2025-09-29"],
    ["us.anthropic.claude-sonnet-4-5-20250929-v1:0", "anthropic/claude-sonnet-4-5@2025-09-29"],
    ["claude-sonnet-4-5@20250929", "anthropic/claude-sonnet-4-5@2025-09-29"],
    ["claude-opus-4-20250514", "anthropic/claude-opus-4@2025-05-22"],
    ["claude-opus-4-1-20250805", "anthropic/claude-opus-4-1@2025-08-05"],
    ["claude-haiku-4-5-20251001", "anthropic/claude-haiku-4-5@2025-10-15"],
    ["gemini-2.0-flash-001", "google/gemini-2.0-flash@2025-02-05"],
    ["gemini-2.5-flash", "google/gemini-2.5-flash@2025-06-17"],
    ["gemini-2.5-flash-lite", "google/gemini-2.5-flash-lite@2025-07-22"],
    ["google/gemini-2.5-pro", "google/gemini-2.5-pro@2025-06-17"],
    ["mistral-large-latest", "mistral/mistral-large@2024-11-18"],
    ["mistral-small-2503", "mistral/mistral-small@2025-03-17"],
    ["mistral-medium-2505", "mistral/mistral-medium@2025-05-07"],
    ["codestral-2501", "mistral/codestral@2025-01-13"],
    ["grok-3", "xai/grok-3@2025-04-09"],
    ["grok-3-mini", "xai/grok-3-mini@2025-04-09"],
    ["xai/grok-4", "xai/grok-4@2025-07-09"],
    ["grok-4-0709", "xai/grok-4@2025-07-09"],
    ["deepseek-chat", "deepseek/deepseek-chat@2025-09-05"],
    ["deepseek-reasoner", "deepseek/deepseek-reasoner@2025-09-05"],
    ["llama-3.3-70b-versatile", "groq/llama-3.3-70b-versatile@2024-12-06"],
    ["llama-3.1-8b-instant", "groq/llama-3.1-8b-instant@2024-07-23"],
    ["openai/gpt-oss-120b", "groq/openai/gpt-oss-120b@2025-08-05"],
    ["openai/gpt-oss-20b", "groq/openai/gpt-oss-20b@2025-08-05"],
  ])("%s → %s", (modelId, expected) => {
    expect(idOf(modelId)).toBe(expected);
  });

  it.each(["gpt-4o-audio-preview", "o3-pro", "gpt-4", "grok-4-fast", "claude-sonnet-4-6", "my-model", "", "gpt-4o-mini-x"])(
    "does not match %j",
    (modelId) => {
      expect(idOf(modelId)).toBeUndefined();
    },
  );

  it("uses the AI SDK provider string to pick an entry, falling back when no entry has that provider", () => {
    const custom = createPriceBook({
      prices: [{ modelName: "gpt-4o", provider: "azure", matchPattern: "^gpt-4o$", inputPrice: 3, outputPrice: 12 }],
    });
    expect(custom.find("gpt-4o", AT, "openai.responses")?.id).toBe("openai/gpt-4o@2024-08-06");
    expect(custom.find("gpt-4o", AT, "azure.chat")?.id).toBe("custom/gpt-4o@1970-01-01");
    expect(custom.find("gpt-4o", AT)?.id).toBe("custom/gpt-4o@1970-01-01");
    expect(book.find("openai/gpt-oss-120b", AT, "gateway")?.id).toBe("groq/openai/gpt-oss-120b@2025-08-05");
    expect(book.find("claude-sonnet-4-5", AT, "vertex.anthropic.messages")?.provider).toBe("anthropic");
  });
});

describe("PriceBook.find — effective dates", () => {
  it("keeps old prices for old calls when a built-in price changes", () => {
    expect(idOf("o3", undefined, new Date("2025-05-01"))).toBe("openai/o3@2025-04-16");
    expect(idOf("o3", undefined, new Date("2025-06-10T00:00:00Z"))).toBe("openai/o3@2025-06-10");
    expect(idOf("gpt-4o", undefined, new Date("2024-06-01"))).toBe("openai/gpt-4o@2024-05-13");
  });

  it("selects the latest custom entry whose startDate <= at", () => {
    const custom = createPriceBook({
      includeBuiltIn: false,
      prices: [
        { id: "acme-v1", modelName: "acme-1", startDate: "2024-01-01", inputPrice: 1, outputPrice: 2 },
        { id: "acme-v2", modelName: "acme-1", startDate: "2025-01-01", inputPrice: 0.5, outputPrice: 1 },
      ],
    });
    expect(custom.find("acme-1", new Date("2023-12-31"))).toBeUndefined();
    expect(custom.find("acme-1", new Date("2024-06-01"))?.id).toBe("acme-v1");
    expect(custom.find("acme-1", new Date("2025-01-01"))?.id).toBe("acme-v2");
    // 1M input × 1 + 1M output × 2 = 3 ; later: 0.5 + 1 = 1.5
    const usage = { inputTokens: 1_000_000, outputTokens: 1_000_000 };
    expect(custom.cost({ modelId: "acme-1", at: new Date("2024-06-01"), usage })?.totalCost).toBeCloseTo(3, 12);
    expect(custom.cost({ modelId: "acme-1", at: new Date("2025-06-01"), usage })?.totalCost).toBeCloseTo(1.5, 12);
  });

  it("returns nothing before a model's first startDate or for an invalid date", () => {
    expect(idOf("gpt-5", undefined, new Date("2025-08-06"))).toBeUndefined();
    expect(idOf("gpt-5", undefined, new Date(Number.NaN))).toBeUndefined();
  });
});

describe("PriceBook.cost", () => {
  it("returns null (not 0) for unknown models", () => {
    expect(book.cost({ modelId: "totally-unknown-model", at: AT, usage: { inputTokens: 10 } })).toBeNull();
  });

  it("prices gpt-4o-mini with cached input and reasoning", () => {
    const cost = book.cost({
      modelId: "gpt-4o-mini-2024-07-18",
      provider: "openai.chat",
      at: AT,
      usage: { inputTokens: 1_000, cacheReadTokens: 400, outputTokens: 500, reasoningTokens: 200 },
    });
    // (600×0.15 + 400×0.075 + 500×0.6) / 1e6
    expect(cost?.totalCost).toBeCloseTo(0.00042, 12);
    expect(cost?.priceId).toBe("openai/gpt-4o-mini@2024-07-18");
  });

  it("prices a gateway-prefixed id like the plain id", () => {
    const usage = { inputTokens: 1_000_000, outputTokens: 100_000 };
    // 1,000,000×2.5 + 100,000×10 → 2.5 + 1 = 3.5
    expect(book.cost({ modelId: "openai/gpt-4o", provider: "gateway", at: AT, usage })?.totalCost).toBeCloseTo(3.5, 12);
    expect(book.cost({ modelId: "gpt-4o", at: AT, usage })?.totalCost).toBeCloseTo(3.5, 12);
  });

  it("applies OpenAI priority and flex tiers", () => {
    const usage = { inputTokens: 1_000_000, outputTokens: 100_000 };
    // gpt-4.1 default: 2 + 0.8 = 2.8 ; priority: 3.5 + 1.4 = 4.9
    expect(book.cost({ modelId: "gpt-4.1", at: AT, usage })?.totalCost).toBeCloseTo(2.8, 12);
    const priority = book.cost({ modelId: "gpt-4.1", at: AT, usage, serviceTier: "priority" });
    expect(priority?.tier).toBe("priority");
    expect(priority?.totalCost).toBeCloseTo(4.9, 12);
    // o3 flex: 1,000,000×1 + 100,000×4 → 1 + 0.4 = 1.4
    const flex = book.cost({ modelId: "o3", at: AT, usage, serviceTier: "flex" });
    expect(flex?.tier).toBe("flex");
    expect(flex?.totalCost).toBeCloseTo(1.4, 12);
  });

  it("applies the gemini-2.5-pro tier above 200k input tokens", () => {
    // 200,000×2.5 + 50,000×0.25 = 512,500 → 0.5125 ; 10,000×15 → 0.15
    const cost = book.cost({
      modelId: "gemini-2.5-pro",
      at: AT,
      usage: { inputTokens: 250_000, cacheReadTokens: 50_000, outputTokens: 10_000 },
    });
    expect(cost?.tier).toBe("long-context");
    expect(cost?.totalCost).toBeCloseTo(0.6625, 12);
  });

  it("prices DeepSeek cache hits at the price effective at the call date", () => {
    const usage = { inputTokens: 10_000, cacheReadTokens: 6_000, outputTokens: 2_000, reasoningTokens: 1_500 };
    // 2025-03: 4,000×0.55 + 6,000×0.14 = 3,040 → 0.00304 ; 2,000×2.19 = 4,380 → 0.00438
    const old = book.cost({ modelId: "deepseek-reasoner", at: new Date("2025-03-01"), usage });
    expect(old?.totalCost).toBeCloseTo(0.00742, 12);
    // 2025-10: 4,000×0.28 + 6,000×0.028 = 1,288 → 0.001288 ; 2,000×0.42 = 840 → 0.00084
    const now = book.cost({ modelId: "deepseek-reasoner", at: new Date("2025-10-01"), usage });
    expect(now?.totalCost).toBeCloseTo(0.002128, 12);
  });

  it("lets a custom price override the built-in one", () => {
    const custom = createPriceBook({
      prices: [{ modelName: "gpt-4o", provider: "openai", inputPrice: 1, cachedInputPrice: 0.5, outputPrice: 4 }],
    });
    // The default custom pattern is the exact name (plus optional provider prefix), so snapshots keep built-in prices.
    const snapshot = custom.cost({ modelId: "gpt-4o-2024-08-06", at: AT, usage: { inputTokens: 1_000_000 } });
    expect(snapshot?.priceId).toBe("openai/gpt-4o@2024-08-06");
    const plain = custom.cost({ modelId: "openai/gpt-4o", provider: "openai.chat", at: AT, usage: { inputTokens: 1_000_000 } });
    expect(plain?.priceId).toBe("custom/gpt-4o@1970-01-01");
    expect(plain?.totalCost).toBeCloseTo(1, 12);
    expect(custom.list()[0]?.source).toBe("custom");
  });
});

describe("PriceBook lookup cache", () => {
  it("tests patterns once per model id and evicts beyond cacheSize", () => {
    const small = createPriceBook({ cacheSize: 1 });
    const test = vi.spyOn(RegExp.prototype, "test");
    small.find("gpt-4o", AT);
    const firstLookup = test.mock.calls.length;
    expect(firstLookup).toBeGreaterThan(10);
    small.find("gpt-4o", new Date("2024-06-01"));
    expect(test.mock.calls.length).toBe(firstLookup);
    small.find("o3", AT); // evicts gpt-4o
    const afterO3 = test.mock.calls.length;
    small.find("gpt-4o", AT);
    expect(test.mock.calls.length).toBe(afterO3 + firstLookup);
  });

  it("caches unknown model ids too and stays correct across many ids", () => {
    const test = vi.spyOn(RegExp.prototype, "test");
    const fresh = createPriceBook();
    for (let i = 0; i < 2_000; i++) expect(fresh.find(`unknown-${i}`, AT)).toBeUndefined();
    const calls = test.mock.calls.length;
    fresh.find("unknown-1999", AT);
    expect(test.mock.calls.length).toBe(calls);
    expect(fresh.find("gpt-4o-mini", AT)?.modelName).toBe("gpt-4o-mini");
  });
});
