// components/answer-feedback.tsx — thumbs up/down under an answer.
"use client";
import { LoupeFeedback } from "@loupe/ui/feedback";

export function AnswerFeedback({ traceId, token }: { traceId: string; token: string }) {
  return <LoupeFeedback traceId={traceId} token={token} />;
}
