import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/current-user";

export const dynamic = "force-dynamic";

/** Home: a new conversation for the signed-in user, or the sign-in page. */
export default async function Home() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  redirect(`/c/${randomUUID()}`);
}
