import type { Loupe } from "@loupe/middleware";
import { loupeModule } from "./loupe-module";
import { userFromRequest } from "./session-cookie";

const holder = globalThis as { __loupeDemo?: Loupe };

/**
 * The app's single Loupe instance (kept on globalThis so hot reloads do not open a second
 * writer). Stores into `.loupe/loupe.db` (embedded SQLite, created and migrated on first
 * use) unless LOUPE_DATABASE_URL says otherwise. Only the "admin" demo user may read it.
 */
export const loupe: Loupe = (holder.__loupeDemo ??= loupeModule.createLoupe({
  authorize: async (request) => userFromRequest(request)?.admin === true,
  apiBasePath: "/api/loupe",
  debug: process.env.LOUPE_DEBUG === "1",
}));
