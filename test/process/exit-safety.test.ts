import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSqliteStore } from "@loupe/middleware";
import { rawSql } from "@loupe/middleware/testing";
import { describe, expect, it } from "vitest";

const child = path.join(import.meta.dirname, "exit-child.ts");
const tempUrl = () => `file:${path.join(mkdtempSync(path.join(tmpdir(), "loupe-exit-")), "loupe.db")}`;

/** Starts the child host; resolves each stdout line to `onLine`. */
function startChild(args: string[], onLine: (line: string, atMs: number) => void): ChildProcess {
  const proc = spawn(process.execPath, ["--conditions=loupe-source", "--import", "tsx", child, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  let rest = "";
  proc.stdout!.on("data", (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) onLine(line, performance.now());
  });
  return proc;
}

const exited = (proc: ChildProcess) => new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.once("exit", (code, signal) => resolve({ code, signal })));

async function storedTraces(databaseUrl: string): Promise<number> {
  return (await storedRange(databaseUrl)).count;
}

/** How many traces are stored, and one past the highest `t-<n>` id among them. */
async function storedRange(databaseUrl: string): Promise<{ count: number; end: number }> {
  const store = await createSqliteStore({ url: databaseUrl });
  try {
    const [row] = await rawSql(store).query<{ n: unknown; top: unknown }>(`SELECT COUNT(*) AS n, MAX(CAST(substr(id, 3) AS INTEGER)) AS top FROM loupe_traces`);
    return { count: Number(row.n), end: row.top === null ? 0 : Number(row.top) + 1 };
  } finally {
    await store.close();
  }
}

describe("a host process that is stopped", () => {
  it("loses nothing on SIGTERM mid-burst, and still ends by the signal as it would have", async () => {
    const url = tempUrl();
    let recorded = 0;
    const proc = startChild(["burst", url, "3000"], (line) => {
      if (line.startsWith("recorded")) {
        recorded = Number(line.split(" ")[1]);
        proc.kill("SIGTERM");
      }
    });
    const { signal } = await exited(proc);
    expect(recorded).toBe(3000);
    expect(signal).toBe("SIGTERM");
    expect(await storedTraces(url)).toBe(3000);
  });

  it("keeps the host's own SIGTERM handler working, and writes what is pending when it exits", async () => {
    const url = tempUrl();
    const lines: string[] = [];
    const proc = startChild(["burst-handler", url, "3000"], (line) => {
      lines.push(line);
      if (line.startsWith("recorded")) proc.kill("SIGTERM");
    });
    const { code } = await exited(proc);
    expect(lines).toContain("host handler");
    expect(code).toBe(0);
    expect(await storedTraces(url)).toBe(3000);
  });

  it("loses at most about one flush interval (1 s) of events on SIGKILL", async () => {
    const url = tempUrl();
    const seen: { n: number; at: number }[] = [];
    const proc = startChild(["stream", url], (line, at) => {
      if (line.startsWith("n=")) seen.push({ n: Number(line.slice(2)), at });
    });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const killedAt = performance.now();
    proc.kill("SIGKILL");
    await exited(proc);
    const total = seen.at(-1)!.n;
    // Everything enqueued more than one flush interval (+ 1.5 s for a write in progress on a busy machine) before the kill is stored.
    const safe = [...seen].reverse().find((s) => s.at <= killedAt - 2_500)?.n ?? 0;
    const stored = await storedRange(url);
    expect(total).toBeGreaterThan(1_000);
    expect(stored.count).toBeGreaterThanOrEqual(safe);
    // What was lost is only the tail: the stored events are exactly the first ones recorded.
    expect(stored.end).toBe(stored.count);
  });
});
