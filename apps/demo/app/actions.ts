"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { SESSION_COOKIE, signSession } from "@/lib/session-cookie";
import { findUser } from "@/lib/users";

/** Signs in as one of the demo users (form field `userId`) and opens a new conversation. */
export async function signIn(form: FormData): Promise<void> {
  const user = findUser(String(form.get("userId") ?? ""));
  if (!user) redirect("/sign-in?error=unknown-user");
  const jar = await cookies();
  jar.set(SESSION_COOKIE, signSession(user.id), { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 30 });
  redirect("/");
}

/** Signs out. */
export async function signOut(): Promise<void> {
  const jar = await cookies();
  jar.delete(SESSION_COOKIE);
  redirect("/sign-in");
}
