/**
 * End-to-end host throughput: how much chat throughput a built Next.js app loses to
 * observability. One streamed chat route (app/lib/chat-handler.ts) served three ways —
 * plain, `@ai-sdk/otel` → LangfuseSpanProcessor (exporting to a local sink), and Loupe as the
 * README sets it up — by one `next start`, loaded by closed-loop clients in interleaved rounds.
 *
 *   npm run bench:host     (or: node --import tsx test/bench/host-throughput/run.ts)
 *
 * Environment (defaults in brackets): HOST_BENCH_ROUNDS [6], HOST_BENCH_ROUND_S [8],
 * HOST_BENCH_WARMUP_S [3, per variant], HOST_BENCH_CONCURRENCY [8], HOST_BENCH_VARIANTS
 * [plain,langfuse,loupe], HOST_BENCH_MAX_S [200: cap of the whole run after the build],
 * HOST_BENCH_MAX_REQUESTS [200000], HOST_BENCH_KEEP_DB=1 (keep Loupe's SQLite file),
 * HOST_BENCH_CPU_PROF=<dir> (write the server's V8 CPU profile there on exit; summarise it
 * with profile-summary.ts), HOST_BENCH_ACCEPT_ENCODING (default: what fetch sends over http, "gzip, deflate" like a
 * browser — `next start` then gzips every streamed chunk; "identity" turns that off).
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { fixed, printTable, quantile } from "../print-table.js";
import { chatBody } from "./conversation.js";
import { runLoad } from "./load.js";
import { countStoredRows, type LoupeStatsResponse } from "./loupe-rows.js";
import { ensureBuilt, newestMtime, startNext, startSink, type NextServer, type Sink } from "./server.js";

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const ROUNDS = env("HOST_BENCH_ROUNDS", 6);
const ROUND_MS = env("HOST_BENCH_ROUND_S", 8) * 1000;
const WARMUP_MS = env("HOST_BENCH_WARMUP_S", 3) * 1000;
const CONCURRENCY = env("HOST_BENCH_CONCURRENCY", 8);
const MAX_MS = env("HOST_BENCH_MAX_S", 200) * 1000;
const MAX_REQUESTS = env("HOST_BENCH_MAX_REQUESTS", 200_000);
const VARIANTS = (process.env.HOST_BENCH_VARIANTS ?? "plain,langfuse,loupe").split(",").map((v) => v.trim());
const ACCEPT_ENCODING = process.env.HOST_BENCH_ACCEPT_ENCODING;
const APP_DIR = path.join(import.meta.dirname, "app");
const MIDDLEWARE = path.join(import.meta.dirname, "../../../packages/middleware");

/** Which Loupe build the server loads (it imports packages/middleware/dist at runtime). */
function loupeBuild(): string {
  const built = newestMtime([path.join(MIDDLEWARE, "dist")]);
  if (!built) throw new Error("packages/middleware/dist is missing: run `npm run bench:host` (it builds it)");
  const stale = newestMtime([path.join(MIDDLEWARE, "src")]) > built ? " — OLDER than packages/middleware/src (npm run bench:host rebuilds it)" : "";
  return `@loupe/middleware dist built ${new Date(built).toISOString()}${stale}`;
}

type Variant = string;
interface Tally {
  requests: number;
  latencies: number[];
  loadMs: number;
  drainMs: number;
  cpuMs: number;
  clientCpuMs: number;
  perRound: number[];
}

let server: NextServer | undefined;
let sink: Sink | undefined;
let dataDir: string | undefined;

/** Synchronous cleanup for every way out: stop the server, drop the temp store. */
function cleanup(): void {
  void server?.stop();
  server = undefined;
  if (dataDir && process.env.HOST_BENCH_KEEP_DB !== "1") rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
}
process.on("exit", cleanup);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the server`);
    cleanup();
    process.exit(130);
  });
}

async function post(url: string): Promise<unknown> {
  const response = await fetch(url, { method: "POST", signal: AbortSignal.timeout(60_000) });
  if (response.status !== 200) throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

async function getStats(): Promise<LoupeStatsResponse> {
  const response = await fetch(`${server!.url}/api/stats`, { signal: AbortSignal.timeout(30_000) });
  if (response.status !== 200) throw new Error(`GET /api/stats answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as LoupeStatsResponse;
}

async function main(): Promise<number> {
  const runStarted = performance.now();
  const planned = VARIANTS.length * (WARMUP_MS + ROUNDS * ROUND_MS);
  if (planned > MAX_MS * 0.85) {
    throw new Error(`planned load ${planned / 1000} s does not fit HOST_BENCH_MAX_S=${MAX_MS / 1000}: lower rounds or durations, or raise the cap`);
  }
  for (const v of VARIANTS) if (!["plain", "langfuse", "loupe"].includes(v)) throw new Error(`unknown variant ${v}`);

  const buildMs = ensureBuilt(APP_DIR, 300_000);
  const capTimer = setTimeout(() => {
    console.error(`\n!!! time cap of ${MAX_MS / 1000} s reached: stopping (raise HOST_BENCH_MAX_S or shorten the rounds)`);
    cleanup();
    process.exit(2);
  }, MAX_MS);

  dataDir = mkdtempSync(path.join(tmpdir(), "loupe-host-bench-"));
  const dbFile = path.join(dataDir, "loupe.db");
  sink = await startSink();
  const profDir = process.env.HOST_BENCH_CPU_PROF ? path.resolve(process.env.HOST_BENCH_CPU_PROF) : undefined;
  if (profDir) mkdirSync(profDir, { recursive: true });
  server = await startNext(APP_DIR, {
    LOUPE_DATABASE_URL: `file:${dbFile}`,
    LANGFUSE_BASE_URL: sink.url,
    ...(profDir ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --cpu-prof --cpu-prof-dir=${profDir}`.trim() } : {}),
  });
  console.log(`Machine: ${availableParallelism()} logical CPUs shared by server and clients · Node ${process.version} · ${server.url}`);
  console.log(`Loupe: ${loupeBuild()}`);
  console.log(`Responses: accept-encoding ${ACCEPT_ENCODING ?? "gzip, deflate (fetch's default over http, like a browser)"}`);
  console.log(`Plan: warm-up ${WARMUP_MS / 1000} s per variant, then ${ROUNDS} interleaved rounds × [${VARIANTS.join(", ")}] × ${ROUND_MS / 1000} s, ${CONCURRENCY} concurrent clients`);

  const runId = Date.now().toString(36);
  const next = new Map<Variant, number[]>(VARIANTS.map((v) => [v, Array.from({ length: CONCURRENCY }, () => 0)]));
  const sent = new Map<Variant, number>(VARIANTS.map((v) => [v, 0]));
  let totalRequests = 0;
  const phase = async (variant: Variant, durationMs: number) => {
    const counters = next.get(variant)!;
    const result = await runLoad({
      url: `${server!.url}/api/chat/${variant}`,
      concurrency: CONCURRENCY,
      durationMs,
      maxRequests: Math.max(1, MAX_REQUESTS - totalRequests),
      body: (client, n) => chatBody(`${runId}-${variant}`, client, n),
      firstRequest: (client) => counters[client],
      headers: ACCEPT_ENCODING ? { "accept-encoding": ACCEPT_ENCODING } : undefined,
    });
    result.perClient.forEach((n, client) => (counters[client] += n));
    sent.set(variant, sent.get(variant)! + result.requests);
    totalRequests += result.requests;
    const drainStarted = performance.now();
    await post(`${server!.url}/api/flush?variant=${variant}`);
    return { ...result, drainMs: performance.now() - drainStarted };
  };

  for (const v of VARIANTS) await phase(v, WARMUP_MS);
  const afterWarmup = VARIANTS.includes("loupe") ? await getStats() : undefined;

  const tallies = new Map<Variant, Tally>(VARIANTS.map((v) => [v, { requests: 0, latencies: [], loadMs: 0, drainMs: 0, cpuMs: 0, clientCpuMs: 0, perRound: [] }]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length]); // rotate: no variant always follows another
    const line: string[] = [];
    for (const v of order) {
      const cpu0 = server.cpuMs();
      const client0 = process.cpuUsage();
      const r = await phase(v, ROUND_MS);
      const t = tallies.get(v)!;
      t.cpuMs += server.cpuMs() - cpu0;
      const client = process.cpuUsage(client0);
      t.clientCpuMs += (client.user + client.system) / 1000;
      t.requests += r.requests;
      for (const l of r.latenciesMs) t.latencies.push(l);
      t.loadMs += r.elapsedMs;
      t.drainMs += r.drainMs;
      t.perRound.push(r.requests / ((r.elapsedMs + r.drainMs) / 1000));
      line.push(`${v} ${fixed(t.perRound.at(-1)!, 0)}/s`);
    }
    console.log(`  round ${round + 1}/${ROUNDS}: ${line.join(" · ")}`);
  }

  // The table: sustained throughput counts each round's drain (flush) time in.
  const rate = (t: Tally) => t.requests / ((t.loadMs + t.drainMs) / 1000);
  const plain = tallies.get("plain");
  const rows: (string | number)[][] = [["variant", "requests", "req/s", "min–max/round", "p50 ms", "p99 ms", "server CPU ms/req", "client CPU ms/req", "drain ms", "vs plain"]];
  for (const [v, t] of tallies) {
    rows.push([
      v,
      t.requests,
      fixed(rate(t)),
      `${fixed(Math.min(...t.perRound), 0)}–${fixed(Math.max(...t.perRound), 0)}`,
      fixed(quantile(t.latencies, 0.5)),
      fixed(quantile(t.latencies, 0.99)),
      fixed(t.cpuMs / t.requests, 2),
      fixed(t.clientCpuMs / t.requests, 2),
      fixed(t.drainMs, 0),
      plain ? `${fixed(rate(t) / rate(plain), 2)}×` : "—",
    ]);
  }
  printTable(`Chat throughput, next start, ${CONCURRENCY} clients, ${ROUNDS} rounds × ${ROUND_MS / 1000} s (req/s includes the drain after each round)`, rows);

  let exitCode = 0;
  if (VARIANTS.includes("langfuse")) {
    const n = sent.get("langfuse")!;
    printTable("Langfuse sink (all phases)", [
      ["requests sent", "OTLP exports", "spans received", "spans/request", "KB/request"],
      [n, sink.counts.exports, sink.counts.spans, fixed(sink.counts.spans / n, 2), fixed(sink.counts.bytes / 1024 / n, 1)],
    ]);
  }
  if (VARIANTS.includes("loupe")) exitCode = await reportLoupe(sent.get("loupe")!, afterWarmup!, dbFile);
  clearTimeout(capTimer);
  console.log(`\nDone in ${fixed((performance.now() - runStarted) / 1000, 0)} s (build ${buildMs ? `${fixed(buildMs / 1000, 0)} s` : "up to date"}).`);
  return exitCode;
}

/** Flushes Loupe, prints its store growth and counters, and checks every request was recorded. */
async function reportLoupe(sent: number, afterWarmup: LoupeStatsResponse, dbFile: string): Promise<number> {
  const flushStarted = performance.now();
  let stats = await getStats();
  for (let i = 0; i < 30 && stats.stats.pending > 0; i++) {
    await post(`${server!.url}/api/flush?variant=loupe`);
    stats = await getStats();
  }
  const finalFlushMs = performance.now() - flushStarted;
  const rows = countStoredRows(dbFile);
  const s = stats.stats;
  const mb = (bytes: number) => fixed(bytes / 1024 / 1024, 1);
  const na = (n: number | null) => n ?? "n/a";
  printTable("Loupe store (SQLite, all phases incl. warm-up)", [
    ["requests sent", "chat traces", "generations", "db MB after warm-up → end", "KB/request", "final flush ms"],
    [sent, na(rows.traces), na(rows.generations), `${mb(afterWarmup.dbBytes)} → ${mb(stats.dbBytes)}`, fixed(stats.dbBytes / 1024 / sent, 1), fixed(finalFlushMs, 0)],
  ]);
  console.log(`rows per table: ${rows.tables.map(([name, n]) => `${name.replace(/^loupe_/, "")} ${n}`).join(" · ")}`);
  printTable("loupe.stats()", [
    ["enqueued", "written", "pending", "dropped", "failed", "retries", "flushes", "writeMs", "writer ms/request", "internalErrors", "lastError"],
    [s.enqueued, s.written, s.pending, s.dropped, s.failed, s.retries, s.flushes, fixed(s.writeMs, 0), fixed(s.writeMs / sent, 2), s.internalErrors ?? "?", s.lastError ?? "—"],
  ]);
  const problems: string[] = [];
  if (rows.traces !== sent) problems.push(`${sent} requests sent but ${na(rows.traces)} chat traces stored`);
  if (rows.generations !== sent) problems.push(`${sent} requests sent but ${na(rows.generations)} generations stored`);
  if (rows.unpriced) problems.push(`${rows.unpriced} generations without a cost`);
  if (rows.outputTokens !== null && rows.outputTokens !== sent * 150) problems.push(`output tokens ${rows.outputTokens}, expected ${sent * 150}`);
  for (const key of ["dropped", "failed", "pending", "internalErrors"] as const) if ((s[key] ?? 0) > 0) problems.push(`stats.${key} = ${s[key]}`);
  if (s.written !== s.enqueued) problems.push(`stats: ${s.enqueued} enqueued but ${s.written} written`);
  if (problems.length) {
    console.error(`\n!!! LOUPE DID NOT RECORD EVERY REQUEST:\n!!!   ${problems.join("\n!!!   ")}`);
    return 1;
  }
  console.log(`\nEvery Loupe request was recorded: ${sent} traces, ${sent} priced generations, nothing dropped.`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error("\n!!! host-throughput benchmark failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await sink?.close();
  await server?.stop(); // lets a --cpu-prof server write its profile
  cleanup();
}
