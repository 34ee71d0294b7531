import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { findUser, type DemoUser } from "./users";

/** Name of the cookie that holds the signed-in demo user. */
export const SESSION_COOKIE = "loupe_demo_user";

const globalSecret = globalThis as { __loupeDemoSessionSecret?: string };

function secret(): string {
  const configured = process.env.DEMO_SESSION_SECRET ?? process.env.LOUPE_SECRET;
  if (configured) return configured;
  // No secret configured: sign with a per-process one (everyone is signed out on restart).
  globalSecret.__loupeDemoSessionSecret ??= randomBytes(32).toString("hex");
  return globalSecret.__loupeDemoSessionSecret;
}

function mac(userId: string): string {
  return createHmac("sha256", secret()).update(`demo-user.${userId}`).digest("base64url");
}

/** The cookie value for a signed-in user: `<id>.<hmac>` (the id cannot be changed by hand). */
export function signSession(userId: string): string {
  return `${userId}.${mac(userId)}`;
}

/** The user a cookie value stands for, when its signature is valid. */
export function verifySession(value: string | undefined | null): DemoUser | undefined {
  if (!value) return undefined;
  const dot = value.lastIndexOf(".");
  if (dot <= 0) return undefined;
  const userId = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1), "base64url");
  const expected = Buffer.from(mac(userId), "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return findUser(userId);
}

/** The signed-in user of a raw request (route handlers, Loupe's `authorize`). */
export function userFromRequest(request: Request): DemoUser | undefined {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) return verifySession(decodeURIComponent(rest.join("=")));
  }
  return undefined;
}
