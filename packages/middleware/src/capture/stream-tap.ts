import type { Generation } from "./generation.js";
import type { ProviderUsage } from "./usage.js";

/** The stream part fields the tap reads. */
interface PartRef {
  type: string;
  delta?: string;
  usage?: ProviderUsage;
  finishReason?: { unified?: string; raw?: string };
  providerMetadata?: Record<string, Record<string, unknown> | undefined>;
  error?: unknown;
  modelId?: string;
  id?: string;
  toolCallId?: string;
  toolName?: string;
  input?: string;
}

const FIRST_TOKEN_PARTS = new Set(["text-delta", "reasoning-delta", "tool-input-delta", "tool-call"]);

/**
 * Wraps a model stream so the generation is recorded when it ends, errors or is
 * cancelled. The per-chunk work is a type check and, for text, one array push; the
 * source is read by `pull`, which costs less than `pipeThrough(TransformStream)`.
 */
export function tapStream<T extends PartRef>(source: ReadableStream<T>, generation: Generation, now: () => number, recordOutputs: boolean): ReadableStream<T> {
  const reader = source.getReader();
  let firstTokenAt: number | undefined;
  let chunks = 0;
  const text: string[] = [];
  const reasoning: string[] = [];
  const toolCalls: PartRef[] = [];
  let usage: ProviderUsage | undefined;
  let finishReason: PartRef["finishReason"];
  let providerMetadata: PartRef["providerMetadata"];
  let responseModelId: string | undefined;
  let responseId: string | undefined;
  let streamError: unknown;

  const content = () => {
    if (!recordOutputs) return undefined;
    const parts: unknown[] = [];
    if (reasoning.length) parts.push({ type: "reasoning", text: reasoning.join("") });
    if (text.length) parts.push({ type: "text", text: text.join("") });
    for (const call of toolCalls) parts.push({ type: "tool-call", toolCallId: call.toolCallId, toolName: call.toolName, input: call.input });
    return parts;
  };
  const outcome = () => ({
    content: content(),
    usage,
    finishReason,
    providerMetadata,
    responseModelId,
    responseId,
    completionStartTime: firstTokenAt,
  });

  return new ReadableStream<T>({
    async pull(controller) {
      let result: ReadableStreamReadResult<T>;
      try {
        result = await reader.read();
      } catch (error) {
        generation.fail(error, { ...outcome(), metadata: { chunks } });
        controller.error(error);
        return;
      }
      if (result.done) {
        if (streamError !== undefined) generation.fail(streamError, { ...outcome(), metadata: { chunks } });
        else generation.finish({ ...outcome(), metadata: { chunks } });
        controller.close();
        return;
      }
      const part = result.value;
      chunks += 1;
      const type = part.type;
      if (firstTokenAt === undefined && FIRST_TOKEN_PARTS.has(type)) firstTokenAt = now();
      if (type === "text-delta") {
        if (recordOutputs) text.push(part.delta!);
      } else if (type === "reasoning-delta") {
        if (recordOutputs) reasoning.push(part.delta!);
      } else if (type === "tool-call") {
        toolCalls.push(part);
      } else if (type === "finish") {
        usage = part.usage;
        finishReason = part.finishReason;
        providerMetadata = part.providerMetadata;
      } else if (type === "response-metadata") {
        responseModelId = part.modelId;
        responseId = part.id;
      } else if (type === "error") {
        streamError = part.error;
      }
      controller.enqueue(part);
    },
    async cancel(reason) {
      generation.finish({
        ...outcome(),
        finishReason: { unified: "cancelled" },
        level: "WARNING",
        statusMessage: "Stream cancelled by the client",
        metadata: { chunks, cancelled: true },
      });
      await reader.cancel(reason);
    },
  });
}
