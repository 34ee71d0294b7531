"use client";

import { getToolName, isReasoningUIPart, isTextUIPart, isToolUIPart } from "ai";
import type { ChatMessage } from "@/lib/chat-types";
import { FeedbackSlot } from "./feedback-slot";
import { ToolCallCard } from "./tool-call-card";

/**
 * One chat message. Text is rendered as plain text (React escapes it): model output is
 * never interpreted as HTML.
 */
export function MessageView({ message, streaming }: { message: ChatMessage; streaming: boolean }) {
  if (message.role === "user") {
    return (
      <div className="flex justify-end" data-testid="user-message">
        <div className="max-w-[80%] whitespace-pre-wrap rounded-2xl bg-zinc-900 px-4 py-2 text-white">
          {message.parts.map((p, i) => (isTextUIPart(p) ? <span key={i}>{p.text}</span> : null))}
        </div>
      </div>
    );
  }
  const { traceId, feedbackToken, model, totalTokens } = message.metadata ?? {};
  return (
    <div className="space-y-2" data-testid="assistant-message" data-trace-id={traceId ?? ""} data-streaming={streaming ? "true" : "false"}>
      {message.parts.map((part, i) => {
        if (isTextUIPart(part)) {
          return (
            <div key={i} className="whitespace-pre-wrap rounded-2xl bg-white px-4 py-2 shadow-sm" data-testid="assistant-text">
              {part.text}
            </div>
          );
        }
        if (isReasoningUIPart(part)) {
          return (
            <details key={i} className="text-sm text-zinc-500">
              <summary className="cursor-pointer">Reasoning</summary>
              <p className="whitespace-pre-wrap pl-4">{part.text}</p>
            </details>
          );
        }
        if (isToolUIPart(part)) return <ToolCallCard key={part.toolCallId} name={getToolName(part)} part={part} />;
        return null;
      })}
      {!streaming && (
        <div className="flex flex-wrap items-center gap-3 text-xs text-zinc-500">
          {model && <span>{model}</span>}
          {totalTokens !== undefined && <span>{totalTokens} tokens</span>}
          {traceId && <span data-testid="trace-id">trace {traceId.slice(0, 8)}</span>}
          {traceId && feedbackToken && <FeedbackSlot traceId={traceId} token={feedbackToken} />}
        </div>
      )}
    </div>
  );
}
