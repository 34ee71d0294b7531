/** A dashboard view, parsed from the `[[...path]]` segments of the admin route. */
export type AdminRoute =
  | { view: "overview" }
  | { view: "traces" }
  | { view: "trace"; id: string }
  | { view: "sessions" }
  | { view: "session"; id: string }
  | { view: "users" }
  | { view: "user"; id: string }
  | { view: "scores" }
  | { view: "not-found" };

const LISTS = { traces: "trace", sessions: "session", users: "user" } as const;

/**
 * Maps the path segments below the admin base path to a view: `[]` overview,
 * `["traces"]`, `["traces", id]`, `["sessions"]`, `["sessions", id]`, `["users"]`,
 * `["users", id]`, `["scores"]`; anything else is "not-found". Segments arrive
 * URL-encoded from Next and are decoded here.
 */
export function parseRoute(segments: readonly string[] | undefined): AdminRoute {
  const parts = (segments ?? []).filter((s) => s !== "").map(safeDecode);
  if (parts.some((p) => p === null)) return { view: "not-found" };
  const [head, id, ...rest] = parts as string[];
  if (head === undefined) return { view: "overview" };
  if (rest.length > 0) return { view: "not-found" };
  if (head === "scores") return id === undefined ? { view: "scores" } : { view: "not-found" };
  if (head in LISTS) {
    const list = head as keyof typeof LISTS;
    return id === undefined ? { view: list } : { view: LISTS[list], id };
  }
  return { view: "not-found" };
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The path of a view below `basePath` (ids URL-encoded). */
export function routePath(basePath: string, route: Exclude<AdminRoute, { view: "not-found" }>): string {
  const base = basePath.replace(/\/+$/, "");
  switch (route.view) {
    case "overview":
      return base || "/";
    case "trace":
      return `${base}/traces/${encodeURIComponent(route.id)}`;
    case "session":
      return `${base}/sessions/${encodeURIComponent(route.id)}`;
    case "user":
      return `${base}/users/${encodeURIComponent(route.id)}`;
    default:
      return `${base}/${route.view}`;
  }
}
