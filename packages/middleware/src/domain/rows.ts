/**
 * Rows as the writer hands them to a store: one per trace, observation, payload or
 * score. Ids are client-generated, so every write is an idempotent upsert; a field
 * left `undefined`/`null` on a later write keeps the value already stored.
 */

/** Observation kinds, as in Langfuse/OpenTelemetry GenAI. */
export const OBSERVATION_TYPES = [
  "SPAN",
  "GENERATION",
  "AGENT",
  "TOOL",
  "EVENT",
  "RETRIEVER",
  "EMBEDDING",
  "EVALUATOR",
  "GUARDRAIL",
] as const;
/** One of {@link OBSERVATION_TYPES}. */
export type ObservationType = (typeof OBSERVATION_TYPES)[number];

/** Severity of a trace or observation, ordered from least to most severe. */
export const LEVELS = ["DEBUG", "DEFAULT", "WARNING", "ERROR"] as const;
/** One of {@link LEVELS}. */
export type Level = (typeof LEVELS)[number];

/** Score value kinds. */
export const SCORE_DATA_TYPES = ["NUMERIC", "BOOLEAN", "CATEGORICAL", "TEXT"] as const;
/** One of {@link SCORE_DATA_TYPES}. */
export type ScoreDataType = (typeof SCORE_DATA_TYPES)[number];

/** Who gave a score. */
export const SCORE_SOURCES = ["API", "ANNOTATION", "EVAL", "FEEDBACK"] as const;
/** One of {@link SCORE_SOURCES}. */
export type ScoreSource = (typeof SCORE_SOURCES)[number];

/** "app" for the host's traffic, "eval" for judge runs. */
export type TraceKind = "app" | "eval";

/** A trace row (its usage totals are computed by the store from its generations). */
export interface TraceRow {
  id: string;
  name?: string | null;
  userId?: string | null;
  sessionId?: string | null;
  tags?: string[];
  environment?: string | null;
  release?: string | null;
  version?: string | null;
  kind?: TraceKind;
  startTime: Date;
  endTime?: Date | null;
  level?: Level;
  statusMessage?: string | null;
  inputPreview?: string | null;
  outputPreview?: string | null;
}

/** Token counts in the AI SDK convention: input includes cached, output includes reasoning. */
export interface TokenUsage {
  inputTokens?: number | null;
  cacheReadTokens?: number | null;
  cacheWriteTokens?: number | null;
  outputTokens?: number | null;
  reasoningTokens?: number | null;
  totalTokens?: number | null;
}

/** An observation row: a node of a trace's tree. */
export interface ObservationRow extends TokenUsage {
  id: string;
  traceId: string;
  parentId?: string | null;
  type: ObservationType;
  name?: string | null;
  startTime: Date;
  endTime?: Date | null;
  completionStartTime?: Date | null;
  model?: string | null;
  provider?: string | null;
  /** JSON text. */
  modelParameters?: string | null;
  level?: Level;
  statusMessage?: string | null;
  finishReason?: string | null;
  promptName?: string | null;
  promptVersion?: number | null;
  inputCost?: number | null;
  outputCost?: number | null;
  totalCost?: number | null;
}

/**
 * Input/output/metadata of a trace or observation, already serialised: JSON text, or a
 * reference to content-addressed messages (`domain/message-refs.ts`, text starting "@").
 */
export interface PayloadRow {
  /** The trace or observation id. */
  id: string;
  traceId: string;
  input?: string | null;
  output?: string | null;
  metadata?: string | null;
  truncated?: boolean;
}

/** A score on a trace, observation or session. */
export interface ScoreRow {
  id: string;
  traceId?: string | null;
  observationId?: string | null;
  sessionId?: string | null;
  name: string;
  dataType: ScoreDataType;
  value?: number | null;
  stringValue?: string | null;
  comment?: string | null;
  source: ScoreSource;
  authorId?: string | null;
  evaluatorId?: string | null;
  timestamp: Date;
}

/**
 * A message of a prompt or an output, stored once (content-addressed): its key is a
 * hash of its canonical JSON, so writing it again changes nothing.
 */
export interface MessageRow {
  hash: string;
  role: string;
  /** The message as JSON text. */
  content: string;
  /** Size of `content` in UTF-8 bytes. */
  bytes: number;
}

/**
 * One node of a content-addressed message list: the list `parentHash` (null for the
 * first message) followed by the message `messageHash`. Lists that share a beginning
 * (a chat's history re-sent every turn) share its nodes.
 */
export interface MessageListRow {
  hash: string;
  parentHash: string | null;
  messageHash: string;
  /** 0-based position of the message in the list. */
  position: number;
  /** The message's content was a plain string, stored as one text part. */
  textContent: boolean;
}

/** What the writer hands a store in one go. */
export interface WriteBatch {
  traces?: TraceRow[];
  observations?: ObservationRow[];
  payloads?: PayloadRow[];
  scores?: ScoreRow[];
  /** Messages and list nodes the batch's payloads reference (written in the same transaction). */
  messages?: MessageRow[];
  messageLists?: MessageListRow[];
}
