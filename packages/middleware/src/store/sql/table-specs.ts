import type { MessageListRow, MessageRow, ObservationRow, PayloadRow, ScoreRow, TraceRow } from "../../domain/rows.js";
import type { ColumnKind, MergeRule, UpsertColumn, UpsertSpec } from "./upsert-sql.js";

function col<Row>(
  name: string,
  kind: ColumnKind,
  merge: MergeRule,
  get: (row: Row) => unknown,
  defaultValue?: string,
): UpsertColumn<Row> {
  return { name, kind, merge, get, defaultValue };
}

/** Upsert of trace rows: later writes fill in fields; rollup columns are left to the store. */
export const traceUpsert: UpsertSpec<TraceRow> = {
  table: "loupe_traces",
  key: ["id"],
  columns: [
    col("id", "text", "keep", (r) => r.id),
    col("name", "text", "coalesce", (r) => r.name),
    col("user_id", "text", "coalesce", (r) => r.userId),
    col("session_id", "text", "coalesce", (r) => r.sessionId),
    col("tags", "text", "coalesce", (r) => (r.tags && r.tags.length ? JSON.stringify(r.tags) : null), "[]"),
    col("environment", "text", "coalesce", (r) => r.environment, "default"),
    col("release", "text", "coalesce", (r) => r.release),
    col("version", "text", "coalesce", (r) => r.version),
    col("kind", "text", "coalesce", (r) => r.kind, "app"),
    col("start_time", "time", "replace", (r) => r.startTime),
    col("end_time", "time", "coalesce", (r) => r.endTime),
    col("level", "text", "coalesce", (r) => r.level, "DEFAULT"),
    col("status_message", "text", "coalesce", (r) => r.statusMessage),
    col("input_preview", "text", "coalesce", (r) => r.inputPreview),
    col("output_preview", "text", "coalesce", (r) => r.outputPreview),
  ],
  onUpdate: [`"updated_at" = CURRENT_TIMESTAMP`],
};

/** Upsert of observation rows. */
export const observationUpsert: UpsertSpec<ObservationRow> = {
  table: "loupe_observations",
  key: ["id"],
  columns: [
    col("id", "text", "keep", (r) => r.id),
    col("trace_id", "text", "coalesce", (r) => r.traceId),
    col("parent_id", "text", "coalesce", (r) => r.parentId),
    col("type", "text", "coalesce", (r) => r.type),
    col("name", "text", "coalesce", (r) => r.name),
    col("start_time", "time", "replace", (r) => r.startTime),
    col("end_time", "time", "coalesce", (r) => r.endTime),
    col("completion_start_time", "time", "coalesce", (r) => r.completionStartTime),
    col("latency_ms", "int", "coalesce", (r) => (r.endTime ? clampInt(r.endTime.getTime() - r.startTime.getTime()) : null)),
    col("model", "text", "coalesce", (r) => r.model),
    col("provider", "text", "coalesce", (r) => r.provider),
    col("model_parameters", "text", "coalesce", (r) => r.modelParameters),
    col("level", "text", "coalesce", (r) => r.level, "DEFAULT"),
    col("status_message", "text", "coalesce", (r) => r.statusMessage),
    col("finish_reason", "text", "coalesce", (r) => r.finishReason),
    col("prompt_name", "text", "coalesce", (r) => r.promptName),
    col("prompt_version", "int", "coalesce", (r) => r.promptVersion),
    col("input_tokens", "int", "coalesce", (r) => r.inputTokens),
    col("cache_read_tokens", "int", "coalesce", (r) => r.cacheReadTokens),
    col("cache_write_tokens", "int", "coalesce", (r) => r.cacheWriteTokens),
    col("output_tokens", "int", "coalesce", (r) => r.outputTokens),
    col("reasoning_tokens", "int", "coalesce", (r) => r.reasoningTokens),
    col("total_tokens", "int", "coalesce", (r) => r.totalTokens),
    col("input_cost", "float", "coalesce", (r) => r.inputCost),
    col("output_cost", "float", "coalesce", (r) => r.outputCost),
    col("total_cost", "float", "coalesce", (r) => r.totalCost),
  ],
};

/** Upsert of payload rows (input/output/metadata JSON text). */
export const payloadUpsert: UpsertSpec<PayloadRow> = {
  table: "loupe_payloads",
  key: ["id"],
  columns: [
    col("id", "text", "keep", (r) => r.id),
    col("trace_id", "text", "coalesce", (r) => r.traceId),
    col("input", "text", "coalesce", (r) => r.input),
    col("output", "text", "coalesce", (r) => r.output),
    col("metadata", "text", "coalesce", (r) => r.metadata),
    col("truncated", "bool", "replace", (r) => r.truncated ?? false),
  ],
};

/** Insert of content-addressed messages: a hash names one content, so a stored row is never changed. */
export const messageUpsert: UpsertSpec<MessageRow> = {
  table: "loupe_messages",
  key: ["hash"],
  columns: [
    col("hash", "text", "keep", (r) => r.hash),
    col("role", "text", "keep", (r) => r.role),
    col("content", "text", "keep", (r) => r.content),
    col("bytes", "int", "keep", (r) => r.bytes),
  ],
};

/** Insert of message-list nodes (content-addressed like messages: never changed once stored). */
export const messageListUpsert: UpsertSpec<MessageListRow> = {
  table: "loupe_message_lists",
  key: ["hash"],
  columns: [
    col("hash", "text", "keep", (r) => r.hash),
    col("parent_hash", "text", "keep", (r) => r.parentHash),
    col("message_hash", "text", "keep", (r) => r.messageHash),
    col("position", "int", "keep", (r) => r.position),
    col("text_content", "bool", "keep", (r) => r.textContent),
  ],
};

/** Upsert of scores: a new score with the same id (e.g. a changed vote) replaces the old. */
export const scoreUpsert: UpsertSpec<ScoreRow> = {
  table: "loupe_scores",
  key: ["id"],
  columns: [
    col("id", "text", "keep", (r) => r.id),
    col("trace_id", "text", "replace", (r) => r.traceId),
    col("observation_id", "text", "replace", (r) => r.observationId),
    col("session_id", "text", "replace", (r) => r.sessionId),
    col("name", "text", "replace", (r) => r.name),
    col("data_type", "text", "replace", (r) => r.dataType),
    col("value", "float", "replace", (r) => r.value),
    col("string_value", "text", "replace", (r) => r.stringValue),
    col("comment", "text", "replace", (r) => r.comment),
    col("source", "text", "replace", (r) => r.source),
    col("author_id", "text", "replace", (r) => r.authorId),
    col("evaluator_id", "text", "replace", (r) => r.evaluatorId),
    col("timestamp", "time", "replace", (r) => r.timestamp),
  ],
  onUpdate: [`"updated_at" = CURRENT_TIMESTAMP`],
};

/** Keeps a millisecond figure inside the 32-bit `*_ms` columns (clock skew must not fail a write). */
function clampInt(value: number): number {
  return Math.max(-2_147_483_648, Math.min(2_147_483_647, Math.round(value)));
}
