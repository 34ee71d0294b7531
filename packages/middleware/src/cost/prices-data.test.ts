import { describe, expect, it } from "vitest";
import { builtInPrices } from "./built-in-prices.js";
import { createPriceBook } from "./price-book.js";
import pricesFile from "./prices.json" with { type: "json" };

interface RawEntry {
  id?: string;
  modelName: string;
  provider?: string;
  matchPattern?: string;
  startDate?: string;
  tiers?: unknown[];
}
const raw = (pricesFile as unknown as { models: RawEntry[] }).models;

describe("prices.json", () => {
  it("parses every entry", () => {
    expect(raw.length).toBeGreaterThan(40);
    expect(builtInPrices).toHaveLength(raw.length);
  });

  it("gives every entry an explicit id, provider, anchored pattern, YYYY-MM-DD startDate and tiers", () => {
    for (const e of raw) {
      expect(e.id, e.modelName).toBe(`${e.provider}/${e.modelName}@${e.startDate}`);
      expect(e.matchPattern, e.id).toMatch(/^\^.*\$$/);
      expect(e.matchPattern, e.id).not.toContain("(?i)");
      expect(e.startDate, e.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Array.isArray(e.tiers), e.id).toBe(true);
    }
  });

  it("compiles every pattern", () => {
    for (const e of builtInPrices) expect(() => new RegExp(e.matchPattern, "i"), e.id).not.toThrow();
  });

  it("has unique ids and no two entries of one model sharing a startDate", () => {
    const ids = new Set(builtInPrices.map((e) => e.id));
    expect(ids.size).toBe(builtInPrices.length);
    const keys = builtInPrices.map((e) => `${e.provider}/${e.modelName}@${e.startDate}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("resolves every model name to its own entry (no overlapping patterns)", () => {
    const book = createPriceBook();
    const farFuture = new Date("2100-01-01");
    for (const e of builtInPrices) {
      expect(new RegExp(e.matchPattern, "i").test(e.modelName), e.id).toBe(true);
      expect(book.find(e.modelName, farFuture, e.provider ?? undefined)?.modelName, e.id).toBe(e.modelName);
    }
  });

  it("covers the required models", () => {
    const names = new Set(builtInPrices.map((e) => e.modelName));
    const required = [
      "gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "o1", "o3", "o3-mini", "o4-mini",
      "gpt-5", "gpt-5-mini", "gpt-5-nano", "text-embedding-3-small", "text-embedding-3-large",
      "claude-3-5-haiku", "claude-3-5-sonnet", "claude-3-7-sonnet", "claude-sonnet-4", "claude-sonnet-4-5",
      "claude-opus-4", "claude-opus-4-1", "claude-haiku-4-5",
      "gemini-2.0-flash", "gemini-2.5-flash", "gemini-2.5-flash-lite", "gemini-2.5-pro",
      "mistral-large", "mistral-small", "mistral-medium", "codestral",
      "grok-3", "grok-3-mini", "grok-4", "deepseek-chat", "deepseek-reasoner",
      "llama-3.3-70b-versatile", "llama-3.1-8b-instant", "openai/gpt-oss-120b", "openai/gpt-oss-20b",
    ];
    for (const name of required) expect(names.has(name), name).toBe(true);
  });

  it("prices Anthropic cache writes at 1.25x and reads at 0.1x input", () => {
    for (const e of builtInPrices.filter((p) => p.provider === "anthropic")) {
      expect(e.cacheWritePrice, e.id).toBeCloseTo(e.inputPrice * 1.25, 9);
      expect(e.cachedInputPrice, e.id).toBeCloseTo(e.inputPrice * 0.1, 9);
    }
  });
});
