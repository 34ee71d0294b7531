/** A model the chat's picker offers. */
export interface ModelOption {
  id: string;
  label: string;
}

/** The scripted model: always available, needs no key. */
export const SCRIPTED_MODEL_ID = "scripted:gpt-4o-mini";

/**
 * The models the picker offers: the scripted one, plus OpenAI / Anthropic models when
 * OPENAI_API_KEY / ANTHROPIC_API_KEY is set. Server-only (reads the environment).
 */
export function availableModels(): ModelOption[] {
  const options: ModelOption[] = [{ id: SCRIPTED_MODEL_ID, label: "Scripted model (reports as gpt-4o-mini, no key)" }];
  if (process.env.OPENAI_API_KEY) {
    options.push({ id: "openai:gpt-4o-mini", label: "OpenAI gpt-4o-mini" }, { id: "openai:gpt-4o", label: "OpenAI gpt-4o" });
  }
  if (process.env.ANTHROPIC_API_KEY) {
    options.push({ id: "anthropic:claude-sonnet-4-5", label: "Anthropic claude-sonnet-4-5" }, { id: "anthropic:claude-haiku-4-5", label: "Anthropic claude-haiku-4-5" });
  }
  return options;
}
