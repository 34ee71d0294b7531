import type { LanguageModelV4 } from "@ai-sdk/provider";
import type { Pace } from "../../lib/scripted-model";

/**
 * A scripted LLM judge: answers `{"score": s, "reason": …}` for the score the seed chose,
 * with judge-sized usage, under the gpt-4o-mini id.
 */
export function createJudgeModel(pace: Pace, verdict: () => { score: number; reason: string }): LanguageModelV4 {
  return {
    specificationVersion: "v4",
    provider: "openai.chat",
    modelId: "gpt-4o-mini",
    supportedUrls: {},
    async doGenerate(options) {
      const { score, reason } = verdict();
      const text = JSON.stringify({ score, reason });
      const input = Math.ceil(JSON.stringify(options.prompt).length / 4);
      await pace.wait(450 + (input % 400));
      return {
        content: [{ type: "text", text }],
        finishReason: { unified: "stop", raw: "stop" },
        usage: { inputTokens: { total: input, noCache: input, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: Math.ceil(text.length / 4), text: Math.ceil(text.length / 4), reasoning: 0 } },
        warnings: [],
      };
    },
    async doStream() {
      throw new Error("The judge model only generates.");
    },
  };
}
