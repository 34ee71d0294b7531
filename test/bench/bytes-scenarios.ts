/**
 * The two conversations of the bytes benchmark, recorded through the real capture path
 * (withTrace + the wrapped model + the telemetry integration, as the demo's chat route does).
 */
import type { Loupe } from "@loupe/middleware";
import { manualClock, scriptedModel, type ScriptedStep } from "@loupe/middleware/testing";
import { generateText, stepCountIs, streamText, tool, wrapLanguageModel, type ModelMessage } from "ai";
import { z } from "zod";

const WORDS = "the a weather forecast city river museum train ticket price hour morning evening rain sun wind cloud cold warm plan visit walk open closed near far street bridge market coffee".split(" ");

/** Deterministic text of about `bytes` characters, different for every seed. */
export function text(seed: number, bytes: number): string {
  let state = (seed * 2654435761) >>> 0 || 1;
  const out: string[] = [`#${seed}`];
  let length = out[0].length;
  while (length < bytes) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const word = WORDS[state % WORDS.length];
    out.push(word);
    length += word.length + 1;
  }
  return out.join(" ");
}

/** A system prompt shared by every conversation of a scenario (as an app's would be). */
const CHAT_SYSTEM = `You are a travel assistant. ${text(1, 1_000)}`;
const AGENT_SYSTEM = `You are a research agent with a lookup tool. ${text(2, 20_000)}`;

/** A scenario: its name and how to record conversation `n` into `loupe`. */
export interface Scenario {
  name: string;
  record(loupe: Loupe, n: number): Promise<void>;
}

const usage = { input: 1000, output: 200 };

/** (a) A 20-turn chat with ~1 KB messages; the app re-sends the whole history every turn. */
export const chatScenario: Scenario = {
  name: "20-turn chat, 1 KB messages",
  async record(loupe, n) {
    const clock = manualClock();
    const steps: ScriptedStep[] = Array.from({ length: 20 }, (_, turn) => ({ text: text(n * 1_000 + turn * 2 + 1, 1_000), usage }));
    const model = wrapLanguageModel({ model: scriptedModel(steps, clock), middleware: loupe.middleware() });
    const history: ModelMessage[] = [];
    for (let turn = 0; turn < 20; turn++) {
      history.push({ role: "user", content: text(n * 1_000 + turn * 2, 1_000) });
      const messages = await loupe.withTrace({ name: "chat", userId: `user-${n % 50}`, sessionId: `chat-${n}` }, async () => {
        const result = streamText({ model, system: CHAT_SYSTEM, messages: [...history], telemetry: { functionId: "chat-agent", integrations: [loupe.telemetry()] } });
        await result.text;
        return (await result.response).messages;
      });
      history.push(...messages);
    }
  },
};

/** (b) A 10-step tool agent (9 lookups, then the answer) with a 20 KB system prompt. */
export const agentScenario: Scenario = {
  name: "10-step tool agent, 20 KB system prompt",
  async record(loupe, n) {
    const clock = manualClock();
    const steps: ScriptedStep[] = [
      ...Array.from({ length: 9 }, (_, step) => ({ toolCalls: [{ toolCallId: `call-${n}-${step}`, toolName: "lookup", input: { query: text(n * 100 + step, 60) } }], usage })),
      { text: text(n * 100 + 50, 1_000), usage },
    ];
    const model = wrapLanguageModel({ model: scriptedModel(steps, clock), middleware: loupe.middleware() });
    const tools = {
      lookup: tool({
        inputSchema: z.object({ query: z.string() }),
        execute: async ({ query }) => ({ query, results: [0, 1, 2].map((i) => ({ title: text(query.length * 7 + i, 40), snippet: text(query.length * 13 + i + n, 300) })) }),
      }),
    };
    await loupe.withTrace({ name: "research", userId: `user-${n % 50}`, sessionId: `agent-${n}` }, () =>
      generateText({
        model,
        system: AGENT_SYSTEM,
        prompt: `Research this for me: ${text(n * 100 + 99, 300)}`,
        tools,
        stopWhen: stepCountIs(10),
        telemetry: { functionId: "research-agent", integrations: [loupe.telemetry()] },
      }),
    );
  },
};
