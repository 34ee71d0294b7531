import { cookies } from "next/headers";
import { SESSION_COOKIE, verifySession } from "./session-cookie";
import type { DemoUser } from "./users";

/** The signed-in demo user of the current server render / action, if any. */
export async function currentUser(): Promise<DemoUser | undefined> {
  const jar = await cookies();
  return verifySession(jar.get(SESSION_COOKIE)?.value);
}
