import type { SqlContext } from "../params.js";

/** True once at least one trace is stored (the dashboard shows setup steps before that). */
export async function hasTraces(store: SqlContext): Promise<boolean> {
  const rows = await store.db.query(`SELECT 1 AS found FROM loupe_traces LIMIT 1`);
  return rows.length > 0;
}
