import type { LanguageModelV4 } from "@ai-sdk/provider";
import type { TraceDetail } from "../domain/views.js";
import { previewText } from "../writer/serialize-payload.js";

/** What an evaluator sees of a trace. */
export interface EvaluationInput {
  traceId: string;
  /** The trace's input and output as stored (prompt messages, output parts, …). */
  input: unknown;
  output: unknown;
  /** The same as plain text (last user message; answer text). */
  inputText: string;
  outputText: string;
  /** For correctness: the expected answer. For faithfulness: the context given to the model. */
  reference?: string;
  context?: string;
  trace: TraceDetail;
}

/** An evaluator's verdict: a numeric, boolean or categorical value, and why. */
export interface EvaluationResult {
  value: number | boolean | string;
  comment?: string;
}

/** Given to evaluators by the runner. */
export interface EvaluationContext {
  /** Wraps a model so its calls are recorded as this evaluation's own (eval) trace. */
  recordModel(model: LanguageModelV4): LanguageModelV4;
  signal: AbortSignal;
}

/** A judge or a code evaluator. */
export interface Evaluator {
  /** Unique name (also the evaluator id on its scores). */
  name: string;
  /** The score name it writes (e.g. "helpfulness"). */
  scoreName: string;
  kind: "judge" | "code";
  evaluate(input: EvaluationInput, context: EvaluationContext): Promise<EvaluationResult>;
}

/** Builds an evaluator's input from a stored trace. */
export function evaluationInput(trace: TraceDetail, extra: { reference?: string; context?: string } = {}): EvaluationInput {
  const firstGeneration = trace.observations.find((o) => o.type === "GENERATION");
  const lastGeneration = [...trace.observations].reverse().find((o) => o.type === "GENERATION" && o.output !== null);
  const input = trace.input ?? firstGeneration?.input ?? null;
  const output = trace.output ?? lastGeneration?.output ?? null;
  return {
    traceId: trace.id,
    input,
    output,
    inputText: previewText(input, 20_000) ?? "",
    outputText: previewText(output, 20_000) ?? "",
    trace,
    ...extra,
  };
}
