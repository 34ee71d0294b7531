import type { TokenUsage } from "../domain/rows.js";

/** Provider-level usage as a LanguageModelV4 reports it (every field may be missing). */
export interface ProviderUsage {
  inputTokens?: { total?: number; noCache?: number; cacheRead?: number; cacheWrite?: number };
  outputTokens?: { total?: number; text?: number; reasoning?: number };
}

/**
 * Maps provider usage to Loupe's columns without double counting: `inputTokens` already
 * includes cached reads/writes and `outputTokens` already includes reasoning.
 */
export function fromProviderUsage(usage: ProviderUsage | undefined): TokenUsage | undefined {
  if (!usage) return undefined;
  const input = usage.inputTokens ?? {};
  const output = usage.outputTokens ?? {};
  const inputTokens =
    input.total ?? (input.noCache !== undefined ? input.noCache + (input.cacheRead ?? 0) + (input.cacheWrite ?? 0) : undefined);
  const outputTokens = output.total ?? (output.text !== undefined ? output.text + (output.reasoning ?? 0) : undefined);
  return {
    inputTokens: inputTokens ?? null,
    cacheReadTokens: input.cacheRead ?? null,
    cacheWriteTokens: input.cacheWrite ?? null,
    outputTokens: outputTokens ?? null,
    reasoningTokens: output.reasoning ?? null,
    totalTokens: inputTokens === undefined && outputTokens === undefined ? null : (inputTokens ?? 0) + (outputTokens ?? 0),
  };
}
