import type { SeenToolResult } from "./prompt-view";

/** The final answer of a turn: text, and for some turns the "reasoning" behind it. */
export interface ComposedAnswer {
  text: string;
  reasoning?: string;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === "object" ? (v as Json) : {});
const str = (v: unknown): string => (typeof v === "string" ? v : JSON.stringify(v));

function describe(result: SeenToolResult): string {
  const input = obj(result.input);
  const value = obj(result.value);
  switch (result.toolName) {
    case "weather":
      if (!result.ok) return `I couldn't get the weather for ${str(input.city)}: ${str(result.value)}.`;
      if (value.found === false) return `I don't have weather data for ${str(input.city)}; I know 15 cities, such as Paris, Tokyo and New York.`;
      return `In ${str(value.city)} it is ${str(value.celsius)} °C and ${str(value.condition)}, with ${str(value.humidity)}% humidity and wind at ${str(value.windKph)} km/h.`;
    case "calculator":
      if (!result.ok) return `I couldn't calculate ${str(input.expression)}: ${str(result.value)}.`;
      return `${str(value.expression)} = ${str(value.result)}.`;
    case "searchDocs": {
      if (!result.ok) return `The docs search failed: ${str(result.value)}.`;
      const hits = Array.isArray(value.results) ? (value.results as Json[]) : [];
      if (!hits.length) return `I found nothing in the docs about "${str(input.query)}".`;
      const [best, ...rest] = hits;
      const also = rest.length ? ` See also: ${rest.map((h) => `"${str(h.heading)}" (${str(h.file)})`).join(", ")}.` : "";
      return `From the docs, "${str(best.heading)}" (${str(best.file)}): ${str(best.snippet)}${also}`;
    }
    case "stockPrice":
      if (!result.ok) return `I couldn't get a stock price for ${str(input.ticker)}: ${str(result.value)}`;
      return `${str(value.ticker)} (${str(value.company)}) trades at $${Number(value.price).toFixed(2)}, ${Number(value.changePercent) >= 0 ? "up" : "down"} ${Math.abs(Number(value.changePercent))}% today.`;
    default:
      return `The ${result.toolName} tool returned ${str(result.value)}.`;
  }
}

/** Composes the answer from the turn's tool results (or a canned reply when there are none). */
export function composeAnswer(userText: string, results: SeenToolResult[]): ComposedAnswer {
  if (results.length === 0) {
    if (/^\s*(hi|hello|hey|good (morning|afternoon|evening))\b/i.test(userText)) {
      return { text: "Hello! I can look up the weather in 15 cities, do arithmetic, search the docs and fetch stock prices. What would you like to know?" };
    }
    return {
      text:
        `You asked: "${userText}". I'm the scripted demo model, so I answer from keywords: ask about the weather in a city, ` +
        `an arithmetic expression like 12*7, "how do I …" questions about the docs, or a stock price such as ACME.`,
    };
  }
  const text = results.map(describe).join(" ");
  const thoughtful = results.some((r) => r.toolName === "calculator" || r.toolName === "searchDocs" || !r.ok);
  const reasoning = thoughtful
    ? `The user asked: "${userText.slice(0, 200)}". I called ${results.map((r) => r.toolName).join(", ")}; ` +
      `${results.filter((r) => !r.ok).length} call(s) failed. I'll summarise the results plainly and mention any failure.`
    : undefined;
  return { text, reasoning };
}
