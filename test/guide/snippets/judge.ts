// lib/judges.ts — an LLM judge on 10% of chat traces, run in the background.
import { openai } from "@ai-sdk/openai";
import { codeEvaluators, createJudge } from "@loupe/middleware";
import { loupe } from "./loupe";

loupe.evaluations.add({
  evaluator: createJudge({ name: "helpfulness", model: openai("gpt-4o-mini"), rubric: "helpfulness" }),
  samplingRate: 0.1,
  filter: { names: ["chat"] },
});
loupe.evaluations.add({ evaluator: codeEvaluators.toolCallsSucceeded() });

// How often does the judge agree with your users' thumbs? (rate and Cohen's kappa)
export const agreement = () => loupe.agreement({ judgeScoreName: "helpfulness", threshold: 4 });
