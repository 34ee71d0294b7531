import type { LanguageModelV4 } from "@ai-sdk/provider";
import { generateText, Output } from "ai";
import { z } from "zod";
import type { EvaluationContext, EvaluationInput, EvaluationResult, Evaluator } from "./evaluator.js";
import { rubrics, type Rubric, type RubricName } from "./rubrics.js";

/** The range of a judge's scores. */
export interface JudgeScale {
  min: number;
  max: number;
}

/** Options of {@link createJudge}. */
export interface JudgeOptions {
  name: string;
  /** Any AI SDK language model. */
  model: LanguageModelV4;
  /** A built-in rubric's name or your own rubric. */
  rubric: RubricName | Rubric;
  /** Default 1–5. */
  scale?: JudgeScale;
  /** Give up after this long. Default 60 s. */
  timeoutMs?: number;
}

/** Raised when a judge answers something that is not a valid verdict (never turned into a score). */
export class JudgeOutputError extends Error {
  override readonly name = "JudgeOutputError";
  /** True when `error` is a {@link JudgeOutputError}. */
  static isInstance(error: unknown): error is JudgeOutputError {
    return error instanceof Error && error.name === "JudgeOutputError";
  }
}

function verdictSchema(scale: JudgeScale) {
  // The rationale comes first so the model reasons before it commits to a number.
  return z.object({
    rationale: z.string().min(1).describe("Step-by-step reasoning, written before deciding the score."),
    score: z.number().min(scale.min).max(scale.max).describe(`The score, from ${scale.min} to ${scale.max}.`),
  });
}

/** The prompt a judge sends for one evaluation. */
export function judgePrompt(rubric: Rubric, scale: JudgeScale, input: EvaluationInput): string {
  const parts = [
    `You are an impartial evaluator. ${rubric.instructions}`,
    `Score on a scale from ${scale.min} (lowest) to ${scale.max} (highest). First write your rationale, then the score.`,
    `USER INPUT:\n${input.inputText}`,
    `ASSISTANT ANSWER:\n${input.outputText}`,
  ];
  if (rubric.needs === "reference") parts.push(`REFERENCE ANSWER:\n${input.reference ?? ""}`);
  if (rubric.needs === "context") parts.push(`CONTEXT:\n${input.context ?? ""}`);
  return parts.join("\n\n");
}

/** Asks `model` for a verdict on a prompt, as structured output at temperature 0. */
export async function askForVerdict(model: LanguageModelV4, prompt: string, scale: JudgeScale, context: EvaluationContext, timeoutMs: number) {
  const signal = AbortSignal.any([context.signal, AbortSignal.timeout(timeoutMs)]);
  let result;
  try {
    result = await generateText({
      model: context.recordModel(model),
      prompt,
      temperature: 0,
      maxRetries: 1,
      abortSignal: signal,
      output: Output.object({ schema: verdictSchema(scale) }),
    });
  } catch (error) {
    if (signal.aborted && !context.signal.aborted) throw new JudgeOutputError(`The judge did not answer within ${timeoutMs} ms.`, { cause: error });
    if (error instanceof Error && /NoObjectGenerated|NoOutputGenerated|TypeValidation|JSONParse/i.test(`${error.name} ${error.constructor.name}`)) {
      throw new JudgeOutputError(`The judge's answer is not a valid verdict: ${error.message}`, { cause: error });
    }
    throw error;
  }
  return result.output;
}

/**
 * An LLM-as-judge evaluator: asks any AI SDK model for a rationale and then a score on
 * the rubric, at temperature 0, as structured output. Malformed answers, timeouts and
 * errors throw (the runner records them as evaluator errors, never as a score).
 */
export function createJudge(options: JudgeOptions): Evaluator {
  const rubric: Rubric = typeof options.rubric === "string" ? rubrics[options.rubric] : options.rubric;
  const scale = options.scale ?? { min: 1, max: 5 };
  return {
    name: options.name,
    scoreName: rubric.scoreName,
    kind: "judge",
    async evaluate(input, context): Promise<EvaluationResult> {
      if (rubric.needs && !input[rubric.needs]) {
        throw new JudgeOutputError(`The ${rubric.scoreName} rubric needs a ${rubric.needs}; none was given for trace ${input.traceId}.`);
      }
      const verdict = await askForVerdict(options.model, judgePrompt(rubric, scale, input), scale, context, options.timeoutMs ?? 60_000);
      return { value: verdict.score, comment: verdict.rationale };
    },
  };
}
