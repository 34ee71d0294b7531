import type { Loupe } from "@loupe/middleware";
import { loupeModule, loupeNext } from "./loupe-module";

const holder = globalThis as { __loupeHostBench?: Loupe };

/**
 * The app's one Loupe, as README "Add Loupe to your app" step 2 creates it: embedded SQLite
 * (the load script points LOUPE_DATABASE_URL at a temp dir), telemetry registered globally
 * (the default). Kept on globalThis so every route bundle shares the same writer.
 */
export const loupe: Loupe = (holder.__loupeHostBench ??= loupeModule.createLoupe({
  // Who may open /admin/llm and the data API. Anyone else gets a 404.
  authorize: async (request) => request.headers.get("cookie")?.includes("role=admin") ?? false,
}));

/** README step 4's `flushAfterResponse`: writes the records after the response (Next's `after()`). */
export const { flushAfterResponse } = loupeNext;
