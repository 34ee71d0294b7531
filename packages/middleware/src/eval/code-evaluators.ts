import type { z } from "zod";
import type { EvaluationInput, EvaluationResult, Evaluator } from "./evaluator.js";

function code(name: string, scoreName: string, run: (input: EvaluationInput) => EvaluationResult | Promise<EvaluationResult>): Evaluator {
  return { name, scoreName, kind: "code", evaluate: async (input) => run(input) };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** Code evaluators: deterministic checks of a trace, scored without a model. */
export const codeEvaluators = {
  /** The answer is valid JSON. */
  validJson: (name = "valid-json") =>
    code(name, name, ({ outputText }) => {
      const parsed = parseJson(outputText);
      return parsed.ok ? { value: true } : { value: false, comment: parsed.error };
    }),
  /** The answer is JSON that matches a zod schema. */
  matchesSchema: (schema: z.ZodType, name = "matches-schema") =>
    code(name, name, ({ outputText }) => {
      const parsed = parseJson(outputText);
      if (!parsed.ok) return { value: false, comment: `not JSON: ${parsed.error}` };
      const result = schema.safeParse(parsed.value);
      return result.success ? { value: true } : { value: false, comment: result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
    }),
  /** The answer contains `text` (case-insensitive unless told otherwise). */
  contains: (text: string, options: { caseSensitive?: boolean; name?: string } = {}) =>
    code(options.name ?? "contains", options.name ?? "contains", ({ outputText }) => {
      const found = options.caseSensitive ? outputText.includes(text) : outputText.toLowerCase().includes(text.toLowerCase());
      return { value: found, comment: found ? undefined : `"${text}" not found` };
    }),
  /** The answer matches a regular expression. */
  regex: (pattern: RegExp, name = "regex") => code(name, name, ({ outputText }) => ({ value: pattern.test(outputText) })),
  /** The whole trace took at most `maxMs`. */
  latencyUnder: (maxMs: number, name = "latency-under") =>
    code(name, name, ({ trace }) => ({
      value: trace.latencyMs !== null && trace.latencyMs <= maxMs,
      comment: trace.latencyMs === null ? "no latency recorded" : `${trace.latencyMs} ms (limit ${maxMs} ms)`,
    })),
  /** Every tool call of the trace succeeded. */
  toolCallsSucceeded: (name = "tool-calls-succeeded") =>
    code(name, name, ({ trace }) => {
      const failed = trace.observations.filter((o) => o.type === "TOOL" && o.level === "ERROR");
      return { value: failed.length === 0, comment: failed.length ? `failed: ${failed.map((f) => f.name).join(", ")}` : undefined };
    }),
  /** The answer's length in characters is within [min, max]. */
  outputLength: (limits: { min?: number; max?: number }, name = "output-length") =>
    code(name, name, ({ outputText }) => ({
      value: outputText.length >= (limits.min ?? 0) && outputText.length <= (limits.max ?? Number.POSITIVE_INFINITY),
      comment: `${outputText.length} characters`,
    })),
  /** Your own check. */
  custom: (name: string, run: (input: EvaluationInput) => EvaluationResult | Promise<EvaluationResult>, scoreName = name) => code(name, scoreName, run),
};
