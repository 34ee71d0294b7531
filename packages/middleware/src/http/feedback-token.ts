import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** What a feedback token grants: a vote on one trace by one user, until it expires. */
export interface FeedbackClaims {
  traceId: string;
  userId: string;
  /** Expiry, epoch seconds. */
  expiresAt: number;
}

/** Why a token was refused (the endpoint turns these into 4xx answers). */
export type TokenProblem = "malformed" | "forged" | "expired";

/** Result of {@link verifyFeedbackToken}. */
export type TokenCheck = { ok: true; claims: FeedbackClaims } | { ok: false; problem: TokenProblem };

const VERSION = "v1";

function sign(secret: string, payload: string): Buffer {
  return createHmac("sha256", secret).update(`${VERSION}.${payload}`).digest();
}

/**
 * Issues a signed, expiring token that lets `userId` rate `traceId` (HMAC-SHA256 over
 * the trace, the user and the expiry). Give it to the client with the answer.
 */
export function signFeedbackToken(secret: string, claims: Omit<FeedbackClaims, "expiresAt">, ttlSeconds: number, nowMs = Date.now()): string {
  const expiresAt = Math.floor(nowMs / 1000) + ttlSeconds;
  const payload = Buffer.from(JSON.stringify({ t: claims.traceId, u: claims.userId, e: expiresAt })).toString("base64url");
  return `${VERSION}.${payload}.${sign(secret, payload).toString("base64url")}`;
}

/** Checks a token's shape, signature (constant-time) and expiry. */
export function verifyFeedbackToken(secret: string, token: unknown, nowMs = Date.now()): TokenCheck {
  if (typeof token !== "string" || token.length > 2_000) return { ok: false, problem: "malformed" };
  const parts = token.split(".");
  if (parts.length !== 3 || parts[0] !== VERSION) return { ok: false, problem: "malformed" };
  const [, payload, signature] = parts;
  const expected = sign(secret, payload);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: "forged" };
  let claims: { t?: unknown; u?: unknown; e?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { ok: false, problem: "malformed" };
  }
  if (typeof claims.t !== "string" || typeof claims.u !== "string" || typeof claims.e !== "number") {
    return { ok: false, problem: "malformed" };
  }
  if (claims.e * 1000 <= nowMs) return { ok: false, problem: "expired" };
  return { ok: true, claims: { traceId: claims.t, userId: claims.u, expiresAt: claims.e } };
}

let processSecret: string | undefined;

/**
 * The signing secret: the configured one (the option, else LOUPE_SECRET), else a random secret for
 * this process (tokens then stop working on restart; set LOUPE_SECRET in production).
 */
export function resolveSecret(configured: string | undefined, warn: (message: string) => void): string {
  const secret = configured;
  if (secret) {
    if (secret.length < 16) throw new Error("Loupe's feedback secret must be at least 16 characters (set LOUPE_SECRET).");
    return secret;
  }
  if (!processSecret) {
    processSecret = randomBytes(32).toString("hex");
    warn("No LOUPE_SECRET set: feedback tokens are signed with a per-process secret and expire on restart.");
  }
  return processSecret;
}
