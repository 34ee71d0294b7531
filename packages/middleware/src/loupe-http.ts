import { createHandlers, type RouteHandler } from "./http/handlers.js";
import { resolveSecret, signFeedbackToken } from "./http/feedback-token.js";
import { RateLimiter } from "./http/rate-limiter.js";
import type { ResolvedOptions } from "./options.js";
import type { LoupeRuntime } from "./runtime.js";

/** What a Loupe instance offers over HTTP: the authorize check, the data routes and feedback tokens. */
export interface LoupeHttp {
  authorize(request: Request): Promise<boolean>;
  handlers: { GET: RouteHandler; POST: RouteHandler };
  feedbackToken(claims: { traceId: string; userId: string }): string;
}

/** Attaches HTTP to a runtime: the host's `authorize` (never throws; no authorize → false), the routes, tokens. */
export function attachHttp(runtime: LoupeRuntime, resolved: ResolvedOptions): LoupeHttp {
  const { options, now } = resolved;
  const secret = () => resolveSecret(resolved.feedbackSecret, (message) => console.warn(`[loupe] ${message}`));
  const authorize = async (request: Request) => {
    if (!options.authorize) return false;
    try {
      return (await options.authorize(request)) === true;
    } catch (error) {
      runtime.onInternalError(error);
      return false;
    }
  };
  const handlers = createHandlers({
    authorize,
    score: runtime.score,
    store: runtime.store,
    secret,
    now,
    apiBasePath: options.apiBasePath ?? "/api/loupe",
    enqueueScore: (row) => runtime.recorder.push({ kind: "score", row }),
    otlpKeys: resolved.otlpKeys,
    environment: runtime.recorder.environment,
    ingest: async (events) => (await runtime.store()).write(runtime.toBatch(events)),
    limiter: new RateLimiter({ limit: options.feedbackRateLimitPerMinute ?? 30, windowMs: 60_000, now }),
    onInternalError: runtime.onInternalError,
  });
  const ttl = options.feedbackTokenTtlSeconds ?? 7 * 86_400;
  return { authorize, handlers, feedbackToken: (claims) => signFeedbackToken(secret(), claims, ttl, now()) };
}
