import { signIn } from "@/app/actions";
import { DEMO_USERS } from "@/lib/users";

export const metadata = { title: "Sign in · Loupe demo" };

/** Picks a demo user (no passwords). "admin" may open the Loupe dashboard. */
export default function SignInPage() {
  return (
    <main className="mx-auto flex min-h-full max-w-md flex-col justify-center gap-6 p-6">
      <div>
        <h1 className="text-2xl font-semibold">Sign in to the Loupe demo</h1>
        <p className="mt-1 text-sm text-zinc-600">Pick a demo user. Only Admin can open the dashboard at /admin/llm.</p>
      </div>
      <form action={signIn} className="flex flex-col gap-2">
        {DEMO_USERS.map((user) => (
          <button
            key={user.id}
            type="submit"
            name="userId"
            value={user.id}
            data-testid={`sign-in-${user.id}`}
            className="flex flex-col items-start rounded-lg border border-zinc-200 bg-white px-4 py-3 text-left shadow-sm hover:border-zinc-400"
          >
            <span className="font-medium">
              {user.name} <span className="text-zinc-500">({user.id})</span>
            </span>
            <span className="text-sm text-zinc-600">{user.blurb}</span>
          </button>
        ))}
      </form>
    </main>
  );
}
