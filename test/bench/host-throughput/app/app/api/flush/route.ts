import { langfuse } from "../../../lib/langfuse";
import { loupe } from "../../../lib/loupe";

export const dynamic = "force-dynamic";

/**
 * Drains a variant's background work at the end of a round (`?variant=loupe|langfuse`), so
 * the next round does not pay for it; the load script counts the drain time in the round.
 */
export async function POST(request: Request): Promise<Response> {
  const variant = new URL(request.url).searchParams.get("variant");
  const started = performance.now();
  let flushed = true;
  if (variant === "loupe") flushed = await loupe.flush();
  else if (variant === "langfuse") await langfuse.provider.forceFlush();
  else if (variant !== "plain") return Response.json({ error: "variant must be plain, langfuse or loupe" }, { status: 400 });
  return Response.json({ variant, flushed, ms: performance.now() - started });
}
