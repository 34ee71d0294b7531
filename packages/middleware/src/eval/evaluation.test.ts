import { generateText, wrapLanguageModel } from "ai";
import { MockLanguageModelV4 } from "ai/test";
import type { LanguageModelV4GenerateResult } from "@ai-sdk/provider";
import { afterEach, describe, expect, it } from "vitest";
import { createLoupe, type Loupe } from "../loupe.js";
import { manualClock, scriptedModel } from "../testing/scripted-model.js";
import { tempSqliteStore } from "../testing/temp-store.js";
import { codeEvaluators } from "./code-evaluators.js";
import { EvaluationRunner } from "./evaluation-runner.js";
import { createJudge } from "./judge.js";
import { comparePairwise } from "./pairwise.js";
import { cohensKappa } from "../query/agreement.js";

const usage = { inputTokens: { total: 300, noCache: 300, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 60, text: 60, reasoning: 0 } };
const answer = (text: string): LanguageModelV4GenerateResult => ({ content: [{ type: "text", text }], finishReason: { unified: "stop", raw: "stop" }, usage, warnings: [] });
const judgeModel = (...texts: string[]) => new MockLanguageModelV4({ modelId: "gpt-4o-mini", provider: "openai.chat", doGenerate: texts.map(answer) });

let loupe: Loupe | undefined;
afterEach(async () => {
  await loupe?.shutdown();
  loupe = undefined;
});

async function appTrace(l: Loupe, text: string, userId = "ada", name = "chat") {
  const model = wrapLanguageModel({ model: scriptedModel([{ text, usage: { input: 20, output: 10 } }], manualClock()), middleware: l.middleware() });
  return l.withTrace({ name, userId, tags: ["demo"] }, async () => {
    await generateText({ model, prompt: "What is the capital of France?" });
    return l.currentTraceId()!;
  });
}

describe("LLM-as-judge", () => {
  it("asks at temperature 0 for rationale before score, stores both, and records its own call as an eval trace", async () => {
    loupe = createLoupe({ store: await tempSqliteStore(), registerTelemetry: false });
    const traceId = await appTrace(loupe, "Paris.");
    const model = judgeModel(JSON.stringify({ rationale: "Direct and correct.", score: 5 }));
    const judge = createJudge({ name: "helpfulness-judge", model, rubric: "helpfulness" });
    const outcome = await loupe.evaluations.evaluate(judge, traceId);
    expect(outcome).toMatchObject({ status: "scored", result: { value: 5, comment: "Direct and correct." } });

    const call = model.doGenerateCalls[0];
    expect(call.temperature).toBe(0);
    const schema = (call.responseFormat as { type: string; schema: { properties: Record<string, unknown> } }).schema;
    expect(Object.keys(schema.properties)).toEqual(["rationale", "score"]);
    const prompt = JSON.stringify(call.prompt);
    expect(prompt).toContain("What is the capital of France?");
    expect(prompt).toContain("Paris.");

    await loupe.flush();
    const trace = (await loupe.query.trace(traceId))!;
    expect(trace.scores).toMatchObject([{ name: "helpfulness", value: 5, comment: "Direct and correct.", source: "EVAL", evaluatorId: "helpfulness-judge", userId: "ada" }]);
    const evalTraces = await loupe.query.traces({ kind: "eval" });
    expect(evalTraces.items).toHaveLength(1);
    expect(evalTraces.items[0]).toMatchObject({ name: "eval helpfulness-judge", generationCount: 1, userId: null });
    // The judge's cost is kept out of the user's cost.
    const usageRows = await loupe.query.usageDaily();
    expect(usageRows.filter((r) => r.userId === "ada").every((r) => r.kind === "app")).toBe(true);
    expect(usageRows.find((r) => r.kind === "eval")?.totalCost).toBeGreaterThan(0);
  });

  it("records malformed output, errors and timeouts as evaluator errors, never as a score", async () => {
    loupe = createLoupe({ store: await tempSqliteStore(), registerTelemetry: false, evaluation: { maxRetries: 1 } });
    const traceId = await appTrace(loupe, "Paris.");
    const malformed = createJudge({ name: "malformed", model: judgeModel("I think it's a 5"), rubric: "helpfulness" });
    const outOfScale = createJudge({ name: "out-of-scale", model: judgeModel(JSON.stringify({ rationale: "great", score: 11 })), rubric: "relevance" });
    const failing = createJudge({
      name: "failing",
      model: new MockLanguageModelV4({ doGenerate: async () => { throw new Error("judge provider down"); } }),
      rubric: "toxicity",
    });
    const slow = createJudge({
      name: "slow",
      timeoutMs: 50,
      model: new MockLanguageModelV4({ doGenerate: ({ abortSignal }) => new Promise((_, reject) => abortSignal?.addEventListener("abort", () => reject(abortSignal.reason))) }),
      rubric: "helpfulness",
    });
    const needsReference = createJudge({ name: "correctness", model: judgeModel("{}"), rubric: "correctness" });
    for (const judge of [malformed, outOfScale, failing, slow, needsReference]) {
      const outcome = await loupe.evaluations.evaluate(judge, traceId);
      expect(outcome.status, judge.name).toBe("error");
    }
    await loupe.flush();
    const trace = (await loupe.query.trace(traceId))!;
    expect(trace.scores).toEqual([]);
    const errors = trace.observations.filter((o) => o.type === "EVALUATOR");
    expect(errors.map((e) => e.name).sort()).toEqual(["eval correctness", "eval failing", "eval malformed", "eval out-of-scale", "eval slow"]);
    expect(errors.every((e) => e.level === "ERROR")).toBe(true);
    expect(errors.find((e) => e.name === "eval slow")!.statusMessage).toContain("did not answer within 50 ms");
    expect(errors.find((e) => e.name === "eval correctness")!.statusMessage).toContain("needs a reference");
    // The app's own trace is not turned into an error by a failing judge.
    expect(trace.level).toBe("DEFAULT");
  });

  it("compares two answers in both orders and only names a winner when they agree", async () => {
    const context = { recordModel: (m: MockLanguageModelV4) => m, signal: new AbortController().signal };
    const verdict = (score: number) => JSON.stringify({ rationale: "r", score });
    // A is better in both orders: first order says ANSWER 1 (A), second says ANSWER 2 (A).
    expect((await comparePairwise(judgeModel(verdict(-1), verdict(1)), { question: "q", answerA: "a", answerB: "b" }, context)).winner).toBe("A");
    // Position bias: the judge always prefers ANSWER 1 → a tie.
    expect((await comparePairwise(judgeModel(verdict(-1), verdict(-1)), { question: "q", answerA: "a", answerB: "b" }, context)).winner).toBe("tie");
  });
});

describe("code evaluators", () => {
  it("score a trace without a model", async () => {
    loupe = createLoupe({ store: await tempSqliteStore(), registerTelemetry: false });
    const jsonTrace = await appTrace(loupe, '{"city":"Paris","population":2100000}');
    const textTrace = await appTrace(loupe, "Paris is the capital.");
    const { z } = await import("zod");
    const cases = [
      [codeEvaluators.validJson(), jsonTrace, true],
      [codeEvaluators.validJson(), textTrace, false],
      [codeEvaluators.matchesSchema(z.object({ city: z.string(), population: z.number() })), jsonTrace, true],
      [codeEvaluators.matchesSchema(z.object({ country: z.string() })), jsonTrace, false],
      [codeEvaluators.contains("capital"), textTrace, true],
      [codeEvaluators.regex(/^Paris/), textTrace, true],
      [codeEvaluators.outputLength({ max: 10 }), textTrace, false],
      [codeEvaluators.toolCallsSucceeded(), textTrace, true],
      [codeEvaluators.latencyUnder(60_000), textTrace, true],
      [codeEvaluators.custom("word-count", ({ outputText }) => ({ value: outputText.split(" ").length })), textTrace, 4],
    ] as const;
    for (const [evaluator, traceId, expected] of cases) {
      const outcome = await loupe.evaluations.evaluate(evaluator, traceId);
      expect(outcome, evaluator.name).toMatchObject({ status: "scored", result: { value: expected } });
    }
    await loupe.flush();
    expect((await loupe.query.trace(textTrace))!.scores.find((s) => s.name === "word-count")).toMatchObject({ dataType: "NUMERIC", value: 4 });
    expect((await loupe.query.trace(textTrace))!.scores.find((s) => s.name === "contains")).toMatchObject({ dataType: "BOOLEAN", value: 1 });
  });
});

describe("online evaluation", () => {
  it("samples 30% of 1,000 traces reproducibly", () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `trace-${i}`);
    const pick = () => ids.filter((id) => EvaluationRunner.sampled("helpfulness-judge", id, 0.3));
    const first = pick();
    expect(Math.abs(first.length - 300)).toBeLessThanOrEqual(25);
    expect(pick()).toEqual(first);
  });

  it("judges the sampled, matching traces in the background off the request path, within the cost cap", async () => {
    loupe = createLoupe({ store: await tempSqliteStore(), registerTelemetry: false, evaluation: { concurrency: 3, maxCostPerDayUsd: 1 } });
    const judge = createJudge({ name: "bg-judge", model: judgeModel(...Array(60).fill(JSON.stringify({ rationale: "ok", score: 4 }))), rubric: "helpfulness" });
    loupe.evaluations.add({ evaluator: judge, samplingRate: 0.5, filter: { names: ["chat"] } });
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push(await appTrace(loupe, `answer ${i}`));
    const other = await appTrace(loupe, "not judged", "ada", "background-job");
    await loupe.evaluations.idle();
    await loupe.flush();
    const expected = ids.filter((id) => EvaluationRunner.sampled("bg-judge", id, 0.5));
    expect(expected.length).toBeGreaterThan(5);
    for (const id of ids) {
      const scores = (await loupe.query.trace(id))!.scores;
      expect(scores.length, id).toBe(expected.includes(id) ? 1 : 0);
    }
    expect((await loupe.query.trace(other))!.scores).toEqual([]);
    expect(loupe.evaluations.stats()).toMatchObject({ scored: expected.length, errors: 0, queued: 0, running: 0 });

    // A backfill over the same traces at rate 1 judges the rest; then a tiny budget stops judging.
    const backfill = await loupe.evaluations.backfill({ evaluator: judge, filter: { names: ["chat"] }, limit: 5 });
    expect(backfill.scored).toBe(5);
    const capped = createLoupe({ store: await loupe.store(), registerTelemetry: false, evaluation: { maxCostPerDayUsd: 0.0000001 } });
    const outcome = await capped.evaluations.evaluate(judge, ids[0]);
    expect(outcome).toMatchObject({ status: "skipped" });
    await capped.shutdown();
  });
});

describe("judge-vs-human agreement", () => {
  it("computes the agreement rate and Cohen's kappa per judge from traces that have both", async () => {
    loupe = createLoupe({ store: await tempSqliteStore(), registerTelemetry: false });
    // judge good/human good ×4, judge good/human bad ×1, judge bad/human good ×1, both bad ×4.
    const pairs: [number, boolean][] = [[5, true], [4, true], [5, true], [4, true], [5, false], [2, true], [1, false], [2, false], [1, false], [3, false]];
    for (const [i, [judgeScore, thumbsUp]] of pairs.entries()) {
      const traceId = `agree-${i}`;
      loupe.score({ traceId, name: "helpfulness", value: judgeScore, source: "EVAL", evaluatorId: "judge-a" });
      loupe.score({ traceId, name: "user-feedback", value: thumbsUp, source: "FEEDBACK" });
    }
    loupe.score({ traceId: "judge-only", name: "helpfulness", value: 5, source: "EVAL", evaluatorId: "judge-a" });
    await loupe.flush();
    const [result] = await loupe.agreement({ judgeScoreName: "helpfulness", threshold: 4 });
    // p_o = 8/10; p_e = 0.5·0.5 + 0.5·0.5 = 0.5; kappa = (0.8 − 0.5)/(1 − 0.5) = 0.6.
    expect(result).toMatchObject({ evaluatorId: "judge-a", pairs: 10, agreementRate: 0.8, matrix: { bothGood: 4, judgeGoodHumanBad: 1, judgeBadHumanGood: 1, bothBad: 4 } });
    expect(result.kappa).toBeCloseTo(0.6, 10);
    expect(cohensKappa({ bothGood: 0, judgeGoodHumanBad: 0, judgeBadHumanGood: 0, bothBad: 0 })).toBeNull();
  });
});
