/** Evaluation: LLM-as-judge, code evaluators, online/offline runs, judge-vs-human agreement. */
export { createJudge, JudgeOutputError, judgePrompt, type JudgeOptions, type JudgeScale } from "./judge.js";
export { comparePairwise, type PairwiseResult } from "./pairwise.js";
export { codeEvaluators } from "./code-evaluators.js";
export { rubrics, type Rubric, type RubricName } from "./rubrics.js";
export { evaluationInput, type Evaluator, type EvaluationInput, type EvaluationResult, type EvaluationContext } from "./evaluator.js";
export { EvaluationRunner, type OnlineEvaluatorConfig, type EvaluationRunnerOptions, type EvaluationStats, type EvaluationOutcome, type EvaluatorFilter } from "./evaluation-runner.js";
export { judgeAgreement, cohensKappa, type JudgeAgreement, type AgreementOptions } from "../query/agreement.js";
