import { anthropic } from "@ai-sdk/anthropic";
import { openai } from "@ai-sdk/openai";
import type { LanguageModelV4 } from "@ai-sdk/provider";
import { wrapLanguageModel } from "ai";
import { loupe } from "./loupe";
import { availableModels, SCRIPTED_MODEL_ID } from "./model-options";
import { createScriptedModel } from "./scripted-model";

function baseModel(id: string): LanguageModelV4 {
  const [provider, modelId] = id.split(/:(.*)/s);
  if (provider === "openai") return openai.chat(modelId);
  if (provider === "anthropic") return anthropic.messages(modelId);
  return createScriptedModel();
}

/**
 * The chat model for a picker id, wrapped with Loupe's middleware exactly like a real
 * provider would be. Unknown or unavailable ids fall back to the scripted model.
 */
export function chatModel(id: string | undefined): { id: string; model: LanguageModelV4 } {
  const chosen = availableModels().find((m) => m.id === id)?.id ?? SCRIPTED_MODEL_ID;
  return { id: chosen, model: wrapLanguageModel({ model: baseModel(chosen), middleware: loupe.middleware() }) };
}
