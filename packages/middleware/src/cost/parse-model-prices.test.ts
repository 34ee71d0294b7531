import { describe, expect, it } from "vitest";
import { compileMatchPattern, parseModelPrices } from "./parse-model-prices.js";
import { createPriceBook } from "./price-book.js";

const AT = new Date("2025-12-01");
const base = { modelName: "my-model", inputPrice: 1, outputPrice: 2 };

describe("custom price validation", () => {
  it("names the entry and the bad field", () => {
    expect(() => createPriceBook({ prices: [base, { ...base, outputPrice: "2" as unknown as number }] })).toThrow(
      /prices\[1\] \("my-model"\): outputPrice: must be a number/,
    );
    expect(() => createPriceBook({ prices: [{ ...base, inputPrice: -1 }] })).toThrow(/inputPrice: must be >= 0/);
    expect(() => createPriceBook({ prices: [{ ...base, startDate: "yesterday" }] })).toThrow(/startDate: must be a valid date/);
    expect(() => createPriceBook({ prices: [{ ...base, modelName: "" }] })).toThrow(/modelName/);
  });

  it("rejects unknown (misspelled) fields", () => {
    const bad = { ...base, cachedInputprice: 0.1 } as unknown as typeof base;
    expect(() => createPriceBook({ prices: [bad] })).toThrow(/cachedInputprice/);
  });

  it("rejects invalid regular expressions with a clear message", () => {
    expect(() => createPriceBook({ prices: [{ ...base, matchPattern: "^(my-model$" }] })).toThrow(
      /prices\[0\] \("my-model"\): matchPattern: invalid regular expression/,
    );
  });

  it("validates tiers", () => {
    expect(() => createPriceBook({ prices: [{ ...base, tiers: [{ name: "x", inputPrice: 1, outputPrice: 1 }] }] })).toThrow(
      /tiers\[0\]: a tier needs a condition/,
    );
    expect(() =>
      createPriceBook({
        prices: [{ ...base, tiers: [{ name: "x", whenInputTokensAbove: 1.5, inputPrice: 1, outputPrice: 1 }] }],
      }),
    ).toThrow(/tiers\[0\]\.whenInputTokensAbove/);
  });

  it("rejects duplicate ids and non-arrays", () => {
    expect(() => createPriceBook({ prices: [base, base] })).toThrow(/duplicate id "custom\/my-model@1970-01-01"/);
    expect(() => parseModelPrices({}, "custom")).toThrow(/must be an array/);
  });
});

describe("custom price normalization", () => {
  it("defaults id, startDate, cache prices and an exact case-insensitive pattern", () => {
    const [price] = parseModelPrices([{ ...base, provider: "Acme" }], "custom");
    expect(price).toMatchObject({
      id: "custom/my-model@1970-01-01",
      provider: "acme",
      startDate: "1970-01-01",
      cachedInputPrice: null,
      cacheWritePrice: null,
      tiers: [],
      source: "custom",
    });
    const book = createPriceBook({ prices: [{ ...base, provider: "acme" }], includeBuiltIn: false });
    expect(book.find("my-model", AT)).toBeDefined();
    expect(book.find("ACME/My-Model", AT)).toBeDefined();
    expect(book.find("my-model-2", AT)).toBeUndefined();
    expect(book.find("other/my-model", AT)).toBeUndefined();
    expect(book.find("gpt-4o", AT)).toBeUndefined();
    expect(book.list()).toHaveLength(1);
  });

  it("escapes regex characters in model names used as default patterns", () => {
    const book = createPriceBook({ prices: [{ ...base, modelName: "acme-1.5" }], includeBuiltIn: false });
    expect(book.find("acme-1.5", AT)).toBeDefined();
    expect(book.find("acme-1x5", AT)).toBeUndefined();
  });

  it("accepts a leading (?i) and Date startDates", () => {
    const [price] = parseModelPrices(
      [{ ...base, matchPattern: "(?i)^MY-MODEL$", startDate: new Date("2025-01-02T03:04:05Z") }],
      "custom",
    );
    expect(price?.matchPattern).toBe("^MY-MODEL$");
    expect(price?.startDate).toBe("2025-01-02T03:04:05.000Z");
    expect(compileMatchPattern("(?i)^abc$").test("ABC")).toBe(true);
  });
});
