/** A quote from the demo's (static) market data. */
export interface StockQuote {
  ticker: string;
  company: string;
  price: number;
  currency: "USD";
  changePercent: number;
}

const QUOTES: Record<string, Omit<StockQuote, "ticker" | "currency">> = {
  ACME: { company: "Acme Corporation", price: 142.37, changePercent: 1.8 },
  LOUP: { company: "Loupe Analytics", price: 58.12, changePercent: -0.6 },
  INIT: { company: "Initech", price: 23.9, changePercent: 0.4 },
  GLBX: { company: "Globex", price: 311.05, changePercent: -2.3 },
  UMBR: { company: "Umbrella Health", price: 77.45, changePercent: 3.1 },
};

/** The tickers the stock tool knows; any other ticker makes it fail. */
export const KNOWN_TICKERS = Object.keys(QUOTES);

/** Raised for a ticker the market data does not have (the tool's deterministic failure). */
export class UnknownTickerError extends Error {
  override readonly name = "UnknownTickerError";
}

/** The quote of `ticker`; throws {@link UnknownTickerError} for unknown tickers. */
export function quote(ticker: string): StockQuote {
  const key = ticker.trim().toUpperCase().replace(/^\$/, "");
  const found = QUOTES[key];
  if (!found) throw new UnknownTickerError(`Unknown ticker "${key}": the market data service has no such symbol (known: ${KNOWN_TICKERS.join(", ")}).`);
  return { ticker: key, currency: "USD", ...found };
}

const NOT_TICKERS = new Set(["I", "A", "THE", "OF", "AND", "WHAT", "IS", "FOR", "PRICE", "STOCK", "ME", "MY", "OK", "USD"]);

/** The ticker a sentence asks about ("stock price of ACME", "$glbx"), if any. */
export function findTicker(text: string): string | undefined {
  const dollar = /\$([A-Za-z]{1,5})\b/.exec(text);
  if (dollar) return dollar[1].toUpperCase();
  const upper = text.match(/\b[A-Z]{2,5}\b/g)?.find((w) => !NOT_TICKERS.has(w));
  if (upper) return upper;
  const after = /\b(?:of|for)\s+([A-Za-z]{2,5})\b/i.exec(text);
  return after && !NOT_TICKERS.has(after[1].toUpperCase()) ? after[1].toUpperCase() : undefined;
}
