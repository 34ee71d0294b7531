import { loupeDbBytes, loupeDbPath } from "../../../lib/db-file";
import { loupe } from "../../../lib/loupe";

export const dynamic = "force-dynamic";

/** Loupe's writer counters (`loupe.stats()`) and the size of its SQLite file, for the load script. */
export function GET(): Response {
  return Response.json({ stats: loupe.stats(), dbFile: loupeDbPath() ?? null, dbBytes: loupeDbBytes() });
}
