import { randomUUID } from "node:crypto";
import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4Content,
  LanguageModelV4FinishReason,
  LanguageModelV4Prompt,
  LanguageModelV4StreamPart,
  LanguageModelV4Usage,
} from "@ai-sdk/provider";
import { composeAnswer } from "./scripted/compose-answer";
import { planToolSteps } from "./scripted/planner";
import { viewPrompt } from "./scripted/prompt-view";

/** How the scripted model spends time: real timers in the app, a manual clock when seeding. */
export interface Pace {
  wait(ms: number, signal?: AbortSignal): Promise<void>;
  now(): number;
}

/** Real time: setTimeout, abortable. */
export const realPace: Pace = {
  now: Date.now,
  wait: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener("abort", () => {
        clearTimeout(timer);
        reject(signal.reason);
      }, { once: true });
    }),
};

/** Options of {@link createScriptedModel}. */
export interface ScriptedModelOptions {
  /** Reported model id (priced like the real one). Default "gpt-4o-mini". */
  modelId?: string;
  /** Reported provider. Default "openai.chat". */
  provider?: string;
  pace?: Pace;
  /** Milliseconds per streamed chunk: min and max (picked deterministically). Default 15–30. */
  chunkMs?: [number, number];
}

/** FNV-1a: a stable number from a string (drives the "random" but repeatable timings). */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const tokens = (chars: number) => Math.max(1, Math.ceil(chars / 4));

function promptTokens(prompt: LanguageModelV4Prompt, options: LanguageModelV4CallOptions): number {
  return tokens(JSON.stringify(prompt).length + JSON.stringify(options.tools ?? []).length);
}

/** One planned model call: what to emit and what it costs. */
interface Turn {
  content: LanguageModelV4Content[];
  usage: LanguageModelV4Usage;
  finishReason: LanguageModelV4FinishReason;
  ttftMs: number;
}

function planTurn(options: LanguageModelV4CallOptions): Turn {
  const view = viewPrompt(options.prompt);
  const seed = stableHash(`${view.userText}#${view.toolSteps}`);
  const input = promptTokens(options.prompt, options);
  // Later steps of a turn resend the previous step's prompt: providers serve it from cache.
  const cacheRead = view.previousStepPrompt ? Math.floor(promptTokens(view.previousStepPrompt, options) / 64) * 64 : 0;
  const steps = options.tools?.length ? planToolSteps(view.userText) : [];
  const next = steps[view.toolSteps];
  const content: LanguageModelV4Content[] = [];
  let reasoningTokens = 0;
  if (next) {
    for (const call of next) {
      content.push({ type: "tool-call", toolCallId: `call_${randomUUID().replaceAll("-", "").slice(0, 24)}`, toolName: call.toolName, input: JSON.stringify(call.input) });
    }
  } else {
    const answer = composeAnswer(view.userText, view.results);
    if (answer.reasoning) {
      content.push({ type: "reasoning", text: answer.reasoning });
      reasoningTokens = tokens(answer.reasoning.length) + 40 + (seed % 90);
    }
    content.push({ type: "text", text: answer.text });
  }
  const outputChars = content.reduce((n, c) => n + (c.type === "text" ? c.text.length : c.type === "tool-call" ? c.input.length + c.toolName.length + 12 : 0), 0);
  const output = tokens(outputChars) + reasoningTokens;
  return {
    content,
    usage: {
      inputTokens: { total: input, noCache: input - cacheRead, cacheRead, cacheWrite: 0 },
      outputTokens: { total: output, text: output - reasoningTokens, reasoning: reasoningTokens },
    },
    finishReason: next ? { unified: "tool-calls", raw: "tool_calls" } : { unified: "stop", raw: "stop" },
    ttftMs: (next ? 280 : 220) + (seed % 380),
  };
}

/** Splits text into word-sized chunks (each keeps its trailing space). */
function chunksOf(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/**
 * A deterministic stand-in for a real chat model (no API key needed). It reads the last
 * user message, calls the demo's tools by keyword (weather, calculator, docs, stock), then
 * streams an answer built from the tool results word by word, reporting realistic usage
 * (≈ chars/4 tokens, cached input on later steps, reasoning tokens on some answers) under
 * a real model id so Loupe prices it.
 */
export function createScriptedModel(options: ScriptedModelOptions = {}): LanguageModelV4 {
  const modelId = options.modelId ?? "gpt-4o-mini";
  const pace = options.pace ?? realPace;
  const [minChunk, maxChunk] = options.chunkMs ?? [15, 30];
  const chunkDelay = (i: number) => minChunk + ((i * 7919) % (maxChunk - minChunk + 1));

  return {
    specificationVersion: "v4",
    provider: options.provider ?? "openai.chat",
    modelId,
    supportedUrls: {},

    async doGenerate(call) {
      const turn = planTurn(call);
      const words = turn.content.reduce((n, c) => n + (c.type === "text" || c.type === "reasoning" ? chunksOf(c.text).length : 1), 0);
      let total = turn.ttftMs;
      for (let i = 0; i < words; i++) total += chunkDelay(i);
      await pace.wait(total, call.abortSignal);
      return {
        content: turn.content,
        finishReason: turn.finishReason,
        usage: turn.usage,
        warnings: [],
        response: { id: `chatcmpl-${randomUUID()}`, modelId, timestamp: new Date(pace.now()) },
      };
    },

    async doStream(call) {
      const turn = planTurn(call);
      const parts: LanguageModelV4StreamPart[] = [
        { type: "stream-start", warnings: [] },
        { type: "response-metadata", id: `chatcmpl-${randomUUID()}`, modelId, timestamp: new Date(pace.now()) },
      ];
      turn.content.forEach((c, n) => {
        const id = `${c.type}-${n}`;
        if (c.type === "reasoning") {
          parts.push({ type: "reasoning-start", id }, ...chunksOf(c.text).map((delta) => ({ type: "reasoning-delta" as const, id, delta })), { type: "reasoning-end", id });
        } else if (c.type === "text") {
          parts.push({ type: "text-start", id }, ...chunksOf(c.text).map((delta) => ({ type: "text-delta" as const, id, delta })), { type: "text-end", id });
        } else if (c.type === "tool-call") {
          parts.push(
            { type: "tool-input-start", id: c.toolCallId, toolName: c.toolName },
            { type: "tool-input-delta", id: c.toolCallId, delta: c.input },
            { type: "tool-input-end", id: c.toolCallId },
            c,
          );
        }
      });
      parts.push({ type: "finish", usage: turn.usage, finishReason: turn.finishReason });
      let i = 0;
      let waited = false;
      const stream = new ReadableStream<LanguageModelV4StreamPart>({
        async pull(controller) {
          const part = parts[i];
          if (!part) return controller.close();
          const timed = part.type === "text-delta" || part.type === "reasoning-delta" || part.type === "tool-input-start";
          if (timed) {
            try {
              await pace.wait(waited ? chunkDelay(i) : turn.ttftMs, call.abortSignal);
            } catch (error) {
              return controller.error(error);
            }
            waited = true;
          }
          i += 1;
          controller.enqueue(part);
        },
      });
      return { stream, response: { headers: {} } };
    },
  };
}
