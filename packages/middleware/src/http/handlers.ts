import { ZodError } from "zod";
import type { ScoreInput } from "../domain/score-input.js";
import type { ScoreRow } from "../domain/rows.js";
import { InvalidCursorError } from "../errors/invalid-cursor-error.js";
import { parseTraceListParams } from "../query/trace-list-params.js";
import type { TraceStore } from "../store/trace-store.js";
import { exportTraces } from "./export-traces.js";
import { getFeedback, postFeedback, type FeedbackDeps } from "./feedback-route.js";
import { json, notFound, problem, readJson } from "./http.js";
import { postOtlpTraces, type OtlpDeps } from "./otlp-route.js";

/** Next.js route handler signature (App Router, `[...path]` catch-all). */
export type RouteHandler = (request: Request, context?: { params?: Promise<{ path?: string[] }> | { path?: string[] } }) => Promise<Response>;

/** What the data routes need from Loupe. */
export interface HandlerDeps extends FeedbackDeps, OtlpDeps {
  authorize: (request: Request) => Promise<boolean>;
  score: (input: ScoreInput) => ScoreRow;
  apiBasePath: string;
  onInternalError: (error: unknown) => void;
}

async function segments(request: Request, context: Parameters<RouteHandler>[1], basePath: string): Promise<string[]> {
  const params = context?.params ? await context.params : undefined;
  if (params?.path) return params.path;
  const path = new URL(request.url).pathname;
  const rest = path.startsWith(basePath) ? path.slice(basePath.length) : path;
  return rest.split("/").filter(Boolean).map(decodeURIComponent);
}

function badInput(error: unknown): Response | undefined {
  if (error instanceof ZodError) {
    return problem(400, `Invalid request: ${error.issues.map((i) => `${i.path.join(".") || "value"}: ${i.message}`).join("; ")}`);
  }
  if (InvalidCursorError.isInstance(error)) return problem(400, error.message);
  return undefined;
}

/**
 * Loupe's data routes, mounted by the host at `app/api/loupe/[...path]/route.ts`:
 * `export const { GET, POST } = loupe.handlers;`
 *
 * Public: `POST|GET feedback` (signed per-trace token) and `POST v1/traces` (OTLP/JSON
 * with a project key). Everything else answers 404
 * unless the host's `authorize(request)` says yes.
 */
export function createHandlers(deps: HandlerDeps): { GET: RouteHandler; POST: RouteHandler } {
  const guarded = (fn: (request: Request, path: string[]) => Promise<Response>): RouteHandler => {
    return async (request, context) => {
      try {
        const path = await segments(request, context, deps.apiBasePath);
        return await fn(request, path);
      } catch (error) {
        const answer = badInput(error);
        if (answer) return answer;
        deps.onInternalError(error);
        return problem(500, "Loupe could not answer this request; see the server log.");
      }
    };
  };

  const withStore = async (fn: (store: TraceStore) => Promise<Response>) => fn(await deps.store());

  const GET = guarded(async (request, path) => {
    if (path[0] === "feedback" && path.length === 1) return getFeedback(request, deps);
    if (!(await deps.authorize(request))) return notFound();
    const search = new URL(request.url).searchParams;
    if (path[0] === "traces" && path.length === 1) {
      const query = parseTraceListParams(search);
      return withStore(async (s) => json(await s.listTraces(query)));
    }
    if (path[0] === "traces" && path.length === 2) {
      return withStore(async (s) => {
        const trace = await s.getTrace(path[1]);
        return trace ? json(trace) : problem(404, `No trace ${path[1]}.`);
      });
    }
    if (path[0] === "sessions" && path.length === 1) {
      const cursor = search.get("cursor") ?? undefined;
      const userId = search.get("userId") ?? undefined;
      return withStore(async (s) => json(await s.listSessions({ cursor, userId, limit: Number(search.get("limit") ?? 50) || 50 })));
    }
    if (path[0] === "export" && path.length === 1) {
      const format = search.get("format") ?? "csv";
      if (format !== "csv" && format !== "json") return problem(400, "format must be csv or json.");
      search.delete("format");
      const query = parseTraceListParams(search);
      return withStore(async (s) => {
        const stamp = new Date().toISOString().slice(0, 19).replaceAll(":", "-");
        return new Response(exportTraces(s, { ...query, limit: undefined, after: undefined, before: undefined }, format), {
          headers: {
            "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
            "content-disposition": `attachment; filename="loupe-traces-${stamp}.${format}"`,
            "cache-control": "no-store",
          },
        });
      });
    }
    return notFound();
  });

  const POST = guarded(async (request, path) => {
    if (path[0] === "feedback" && path.length === 1) return postFeedback(request, deps);
    if (path[0] === "v1" && path[1] === "traces" && path.length === 2) return postOtlpTraces(request, deps);
    if (!(await deps.authorize(request))) return notFound();
    if (path[0] === "scores" && path.length === 1) {
      const body = await readJson(request, 65_536);
      if (!body.ok) return problem(body.status, body.message);
      const input = body.value as Record<string, unknown>;
      if (typeof input !== "object" || input === null || Array.isArray(input)) return problem(400, "Body must be a JSON object.");
      const row = deps.score({ ...(input as ScoreInput), source: "ANNOTATION" });
      return json({ ok: true, score: row }, 201);
    }
    return notFound();
  });

  return { GET, POST };
}
