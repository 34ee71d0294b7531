/**
 * The dashboard's queries at scale (default 1M traces / 5M observations), on SQLite and
 * Postgres side by side: traces first page, a page deep in the table, a filtered page,
 * a search, the overview (24h, 7d, 30d) and the users view.
 *
 *   node --import tsx test/bench/dashboard-bench.ts [traces]     (Postgres: LOUPE_TEST_PG_URL, via `npm run bench:dashboard`)
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { tmpdir } from "node:os";
import { freshPostgresDatabase } from "../support/postgres.js";
import { createSqliteStore, encodeCursor, getOverview, listTracePage, listUserStats, sqlAccessOf, type TraceStore } from "@loupe/middleware";
import { seedScale } from "./seed-scale.js";
import { fixed, printTable, quantile } from "./print-table.js";

/** The SQL client behind the store (these scripts write set-based SQL themselves). */
const rawSql = (store: TraceStore) => sqlAccessOf(store)!.db;

const TRACES = Number(process.argv[2] ?? process.env.BENCH_TRACES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

async function time(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await fn(); // warm the cache once
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return { p50: quantile(samples, 0.5), p95: quantile(samples, 0.95) };
}

async function queries(store: TraceStore) {
  const now = new Date();
  const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
  const month = { from: days(30), to: now };
  const deep = encodeCursor({ value: days(25).toISOString(), id: "tr-~" });
  const [someUser] = await rawSql(store).query<{ user_id: string }>("SELECT user_id FROM loupe_traces ORDER BY start_time DESC LIMIT 1");
  return {
    "traces: first page (30d)": () => listTracePage(store, { ...month, limit: 50 }),
    "traces: page 25 days deep (keyset)": () => listTracePage(store, { ...month, limit: 50, after: deep }),
    "traces: filtered (user + env)": () => listTracePage(store, { ...month, userId: someUser.user_id, environment: "production", limit: 50 }),
    "traces: filtered (name + errors)": () => listTracePage(store, { ...month, name: "summarize", level: "ERROR", limit: 50 }),
    "traces: sorted by cost (24h)": () => listTracePage(store, { from: days(1), to: now, sort: "cost", limit: 50 }),
    "traces: search in input/output (24h)": () => listTracePage(store, { from: days(1), to: now, search: "refunds", limit: 50 }),
    "overview: 24h": () => getOverview(store, { from: days(1), to: now }),
    "overview: 7d": () => getOverview(store, { from: days(7), to: now }),
    "overview: 30d": () => getOverview(store, month),
    "users: 30d by cost": () => listUserStats(store, { ...month, sort: "cost", limit: 50 }),
  };
}


async function main() {
  const results = new Map<string, Record<string, { p50: number; p95: number }>>();
  const dir = path.join(tmpdir(), "loupe-dashboard-bench");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `sqlite-${TRACES}.db`);
  const targets: [string, () => Promise<TraceStore>][] = [
    ["SQLite", async () => (existsSync(file) ? createSqliteStore({ url: file }) : seedScale(file, TRACES))],
  ];
  const pgUrl = process.env.LOUPE_TEST_PG_URL ? await freshPostgresDatabase("bench_dashboard") : undefined;
  if (pgUrl) targets.push(["Postgres", () => seedScale(pgUrl, TRACES)]);
  else console.error("LOUPE_TEST_PG_URL not set: Postgres skipped (run `npm run bench:dashboard`).");
  for (const [name, open] of targets) {
    const started = performance.now();
    const store = await open();
    console.log(`${name}: ready in ${fixed((performance.now() - started) / 1000)} s`);
    const row: Record<string, { p50: number; p95: number }> = {};
    for (const [label, fn] of Object.entries(await queries(store))) row[label] = await time(fn);
    results.set(name, row);
    await store.close();
  }
  const names = [...results.keys()];
  const labels = Object.keys(results.get(names[0])!);
  printTable(`Dashboard queries at ${TRACES.toLocaleString()} traces / ${(TRACES * 5).toLocaleString()} observations (${RUNS} runs, ms; Node ${process.version})`, [
    ["query", ...names.flatMap((n) => [`${n} p50`, `${n} p95`])],
    ...labels.map((label) => [label, ...names.flatMap((n) => [fixed(results.get(n)![label].p50), fixed(results.get(n)![label].p95)])]),
  ]);
}

await main();
