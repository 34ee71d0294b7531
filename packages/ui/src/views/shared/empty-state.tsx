/**
 * What a new user sees before the first trace: the two lines to add to their code.
 */
export function EmptyState({ title = "No traces yet" }: { title?: string }) {
  return (
    <div className="lp:rounded-lg lp:border lp:border-dashed lp:border-border lp:p-6 lp:max-w-3xl" data-testid="loupe-empty">
      <h2 className="lp:text-base lp:font-semibold">{title}</h2>
      <p className="lp:mt-1 lp:text-muted-foreground">
        Loupe records every model call made through its middleware. Add these two lines, call your model once, then reload.
      </p>
      <pre className="lp:mt-3 lp:overflow-x-auto lp:rounded-md lp:bg-muted lp:p-3">
        {`// lib/loupe.ts
import { createLoupe } from "@loupe/middleware";
export const loupe = createLoupe({ authorize: async (req) => isAdmin(req) });

// where you create the model
import { wrapLanguageModel } from "ai";
const model = wrapLanguageModel({ model: openai("gpt-4o-mini"), middleware: loupe.middleware() });`}
      </pre>
      <p className="lp:mt-3 lp:text-muted-foreground">
        Optional: wrap a request in <code>loupe.withTrace({"{ name, userId, sessionId }"}, fn)</code> to see users and sessions.
      </p>
    </div>
  );
}
