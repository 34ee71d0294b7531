import { notFound, redirect } from "next/navigation";
import { Chat } from "@/components/chat";
import { Header } from "@/components/header";
import { currentUser } from "@/lib/current-user";
import { availableModels } from "@/lib/model-options";

export const dynamic = "force-dynamic";

/** One conversation (its id is Loupe's session id). */
export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[\w-]{6,64}$/.test(id)) notFound();
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return (
    <div className="flex h-full flex-col">
      <Header user={user} />
      <Chat key={id} conversationId={id} userId={user.id} models={availableModels()} />
    </div>
  );
}
