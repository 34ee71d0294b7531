import type { LoupeEvent, ObservationEvent } from "../domain/events.js";
import type { OtelExport } from "../otel/genai-spans.js";
import type { Level } from "../domain/rows.js";
import {
  isSampled,
  type TraceAttributes,
  type TraceState,
} from "./trace-context.js";

/** What the middleware asks before each model call: throw to refuse it (see budget/). */
export interface BudgetEnforcer {
  enforce(userId: string | undefined): void;
}

/** Where events go (the batch writer). Must be O(1) and never throw. */
export interface EventSink {
  enqueue(event: LoupeEvent): void;
}

/** Settings the recorder applies to every trace. */
export interface RecorderSettings {
  /** Fraction of traces recorded, decided by trace id. Default 1. */
  sampleRate: number;
  recordInputs: boolean;
  recordOutputs: boolean;
  /** The environment and release of traces that name none. */
  environment: string;
  release: string | undefined;
  now: () => number;
  generateId: () => string;
  /** Called with errors inside Loupe's hooks (never thrown to the host). */
  onInternalError: (error: unknown) => void;
  /** Per-user budget guard, checked before each model call (throws to refuse it). */
  budget?: BudgetEnforcer;
  /** Export GenAI spans through OpenTelemetry as well. */
  otel?: OtelExport;
  /** Called once a trace has settled and nothing in it is still running (online evaluation). */
  onTraceComplete?: (trace: TraceState) => void;
}

const LEVEL_RANK: Record<Level, number> = { DEBUG: 0, DEFAULT: 1, WARNING: 2, ERROR: 3 };

/**
 * The request-path side of Loupe: creates trace states and observation ids, tracks
 * what is still running in a trace, and pushes events to the sink. Every method is
 * cheap and none throws.
 */
export class Recorder {
  readonly settings: RecorderSettings;
  private readonly sink: EventSink;
  private readonly defaults: { environment: string; release: string | undefined };

  constructor(options: { sink: EventSink; settings: RecorderSettings }) {
    this.sink = options.sink;
    this.settings = options.settings;
    this.defaults = { environment: options.settings.environment, release: options.settings.release };
  }

  /** The environment traces get when the host does not name one. */
  get environment(): string {
    return this.defaults.environment;
  }

  /** A new trace state; `settled` is false until {@link settleTrace}. */
  startTrace(attributes: TraceAttributes, implicit = false): TraceState {
    const id = attributes.id ?? this.settings.generateId();
    const recording = attributes.record !== false && isSampled(id, this.settings.sampleRate);
    return {
      id,
      startTime: this.settings.now(),
      attributes,
      environment: attributes.environment ?? this.defaults.environment,
      release: attributes.release ?? this.defaults.release,
      recording,
      recordInputs: attributes.recordInputs ?? this.settings.recordInputs,
      recordOutputs: attributes.recordOutputs ?? this.settings.recordOutputs,
      pending: 0,
      settled: implicit,
      endTime: undefined,
      level: "DEFAULT",
      statusMessage: undefined,
      firstInput: undefined,
      lastOutput: undefined,
      output: undefined,
    };
  }

  /** The host's function inside the trace has settled (with `error` if it threw). */
  settleTrace(trace: TraceState, error?: unknown): void {
    trace.settled = true;
    trace.endTime = this.settings.now();
    if (error !== undefined) this.raise(trace, "ERROR", errorMessage(error));
    this.emitTrace(trace);
  }

  /** Marks an observation as started in `trace` (its end is {@link endObservation}). */
  beginObservation(trace: TraceState): void {
    trace.pending += 1;
  }

  /** Enqueues a finished observation and, if it was the trace's last open one, the trace. */
  endObservation(trace: TraceState, event: ObservationEvent): void {
    trace.pending -= 1;
    if (event.level === "ERROR" || event.level === "WARNING") this.raise(trace, event.level, event.statusMessage);
    this.push(event);
    if (trace.settled && trace.pending <= 0) {
      trace.endTime = Math.max(trace.endTime ?? 0, event.endTime ?? this.settings.now());
      this.emitTrace(trace);
    }
  }

  /** Pushes an event to the sink, counting instead of throwing on failure. */
  push(event: LoupeEvent): void {
    try {
      this.sink.enqueue(event);
    } catch (error) {
      this.settings.onInternalError(error);
    }
  }

  private raise(trace: TraceState, level: Level, message: string | undefined): void {
    if (LEVEL_RANK[level] > LEVEL_RANK[trace.level]) {
      trace.level = level;
      trace.statusMessage = message ?? trace.statusMessage;
    }
  }

  private emitTrace(trace: TraceState): void {
    if (!trace.recording) return;
    if (trace.settled && trace.pending <= 0 && this.settings.onTraceComplete) {
      try {
        this.settings.onTraceComplete(trace);
      } catch (error) {
        this.settings.onInternalError(error);
      }
    }
    const a = trace.attributes;
    this.push({
      kind: "trace",
      id: trace.id,
      startTime: trace.startTime,
      endTime: trace.endTime,
      name: a.name,
      userId: a.userId,
      sessionId: a.sessionId,
      tags: a.tags,
      metadata: a.metadata,
      environment: trace.environment,
      release: trace.release,
      version: a.version,
      traceKind: a.kind,
      level: trace.level,
      statusMessage: trace.statusMessage,
      input: a.input ?? trace.firstInput,
      output: trace.output ?? trace.lastOutput,
      recordInputs: trace.recordInputs,
      recordOutputs: trace.recordOutputs,
    });
  }
}

/** A short message for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === "string") return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}
