import { chatHandler } from "../../../../lib/chat-handler";
import { scriptedModel } from "../../../../lib/scripted-model";

export const dynamic = "force-dynamic";

/**
 * The chat with no observability. `integrations: []` stands for an app that registered no
 * telemetry (it keeps Loupe's globally registered integration, loaded by the loupe route in
 * the same process, out of this call).
 */
export const POST = chatHandler({ model: scriptedModel(), options: () => ({ telemetry: { integrations: [] } }) });
