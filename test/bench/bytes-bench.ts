/**
 * Bytes stored per conversation, inline payloads (before) vs content-addressed messages
 * (after), on SQLite and Postgres:
 *   node --import tsx test/bench/bytes-bench.ts     (npm run bench; Postgres from scripts/pg.sh)
 *   BENCH_CONVERSATIONS=1000 (default 200) — sizes are reported per 1,000 conversations.
 *
 * Conversations are recorded through the real capture path into a content-addressed
 * store. "Before" is the same traces written in the inline format (inline-copy.ts): the
 * payload texts the previous writer produced. "Distinct message bytes" is the JSON of
 * every distinct message the generations were sent or produced, counted from the reads.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createLoupe, createPostgresStore, createSqliteStore, type TraceDetail, type TraceStore } from "@loupe/middleware";
import { rawSql } from "@loupe/middleware/testing";
import { freshPostgresDatabase } from "../support/postgres.js";
import { agentScenario, chatScenario, type Scenario } from "./bytes-scenarios.js";
import { copyInline } from "./inline-copy.js";
import { fixed, printTable } from "./print-table.js";

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 200);
const PER = 1000 / CONVERSATIONS;

function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record).sort().map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(",")}}`;
}

/** Distinct messages of the generations' prompts and outputs (an output counts as the assistant message it becomes). */
function collectMessages(detail: TraceDetail, into: Map<string, number>): void {
  for (const o of detail.observations.filter((x) => x.type === "GENERATION")) {
    const messages = [...(Array.isArray(o.input) ? o.input : []), ...(o.output ? [{ role: "assistant", content: o.output }] : [])];
    for (const m of messages) into.set(canonical(m), Buffer.byteLength(JSON.stringify(m)));
  }
}

/** Bytes of the payload, message and message-list columns (text as stored; 4 per number, 1 per flag). */
async function storedBytes(store: TraceStore): Promise<number> {
  const o = (c: string) => (store.dialect === "postgres" ? `COALESCE(octet_length(${c}), 0)` : `COALESCE(length(CAST(${c} AS BLOB)), 0)`);
  const [row] = await rawSql(store).query<Record<string, unknown>>(
    `SELECT (SELECT COALESCE(SUM(${o("input")} + ${o("output")} + ${o("metadata")}), 0) FROM loupe_payloads)
          + (SELECT COALESCE(SUM(${o("hash")} + ${o("role")} + ${o("content")} + 4), 0) FROM loupe_messages)
          + (SELECT COALESCE(SUM(${o("hash")} + ${o("parent_hash")} + ${o("message_hash")} + 5), 0) FROM loupe_message_lists) AS bytes`,
  );
  return Number(row.bytes);
}

const PAYLOAD_TABLE = /payload|message/;

/** Database size after compaction: all of Loupe's tables, and the payload/message tables alone (indexes included). */
async function databaseSize(store: TraceStore): Promise<{ total: number; payload: number }> {
  const db = rawSql(store);
  let rows: { name: string; bytes: unknown }[];
  if (store.dialect === "postgres") {
    await db.execute(`VACUUM FULL`);
    rows = await db.query(
      `SELECT c.relname::text AS name, pg_total_relation_size(c.oid)::int8 AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname LIKE 'loupe_%'`,
    );
  } else {
    await db.execute(`VACUUM`);
    rows = await db.query(`SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name`);
  }
  const sum = (filter: (name: string) => boolean) => rows.filter((r) => filter(r.name)).reduce((n, r) => n + Number(r.bytes), 0);
  return { total: sum(() => true), payload: sum((name) => PAYLOAD_TABLE.test(name)) };
}

async function openBackend(backend: "SQLite" | "Postgres", label: string): Promise<string> {
  if (backend === "Postgres") return freshPostgresDatabase(`bytes_${label}`);
  return `file:${path.join(mkdtempSync(path.join(tmpdir(), "loupe-bytes-")), `${label}.db`)}`;
}

async function openStore(url: string): Promise<TraceStore> {
  return url.startsWith("file:") ? createSqliteStore({ url }) : createPostgresStore({ url });
}

/** Median ms of a traces-table search over everything recorded (a text found nowhere walks every trace in range). */
async function searchMs(store: TraceStore, search: string): Promise<number> {
  const query = { search, from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 86_400_000), limit: 50 };
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await store.listTraces(query);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2];
}

const kb = (bytes: number) => `${fixed((bytes * PER) / 1024, 0)} KB`;
const mb = (bytes: number) => `${fixed((bytes * PER) / 1024 / 1024, 1)} MB`;

async function measure(scenario: Scenario, backend: "SQLite" | "Postgres"): Promise<(string | number)[][]> {
  const url = await openBackend(backend, "after");
  const loupe = createLoupe({ databaseUrl: url, registerTelemetry: false, otel: false });
  const started = performance.now();
  for (let n = 0; n < CONVERSATIONS; n++) {
    await scenario.record(loupe, n);
    if (n % 10 === 9) await loupe.flush();
  }
  await loupe.flush();
  const recordMs = (performance.now() - started) / CONVERSATIONS;
  if (loupe.stats().dropped + loupe.stats().failed > 0) throw new Error(`events lost: ${JSON.stringify(loupe.stats())}`);
  await loupe.shutdown();

  const after = await openStore(url);
  const beforeUrl = await openBackend(backend, "before");
  const before = await openStore(beforeUrl);
  const distinct = new Map<string, number>();
  await copyInline(after, before, (detail) => collectMessages(detail, distinct));
  const distinctBytes = [...distinct.values()].reduce((a, b) => a + b, 0);
  const rows: (string | number)[][] = [];
  for (const [format, store] of [["inline (before)", before], ["content-addressed", after]] as const) {
    const stored = await storedBytes(store);
    const size = await databaseSize(store);
    const search = `${fixed(await searchMs(store, "no such text anywhere"), 0)} / ${fixed(await searchMs(store, "#3 "), 0)}`;
    rows.push([scenario.name, backend, format, kb(distinctBytes), kb(stored), `${fixed(stored / distinctBytes, 2)}×`, mb(size.total), mb(size.payload), search, format === "content-addressed" ? fixed(recordMs, 1) : "—"]);
  }
  await before.close();
  await after.close();
  // The inline copy of 1,000 chats is gigabytes: leave nothing behind (Postgres databases go with pg.sh's server).
  for (const file of [url, beforeUrl]) if (file.startsWith("file:")) rmSync(path.dirname(file.slice("file:".length)), { recursive: true, force: true });
  return rows;
}

async function main() {
  const backends: ("SQLite" | "Postgres")[] = process.env.LOUPE_TEST_PG_URL ? ["SQLite", "Postgres"] : ["SQLite"];
  const rows: (string | number)[][] = [
    ["scenario", "database", "format", "distinct msg bytes", "stored payload bytes", "ratio", "DB size", "payload tables", "search ms none/rare", "record ms/conv"],
  ];
  for (const scenario of [chatScenario, agentScenario]) for (const backend of backends) rows.push(...(await measure(scenario, backend)));
  printTable(`Bytes per 1,000 conversations (measured on ${CONVERSATIONS}; goal: stored ≤ 1.5× distinct; Node ${process.version})`, rows);
  if (backends.length === 1) console.log("(Postgres skipped: LOUPE_TEST_PG_URL is not set; run through scripts/pg.sh)");
}

await main();
