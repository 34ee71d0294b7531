import type { LanguageModelV4, LanguageModelV4GenerateResult, LanguageModelV4StreamPart } from "@ai-sdk/provider";
import { MockLanguageModelV4 } from "ai/test";

/** One scripted model step: what the model "says" and how long each part takes. */
export interface ScriptedStep {
  /** Tool calls to make (input as an object; serialised like a provider would). */
  toolCalls?: { toolCallId: string; toolName: string; input: unknown }[];
  /** Text to answer with (streamed in `chunks` pieces). */
  text?: string;
  reasoning?: string;
  usage: { input: number; cacheRead?: number; cacheWrite?: number; output: number; reasoning?: number };
  /** Clock ms before the first token (TTFT) and total call time. */
  ttftMs?: number;
  durationMs?: number;
  /** Throw from the model call, or emit an error part after the first chunk when streaming. */
  throwError?: Error;
  streamError?: Error;
  /** Real (wall-clock) delay between stream chunks, like a network would add. */
  chunkDelayMs?: number;
}

/** A manual clock: tests and scripted models move it; Loupe reads it. */
export interface ManualClock {
  now(): number;
  advance(ms: number): void;
}

/** Creates a {@link ManualClock} starting at `start` (epoch ms). */
export function manualClock(start = Date.parse("2026-01-05T12:00:00.000Z")): ManualClock {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

function usageOf(step: ScriptedStep): LanguageModelV4GenerateResult["usage"] {
  const u = step.usage;
  return {
    inputTokens: { total: u.input, noCache: u.input - (u.cacheRead ?? 0) - (u.cacheWrite ?? 0), cacheRead: u.cacheRead, cacheWrite: u.cacheWrite },
    outputTokens: { total: u.output, text: u.output - (u.reasoning ?? 0), reasoning: u.reasoning },
  };
}

function finishReason(step: ScriptedStep): LanguageModelV4GenerateResult["finishReason"] {
  return step.toolCalls?.length ? { unified: "tool-calls", raw: "tool_calls" } : { unified: "stop", raw: "stop" };
}

/**
 * A deterministic model that plays `steps` in order (one per call) on a manual clock,
 * for generate and stream alike, with realistic usage parts.
 */
export function scriptedModel(steps: ScriptedStep[], clock: ManualClock, modelId = "gpt-4o-mini", provider = "openai.chat"): LanguageModelV4 {
  let call = 0;
  const next = () => {
    const step = steps[Math.min(call, steps.length - 1)];
    call += 1;
    return step;
  };
  return new MockLanguageModelV4({
    provider,
    modelId,
    doGenerate: async () => {
      const step = next();
      clock.advance(step.durationMs ?? 1000);
      if (step.throwError) throw step.throwError;
      const content: LanguageModelV4GenerateResult["content"] = [];
      if (step.reasoning) content.push({ type: "reasoning", text: step.reasoning });
      if (step.text) content.push({ type: "text", text: step.text });
      for (const c of step.toolCalls ?? []) content.push({ type: "tool-call", toolCallId: c.toolCallId, toolName: c.toolName, input: JSON.stringify(c.input) });
      return { content, finishReason: finishReason(step), usage: usageOf(step), warnings: [], response: { id: `resp-${call}`, modelId } };
    },
    doStream: async () => {
      const step = next();
      if (step.throwError) throw step.throwError;
      const parts: (LanguageModelV4StreamPart | "error")[] = [{ type: "stream-start", warnings: [] }, { type: "response-metadata", id: `resp-${call}`, modelId }];
      if (step.reasoning) parts.push({ type: "reasoning-start", id: "r" }, { type: "reasoning-delta", id: "r", delta: step.reasoning }, { type: "reasoning-end", id: "r" });
      if (step.text) {
        parts.push({ type: "text-start", id: "t" });
        const words = step.text.split(/(?<= )/);
        for (const w of words) parts.push({ type: "text-delta", id: "t", delta: w });
        parts.push({ type: "text-end", id: "t" });
      }
      for (const c of step.toolCalls ?? []) parts.push({ type: "tool-call", toolCallId: c.toolCallId, toolName: c.toolName, input: JSON.stringify(c.input) });
      if (step.streamError) parts.splice(3, 0, "error");
      parts.push({ type: "finish", usage: usageOf(step), finishReason: finishReason(step) });
      let i = 0;
      let first = true;
      const total = step.durationMs ?? 1000;
      const ttft = step.ttftMs ?? 200;
      const stream = new ReadableStream<LanguageModelV4StreamPart>({
        async pull(controller) {
          if (step.chunkDelayMs) await new Promise((resolve) => setTimeout(resolve, step.chunkDelayMs));
          if (i >= parts.length) {
            clock.advance(Math.max(0, total - ttft));
            controller.close();
            return;
          }
          const part = parts[i++];
          if (part === "error") {
            controller.enqueue({ type: "error", error: step.streamError });
            return;
          }
          if (first && ["text-delta", "reasoning-delta", "tool-call"].includes(part.type)) {
            clock.advance(ttft);
            first = false;
          }
          controller.enqueue(part);
        },
      });
      return { stream, response: { headers: {} } };
    },
  });
}
