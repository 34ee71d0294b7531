/**
 * Where the server's time went: summarises a V8 `.cpuprofile` written by
 * `HOST_BENCH_CPU_PROF=<dir> npm run bench:host` as self time per package (bundled code in
 * `.next` is mapped back to its package through the chunks' source maps; native frames count
 * for the JS frame that called them) and the top functions.
 *
 *   node --import tsx test/bench/host-throughput/profile-summary.ts <file.cpuprofile> [top=25]
 */
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";
import { printTable } from "../print-table.js";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const maps = new Map<string, SourceMap | null>();

/** The original source of a frame in a bundled `.next` chunk (via its .map), else its own URL. */
function originalSource(frame: ProfileNode["callFrame"]): string {
  const file = frame.url.startsWith("file://") ? fileURLToPath(frame.url) : decodeURIComponent(frame.url);
  if (!file.includes("/.next/")) return file;
  let map = maps.get(file);
  if (map === undefined) {
    map = existsSync(`${file}.map`) ? new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8"))) : null;
    maps.set(file, map);
  }
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string } | undefined;
  return entry?.originalSource ? decodeURIComponent(entry.originalSource) : file;
}

/** A package-level bucket for a source path ("" when the frame has no URL: native or V8). */
function bucketOf(source: string): string {
  if (!source) return "";
  if (source.includes("packages/middleware/generated/")) return "@prisma/client (Loupe's generated client)";
  if (source.startsWith("wasm://")) return "wasm (Prisma's query compiler)";
  const loupe = source.match(/packages\/middleware\/(?:dist|src)\/([^/]+)\//);
  if (loupe) return `@loupe/middleware ${loupe[1]}/`;
  if (source.includes("packages/middleware/")) return "@loupe/middleware";
  const pkg = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)?.at(-1);
  if (pkg) return pkg.slice("node_modules/".length, -1).replace(/^\.prisma$/, "@prisma/client (generated)");
  if (source.startsWith("node:")) return `node:${source.slice(5).split("/").slice(0, 2).join("/")}`;
  if (source.includes("/host-throughput/app/")) return "the app's own code";
  return source.split("/").slice(-2).join("/");
}

function main(): void {
  const [file, topArg] = process.argv.slice(2);
  if (!file) throw new Error("usage: profile-summary.ts <file.cpuprofile> [top]");
  const top = Number(topArg ?? 25);
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // Bucket per node: its own, or (native / V8 frames without a URL) its caller's.
  const bucket = new Map<number, string>();
  const special = new Set(["(garbage collector)", "(idle)", "(program)", "(root)"]);
  const visit = (node: ProfileNode, inherited: string) => {
    const name = node.callFrame.functionName;
    const own = special.has(name) ? name : bucketOf(originalSource(node.callFrame)) || inherited;
    bucket.set(node.id, own);
    for (const child of node.children ?? []) visit(byId.get(child)!, own || inherited);
  };
  visit(profile.nodes[0], "(native)");

  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + dt);
  }
  const byBucket = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    const b = bucket.get(id)!;
    if (b === "(idle)") continue;
    busy += us;
    byBucket.set(b, (byBucket.get(b) ?? 0) + us);
    const source = originalSource(node.callFrame).split("/").slice(-2).join("/");
    const key = `${node.callFrame.functionName || "(anonymous)"}  ${source}:${node.callFrame.lineNumber + 1}  [${b}]`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1)}%`;
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  printTable(`Busy time by package (self, ${(busy / 1e6).toFixed(1)} s busy, idle excluded)`, [
    ["package", "ms", "share"],
    ...sorted(byBucket).map(([b, us]) => [b, (us / 1000).toFixed(0), pct(us)]),
  ]);
  printTable("Top functions (self time)", [["function  source  [package]", "ms", "share"], ...sorted(byFunction).map(([f, us]) => [f, (us / 1000).toFixed(0), pct(us)])]);
}

main();
