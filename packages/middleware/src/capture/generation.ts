import type { ObservationEvent } from "../domain/events.js";
import type { Level } from "../domain/rows.js";
import type { Span } from "@opentelemetry/api";
import { endGenerationSpan, markActiveSpanRecorded, startGenerationSpan } from "../otel/genai-spans.js";
import { errorMessage, type Recorder } from "./recorder.js";
import { currentContext, type TraceState } from "./trace-context.js";
import { fromProviderUsage, type ProviderUsage } from "./usage.js";

/** The model as the middleware sees it. */
export interface ModelRef {
  readonly provider: string;
  readonly modelId: string;
}

/** Call options as the middleware sees them (only what Loupe reads). */
export interface CallParamsRef {
  prompt?: unknown;
  providerOptions?: Record<string, Record<string, unknown> | undefined>;
}

/** The result fields Loupe reads from a generate call or a stream's finish. */
export interface GenerationOutcome {
  content?: unknown;
  usage?: ProviderUsage;
  finishReason?: { unified?: string; raw?: string } | string;
  providerMetadata?: Record<string, Record<string, unknown> | undefined>;
  responseModelId?: string;
  responseId?: string;
  completionStartTime?: number;
  level?: Level;
  statusMessage?: string;
  /** Extra metadata (stream chunk counts, cancellation). */
  metadata?: Record<string, unknown>;
}

/** A generation in flight: created when the call starts, finished exactly once. */
export class Generation {
  readonly id: string;
  private readonly recorder: Recorder;
  private readonly trace: TraceState;
  private readonly parentId: string | undefined;
  private readonly model: ModelRef;
  private readonly params: CallParamsRef;
  private readonly operation: "generate" | "stream";
  private readonly startTime: number;
  private done = false;
  /** The exported GenAI span, when OpenTelemetry export is on and a provider records it. */
  readonly span: Span | undefined;

  private constructor(recorder: Recorder, trace: TraceState, parentId: string | undefined, model: ModelRef, params: CallParamsRef, operation: "generate" | "stream") {
    this.recorder = recorder;
    this.trace = trace;
    this.parentId = parentId;
    this.model = model;
    this.params = params;
    this.operation = operation;
    this.id = recorder.settings.generateId();
    this.startTime = recorder.settings.now();
    recorder.beginObservation(trace);
    if (trace.recordInputs && trace.firstInput === undefined) trace.firstInput = params.prompt;
    markActiveSpanRecorded();
    this.span = recorder.settings.otel
      ? startGenerationSpan(recorder.settings.otel, {
          modelId: model.modelId,
          provider: model.provider,
          loupeTraceId: trace.id,
          params: params as Record<string, unknown>,
          prompt: trace.recordInputs && recorder.settings.otel.recordContent ? params.prompt : undefined,
        })
      : undefined;
  }

  /**
   * Starts a generation under the active context (or a new trace of its own), or
   * returns undefined when nothing is to be recorded (sampled out, opted out).
   */
  static start(recorder: Recorder, model: ModelRef, params: CallParamsRef, operation: "generate" | "stream"): Generation | undefined {
    const context = currentContext();
    if (params.providerOptions?.loupe?.record === false) return undefined;
    const trace = context?.trace ?? recorder.startTrace({ name: `${operation} ${model.modelId}` }, true);
    if (!trace.recording) return undefined;
    return new Generation(recorder, trace, context?.parentId, model, params, operation);
  }

  /** Whether this generation's trace stores outputs. */
  get recordsOutputs(): boolean {
    return this.trace.recordOutputs;
  }

  /** Records the outcome (success, error part, cancellation). Later calls are ignored. */
  finish(outcome: GenerationOutcome): void {
    if (this.done) return;
    this.done = true;
    const trace = this.trace;
    const finishReason = typeof outcome.finishReason === "string" ? outcome.finishReason : outcome.finishReason?.unified;
    if (trace.recordOutputs && outcome.content !== undefined) trace.lastOutput = outcome.content;
    const event: ObservationEvent = {
      kind: "observation",
      id: this.id,
      traceId: trace.id,
      parentId: this.parentId,
      type: "GENERATION",
      name: `${this.operation === "stream" ? "stream" : "chat"} ${this.model.modelId}`,
      startTime: this.startTime,
      endTime: this.recorder.settings.now(),
      completionStartTime: outcome.completionStartTime,
      model: this.model.modelId,
      provider: this.model.provider,
      params: this.params,
      level: outcome.level ?? "DEFAULT",
      statusMessage: outcome.statusMessage,
      finishReason,
      usage: fromProviderUsage(outcome.usage),
      serviceTier: serviceTierOf(outcome.providerMetadata),
      input: this.params.prompt,
      output: outcome.content,
      metadata: {
        ...(outcome.providerMetadata ? { providerMetadata: outcome.providerMetadata } : {}),
        ...(outcome.responseModelId ? { responseModelId: outcome.responseModelId } : {}),
        ...(outcome.responseId ? { responseId: outcome.responseId } : {}),
        ...outcome.metadata,
      },
      recordInputs: trace.recordInputs,
      recordOutputs: trace.recordOutputs,
    };
    if (this.span) {
      endGenerationSpan(this.span, {
        usage: event.usage,
        finishReason,
        responseModelId: outcome.responseModelId,
        responseId: outcome.responseId,
        output: trace.recordOutputs && this.recorder.settings.otel?.recordContent ? outcome.content : undefined,
        error: event.level === "ERROR" ? event.statusMessage : undefined,
      });
    }
    this.recorder.endObservation(trace, event);
  }

  /** Records a failed call (the error still reaches the host unchanged). */
  fail(error: unknown, partial?: GenerationOutcome): void {
    this.finish({ ...partial, level: "ERROR", statusMessage: errorMessage(error) });
  }
}

function serviceTierOf(metadata: GenerationOutcome["providerMetadata"]): string | undefined {
  if (!metadata) return undefined;
  for (const value of Object.values(metadata)) {
    const tier = value?.serviceTier ?? value?.service_tier;
    if (typeof tier === "string") return tier;
  }
  return undefined;
}
