import Link from "next/link";
import { signOut } from "@/app/actions";
import type { DemoUser } from "@/lib/users";

/** The app bar: new chat, the admin link (admins only), the user and sign-out. */
export function Header({ user }: { user: DemoUser }) {
  return (
    <header className="flex items-center gap-4 border-b border-zinc-200 bg-white px-4 py-2">
      <Link href="/" className="font-semibold">
        Loupe demo
      </Link>
      <Link href="/" className="text-sm text-zinc-600 hover:text-zinc-900" data-testid="new-chat">
        New chat
      </Link>
      <div className="ml-auto flex items-center gap-4 text-sm">
        {user.admin && (
          <Link href="/admin/llm" className="rounded bg-zinc-900 px-2 py-1 text-white hover:bg-zinc-700" data-testid="admin-link">
            LLM admin
          </Link>
        )}
        <span data-testid="current-user">
          {user.name} <span className="text-zinc-500">({user.id})</span>
        </span>
        <form action={signOut}>
          <button type="submit" className="text-zinc-600 underline hover:text-zinc-900">
            Sign out
          </button>
        </form>
      </div>
    </header>
  );
}
