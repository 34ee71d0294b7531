import { findExpression } from "../tools/arithmetic";
import { findTicker } from "../tools/stocks";
import { citiesIn } from "../tools/weather-data";

/** A tool call the scripted model decides to make. */
export interface PlannedCall {
  toolName: "weather" | "calculator" | "searchDocs" | "stockPrice";
  input: Record<string, string>;
}

/**
 * Plans the tool steps for a user message by keywords, one step per kind of tool, in a
 * fixed order: weather (one call per city, in parallel) → stock → docs → calculator.
 */
export function planToolSteps(userText: string): PlannedCall[][] {
  const steps: PlannedCall[][] = [];
  if (/\b(weather|temperature|forecast|raining|rain|sunny|degrees|hot|cold)\b/i.test(userText)) {
    const cities = citiesIn(userText).slice(0, 3);
    const named = /\bin\s+([A-Z][\p{L}]+(?:\s[A-Z][\p{L}]+)?)/u.exec(userText)?.[1];
    const calls = cities.length ? cities.map((c) => c.city) : [named ?? "London"];
    steps.push(calls.map((city) => ({ toolName: "weather", input: { city } })));
  }
  if (/\b(stocks?|shares?|ticker|trading at)\b|\$[A-Za-z]{1,5}\b/i.test(userText)) {
    steps.push([{ toolName: "stockPrice", input: { ticker: findTicker(userText) ?? "UNKNOWN" } }]);
  }
  if (/\b(docs?|documentation|how do i|how to|how does|how is)\b/i.test(userText)) {
    const query = userText.replace(/\b(in|the|docs?|documentation)\b/gi, " ").replace(/[?!.]/g, " ").replace(/\s+/g, " ").trim();
    steps.push([{ toolName: "searchDocs", input: { query: query.slice(0, 200) || userText.slice(0, 200) } }]);
  }
  const expression = findExpression(userText);
  if (expression) steps.push([{ toolName: "calculator", input: { expression } }]);
  return steps;
}
