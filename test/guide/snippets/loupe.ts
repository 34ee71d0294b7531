// lib/loupe.ts — one Loupe for the whole app (embedded SQLite in .loupe/ by default).
import { createLoupe } from "@loupe/middleware";

export const loupe = createLoupe({
  // Who may open /admin/llm and the data API. Anyone else gets a 404.
  authorize: async (request) => request.headers.get("cookie")?.includes("role=admin") ?? false,
});
