import { convertToModelMessages, stepCountIs, streamText } from "ai";
import { z } from "zod";
import type { ChatMessage } from "@/lib/chat-types";
import { loupe } from "@/lib/loupe";
import { chatModel } from "@/lib/models";
import { userFromRequest } from "@/lib/session-cookie";
import { SYSTEM_PROMPT } from "@/lib/system-prompt";
import { demoTools } from "@/lib/tools";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

const Body = z.object({
  /** The chat id from useChat: the conversation, recorded as Loupe's session. */
  id: z.string().regex(/^[\w-]{6,64}$/),
  messages: z.array(z.unknown()).min(1).max(200),
  model: z.string().max(100).optional(),
});

/**
 * The chat: a streamed tool loop (up to 5 steps) recorded by Loupe as one trace per answer,
 * with the user and the conversation attached. The trace id and a feedback token travel
 * to the client as message metadata, for the thumbs under the answer.
 */
export async function POST(request: Request): Promise<Response> {
  const user = userFromRequest(request);
  if (!user) return Response.json({ error: "Sign in first." }, { status: 401 });
  const parsed = Body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "Invalid chat request." }, { status: 400 });
  const messages = parsed.data.messages as ChatMessage[];
  const { id: modelId, model } = chatModel(parsed.data.model);
  const lastUser = [...messages].reverse().find((m) => m.role === "user");
  const question = lastUser?.parts.map((p) => (p.type === "text" ? p.text : "")).join(" ") ?? "";

  const response = Promise.withResolvers<Response>();
  // The trace lasts until the answer has finished streaming, not just until the response starts.
  const traced = loupe.withTrace(
    {
      name: "chat",
      userId: user.id,
      sessionId: parsed.data.id,
      tags: ["demo", modelId.split(":")[0]],
      metadata: { model: modelId, messages: messages.length, userAgent: request.headers.get("user-agent")?.slice(0, 200) },
      input: question,
    },
    async () => {
      const traceId = loupe.currentTraceId()!;
      const feedbackToken = loupe.feedbackToken({ traceId, userId: user.id });
      const result = streamText({
        model,
        system: SYSTEM_PROMPT,
        messages: await convertToModelMessages(messages, { tools: demoTools }),
        tools: demoTools,
        stopWhen: stepCountIs(5),
        abortSignal: request.signal,
        telemetry: { functionId: "chat-agent" },
      });
      response.resolve(
        result.toUIMessageStreamResponse<ChatMessage>({
          originalMessages: messages,
          messageMetadata: ({ part }) => {
            if (part.type === "start") return { traceId, feedbackToken, model: modelId };
            if (part.type === "finish") return { traceId, feedbackToken, model: modelId, totalTokens: part.totalUsage.totalTokens };
            return undefined;
          },
          onError: (error) => (error instanceof Error ? error.message : "The model failed."),
        }),
      );
      return await result.text;
    },
  );
  traced.catch((error: unknown) => response.reject(error));
  return response.promise;
}
