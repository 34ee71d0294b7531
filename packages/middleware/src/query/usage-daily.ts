import type { SqlClient } from "../store/sql-client.js";
import { mapUsageDaily } from "./map-rows.js";
import type { UsageDailyRow } from "./views.js";

const ORDER = `ORDER BY day, user_id, environment, model, kind`;

/** Reads the maintained daily rollup, in key order. */
export async function readUsageDaily(db: SqlClient): Promise<UsageDailyRow[]> {
  return (await db.query(`SELECT * FROM loupe_usage_daily ${ORDER}`)).map(mapUsageDaily);
}
