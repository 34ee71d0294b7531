import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  checkFileSizes,
  checkFolderCycles,
  checkLayers,
  checkSqlLiterals,
  checkStorePort,
  formatViolations,
  type Violation,
} from "./dependency-rules.js";
import { buildTree, loadTree, type SourceTree } from "./import-graph.js";

const SRC = path.resolve(import.meta.dirname, "../../packages/middleware/src");
const SHOWN_PREFIX = "packages/middleware/src/";

/** Fails with every violation listed, one `file:line → target  (why)` per line. */
function expectNone(violations: readonly Violation[], rule: string): void {
  if (violations.length === 0) return;
  throw new Error(`${rule} — ${violations.length} violation(s):\n${formatViolations(violations, SHOWN_PREFIX)}`);
}

describe("packages/middleware/src architecture", () => {
  let tree: SourceTree;
  beforeAll(() => {
    tree = loadTree(SRC);
  });

  it("1. imports point only to the same layer or lower", () => {
    expectNone(checkLayers(tree), "Layering (domain,cost,errors < store < capture,writer < query,eval,budget,otel < http,next < root,testing)");
  });

  it("2. query/capture/eval/budget/otel/next/http reach store/ only via `import type` of store/trace-store.ts", () => {
    expectNone(checkStorePort(tree), "Store port");
  });

  it("3. no SQL string literals outside store/ and testing/", () => {
    expectNone(checkSqlLiterals(tree), "SQL outside store");
  });

  it("4. no import cycles between folders", () => {
    expectNone(checkFolderCycles(tree), "Folder cycles");
  });

  it("5. files stay within 300 lines (unless `size:`-justified) and loupe.ts within 120", () => {
    expectNone(checkFileSizes(tree), "File size");
  });
});

describe("architecture rules (self-test on a synthetic tree)", () => {
  it("report each kind of violation and accept what is allowed", () => {
    const lines = (count: number, first = "export {};") => [first, ...Array.from({ length: count - 1 }, () => "//")].join("\n");
    const synthetic = buildTree([
      { path: "store/trace-store.ts", text: "export interface TraceStore { x: number }\n" },
      { path: "store/sql.ts", text: 'import { list } from "../query/list.js";\nexport const q = `SELECT * FROM t`;\n' },
      { path: "store/migrations.generated.ts", text: 'import "../loupe.js";\n' },
      {
        path: "query/list.ts",
        text: [
          'import type { TraceStore } from "../store/trace-store.js";',
          'import { type TraceStore as Port } from "../store/trace-store.js";',
          'import { TraceStore as Value } from "../store/trace-store.js";',
          'import { q } from "../store/sql.js";',
          "export const list = 1;",
        ].join("\n"),
      },
      {
        path: "capture/record.ts",
        text: [
          "// DELETE FROM comments does not count",
          'const a = "SELECT id FROM traces";',
          "const b = `UPDATE ${table} SET x = 1`;",
          'const c = "delete from traces where id = ?";',
          'const d = "no sql here";',
        ].join("\n"),
      },
      { path: "capture/record.test.ts", text: 'import "../loupe.js";\nconst s = "DROP TABLE x";\n' },
      { path: "testing/fixtures.ts", text: 'const s = "INSERT INTO traces VALUES (1)";\n' },
      { path: "eval/a.ts", text: 'export { b } from "../budget/b.js";\n' },
      { path: "budget/b.ts", text: 'export type { A } from "../eval/a.js";\nexport const b = 1;\n' },
      { path: "domain/events.ts", text: 'const m = await import("../capture/record.js");\n' },
      { path: "domain/big.ts", text: lines(301) },
      { path: "domain/big-ok.ts", text: lines(400, "// size: one table of prices") },
      { path: "cost/prices.json", text: lines(500, "{") },
      { path: "loupe.ts", text: lines(121) },
    ]);
    const show = (violations: Violation[]) => formatViolations(violations).split("\n").filter(Boolean).map((line) => line.trim());

    expect(show(checkLayers(synthetic))).toEqual([
      "domain/events.ts:1 → capture/record.ts  (import; domain is layer 0, capture is layer 2)",
      "store/sql.ts:1 → query/list.ts  (import; store is layer 1, query is layer 3)",
    ]);
    expect(show(checkStorePort(synthetic))).toEqual([
      "query/list.ts:3 → store/trace-store.ts  (import; query may use the port only as `import type`)",
      "query/list.ts:4 → store/sql.ts  (import; query may not reach store internals; depend on the TraceStore port in store/trace-store.ts)",
    ]);
    expect(show(checkSqlLiterals(synthetic))).toEqual([
      'capture/record.ts:2 → "SELECT id FROM traces"  (SQL belongs in store/)',
      'capture/record.ts:3 → "UPDATE ${…} SET x = 1"  (SQL belongs in store/)',
      'capture/record.ts:4 → "delete from traces where id = ?"  (SQL belongs in store/)',
    ]);
    expect(show(checkFolderCycles(synthetic))).toEqual([
      "budget/b.ts:1 → eval/a.ts  (type import; folder cycle {budget, eval})",
      "eval/a.ts:1 → budget/b.ts  (import; folder cycle {budget, eval})",
      "query/list.ts:1 → store/trace-store.ts  (type import; folder cycle {query, store})",
      "query/list.ts:2 → store/trace-store.ts  (type import; folder cycle {query, store})",
      "query/list.ts:3 → store/trace-store.ts  (import; folder cycle {query, store})",
      "query/list.ts:4 → store/sql.ts  (import; folder cycle {query, store})",
      "store/sql.ts:1 → query/list.ts  (import; folder cycle {query, store})",
    ]);
    expect(show(checkFileSizes(synthetic))).toEqual([
      "domain/big.ts:1 → 301 lines  (over 300; split it, or justify with a \"// size: <reason>\" comment in the first 5 lines)",
      "loupe.ts:1 → 121 lines  (loupe.ts is capped at 120; move code into folders)",
    ]);
  });
});
