// app/api/chat/route.ts — one trace per request, with the user and the conversation.
import { flushAfterResponse } from "@loupe/middleware/next";
import { convertToModelMessages, streamText, type UIMessage } from "ai";
import { loupe } from "./loupe";
import { model } from "./model";

export async function POST(request: Request) {
  const { messages, conversationId, userId }: { messages: UIMessage[]; conversationId: string; userId: string } =
    await request.json();
  return loupe.withTrace({ name: "chat", userId, sessionId: conversationId, tags: ["chat"] }, async () => {
    const traceId = loupe.currentTraceId()!;
    const result = streamText({ model, messages: await convertToModelMessages(messages) });
    await flushAfterResponse(loupe); // serverless: write the records right after the response (next start: batched)
    return result.toUIMessageStreamResponse({
      // The browser gets what it needs to rate this answer: a token for this trace and user only.
      messageMetadata: () => ({ traceId, feedbackToken: loupe.feedbackToken({ traceId, userId }) }),
    });
  });
}
