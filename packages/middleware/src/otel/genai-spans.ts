import { context, SpanKind, SpanStatusCode, trace, type Attributes, type Span, type Tracer } from "@opentelemetry/api";
import type { TokenUsage } from "../domain/rows.js";
import { LOUPE_RECORDED_ATTRIBUTE, LOUPE_TRACE_ID_ATTRIBUTE } from "./span-to-events.js";

/** How Loupe exports OpenTelemetry GenAI spans. */
export interface OtelExport {
  tracer: Tracer;
  /**
   * Put prompts and outputs on spans (`gen_ai.input.messages` / `gen_ai.output.messages`).
   * Opt-in, as the GenAI conventions advise (and it keeps JSON serialisation off the request
   * path); still subject to recordInputs / recordOutputs.
   */
  recordContent?: boolean;
}

/** The provider family as GenAI conventions name it ("openai.chat" → "openai"). */
export function providerName(provider: string): string {
  return provider.split(".")[0];
}

/** Tells an AI SDK span that is active (from `@ai-sdk/otel`) that Loupe recorded its call. */
export function markActiveSpanRecorded(): void {
  const active = trace.getActiveSpan();
  if (active?.isRecording()) active.setAttribute(LOUPE_RECORDED_ATTRIBUTE, true);
}

/**
 * Starts a `chat {model}` span (GenAI semantic conventions) under the host's active span,
 * or returns undefined when no tracer provider records it.
 */
export function startGenerationSpan(
  otel: OtelExport,
  input: { modelId: string; provider: string; loupeTraceId: string; params: Record<string, unknown>; prompt?: unknown },
): Span | undefined {
  const span = otel.tracer.startSpan(
    `chat ${input.modelId}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": providerName(input.provider),
        "gen_ai.request.model": input.modelId,
        [LOUPE_TRACE_ID_ATTRIBUTE]: input.loupeTraceId,
        ...(typeof input.params.temperature === "number" ? { "gen_ai.request.temperature": input.params.temperature } : {}),
        ...(typeof input.params.maxOutputTokens === "number" ? { "gen_ai.request.max_tokens": input.params.maxOutputTokens } : {}),
        ...(typeof input.params.topP === "number" ? { "gen_ai.request.top_p": input.params.topP } : {}),
      },
    },
    context.active(),
  );
  if (!span.isRecording()) return undefined;
  if (input.prompt !== undefined) span.setAttribute("gen_ai.input.messages", safeJson(input.prompt));
  return span;
}

/** Runs `fn` with `span` as the active span (so provider HTTP spans nest under it). */
export function withActiveSpan<T>(span: Span | undefined, fn: () => T): T {
  return span ? context.with(trace.setSpan(context.active(), span), fn) : fn();
}

/** Ends a generation span with usage, finish reason, output and status. */
export function endGenerationSpan(
  span: Span,
  outcome: { usage?: TokenUsage; finishReason?: string; responseModelId?: string; responseId?: string; output?: unknown; error?: string },
): void {
  const u = outcome.usage;
  const attributes: Attributes = {};
  if (u?.inputTokens != null) attributes["gen_ai.usage.input_tokens"] = u.inputTokens;
  if (u?.outputTokens != null) attributes["gen_ai.usage.output_tokens"] = u.outputTokens;
  if (u?.cacheReadTokens != null) attributes["gen_ai.usage.cache_read.input_tokens"] = u.cacheReadTokens;
  if (u?.cacheWriteTokens != null) attributes["gen_ai.usage.cache_creation.input_tokens"] = u.cacheWriteTokens;
  if (u?.reasoningTokens != null) attributes["gen_ai.usage.reasoning.output_tokens"] = u.reasoningTokens;
  if (outcome.finishReason) attributes["gen_ai.response.finish_reasons"] = [outcome.finishReason];
  if (outcome.responseModelId) attributes["gen_ai.response.model"] = outcome.responseModelId;
  if (outcome.responseId) attributes["gen_ai.response.id"] = outcome.responseId;
  if (outcome.output !== undefined) attributes["gen_ai.output.messages"] = safeJson(outcome.output);
  if (outcome.error !== undefined) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.error });
    attributes["error.type"] = "Error";
  }
  span.setAttributes(attributes);
  span.end();
}

/** Starts an `execute_tool {name}` span under the active span, or undefined when nothing records it. */
export function startToolSpan(otel: OtelExport, input: { toolName: string; toolCallId: string; loupeTraceId: string; args?: unknown }): Span | undefined {
  const span = otel.tracer.startSpan(
    `execute_tool ${input.toolName}`,
    {
      kind: SpanKind.INTERNAL,
      attributes: {
        "gen_ai.operation.name": "execute_tool",
        "gen_ai.tool.name": input.toolName,
        "gen_ai.tool.call.id": input.toolCallId,
        "gen_ai.tool.type": "function",
        [LOUPE_TRACE_ID_ATTRIBUTE]: input.loupeTraceId,
      },
    },
    context.active(),
  );
  if (!span.isRecording()) return undefined;
  if (input.args !== undefined) span.setAttribute("gen_ai.tool.call.arguments", safeJson(input.args));
  return span;
}

/** Ends a tool span with its result or error. */
export function endToolSpan(span: Span, outcome: { result?: unknown; error?: string }): void {
  if (outcome.result !== undefined) span.setAttribute("gen_ai.tool.call.result", safeJson(outcome.result));
  if (outcome.error !== undefined) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.error });
    span.setAttribute("error.type", "Error");
  }
  span.end();
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return String(value);
  }
}
