import type { LanguageModelV4 } from "@ai-sdk/provider";
import type { EvaluationContext } from "./evaluator.js";
import { askForVerdict } from "./judge.js";

/** The outcome of a pairwise comparison after both orders. */
export interface PairwiseResult {
  /** "A", "B" or "tie" (when the two orders disagree or both say tie). */
  winner: "A" | "B" | "tie";
  /** The judge's preference in each order, mapped back to A/B (−1 prefers A, +1 prefers B). */
  firstOrder: number;
  secondOrder: number;
  rationale: string;
}

function prompt(question: string, first: string, second: string): string {
  return [
    "You are an impartial evaluator. Compare two answers to the same question and decide which is better (more correct, helpful and clear).",
    "Score -1 if ANSWER 1 is better, 1 if ANSWER 2 is better, 0 if they are equally good. First write your rationale, then the score.",
    `QUESTION:\n${question}`,
    `ANSWER 1:\n${first}`,
    `ANSWER 2:\n${second}`,
  ].join("\n\n");
}

/**
 * Compares answers A and B with a judge model in both orders (A first, then B first)
 * to cancel position bias: a winner only when both orders agree.
 */
export async function comparePairwise(
  model: LanguageModelV4,
  input: { question: string; answerA: string; answerB: string },
  context: EvaluationContext,
  timeoutMs = 60_000,
): Promise<PairwiseResult> {
  const scale = { min: -1, max: 1 };
  const ab = await askForVerdict(model, prompt(input.question, input.answerA, input.answerB), scale, context, timeoutMs);
  const ba = await askForVerdict(model, prompt(input.question, input.answerB, input.answerA), scale, context, timeoutMs);
  const firstOrder = Math.sign(ab.score);
  const secondOrder = -Math.sign(ba.score);
  const winner = firstOrder === secondOrder && firstOrder !== 0 ? (firstOrder < 0 ? "A" : "B") : "tie";
  return { winner, firstOrder, secondOrder, rationale: `A first: ${ab.rationale}\nB first: ${ba.rationale}` };
}
