import type { ObservationType } from "../domain/rows.js";
import { errorMessage, type Recorder } from "./recorder.js";
import { currentContext, runInContext, type TraceAttributes } from "./trace-context.js";

/** Options of `withSpan`. */
export interface SpanOptions {
  /** Default "SPAN"; e.g. "RETRIEVER", "GUARDRAIL", "EMBEDDING", "TOOL". */
  type?: ObservationType;
  input?: unknown;
  metadata?: Record<string, unknown>;
  /** Record the function's return value as the span's output. Default true. */
  recordResult?: boolean;
}

/**
 * Runs `fn` as a trace: every model call, agent step and tool call inside it (however
 * deep, across awaits) is recorded under it with the given user, session and tags.
 * Inside another trace it becomes a span of that trace instead.
 */
export async function withTrace<T>(recorder: Recorder, attributes: TraceAttributes, fn: () => T | Promise<T>): Promise<T> {
  if (currentContext()) return withSpan(recorder, attributes.name ?? "trace", fn, { input: attributes.input, metadata: attributes.metadata, recordResult: false });
  const trace = recorder.startTrace(attributes);
  let result: T;
  try {
    result = await runInContext({ trace, parentId: undefined }, fn);
  } catch (error) {
    safely(recorder, () => recorder.settleTrace(trace, error));
    throw error;
  }
  safely(recorder, () => recorder.settleTrace(trace));
  return result;
}

/**
 * Runs `fn` as a span of the current trace (retrieval, a database call, a guardrail),
 * nesting whatever runs inside it. Outside any trace, `fn` just runs.
 */
export async function withSpan<T>(recorder: Recorder, name: string, fn: () => T | Promise<T>, options: SpanOptions = {}): Promise<T> {
  const context = currentContext();
  if (!context || !context.trace.recording) return fn();
  const trace = context.trace;
  const id = recorder.settings.generateId();
  const startTime = recorder.settings.now();
  recorder.beginObservation(trace);
  const end = (output: unknown, error?: unknown) =>
    safely(recorder, () =>
      recorder.endObservation(trace, {
        kind: "observation",
        id,
        traceId: trace.id,
        parentId: context.parentId,
        type: options.type ?? "SPAN",
        name,
        startTime,
        endTime: recorder.settings.now(),
        level: error === undefined ? "DEFAULT" : "ERROR",
        statusMessage: error === undefined ? undefined : errorMessage(error),
        input: options.input,
        output,
        metadata: options.metadata,
        recordInputs: trace.recordInputs,
        recordOutputs: trace.recordOutputs,
      }),
    );
  let result: T;
  try {
    result = await runInContext({ trace, parentId: id }, fn);
  } catch (error) {
    end(undefined, error);
    throw error;
  }
  end(options.recordResult === false ? undefined : result);
  return result;
}

function safely(recorder: Recorder, fn: () => void): void {
  try {
    fn();
  } catch (error) {
    recorder.settings.onInternalError(error);
  }
}
