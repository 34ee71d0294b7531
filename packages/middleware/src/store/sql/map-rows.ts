import type { Level, ObservationType, ScoreDataType, ScoreSource, TraceKind } from "../../domain/rows.js";
import type { ObservationView, ScoreView, SessionSummary, TraceSummary, UsageDailyRow, UsageView } from "../../domain/views.js";

type Raw = Record<string, unknown>;

/** A SQL number (may be bigint, string or null) as a JS number. */
export function toNumber(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return Number(value);
}

/** Like {@link toNumber} but keeps null. */
export function toNumberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** A SQL time (Date, ISO text or epoch ms) as a Date. */
export function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  return new Date(String(value));
}

/** Like {@link toDate} but keeps null. */
export function toDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : toDate(value);
}

/** Parses stored JSON text; text that is not JSON is returned as is. */
export function parseJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function str(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function usage(r: Raw): UsageView {
  return {
    inputTokens: toNumber(r.input_tokens),
    cacheReadTokens: toNumber(r.cache_read_tokens),
    cacheWriteTokens: toNumber(r.cache_write_tokens),
    outputTokens: toNumber(r.output_tokens),
    reasoningTokens: toNumber(r.reasoning_tokens),
    totalTokens: toNumber(r.total_tokens),
  };
}

/** Maps a `loupe_traces` row. */
export function mapTrace(r: Raw): TraceSummary {
  return {
    id: String(r.id),
    name: str(r.name),
    userId: str(r.user_id),
    sessionId: str(r.session_id),
    tags: (parseJson(r.tags) as string[] | null) ?? [],
    environment: String(r.environment),
    release: str(r.release),
    version: str(r.version),
    kind: String(r.kind) as TraceKind,
    startTime: toDate(r.start_time),
    endTime: toDateOrNull(r.end_time),
    latencyMs: toNumberOrNull(r.latency_ms),
    ttftMs: toNumberOrNull(r.ttft_ms),
    level: String(r.level) as Level,
    statusMessage: str(r.status_message),
    models: r.models ? String(r.models).split(",").filter(Boolean).sort() : [],
    observationCount: toNumber(r.observation_count),
    generationCount: toNumber(r.generation_count),
    errorCount: toNumber(r.error_count),
    usage: usage(r),
    inputCost: toNumberOrNull(r.input_cost),
    outputCost: toNumberOrNull(r.output_cost),
    totalCost: toNumberOrNull(r.total_cost),
    unpricedCount: toNumber(r.unpriced_count),
    inputPreview: str(r.input_preview),
    outputPreview: str(r.output_preview),
  };
}

/** Maps a `loupe_observations` row joined with its payload (`input`, `output`, `metadata`, `truncated`). */
export function mapObservation(r: Raw): ObservationView {
  const startTime = toDate(r.start_time);
  const completionStartTime = toDateOrNull(r.completion_start_time);
  const hasUsage = r.input_tokens !== null || r.output_tokens !== null || r.total_tokens !== null;
  return {
    id: String(r.id),
    traceId: String(r.trace_id),
    parentId: str(r.parent_id),
    type: String(r.type) as ObservationType,
    name: str(r.name),
    startTime,
    endTime: toDateOrNull(r.end_time),
    completionStartTime,
    latencyMs: toNumberOrNull(r.latency_ms),
    ttftMs: completionStartTime ? completionStartTime.getTime() - startTime.getTime() : null,
    model: str(r.model),
    provider: str(r.provider),
    modelParameters: (parseJson(r.model_parameters) as Record<string, unknown> | null) ?? null,
    level: String(r.level) as Level,
    statusMessage: str(r.status_message),
    finishReason: str(r.finish_reason),
    promptName: str(r.prompt_name),
    promptVersion: toNumberOrNull(r.prompt_version),
    usage: hasUsage ? usage(r) : null,
    inputCost: toNumberOrNull(r.input_cost),
    outputCost: toNumberOrNull(r.output_cost),
    totalCost: toNumberOrNull(r.total_cost),
    input: parseJson(r.input),
    output: parseJson(r.output),
    metadata: parseJson(r.metadata),
    truncated: Boolean(r.truncated),
  };
}

/** Maps a `loupe_scores` row. */
export function mapScore(r: Raw): ScoreView {
  return {
    id: String(r.id),
    traceId: str(r.trace_id),
    observationId: str(r.observation_id),
    sessionId: str(r.session_id),
    name: String(r.name),
    dataType: String(r.data_type) as ScoreDataType,
    value: toNumberOrNull(r.value),
    stringValue: str(r.string_value),
    comment: str(r.comment),
    source: String(r.source) as ScoreSource,
    authorId: str(r.author_id),
    evaluatorId: str(r.evaluator_id),
    userId: str(r.user_id),
    timestamp: toDate(r.timestamp),
  };
}

/** Maps a `loupe_sessions` row. */
export function mapSession(r: Raw): SessionSummary {
  return {
    id: String(r.id),
    userId: str(r.user_id),
    environment: String(r.environment),
    firstTraceAt: toDate(r.first_trace_at),
    lastTraceAt: toDate(r.last_trace_at),
    traceCount: toNumber(r.trace_count),
    errorCount: toNumber(r.error_count),
    totalTokens: toNumber(r.total_tokens),
    totalCost: toNumberOrNull(r.total_cost),
  };
}

/** Maps a `loupe_usage_daily` row. */
export function mapUsageDaily(r: Raw): UsageDailyRow {
  return {
    day: String(r.day),
    userId: String(r.user_id),
    environment: String(r.environment),
    model: String(r.model),
    kind: String(r.kind),
    traceCount: toNumber(r.trace_count),
    errorTraceCount: toNumber(r.error_trace_count),
    generationCount: toNumber(r.generation_count),
    errorCount: toNumber(r.error_count),
    ...usage(r),
    totalCost: toNumber(r.total_cost),
    unpricedCount: toNumber(r.unpriced_count),
    latencyMsSum: toNumber(r.latency_ms_sum),
  };
}
