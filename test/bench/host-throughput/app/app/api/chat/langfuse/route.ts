import { chatHandler } from "../../../../lib/chat-handler";
import { langfuse } from "../../../../lib/langfuse";
import { scriptedModel } from "../../../../lib/scripted-model";

export const dynamic = "force-dynamic";

/** The chat observed by `@ai-sdk/otel` → LangfuseSpanProcessor, with the user and session on the spans. */
export const POST = chatHandler({
  model: scriptedModel(),
  options: (chat) => ({
    runtimeContext: { userId: chat.userId, sessionId: chat.sessionId },
    telemetry: { integrations: [langfuse.telemetry], functionId: "chat", includeRuntimeContext: { userId: true, sessionId: true } },
  }),
});
