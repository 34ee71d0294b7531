import { z } from "zod";
import type { ScoreRow } from "../domain/rows.js";
import type { TraceStore } from "../store/trace-store.js";
import { verifyFeedbackToken, type TokenProblem } from "./feedback-token.js";
import { clientAddress, json, problem, readJson } from "./http.js";
import type { RateLimiter } from "./rate-limiter.js";

/** The score name end-user thumbs are stored under. */
export const FEEDBACK_SCORE_NAME = "user-feedback";

/** Body of `POST …/feedback`. */
export const FeedbackBody = z.object({
  token: z.string().min(1).max(2_000),
  /** 1 / true = thumbs up, 0 / false = thumbs down. */
  value: z.union([z.literal(1), z.literal(0), z.boolean()]),
  comment: z.string().trim().max(2_000).optional(),
  /** When given, must be the token's trace. */
  traceId: z.string().max(200).optional(),
});

const TOKEN_MESSAGES: Record<TokenProblem, [number, string]> = {
  malformed: [400, "The feedback token is malformed: send the token issued with the answer."],
  forged: [403, "The feedback token's signature is not valid."],
  expired: [401, "The feedback token has expired: reload the answer to get a new one."],
};

/** The id of a user's vote on a trace: one vote per user per trace, a new vote replaces it. */
export function feedbackScoreId(traceId: string, userId: string): string {
  return `feedback:${traceId}:${userId}`;
}

/** What the feedback routes need from Loupe. */
export interface FeedbackDeps {
  secret: () => string;
  store: () => Promise<TraceStore>;
  enqueueScore: (row: ScoreRow) => void;
  limiter: RateLimiter;
  now: () => number;
}

/** `POST …/feedback`: records a thumbs up/down (and comment) for the token's trace and user. */
export async function postFeedback(request: Request, deps: FeedbackDeps): Promise<Response> {
  const body = await readJson(request, 16_384);
  if (!body.ok) return problem(body.status, body.message);
  const parsed = FeedbackBody.safeParse(body.value);
  if (!parsed.success) {
    return problem(400, `Invalid feedback: ${parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ")}`);
  }
  const check = verifyFeedbackToken(deps.secret(), parsed.data.token, deps.now());
  if (!check.ok) {
    const [status, message] = TOKEN_MESSAGES[check.problem];
    return problem(status, message);
  }
  const { traceId, userId } = check.claims;
  if (parsed.data.traceId !== undefined && parsed.data.traceId !== traceId) {
    return problem(403, "This token was issued for another trace.");
  }
  const wait = deps.limiter.hit(`${clientAddress(request)}|${userId}`);
  if (wait > 0) return problem(429, `Too many votes: try again in ${wait} s.`, { "retry-after": String(wait) });
  const value = parsed.data.value === true || parsed.data.value === 1 ? 1 : 0;
  deps.enqueueScore({
    id: feedbackScoreId(traceId, userId),
    traceId,
    name: FEEDBACK_SCORE_NAME,
    dataType: "BOOLEAN",
    value,
    stringValue: value ? "up" : "down",
    comment: parsed.data.comment || null,
    source: "FEEDBACK",
    authorId: userId,
    timestamp: new Date(deps.now()),
  });
  return json({ ok: true, traceId, value, comment: parsed.data.comment || null }, 202);
}

/** `GET …/feedback?token=`: the token holder's current vote on its trace. */
export async function getFeedback(request: Request, deps: FeedbackDeps): Promise<Response> {
  const token = new URL(request.url).searchParams.get("token");
  const check = verifyFeedbackToken(deps.secret(), token, deps.now());
  if (!check.ok) {
    const [status, message] = TOKEN_MESSAGES[check.problem];
    return problem(status, message);
  }
  const store = await deps.store();
  const score = await store.getScore(feedbackScoreId(check.claims.traceId, check.claims.userId));
  return json({ traceId: check.claims.traceId, value: score?.value ?? null, comment: score?.comment ?? null });
}
