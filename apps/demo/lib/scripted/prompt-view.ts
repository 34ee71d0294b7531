import type { LanguageModelV4Prompt, LanguageModelV4ToolResultOutput } from "@ai-sdk/provider";

/** A tool result the model sees since the user's last message. */
export interface SeenToolResult {
  toolName: string;
  input: unknown;
  ok: boolean;
  /** The JSON value on success, the error message on failure. */
  value: unknown;
}

/** What the scripted model reads from a prompt. */
export interface PromptView {
  /** Text of the last user message. */
  userText: string;
  /** Assistant turns with tool calls since that message (= tool steps already taken). */
  toolSteps: number;
  results: SeenToolResult[];
  /** The prompt without the messages of the current turn's last step (what a provider caches). */
  previousStepPrompt: LanguageModelV4Prompt | undefined;
}

function outputValue(output: LanguageModelV4ToolResultOutput): { ok: boolean; value: unknown } {
  switch (output.type) {
    case "json":
    case "text":
      return { ok: true, value: output.value };
    case "error-text":
    case "error-json":
      return { ok: false, value: output.value };
    default:
      return { ok: false, value: "the tool returned nothing usable" };
  }
}

/** Reads the last user message, and the tool calls and results that followed it. */
export function viewPrompt(prompt: LanguageModelV4Prompt): PromptView {
  let lastUser = -1;
  prompt.forEach((m, i) => {
    if (m.role === "user") lastUser = i;
  });
  const user = prompt[lastUser];
  const userText =
    user?.role === "user" ? user.content.map((p) => (p.type === "text" ? p.text : "")).join(" ").trim() : "";
  const inputs = new Map<string, unknown>();
  const results: SeenToolResult[] = [];
  let toolSteps = 0;
  let lastAssistant = -1;
  prompt.slice(lastUser + 1).forEach((m, offset) => {
    if (m.role === "assistant") {
      const calls = m.content.filter((p) => p.type === "tool-call");
      if (calls.length) {
        toolSteps += 1;
        lastAssistant = lastUser + 1 + offset;
      }
      for (const call of calls) {
        if (call.type !== "tool-call") continue;
        let input: unknown = call.input;
        try {
          input = typeof call.input === "string" ? JSON.parse(call.input) : call.input;
        } catch {
          /* keep the raw string */
        }
        inputs.set(call.toolCallId, input);
      }
    }
    if (m.role === "tool") {
      for (const part of m.content) {
        if (part.type !== "tool-result") continue;
        results.push({ toolName: part.toolName, input: inputs.get(part.toolCallId), ...outputValue(part.output) });
      }
    }
  });
  return { userText, toolSteps, results, previousStepPrompt: lastAssistant > 0 ? prompt.slice(0, lastAssistant) : undefined };
}
