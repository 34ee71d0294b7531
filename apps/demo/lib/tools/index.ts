import { tool } from "ai";
import { z } from "zod";
import { evaluateArithmetic } from "./arithmetic";
import { searchDocs } from "./docs-search";
import { quote } from "./stocks";
import { findCity, WEATHER } from "./weather-data";

/**
 * The chat's tools: weather (15 cities of static data), a calculator (a parser, no eval),
 * a keyword search over the demo's markdown docs, and a stock quote that fails for
 * unknown tickers.
 */
export const demoTools = {
  weather: tool({
    description: `Current weather for a city. Known cities: ${WEATHER.map((w) => w.city).join(", ")}.`,
    inputSchema: z.object({ city: z.string().min(1).max(80).describe("City name, e.g. Paris") }),
    execute: async ({ city }) => {
      const found = findCity(city);
      if (!found) return { city, found: false as const, message: `No weather data for ${city}.` };
      return { ...found, found: true as const };
    },
  }),
  calculator: tool({
    description: "Evaluates an arithmetic expression with + - * / % ^ and parentheses.",
    inputSchema: z.object({ expression: z.string().min(1).max(200).describe("e.g. (12 + 3) * 7") }),
    execute: async ({ expression }) => ({ expression, result: evaluateArithmetic(expression) }),
  }),
  searchDocs: tool({
    description: "Searches the product documentation (markdown files) by keywords.",
    inputSchema: z.object({ query: z.string().min(1).max(200) }),
    execute: async ({ query }) => ({ query, results: searchDocs(query) }),
  }),
  stockPrice: tool({
    description: "Latest stock price for a ticker symbol.",
    inputSchema: z.object({ ticker: z.string().min(1).max(10).describe("Ticker symbol, e.g. ACME") }),
    execute: async ({ ticker }) => quote(ticker),
  }),
};

/** The tool set's type (for typed UI messages). */
export type DemoTools = typeof demoTools;
