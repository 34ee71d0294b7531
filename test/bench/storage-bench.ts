/**
 * Observations persisted per second through Loupe's store on SQLite and Postgres, side
 * by side with raw better-sqlite3 multi-row inserts of the same rows:
 *   npm run bench   (Postgres comes from scripts/pg.sh; LOUPE_TEST_PG_URL)
 */
import Database from "better-sqlite3";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freshPostgresDatabase } from "../support/postgres.js";
import { createPostgresStore, createSqliteStore, type ObservationRow, type TraceStore, type TraceRow, type PayloadRow } from "@loupe/middleware";
import { fixed, printTable } from "./print-table.js";

const TOTAL = Number(process.env.BENCH_OBSERVATIONS ?? 50_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 500);
const PER_TRACE = 5;

function rows(offset: number, count: number) {
  const traces: TraceRow[] = [];
  const observations: ObservationRow[] = [];
  const payloads: PayloadRow[] = [];
  const base = Date.parse("2026-03-01T00:00:00Z");
  for (let i = offset; i < offset + count; i++) {
    const traceId = `t-${Math.floor(i / PER_TRACE)}`;
    if (i % PER_TRACE === 0) {
      traces.push({ id: traceId, name: "chat", userId: `user-${i % 97}`, sessionId: `s-${i % 1000}`, environment: "production", startTime: new Date(base + i * 100), endTime: new Date(base + i * 100 + 900) });
    }
    const start = new Date(base + i * 100 + 10);
    observations.push({
      id: `o-${i}`, traceId, type: "GENERATION", name: "chat gpt-4o-mini", startTime: start, endTime: new Date(start.getTime() + 800),
      completionStartTime: new Date(start.getTime() + 200), model: i % 3 ? "gpt-4o-mini" : "claude-sonnet-4-5", provider: "openai.chat",
      inputTokens: 1200, cacheReadTokens: 400, cacheWriteTokens: 0, outputTokens: 300, reasoningTokens: 50, totalTokens: 1500,
      inputCost: 0.00015, outputCost: 0.00018, totalCost: 0.00033, finishReason: "stop", level: "DEFAULT",
    });
    payloads.push({ id: `o-${i}`, traceId, input: JSON.stringify([{ role: "user", content: [{ type: "text", text: `question ${i} `.repeat(10) }] }]), output: JSON.stringify([{ type: "text", text: `answer ${i} `.repeat(20) }]) });
  }
  return { traces, observations, payloads };
}

async function throughStore(store: TraceStore, withDerived: "all" | "observations") {
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let offset = 0; offset < TOTAL; offset += BATCH) {
    const batch = rows(offset, BATCH);
    await store.write(withDerived === "all" ? batch : { observations: batch.observations });
  }
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { perSecond: TOTAL / seconds, cpuUsPerRow: (used.user + used.system) / TOTAL };
}

/** The baseline: better-sqlite3 alone, multi-row INSERTs of the same rows into Loupe's own (migrated) table. */
async function rawSqlite(file: string) {
  const migrated = await createSqliteStore({ url: file });
  await migrated.close();
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  const cols = ["id", "trace_id", "type", "name", "start_time", "end_time", "completion_start_time", "model", "provider", "input_tokens", "cache_read_tokens", "cache_write_tokens", "output_tokens", "reasoning_tokens", "total_tokens", "input_cost", "output_cost", "total_cost", "finish_reason", "level"];
  // SQLite takes at most 32,766 parameters a statement: 1,000 rows of 20 columns.
  const rowsPerStatement = Math.min(BATCH, 1_000);
  const statement = db.prepare(`INSERT INTO loupe_observations (${cols.join(",")}) VALUES ${Array.from({ length: rowsPerStatement }, () => `(${Array(cols.length).fill("?").join(",")})`).join(",")}`);
  const time = (d: Date) => d.toISOString().replace("Z", "+00:00");
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let offset = 0; offset < TOTAL; offset += BATCH) {
    const { observations } = rows(offset, BATCH);
    const values = observations.flatMap((o) => [o.id, o.traceId, o.type, o.name, time(o.startTime), time(o.endTime!), time(o.completionStartTime!), o.model, o.provider, o.inputTokens, o.cacheReadTokens, o.cacheWriteTokens, o.outputTokens, o.reasoningTokens, o.totalTokens, o.inputCost, o.outputCost, o.totalCost, o.finishReason, o.level]);
    const width = cols.length * rowsPerStatement;
    db.transaction(() => {
      for (let i = 0; i < values.length; i += width) statement.run(values.slice(i, i + width));
    })();
  }
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  db.close();
  return { perSecond: TOTAL / seconds, cpuUsPerRow: (used.user + used.system) / TOTAL };
}


async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "loupe-storage-bench-"));
  const raw = await rawSqlite(path.join(dir, "raw.db"));
  const results: [string, { perSecond: number; cpuUsPerRow: number }][] = [["raw better-sqlite3 multi-row INSERT, same table (observations only)", raw]];
  for (const driver of ["prisma", "native"] as const) {
    for (const mode of ["observations", "all"] as const) {
      const store = await createSqliteStore({ url: path.join(dir, `store-${driver}-${mode}.db`), driver });
      const what = mode === "all" ? "traces + observations + payloads + rollups" : "observations + rollups";
      results.push([`Loupe store, SQLite via ${driver === "native" ? "better-sqlite3 (writer thread)" : "Prisma"} (${what})`, await throughStore(store, mode)]);
      await store.close();
    }
  }
  for (const driver of ["prisma", "native"] as const) {
    for (const mode of ["observations", "all"] as const) {
      const url = process.env.LOUPE_TEST_PG_URL ? await freshPostgresDatabase(`bench_${driver}_${mode}`) : undefined;
      if (!url) {
        console.error("LOUPE_TEST_PG_URL not set: run through `npm run bench` to include Postgres.");
        process.exitCode = 1;
        break;
      }
      const store = await createPostgresStore({ url, driver });
      const what = mode === "all" ? "traces + observations + payloads + rollups" : "observations + rollups";
      results.push([`Loupe store, Postgres via ${driver === "native" ? "pg (writer thread)" : "Prisma"} (${what})`, await throughStore(store, mode)]);
      await store.close();
    }
  }
  printTable(`Storage: ${TOTAL.toLocaleString()} observations in batches of ${BATCH} (Node ${process.version})`, [
    ["path", "observations/s", "vs raw SQLite", "CPU µs / row"],
    ...results.map(([name, r]) => [name, Math.round(r.perSecond).toLocaleString(), `${fixed((r.perSecond / raw.perSecond) * 100, 0)}%`, fixed(r.cpuUsPerRow, 1)]),
  ]);
}

await main();
