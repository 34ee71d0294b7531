/** One displayable part of a chat message. */
export type ChatPart =
  | { type: "text"; text: string }
  | { type: "reasoning"; text: string }
  | { type: "tool-call"; toolName: string; input: unknown }
  | { type: "tool-result"; toolName: string; output: unknown }
  | { type: "file"; mediaType: string }
  | { type: "other"; value: unknown };

/** A chat message with its role and parts. */
export interface ChatMessage {
  role: string;
  parts: ChatPart[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Tool-call inputs arrive as JSON text from providers: parse when it is JSON. */
function maybeJson(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Normalises one content part of the AI SDK prompt/result format. */
export function toChatPart(part: unknown): ChatPart {
  if (typeof part === "string") return { type: "text", text: part };
  if (!isObj(part)) return { type: "other", value: part };
  switch (part.type) {
    case "text":
      return { type: "text", text: String(part.text ?? "") };
    case "reasoning":
      return { type: "reasoning", text: String(part.text ?? "") };
    case "tool-call":
      return { type: "tool-call", toolName: String(part.toolName ?? "tool"), input: maybeJson(part.input ?? part.args) };
    case "tool-result": {
      const output = isObj(part.output) && "value" in part.output && "type" in part.output ? part.output.value : (part.output ?? part.result);
      return { type: "tool-result", toolName: String(part.toolName ?? "tool"), output };
    }
    case "file":
    case "image":
      return { type: "file", mediaType: String(part.mediaType ?? part.mimeType ?? part.type) };
    default:
      return { type: "other", value: part };
  }
}

function toParts(content: unknown): ChatPart[] {
  if (Array.isArray(content)) return content.map(toChatPart);
  if (content === null || content === undefined) return [];
  return [toChatPart(content)];
}

/**
 * Reads a generation's input (the AI SDK prompt: `[{ role, content }]`, or a
 * `{ prompt | messages }` wrapper, or plain text) as chat messages; null when the
 * value is not chat-shaped (show it as JSON instead).
 */
export function toChatMessages(value: unknown): ChatMessage[] | null {
  if (typeof value === "string") return [{ role: "user", parts: [{ type: "text", text: value }] }];
  if (isObj(value)) {
    const inner = value.prompt ?? value.messages;
    if (inner !== undefined) return toChatMessages(inner);
    return null;
  }
  if (!Array.isArray(value) || value.length === 0) return null;
  if (!value.every((m) => isObj(m) && typeof m.role === "string")) return null;
  return value.map((m) => ({ role: String((m as Obj).role), parts: toParts((m as Obj).content) }));
}

/**
 * Reads a generation's output (an array of content parts, a `{ content }` / `{ text }`
 * object, or text) as one assistant message; null when it is not recognisable.
 */
export function toAssistantMessage(value: unknown): ChatMessage | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return { role: "assistant", parts: [{ type: "text", text: value }] };
  if (Array.isArray(value)) return { role: "assistant", parts: value.map(toChatPart) };
  if (isObj(value)) {
    if (Array.isArray(value.content)) return { role: "assistant", parts: value.content.map(toChatPart) };
    if (typeof value.text === "string") return { role: "assistant", parts: [{ type: "text", text: value.text }] };
  }
  return null;
}
