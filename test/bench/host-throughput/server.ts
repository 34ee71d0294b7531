import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";

const NEXT_BIN = path.resolve(import.meta.dirname, "../../../node_modules/next/dist/bin/next");

/** Newest modification time (ms) of the files under `paths`, ignoring .next and node_modules. */
export function newestMtime(paths: string[]): number {
  let newest = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      const children = readdirSync(p).filter((name) => name !== ".next" && name !== "node_modules").map((name) => path.join(p, name));
      newest = Math.max(newest, newestMtime(children));
    } else newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

/**
 * Runs `next build` in `appDir` when there is no build or a source file is newer than it.
 * (Loupe itself is not in the bundle — it is imported at runtime from packages/middleware/dist —
 * so a rebuilt @loupe/middleware needs no rebuilt app.) Returns the build time in ms, 0 if none.
 */
export function ensureBuilt(appDir: string, timeoutMs: number): number {
  const buildId = path.join(appDir, ".next/BUILD_ID");
  const sources = ["app", "lib", "next.config.ts", "package.json", "tsconfig.json"].map((p) => path.join(appDir, p));
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= newestMtime(sources)) return 0;
  console.log("› next build (the app changed or was never built)");
  const started = performance.now();
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: appDir, encoding: "utf8", timeout: timeoutMs, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error(`next build failed (${result.error?.message ?? `exit ${result.status}`})`);
  }
  return performance.now() - started;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A started `next start`: its URL, and how to read its CPU time and stop it. */
export interface NextServer {
  url: string;
  /** User + system CPU time of the server's process tree so far, in ms. */
  cpuMs(): number;
  /** Stops the server (SIGTERM, then SIGKILL after 3 s); resolves once it exited. Safe to call twice and from an exit handler. */
  stop(): Promise<void>;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU ms (utime + stime) of `root` and its descendants, from /proc. */
function treeCpuMs(root: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" "); // fields from #3 (state) on
      stats.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended meanwhile
    }
  }
  let ticks = 0;
  const pending = [root];
  while (pending.length) {
    const pid = pending.pop()!;
    ticks += stats.get(pid)?.ticks ?? 0;
    for (const [child, s] of stats) if (s.ppid === pid) pending.push(child);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** Starts `next start` on a free loopback port (its own process group) and waits until it answers. */
export async function startNext(appDir: string, env: Record<string, string>, readyTimeoutMs = 60_000): Promise<NextServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: appDir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d: Buffer) => void (log += d.toString()));
  child.stderr!.on("data", (d: Buffer) => {
    log += d.toString();
    process.stderr.write(`[next] ${d.toString()}`);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let stopped = false;
  const stop = () => {
    if (stopped || child.pid === undefined || child.exitCode !== null) return exited;
    stopped = true;
    try {
      process.kill(-child.pid, "SIGTERM");
      const pid = child.pid;
      setTimeout(() => {
        try {
          process.kill(-pid, "SIGKILL");
        } catch {
          // already gone
        }
      }, 3000).unref();
    } catch {
      // already gone
    }
    return exited;
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = performance.now() + readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${log}`);
    try {
      await fetch(`${url}/_ready`, { signal: AbortSignal.timeout(2000) });
      break; // any HTTP answer (a 404 here) means it is serving
    } catch {
      if (performance.now() > deadline) {
        void stop();
        throw new Error(`next start did not answer within ${readyTimeoutMs} ms:\n${log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return { url, cpuMs: () => treeCpuMs(child.pid!), stop };
}

/** The local stand-in for Langfuse's OTLP endpoint: accepts, counts and discards. */
export interface Sink {
  url: string;
  counts: { exports: number; bytes: number; spans: number };
  close(): Promise<void>;
}

/** Starts the sink on a free loopback port (spans are counted by their `"spanId"` keys). */
export async function startSink(): Promise<Sink> {
  const counts = { exports: 0, bytes: 0, spans: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      counts.exports += 1;
      counts.bytes += body.length;
      counts.spans += body.toString("latin1").split('"spanId"').length - 1;
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
