import { KNOWN_TICKERS } from "../../lib/tools/stocks";
import { WEATHER } from "../../lib/tools/weather-data";
import type { Rng } from "./rng";

/** 40 users: the sign-in page's four plus 36 more. */
export const SEED_USERS = [
  "ada", "grace", "linus", "margaret",
  "alan", "barbara", "claude", "dennis", "edsger", "frances", "guido", "hedy", "ivan", "jean",
  "ken", "lynn", "marvin", "niklaus", "ole", "radia", "rasmus", "shafi", "tim", "vint",
  "whitfield", "yukihiro", "adele", "bjarne", "carol", "donald", "evelyn", "fran", "gordon", "haskell",
  "joan", "kathleen", "leslie", "mary", "sophie", "anita",
];

/** A model id as a provider reports it, and its share of the traffic. */
export interface SeedModel {
  modelId: string;
  provider: string;
  weight: number;
}

/** The traffic mix: mostly the scripted gpt-4o-mini, some bigger models, one unpriced id. */
export const SEED_MODELS: SeedModel[] = [
  { modelId: "gpt-4o-mini", provider: "openai.chat", weight: 55 },
  { modelId: "gpt-4o", provider: "openai.chat", weight: 14 },
  { modelId: "claude-sonnet-4-5", provider: "anthropic.messages", weight: 14 },
  { modelId: "gemini-2.5-flash", provider: "google.generative-ai", weight: 11 },
  { modelId: "acme-llm-7b-preview", provider: "acme.chat", weight: 6 },
];

const UNKNOWN_CITIES = ["Oslo", "Lagos", "Lima", "Hanoi"];
const UNKNOWN_TICKERS = ["NOPE", "ZZZZ", "FAKE", "QQQX"];
const DOC_QUESTIONS = [
  "How do I mount the admin dashboard?",
  "How is cost computed? Check the docs.",
  "How do I issue a feedback token?",
  "What do the docs say about unpriced models?",
  "How do I use Postgres instead of SQLite?",
  "How do I attach a user and a session to a trace?",
  "Who can see the admin dashboard? Look in the docs.",
];
const SMALL_TALK = ["Hello!", "Thanks, that's all for now.", "Can you summarise what we talked about?", "Tell me a joke about databases.", "What can you do?"];

/** A realistic user message (weather, arithmetic, docs, stocks, mixed or small talk). */
export function seedPrompt(rng: Rng): string {
  const city = () => rng.pick(WEATHER).city;
  const n = () => rng.int(2, 999);
  switch (rng.weighted([["weather", 24], ["calc", 16], ["docs", 18], ["stock", 12], ["mixed", 14], ["talk", 10], ["fail", 6]] as const)) {
    case "weather":
      return rng.pick([`What's the weather in ${city()}?`, `Is it raining in ${city()} right now? What's the weather?`, `Compare the weather in ${city()} and ${city()}`, `Temperature in ${city()} please`]);
    case "calc":
      return rng.pick([`What is ${n()}*${n()}?`, `Compute (${n()} + ${n()}) / ${rng.int(2, 12)}`, `what's ${n()} - ${n()} * 3`, `${n()} ^ 2 = ?`]);
    case "docs":
      return rng.pick(DOC_QUESTIONS);
    case "stock":
      return `What's the stock price of ${rng.pick(KNOWN_TICKERS)}?`;
    case "mixed":
      return rng.pick([`What's the weather in ${city()} and what is ${n()}*${rng.int(2, 12)}?`, `Stock price of ${rng.pick(KNOWN_TICKERS)} and the weather in ${city()}`]);
    case "talk":
      return rng.pick(SMALL_TALK);
    case "fail":
      return rng.pick([`What's the stock price of ${rng.pick(UNKNOWN_TICKERS)}?`, `What's the weather in ${rng.pick(UNKNOWN_CITIES)}?`, `What is ${n()}/0?`]);
  }
}

/** Comments users leave with a thumbs down. */
export const DOWN_COMMENTS = ["Wrong city.", "The number is off.", "Too vague.", "It didn't answer my question.", "The stock lookup failed again.", "Slow answer."];
/** Comments users leave with a thumbs up. */
export const UP_COMMENTS = ["Exactly what I needed", "Fast and correct", "Nice!"];
