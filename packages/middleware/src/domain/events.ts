import type { Level, ObservationType, ScoreRow, TraceKind } from "./rows.js";
import type { TokenUsage } from "./rows.js";

/**
 * Events as the request path enqueues them: small objects holding references to the
 * SDK's own values (prompt, content, usage). Everything costly — serialising, masking,
 * truncating, pricing — happens in the writer when it turns events into rows.
 */

/** A trace start/end (sent when the host's function settles and when late work ends). */
export interface TraceEvent {
  kind: "trace";
  id: string;
  startTime: number;
  endTime?: number;
  name?: string;
  userId?: string;
  sessionId?: string;
  tags?: string[];
  metadata?: Record<string, unknown>;
  environment: string;
  release?: string;
  version?: string;
  traceKind?: TraceKind;
  level?: Level;
  statusMessage?: string;
  input?: unknown;
  output?: unknown;
  recordInputs: boolean;
  recordOutputs: boolean;
}

/** A finished observation (span, generation, agent, tool, …). */
export interface ObservationEvent {
  kind: "observation";
  id: string;
  traceId: string;
  parentId?: string;
  type: ObservationType;
  name?: string;
  startTime: number;
  endTime?: number;
  completionStartTime?: number;
  model?: string;
  provider?: string;
  /** The call options (the writer extracts the model parameters). */
  params?: unknown;
  level?: Level;
  statusMessage?: string;
  finishReason?: string;
  usage?: TokenUsage;
  /** Price-relevant service tier reported by the provider (e.g. "priority"). */
  serviceTier?: string;
  input?: unknown;
  output?: unknown;
  metadata?: Record<string, unknown>;
  recordInputs: boolean;
  recordOutputs: boolean;
}

/** A score to store as is. */
export interface ScoreEvent {
  kind: "score";
  row: ScoreRow;
}

/** Anything the writer accepts. */
export type LoupeEvent = TraceEvent | ObservationEvent | ScoreEvent;
