import type { Telemetry } from "ai";
import type { ObservationEvent } from "../domain/events.js";
import type { Level, ObservationType } from "../domain/rows.js";
import type { Span } from "@opentelemetry/api";
import { endToolSpan, startToolSpan } from "../otel/genai-spans.js";
import { errorMessage, type Recorder } from "./recorder.js";
import { currentContext, runInContext, type LoupeContext, type TraceAttributes, type TraceState } from "./trace-context.js";

interface OpenNode {
  id: string;
  parentId: string | undefined;
  startTime: number;
  name: string;
  type: ObservationType;
  input?: unknown;
  span?: Span;
}

interface RunState {
  trace: TraceState;
  /** The trace was created for this run (no withTrace around it). */
  ownsTrace: boolean;
  agent: OpenNode;
  step: OpenNode | undefined;
  tools: Map<string, OpenNode>;
}

type Loose = Record<string, unknown>;

// Runs that never report an end (a crashed stream) must not grow memory without bound.
const MAX_OPEN_RUNS = 10_000;

const TEXT_OPERATIONS = new Set(["ai.generateText", "ai.streamText", "ai.generateObject", "ai.streamObject"]);

/** Reads user/session/tags from `runtimeContext` (top level or under `loupe`). */
export function attributesFromRuntimeContext(runtimeContext: unknown, functionId: unknown): TraceAttributes {
  const context = (runtimeContext ?? {}) as Loose;
  const nested = (typeof context.loupe === "object" && context.loupe !== null ? context.loupe : {}) as Loose;
  const pick = (key: string) => {
    const value = nested[key] ?? context[key];
    return typeof value === "string" ? value : undefined;
  };
  const tags = nested.tags ?? context.tags;
  return {
    name: pick("traceName") ?? (typeof functionId === "string" ? functionId : undefined),
    userId: pick("userId"),
    sessionId: pick("sessionId"),
    tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === "string") : undefined,
  };
}

/**
 * Loupe's AI SDK telemetry integration: turns a generateText/streamText/agent run into
 * an AGENT observation with one span per step and one TOOL observation per tool
 * execution, and runs model calls and tools inside the right context so the
 * middleware's generations (and nested runs inside tools) land under them.
 */
export function createLoupeTelemetry(recorder: Recorder): Telemetry {
  const runs = new Map<string, RunState>();
  const now = recorder.settings.now;
  const guard =
    <E,>(fn: (event: E) => void) =>
    (event: E) => {
      try {
        fn(event);
      } catch (error) {
        recorder.settings.onInternalError(error);
      }
    };

  const open = (run: RunState, type: ObservationType, name: string, parentId: string | undefined, input?: unknown): OpenNode => {
    recorder.beginObservation(run.trace);
    return { id: recorder.settings.generateId(), parentId, startTime: now(), name, type, input };
  };

  const close = (run: RunState, node: OpenNode, fields: Partial<ObservationEvent> & { level?: Level }) => {
    recorder.endObservation(run.trace, {
      kind: "observation",
      id: node.id,
      traceId: run.trace.id,
      parentId: node.parentId,
      type: node.type,
      name: node.name,
      startTime: node.startTime,
      endTime: now(),
      input: node.input,
      recordInputs: run.trace.recordInputs,
      recordOutputs: run.trace.recordOutputs,
      ...fields,
    });
  };

  const finishRun = (callId: string, fields: Partial<ObservationEvent>, error?: unknown) => {
    const run = runs.get(callId);
    if (!run) return;
    runs.delete(callId);
    for (const tool of run.tools.values()) close(run, tool, { level: "WARNING", statusMessage: "Run ended before the tool finished" });
    if (run.step) close(run, run.step, { level: fields.level, statusMessage: fields.statusMessage });
    close(run, run.agent, fields);
    if (run.ownsTrace) recorder.settleTrace(run.trace, error);
  };

  const contextFor = (run: RunState, parentId: string): LoupeContext => ({ trace: run.trace, parentId });

  return {
    onStart: guard((event: Loose) => {
      if (!TEXT_OPERATIONS.has(String(event.operationId))) return;
      const context = currentContext();
      const ownsTrace = context === undefined;
      const trace = context?.trace ?? recorder.startTrace(attributesFromRuntimeContext(event.runtimeContext, event.functionId));
      if (!trace.recording) return;
      const run: RunState = { trace, ownsTrace, agent: undefined as unknown as OpenNode, step: undefined, tools: new Map() };
      const name = typeof event.functionId === "string" ? event.functionId : String(event.operationId);
      const input = trace.recordInputs && event.recordInputs !== false ? (event.messages ?? event.prompt) : undefined;
      run.agent = open(run, "AGENT", name, context?.parentId, input);
      if (trace.recordInputs && trace.firstInput === undefined) trace.firstInput = input;
      if (runs.size >= MAX_OPEN_RUNS) {
        const oldest = runs.keys().next().value as string;
        runs.delete(oldest);
        recorder.settings.onInternalError(new Error(`Loupe dropped the open run ${oldest}: more than ${MAX_OPEN_RUNS} runs never ended`));
      }
      runs.set(String(event.callId), run);
    }),
    onStepStart: guard((event: Loose) => {
      const run = runs.get(String(event.callId));
      if (!run) return;
      run.step = open(run, "SPAN", `step ${Number(event.stepNumber ?? 0) + 1}`, run.agent.id);
    }),
    onStepEnd: guard((event: Loose) => {
      const run = runs.get(String(event.callId));
      if (!run?.step) return;
      close(run, run.step, { finishReason: typeof event.finishReason === "string" ? event.finishReason : undefined });
      run.step = undefined;
    }),
    onStepError: guard((event: Loose) => {
      const run = runs.get(String(event.callId));
      if (!run?.step) return;
      close(run, run.step, { level: "ERROR", statusMessage: errorMessage(event.error) });
      run.step = undefined;
    }),
    onToolExecutionStart: guard((event: Loose) => {
      const run = runs.get(String(event.callId));
      const call = event.toolCall as Loose | undefined;
      if (!run || !call) return;
      const input = run.trace.recordInputs && event.recordInputs !== false ? call.input : undefined;
      const tool = open(run, "TOOL", String(call.toolName), run.step?.id ?? run.agent.id, input);
      if (recorder.settings.otel) {
        tool.span = startToolSpan(recorder.settings.otel, { toolName: String(call.toolName), toolCallId: String(call.toolCallId), loupeTraceId: run.trace.id, args: recorder.settings.otel.recordContent ? input : undefined });
      }
      run.tools.set(String(call.toolCallId), tool);
    }),
    onToolExecutionEnd: guard((event: Loose) => {
      const run = runs.get(String(event.callId));
      const call = event.toolCall as Loose | undefined;
      if (!run || !call) return;
      const tool = run.tools.get(String(call.toolCallId));
      if (!tool) return;
      run.tools.delete(String(call.toolCallId));
      const result = (event.toolOutput ?? {}) as Loose;
      const failed = result.type === "tool-error";
      if (tool.span) {
        endToolSpan(tool.span, {
          result: run.trace.recordOutputs && recorder.settings.otel?.recordContent && !failed ? result.output : undefined,
          error: failed ? errorMessage(result.error) : undefined,
        });
      }
      close(run, tool, {
        level: failed ? "ERROR" : "DEFAULT",
        statusMessage: failed ? errorMessage(result.error) : undefined,
        output: run.trace.recordOutputs && event.recordOutputs !== false ? (failed ? { error: errorMessage(result.error) } : result.output) : undefined,
        metadata: { toolCallId: call.toolCallId, toolExecutionMs: event.toolExecutionMs },
      });
    }),
    onEnd: guard((event: Loose) => {
      const run = runs.get(String(event.callId));
      if (!run) return;
      const output = run.trace.recordOutputs && event.recordOutputs !== false ? (event.text ?? event.object) : undefined;
      if (output !== undefined) run.trace.output = output;
      finishRun(String(event.callId), { output, finishReason: typeof event.finishReason === "string" ? event.finishReason : undefined });
    }),
    onError: guard((event: unknown) => {
      const { callId, error } = (event ?? {}) as Loose;
      finishRun(String(callId), { level: "ERROR", statusMessage: errorMessage(error) }, error);
    }),
    onAbort: guard((event: Loose) => {
      finishRun(String(event.callId), { level: "WARNING", statusMessage: "Aborted", finishReason: "cancelled" });
    }),
    executeLanguageModelCall<T>(options: { callId: string; execute: () => PromiseLike<T> }): PromiseLike<T> {
      const run = runs.get(options.callId);
      if (!run) return options.execute();
      return runInContext(contextFor(run, run.step?.id ?? run.agent.id), options.execute);
    },
    executeTool<T>(options: { callId: string; toolCallId: string; execute: () => PromiseLike<T> }): PromiseLike<T> {
      const run = runs.get(options.callId);
      const tool = run?.tools.get(options.toolCallId);
      if (!run || !tool) return options.execute();
      return runInContext(contextFor(run, tool.id), options.execute);
    },
  } as Telemetry;
}
