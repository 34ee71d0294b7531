import { wrapLanguageModel } from "ai";
import { chatHandler } from "../../../../lib/chat-handler";
import { flushAfterResponse, loupe } from "../../../../lib/loupe";
import { scriptedModel } from "../../../../lib/scripted-model";

export const dynamic = "force-dynamic";

/** README step 3: wrap the model once. */
const model = wrapLanguageModel({ model: scriptedModel(), middleware: loupe.middleware() });

/**
 * The chat observed by Loupe as README step 4 sets it up: one trace per request with the
 * user and the conversation, the records flushed after the response. Agent and step records
 * come from Loupe's globally registered telemetry (no per-call integrations here).
 */
export const POST = chatHandler({
  model,
  around: (chat, respond) =>
    loupe.withTrace({ name: "chat", userId: chat.userId, sessionId: chat.sessionId, tags: ["chat"] }, async () => {
      const response = respond();
      await flushAfterResponse(loupe); // write the records after the response, even on serverless
      return response;
    }),
});
