import type { RollupSnapshot, UsageDailyRow } from "../../../domain/views.js";
import { mapUsageDaily, toNumber } from "../map-rows.js";
import type { SqlClient } from "../sql-client.js";

/** Reads the maintained daily usage rollup, in key order. */
export async function readUsageDaily(db: SqlClient): Promise<UsageDailyRow[]> {
  return (await db.query(`SELECT * FROM loupe_usage_daily ORDER BY day, user_id, environment, model, kind`)).map(mapUsageDaily);
}

/** Reads every maintained rollup, in key order. */
export async function readRollups(db: SqlClient): Promise<RollupSnapshot> {
  const latency = await db.query(`SELECT * FROM loupe_latency_hourly ORDER BY hour, environment, kind, metric, bin`);
  const scores = await db.query(`SELECT * FROM loupe_score_daily ORDER BY day, environment, source, name`);
  return {
    usageDaily: await readUsageDaily(db),
    latencyHourly: latency.map((r) => ({
      hour: String(r.hour),
      environment: String(r.environment),
      kind: String(r.kind),
      metric: String(r.metric),
      bin: toNumber(r.bin),
      count: toNumber(r.count),
    })),
    scoreDaily: scores.map((r) => ({
      day: String(r.day),
      environment: String(r.environment),
      source: String(r.source),
      name: String(r.name),
      scoreCount: toNumber(r.score_count),
      valueCount: toNumber(r.value_count),
      valueSum: toNumber(r.value_sum),
      positiveCount: toNumber(r.positive_count),
      negativeCount: toNumber(r.negative_count),
    })),
  };
}
