"use client";

import { LoupeFeedback } from "@loupe/ui/feedback";

/** Thumbs up/down (and a comment on thumbs down) under an answer, sent to Loupe's feedback route. */
export function FeedbackSlot({ traceId, token }: { traceId: string; token: string }) {
  return (
    <span data-testid="feedback" data-trace-id={traceId}>
      <LoupeFeedback traceId={traceId} token={token} apiBasePath="/api/loupe" />
    </span>
  );
}
