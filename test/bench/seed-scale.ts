/**
 * Fills a Loupe store with TRACES traces (default 1,000,000) of realistic shape over the
 * last 30 days — skewed users, 5-trace sessions, five models (one unpriced), 3 % errors,
 * 5 observations per trace (agent, step, 2 generations, tool), feedback and judge scores —
 * with set-based SQL (the capture path would take hours at this size), then derives the
 * sessions and the daily rollup the way the writer keeps them.
 *
 *   node --import tsx test/bench/seed-scale.ts <sqlite-file | postgres-url> [traces]
 */
import { createPostgresStore, createSqliteStore, sqlAccessOf, type TraceStore } from "@loupe/middleware";
import { latencyBinSql } from "../../packages/middleware/src/store/sql/latency-bins.js";

/** The SQL client behind the store (these scripts write set-based SQL themselves). */
const rawSql = (store: TraceStore) => sqlAccessOf(store)!.db;

const MODELS = [
  // model, input $/1M, cached $/1M, output $/1M (null = unpriced)
  ["gpt-4o-mini", 0.15, 0.075, 0.6],
  ["gpt-4o", 2.5, 1.25, 10],
  ["claude-sonnet-4-5", 3, 0.3, 15],
  ["gemini-2.5-flash", 0.3, 0.075, 2.5],
  ["some-unpriced-model", null, null, null],
] as const;

/** SQL pieces that differ between the two databases. */
function dialect(store: TraceStore) {
  const pg = store.dialect === "postgres";
  return {
    pg,
    // A well-mixed 31-bit hash of an integer expression.
    hash: (expr: string, salt: number) => (pg ? `(((${expr}) * 2654435761 + ${salt}) % 2147483647)` : `(((${expr}) * 2654435761 + ${salt}) % 2147483647)`),
    time: (epochMsExpr: string) =>
      pg ? `to_timestamp((${epochMsExpr}) / 1000.0)::timestamp(3)` : `strftime('%Y-%m-%dT%H:%M:%f+00:00', (${epochMsExpr}) / 1000.0, 'unixepoch')`,
    series: (n: number) => (pg ? `generate_series(0::bigint, ${n - 1}::bigint) AS s(n)` : `(WITH RECURSIVE s(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n < ${n - 1}) SELECT n FROM s) AS s`),
    div: (a: string, b: string) => (pg ? `((${a}) / (${b}))` : `((${a}) / (${b}))`),
    day: (expr: string) => (pg ? `to_char(${expr}, 'YYYY-MM-DD')` : `substr(${expr}, 1, 10)`),
    hour: (expr: string) => (pg ? `to_char(${expr}, 'YYYY-MM-DD"T"HH24')` : `substr(${expr}, 1, 13)`),
  };
}

async function seed(store: TraceStore, traces: number): Promise<void> {
  const d = dialect(store);
  const end = Date.now();
  const start = end - 30 * 86_400_000;
  const step = Math.floor((end - start) / traces);
  const h = (salt: number) => d.hash("n", salt);
  const model = `CASE WHEN ${h(5)} % 100 = 0 THEN 4 ELSE ${h(5)} % 4 END`;
  const priceCase = (index: 1 | 2 | 3) =>
    `CASE ${model} ${MODELS.map((m, i) => `WHEN ${i} THEN ${m[index] ?? "NULL"}`).join(" ")} END`;
  const user = `('user-' || ${d.div(`(${d.hash("n / 5", 11)} % 1000) * (${d.hash("n / 5", 11)} % 1000)`, "500")})`;

  await rawSql(store).execute(`DELETE FROM loupe_traces`);
  console.time("traces");
  await rawSql(store).execute(`
    INSERT INTO loupe_traces (id, name, user_id, session_id, tags, environment, release, kind, start_time, end_time, latency_ms, ttft_ms,
      level, status_message, models, input_preview, output_preview, observation_count, generation_count, error_count,
      input_tokens, cache_read_tokens, cache_write_tokens, output_tokens, reasoning_tokens, total_tokens,
      input_cost, output_cost, total_cost, unpriced_count, created_at, updated_at)
    SELECT 'tr-' || n,
      CASE ${h(3)} % 10 WHEN 0 THEN 'summarize' WHEN 1 THEN 'agent-run' WHEN 2 THEN 'classify' ELSE 'chat' END,
      ${user}, 'sess-' || (n / 5),
      CASE ${h(4)} % 3 WHEN 0 THEN '["beta","chat"]' ELSE '["demo"]' END,
      CASE ${h(6)} % 10 WHEN 0 THEN 'staging' ELSE 'production' END,
      'v1.' || (n * 12 / ${traces}), 'app',
      ${d.time(`${start} + n * ${step}`)}, ${d.time(`${start} + n * ${step} + 300 + ${h(7)} % 5000`)},
      300 + ${h(7)} % 5000, 100 + ${h(8)} % 900,
      CASE WHEN ${h(9)} % 33 = 0 THEN 'ERROR' ELSE 'DEFAULT' END,
      CASE WHEN ${h(9)} % 33 = 0 THEN 'Rate limit exceeded' END,
      CASE ${model} ${MODELS.map((m, i) => `WHEN ${i} THEN '${m[0]}'`).join(" ")} END,
      'Question ' || n || ' about ' || CASE ${h(10)} % 4 WHEN 0 THEN 'billing' WHEN 1 THEN 'the weather in Paris' WHEN 2 THEN 'refunds' ELSE 'shipping' END,
      'Answer ' || n, 5, 2, CASE WHEN ${h(9)} % 33 = 0 THEN 1 ELSE 0 END,
      500 + ${h(1)} % 3000, (500 + ${h(1)} % 3000) / 3, 0, 50 + ${h(2)} % 800, (50 + ${h(2)} % 800) / 10,
      550 + ${h(1)} % 3000 + ${h(2)} % 800,
      ((500 + ${h(1)} % 3000 - (500 + ${h(1)} % 3000) / 3) * ${priceCase(1)} + ((500 + ${h(1)} % 3000) / 3) * ${priceCase(2)}) / 1000000.0,
      ((50 + ${h(2)} % 800) * ${priceCase(3)}) / 1000000.0,
      ((500 + ${h(1)} % 3000 - (500 + ${h(1)} % 3000) / 3) * ${priceCase(1)} + ((500 + ${h(1)} % 3000) / 3) * ${priceCase(2)} + (50 + ${h(2)} % 800) * ${priceCase(3)}) / 1000000.0,
      CASE WHEN ${model} = 4 THEN 2 ELSE 0 END, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM ${d.series(traces)}`);
  console.timeEnd("traces");

  console.time("observations");
  await rawSql(store).execute(`DELETE FROM loupe_observations`);
  // Five nodes a trace: agent > step > (generation, tool, generation); each generation carries half the usage.
  await rawSql(store).execute(`
    INSERT INTO loupe_observations (id, trace_id, parent_id, type, name, start_time, end_time, completion_start_time, latency_ms, model, provider,
      level, status_message, finish_reason, input_tokens, cache_read_tokens, cache_write_tokens, output_tokens, reasoning_tokens, total_tokens,
      input_cost, output_cost, total_cost, created_at)
    SELECT t.id || '-' || k.k, t.id,
      CASE k.k WHEN 0 THEN NULL WHEN 1 THEN t.id || '-0' ELSE t.id || '-1' END,
      CASE k.k WHEN 0 THEN 'AGENT' WHEN 1 THEN 'SPAN' WHEN 3 THEN 'TOOL' ELSE 'GENERATION' END,
      CASE k.k WHEN 0 THEN t.name WHEN 1 THEN 'step 1' WHEN 3 THEN 'lookup' ELSE 'chat ' || t.models END,
      t.start_time, t.end_time, CASE WHEN k.k IN (2, 4) THEN t.start_time END, t.latency_ms / CASE WHEN k.k IN (2, 3, 4) THEN 3 ELSE 1 END,
      CASE WHEN k.k IN (2, 4) THEN t.models END, CASE WHEN k.k IN (2, 4) THEN 'openai.chat' END,
      CASE WHEN k.k = 4 AND t.level = 'ERROR' THEN 'ERROR' ELSE 'DEFAULT' END,
      CASE WHEN k.k = 4 AND t.level = 'ERROR' THEN t.status_message END,
      CASE WHEN k.k IN (2, 4) THEN 'stop' END,
      CASE k.k WHEN 2 THEN t.input_tokens / 2 WHEN 4 THEN t.input_tokens - t.input_tokens / 2 END,
      CASE k.k WHEN 2 THEN t.cache_read_tokens / 2 WHEN 4 THEN t.cache_read_tokens - t.cache_read_tokens / 2 END,
      CASE WHEN k.k IN (2, 4) THEN 0 END,
      CASE k.k WHEN 2 THEN t.output_tokens / 2 WHEN 4 THEN t.output_tokens - t.output_tokens / 2 END,
      CASE k.k WHEN 2 THEN t.reasoning_tokens / 2 WHEN 4 THEN t.reasoning_tokens - t.reasoning_tokens / 2 END,
      CASE k.k WHEN 2 THEN t.total_tokens / 2 WHEN 4 THEN t.total_tokens - t.total_tokens / 2 END,
      CASE WHEN k.k IN (2, 4) THEN t.input_cost / 2 END, CASE WHEN k.k IN (2, 4) THEN t.output_cost / 2 END,
      CASE WHEN k.k IN (2, 4) THEN t.total_cost / 2 END, CURRENT_TIMESTAMP
    FROM loupe_traces t CROSS JOIN (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) k`);
  console.timeEnd("observations");

  console.time("payloads, scores, sessions, rollup");
  await rawSql(store).execute(`DELETE FROM loupe_payloads`);
  await rawSql(store).execute(`
    INSERT INTO loupe_payloads (id, trace_id, input, output, truncated, created_at)
    SELECT id, id, '"' || input_preview || '"', '"' || output_preview || '"', ${d.pg ? "false" : "0"}, CURRENT_TIMESTAMP FROM loupe_traces`);
  await rawSql(store).execute(`DELETE FROM loupe_scores`);
  const tn = `CAST(substr(id, 4) AS INTEGER)`;
  const sh = (salt: number) => d.hash(d.pg ? `CAST(substr(id, 4) AS BIGINT)` : tn, salt);
  await rawSql(store).execute(`
    INSERT INTO loupe_scores (id, trace_id, name, data_type, value, string_value, source, author_id, user_id, environment, timestamp, created_at, updated_at)
    SELECT 'feedback:' || id, id, 'user-feedback', 'BOOLEAN', CASE WHEN ${sh(21)} % 4 = 0 THEN 0 ELSE 1 END,
      CASE WHEN ${sh(21)} % 4 = 0 THEN 'down' ELSE 'up' END, 'FEEDBACK', user_id, user_id, environment, end_time, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
      FROM loupe_traces WHERE ${sh(20)} % 10 = 0`);
  await rawSql(store).execute(`
    INSERT INTO loupe_scores (id, trace_id, name, data_type, value, source, evaluator_id, user_id, environment, timestamp, created_at, updated_at)
    SELECT 'eval:judge:' || id, id, 'helpfulness', 'NUMERIC', 1 + ${sh(23)} % 5, 'EVAL', 'helpfulness-judge', user_id, environment, end_time,
      CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
      FROM loupe_traces WHERE ${sh(22)} % 5 = 0`);
  await rawSql(store).execute(`DELETE FROM loupe_sessions`);
  await rawSql(store).execute(`
    INSERT INTO loupe_sessions (id, user_id, environment, first_trace_at, last_trace_at, trace_count, error_count, total_tokens, total_cost)
    SELECT session_id, MAX(user_id), MAX(environment), MIN(start_time), MAX(start_time), COUNT(*),
      SUM(CASE WHEN level = 'ERROR' THEN 1 ELSE 0 END), SUM(total_tokens), SUM(total_cost)
      FROM loupe_traces GROUP BY session_id`);
  await rawSql(store).execute(`DELETE FROM loupe_usage_daily`);
  await rawSql(store).execute(`
    INSERT INTO loupe_usage_daily (day, user_id, environment, model, kind, trace_count, error_trace_count, generation_count, error_count,
      input_tokens, cache_read_tokens, cache_write_tokens, output_tokens, reasoning_tokens, total_tokens, total_cost, unpriced_count, latency_ms_sum)
    SELECT ${d.day("start_time")}, COALESCE(user_id, ''), environment, COALESCE(models, ''), kind, COUNT(*),
      SUM(CASE WHEN level = 'ERROR' THEN 1 ELSE 0 END), SUM(generation_count), SUM(error_count),
      SUM(input_tokens), SUM(cache_read_tokens), SUM(cache_write_tokens), SUM(output_tokens), SUM(reasoning_tokens), SUM(total_tokens),
      COALESCE(SUM(total_cost), 0), SUM(unpriced_count), SUM(latency_ms * 2 / 3)
      FROM loupe_traces GROUP BY ${d.day("start_time")}, COALESCE(user_id, ''), environment, COALESCE(models, ''), kind`);
  await rawSql(store).execute(`DELETE FROM loupe_score_daily`);
  await rawSql(store).execute(`
    INSERT INTO loupe_score_daily (day, environment, source, name, score_count, value_count, value_sum, positive_count, negative_count)
    SELECT ${d.day("timestamp")}, COALESCE(environment, ''), source, name, COUNT(*), COUNT(value), COALESCE(SUM(value), 0),
           SUM(CASE WHEN value > 0 THEN 1 ELSE 0 END), SUM(CASE WHEN value <= 0 THEN 1 ELSE 0 END)
      FROM loupe_scores GROUP BY ${d.day("timestamp")}, COALESCE(environment, ''), source, name`);
  await rawSql(store).execute(`DELETE FROM loupe_latency_hourly`);
  for (const [metric, column] of [["latency", "latency_ms"], ["ttft", "ttft_ms"]]) {
    await rawSql(store).execute(`
      INSERT INTO loupe_latency_hourly (hour, environment, kind, metric, bin, count)
      SELECT ${d.hour("start_time")}, environment, kind, '${metric}', ${latencyBinSql(column)}, COUNT(*)
        FROM loupe_traces WHERE ${column} IS NOT NULL
       GROUP BY ${d.hour("start_time")}, environment, kind, ${latencyBinSql(column)}`);
  }
  console.timeEnd("payloads, scores, sessions, rollup");
  if (d.pg) await rawSql(store).execute("ANALYZE");
  else await rawSql(store).query("PRAGMA optimize");
}

/** Opens the target (a SQLite file path or a postgres:// URL) and seeds it. */
export async function seedScale(target: string, traces: number): Promise<TraceStore> {
  const store = /^postgres(ql)?:\/\//.test(target) ? await createPostgresStore({ url: target }) : await createSqliteStore({ url: target });
  await seed(store, traces);
  return store;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [target, count] = process.argv.slice(2);
  if (!target) {
    console.error("usage: seed-scale.ts <sqlite-file | postgres-url> [traces]");
    process.exit(2);
  }
  const store = await seedScale(target, Number(count ?? 1_000_000));
  const [row] = await rawSql(store).query<{ n: unknown }>("SELECT COUNT(*) AS n FROM loupe_observations");
  console.log(`seeded ${Number(count ?? 1_000_000).toLocaleString()} traces, ${Number(row.n).toLocaleString()} observations`);
  await store.close();
}
