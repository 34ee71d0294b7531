"use client";

/**
 * Thumbs up/down under an answer.
 * PLACEHOLDER until @loupe/ui/feedback is built: then this renders
 * `<LoupeFeedback traceId={traceId} token={token} apiBasePath="/api/loupe" />`.
 */
export function FeedbackSlot({ traceId, token }: { traceId: string; token: string }) {
  return <span data-testid="feedback-placeholder" data-trace-id={traceId} data-token-length={token.length} />;
}
