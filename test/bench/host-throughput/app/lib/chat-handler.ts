import { streamText, type LanguageModel, type ModelMessage, type TelemetryOptions } from "ai";

/** What the load script posts: a chat app re-sending its context and recent turns. */
export interface ChatRequest {
  system: string;
  messages: ModelMessage[];
  userId: string;
  sessionId: string;
}

/** How one variant observes the call: its model, extra streamText options, and a wrapper. */
export interface ChatVariant {
  model: LanguageModel;
  /** Extra streamText options for this request. */
  options?: (chat: ChatRequest) => { telemetry?: TelemetryOptions; runtimeContext?: Record<string, string> };
  /** Runs the call inside the variant's context (Loupe's withTrace); default: just runs it. */
  around?: (chat: ChatRequest, respond: () => Response) => Promise<Response>;
}

/** Minimal shape check (the same for every variant): null when the body is not a chat. */
function parseChat(body: unknown): ChatRequest | null {
  const b = body as Partial<ChatRequest> | null;
  if (!b || typeof b.system !== "string" || typeof b.userId !== "string" || typeof b.sessionId !== "string") return null;
  if (!Array.isArray(b.messages) || b.messages.length === 0) return null;
  return b as ChatRequest;
}

/**
 * The one chat route implementation: parse the JSON body, `streamText` over the scripted
 * model and answer with `toTextStreamResponse()`. Each variant's route file only says how
 * the call is observed.
 */
export function chatHandler(variant: ChatVariant): (request: Request) => Promise<Response> {
  return async (request) => {
    const chat = parseChat(await request.json().catch(() => null));
    if (!chat) return Response.json({ error: "Invalid chat request." }, { status: 400 });
    const respond = () =>
      streamText({ model: variant.model, instructions: chat.system, messages: chat.messages, ...variant.options?.(chat) }).toTextStreamResponse();
    return variant.around ? variant.around(chat, respond) : respond();
  };
}
