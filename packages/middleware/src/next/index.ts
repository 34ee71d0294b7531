/**
 * The thin Next.js shell (`@loupe/middleware/next`): `flushAfterResponse(loupe)`
 * schedules a flush with Next's `after()` so serverless functions write their records
 * before they freeze, plus the framework-free route handlers of `http/`.
 */

/**
 * Call inside a route handler or server action: flushes Loupe's queue after the
 * response is sent (Next.js `after()`), so nothing is lost when the function freezes.
 */
export async function flushAfterResponse(loupe: { flush(): Promise<unknown> }): Promise<void> {
  try {
    const server = (await import(/* webpackIgnore: true */ "next/server" as string)) as { after?: (task: () => unknown) => void };
    if (typeof server.after !== "function") throw new Error("next/server has no after()");
    server.after(() => loupe.flush());
  } catch {
    // Outside a Next.js request (scripts, tests) or without Next: flush in the background.
    void loupe.flush();
  }
}

export { createHandlers, type RouteHandler } from "../http/handlers.js";
export { signFeedbackToken, verifyFeedbackToken, type FeedbackClaims } from "../http/feedback-token.js";
export { FEEDBACK_SCORE_NAME, feedbackScoreId } from "../http/feedback-route.js";
