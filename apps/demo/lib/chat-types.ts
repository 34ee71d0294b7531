import type { InferUITools, UIDataTypes, UIMessage } from "ai";
import type { DemoTools } from "./tools";

/** Metadata the chat route attaches to each assistant message. */
export interface ChatMetadata {
  /** Loupe's trace of this answer. */
  traceId?: string;
  /** Signed token that lets this user rate this answer (LoupeFeedback). */
  feedbackToken?: string;
  /** Picker id of the model that answered. */
  model?: string;
  /** Tokens used by the whole answer (all steps), sent when it finishes. */
  totalTokens?: number;
}

/** The chat's UI message type: typed tools and metadata. */
export type ChatMessage = UIMessage<ChatMetadata, UIDataTypes, InferUITools<DemoTools>>;
