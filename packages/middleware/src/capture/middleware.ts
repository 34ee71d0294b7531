import type { LanguageModelV4Middleware } from "@ai-sdk/provider";
import { Generation, type CallParamsRef, type GenerationOutcome } from "./generation.js";
import type { Recorder } from "./recorder.js";
import { tapStream } from "./stream-tap.js";
import { withActiveSpan } from "../otel/genai-spans.js";
import { LoupeBudgetExceededError } from "../errors/loupe-budget-exceeded-error.js";
import { currentContext } from "./trace-context.js";

/**
 * The AI SDK language-model middleware: records every generate and stream call of the
 * wrapped model as a GENERATION under the active trace (or a trace of its own), and
 * hands the host the provider's result and errors unchanged.
 */
export function createLoupeMiddleware(recorder: Recorder): LanguageModelV4Middleware {
  const now = recorder.settings.now;
  const safeStart = (model: { provider: string; modelId: string }, params: unknown, operation: "generate" | "stream") => {
    try {
      return Generation.start(recorder, model, params as CallParamsRef, operation);
    } catch (error) {
      recorder.settings.onInternalError(error);
      return undefined;
    }
  };
  // The one deliberate throw: a host that set a per-user budget asked for over-budget calls to be refused.
  const enforceBudget = () => {
    const budget = recorder.settings.budget;
    if (!budget) return;
    try {
      budget.enforce(currentContext()?.trace.attributes.userId);
    } catch (error) {
      if (LoupeBudgetExceededError.isInstance(error)) throw error;
      recorder.settings.onInternalError(error);
    }
  };
  const safe = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      recorder.settings.onInternalError(error);
    }
  };

  return {
    specificationVersion: "v4",
    async wrapGenerate({ doGenerate, params, model }) {
      enforceBudget();
      const generation = safeStart(model, params, "generate");
      if (!generation) return doGenerate();
      let result: Awaited<ReturnType<typeof doGenerate>>;
      try {
        result = await withActiveSpan(generation.span, doGenerate);
      } catch (error) {
        safe(() => generation.fail(error));
        throw error;
      }
      safe(() =>
        generation.finish({
          content: result.content,
          usage: result.usage,
          finishReason: result.finishReason,
          providerMetadata: result.providerMetadata as GenerationOutcome["providerMetadata"],
          responseModelId: result.response?.modelId,
          responseId: result.response?.id,
        }),
      );
      return result;
    },
    async wrapStream({ doStream, params, model }) {
      enforceBudget();
      const generation = safeStart(model, params, "stream");
      if (!generation) return doStream();
      let result: Awaited<ReturnType<typeof doStream>>;
      try {
        result = await withActiveSpan(generation.span, doStream);
      } catch (error) {
        safe(() => generation.fail(error));
        throw error;
      }
      try {
        return { ...result, stream: tapStream(result.stream, generation, now, generation.recordsOutputs) };
      } catch (error) {
        recorder.settings.onInternalError(error);
        return result;
      }
    },
  };
}
