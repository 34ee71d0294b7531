/**
 * The thin Next.js shell (`@loupe/middleware/next`): `flushAfterResponse(loupe)`
 * schedules a flush with Next's `after()` so serverless functions write their records
 * before they freeze, plus the framework-free route handlers of `http/`.
 */

/**
 * True on platforms that freeze, throttle or end a function once its response is sent
 * (Vercel, AWS Lambda, Netlify, Google Cloud Functions and Cloud Run, Azure Functions):
 * there Loupe's background writer may not get to run, so records are written right
 * after each response. On a long-running server (`next start`, a container) the writer
 * thread batches on its own and writes what is pending on SIGTERM and exit.
 */
export function isServerlessPlatform(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.VERCEL || env.AWS_LAMBDA_FUNCTION_NAME || env.NETLIFY || env.FUNCTION_TARGET || env.K_SERVICE || env.FUNCTIONS_WORKER_RUNTIME);
}

/**
 * Call inside a route handler or server action: on a serverless platform (see
 * {@link isServerlessPlatform}) flushes Loupe's queue after the response is sent
 * (Next.js `after()`), so nothing is lost when the function freezes. On a long-running
 * server it does nothing — a flush per response would turn batched writes into one
 * write per request — unless `always` is set.
 */
export async function flushAfterResponse(loupe: { flush(): Promise<unknown> }, options: { always?: boolean } = {}): Promise<void> {
  if (!options.always && !isServerlessPlatform()) return;
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
