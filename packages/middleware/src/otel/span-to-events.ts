import type { LoupeEvent, ObservationEvent } from "../domain/events.js";
import type { ObservationType } from "../domain/rows.js";
import { jsonAttr, num, str, type SpanData } from "./span-data.js";

/** The attribute Loupe puts on spans it exports itself (so it never ingests them back). */
export const LOUPE_TRACE_ID_ATTRIBUTE = "loupe.trace_id";
/** The attribute Loupe's middleware puts on an AI SDK span whose call it already recorded. */
export const LOUPE_RECORDED_ATTRIBUTE = "loupe.recorded";

/** What kind of AI work a span is, under either AI SDK convention; undefined for other spans. */
export function classifySpan(span: SpanData): ObservationType | undefined {
  const operation = str(span, "gen_ai.operation.name");
  if (operation === "invoke_agent") return "AGENT";
  if (operation === "agent_step") return "SPAN";
  if (operation === "execute_tool") return "TOOL";
  if (operation === "chat" || operation === "text_completion" || operation === "generate_content") return "GENERATION";
  if (operation === "embeddings") return "EMBEDDING";
  const legacy = str(span, "ai.operationId") ?? span.name;
  if (/^ai\.(generateText|streamText|generateObject|streamObject)$/.test(legacy)) return "AGENT";
  if (/^ai\.(generateText|streamText|generateObject|streamObject)\.do(Generate|Stream)$/.test(legacy)) return "GENERATION";
  if (legacy === "ai.toolCall") return "TOOL";
  if (/^ai\.embed(Many)?(\.doEmbed)?$/.test(legacy)) return "EMBEDDING";
  return undefined;
}

function context(span: SpanData, key: string): string | undefined {
  return str(span, `ai.settings.context.${key}`, `ai.telemetry.metadata.${key}`, `loupe.${key}`);
}

function tags(span: SpanData): string[] | undefined {
  const value = span.attributes["ai.settings.context.tags"] ?? span.attributes["ai.telemetry.metadata.tags"] ?? span.attributes["loupe.tags"];
  if (Array.isArray(value)) return value.filter((t): t is string => typeof t === "string");
  if (typeof value === "string") {
    try {
      const parsed = JSON.parse(value);
      if (Array.isArray(parsed)) return parsed.filter((t): t is string => typeof t === "string");
    } catch {
      return [value];
    }
  }
  return undefined;
}

/**
 * Maps one AI SDK span (GenAI semantic conventions from `@ai-sdk/otel`, or the legacy
 * `ai.*` spans) to Loupe events: an observation, plus the trace for top-level spans.
 * Spans that are not AI work return nothing.
 */
export function spanToEvents(span: SpanData, environment: string): LoupeEvent[] {
  const type = classifySpan(span);
  if (!type) return [];
  const failed = span.statusCode === 2;
  const model = str(span, "gen_ai.response.model", "ai.response.model", "gen_ai.request.model", "ai.model.id");
  const provider = str(span, "gen_ai.provider.name", "ai.model.provider", "gen_ai.system");
  const finishReasons = span.attributes["gen_ai.response.finish_reasons"];
  const observation: ObservationEvent = {
    kind: "observation",
    id: span.spanId,
    traceId: span.traceId,
    parentId: span.parentSpanId,
    type,
    name:
      type === "TOOL"
        ? str(span, "gen_ai.tool.name", "ai.toolCall.name") ?? span.name
        : type === "AGENT"
          ? str(span, "gen_ai.agent.name", "ai.telemetry.functionId") ?? span.name
          : span.name,
    startTime: span.startMs,
    endTime: span.endMs,
    model: type === "GENERATION" || type === "EMBEDDING" ? model : undefined,
    provider: type === "GENERATION" || type === "EMBEDDING" ? provider : undefined,
    level: failed ? "ERROR" : "DEFAULT",
    statusMessage: failed ? (span.statusMessage ?? span.exceptionMessage ?? "error") : undefined,
    finishReason: Array.isArray(finishReasons) ? String(finishReasons[0]) : str(span, "ai.response.finishReason"),
    input:
      type === "TOOL"
        ? jsonAttr(span, "gen_ai.tool.call.arguments", "ai.toolCall.args")
        : jsonAttr(span, "gen_ai.input.messages", "ai.prompt.messages", "ai.prompt"),
    output:
      type === "TOOL"
        ? jsonAttr(span, "gen_ai.tool.call.result", "ai.toolCall.result")
        : jsonAttr(span, "gen_ai.output.messages", "ai.response.text", "ai.response.object"),
    metadata: { otelSpanName: span.name, ...(type === "TOOL" ? { toolCallId: str(span, "gen_ai.tool.call.id", "ai.toolCall.id") } : {}) },
    recordInputs: true,
    recordOutputs: true,
  };
  if (type === "GENERATION") {
    const input = num(span, "gen_ai.usage.input_tokens", "ai.usage.inputTokens", "ai.usage.promptTokens");
    const output = num(span, "gen_ai.usage.output_tokens", "ai.usage.outputTokens", "ai.usage.completionTokens");
    observation.usage = {
      inputTokens: input ?? null,
      cacheReadTokens: num(span, "gen_ai.usage.cache_read.input_tokens", "ai.usage.inputTokenDetails.cacheReadTokens", "ai.usage.cachedInputTokens") ?? null,
      cacheWriteTokens: num(span, "gen_ai.usage.cache_creation.input_tokens", "ai.usage.inputTokenDetails.cacheWriteTokens") ?? null,
      outputTokens: output ?? null,
      reasoningTokens: num(span, "gen_ai.usage.reasoning.output_tokens", "ai.usage.outputTokenDetails.reasoningTokens", "ai.usage.reasoningTokens") ?? null,
      totalTokens: input === undefined && output === undefined ? null : (input ?? 0) + (output ?? 0),
    };
    const ttftMs = num(span, "ai.response.msToFirstChunk");
    if (ttftMs !== undefined) observation.completionStartTime = span.startMs + ttftMs;
  }
  const events: LoupeEvent[] = [observation];
  if (type === "AGENT" || (type === "GENERATION" && !span.parentSpanId)) {
    events.push({
      kind: "trace",
      id: span.traceId,
      startTime: span.startMs,
      endTime: span.endMs,
      name: observation.name,
      userId: context(span, "userId") ?? str(span, "enduser.id", "user.id"),
      sessionId: context(span, "sessionId") ?? str(span, "gen_ai.conversation.id", "session.id"),
      tags: tags(span),
      environment: str(span, "deployment.environment.name", "deployment.environment") ?? environment,
      level: failed ? "ERROR" : undefined,
      statusMessage: observation.statusMessage,
      input: observation.input,
      output: observation.output,
      recordInputs: true,
      recordOutputs: true,
    });
  }
  return events;
}
