import { folderOf, isRuleSubject, type ImportEdge, type SourceTree } from "./import-graph.js";

/**
 * The architecture rules for `packages/middleware/src`, as pure functions from a
 * `SourceTree` to the list of violations (empty when the rule holds). Paths are
 * relative to the tree root.
 */

/** Layer of each folder, lowest first: an import may only point to the same layer or lower. */
export const LAYERS: Readonly<Record<string, number>> = {
  domain: 0, cost: 0, errors: 0,
  store: 1,
  // otel sits beside capture: capture emits GenAI spans through otel/genai-spans.ts.
  capture: 2, writer: 2, otel: 2,
  query: 3, eval: 3, budget: 3,
  http: 4, next: 4,
  root: 5, testing: 5,
};

/** The store port: the only store file the port-only folders may import, and only as types. */
export const STORE_PORT = "store/trace-store.ts";

/** Folders that may reach `store/` only through a type-only import of `STORE_PORT`. */
export const PORT_ONLY_FOLDERS: ReadonlySet<string> = new Set(["query", "capture", "eval", "budget", "otel", "next", "http"]);

/** Folders whose string literals may contain SQL. */
export const SQL_FOLDERS: ReadonlySet<string> = new Set(["store", "testing"]);

/** What counts as SQL in a string literal. */
export const SQL_PATTERN =
  /\b(SELECT\s+[\s\S]*\bFROM\b|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX)|ALTER\s+TABLE|DROP\s+TABLE|ON\s+CONFLICT)\b/i;

/** Line limit for a file without a `size:` comment in its first five lines. */
export const MAX_LINES = 300;

/** The entry file and its own, unconditional line limit. */
export const ENTRY_FILE = "loupe.ts";
export const ENTRY_MAX_LINES = 120;

/** One broken rule, at `file:line`; `detail` says what it points to and why it is wrong. */
export interface Violation {
  readonly file: string;
  readonly line: number;
  readonly detail: string;
}

const SIZE_COMMENT = /(?:\/\/|\/\*|^\s*\*)\s*size:\s*\S/m;

function byPlace(a: Violation, b: Violation): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.detail.localeCompare(b.detail);
}

function subjectEdges(tree: SourceTree): ImportEdge[] {
  return tree.files.filter((file) => isRuleSubject(file.path)).flatMap((file) => file.imports);
}

function edgeViolation(edge: ImportEdge, why: string): Violation {
  const kind = `${edge.typeOnly ? "type import" : "import"}${edge.resolved ? "" : ", target file not found"}`;
  return { file: edge.from, line: edge.line, detail: `→ ${edge.target}  (${kind}; ${why})` };
}

/** Rule 1: no import points to a higher layer than its importer's (or to/from a folder without a layer). */
export function checkLayers(tree: SourceTree): Violation[] {
  return subjectEdges(tree).flatMap((edge) => {
    const from = folderOf(edge.from);
    const to = folderOf(edge.target);
    const unlayered = [from, to].filter((folder) => LAYERS[folder] === undefined);
    if (unlayered.length > 0) return [edgeViolation(edge, `folder ${unlayered.join(", ")} has no layer in LAYERS`)];
    if (LAYERS[to] <= LAYERS[from]) return [];
    return [edgeViolation(edge, `${from} is layer ${LAYERS[from]}, ${to} is layer ${LAYERS[to]}`)];
  }).sort(byPlace);
}

/** Rule 2: port-only folders import `store/` only as `import type` from `store/trace-store.ts`. */
export function checkStorePort(tree: SourceTree): Violation[] {
  return subjectEdges(tree).flatMap((edge) => {
    const from = folderOf(edge.from);
    if (!PORT_ONLY_FOLDERS.has(from) || folderOf(edge.target) !== "store") return [];
    if (edge.target === STORE_PORT && edge.typeOnly) return [];
    const why = edge.target === STORE_PORT
      ? `${from} may use the port only as \`import type\``
      : `${from} may not reach store internals; depend on the TraceStore port in ${STORE_PORT}`;
    return [edgeViolation(edge, why)];
  }).sort(byPlace);
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return JSON.stringify(flat.length > 70 ? `${flat.slice(0, 67)}...` : flat);
}

/** Rule 3: no string or template literal that looks like SQL outside `store/` and `testing/`. */
export function checkSqlLiterals(tree: SourceTree): Violation[] {
  return tree.files
    .filter((file) => isRuleSubject(file.path) && !SQL_FOLDERS.has(folderOf(file.path)))
    .flatMap((file) => file.strings
      .filter((site) => SQL_PATTERN.test(site.parts.join(" x ")))
      .map((site) => ({ file: file.path, line: site.line, detail: `→ ${shorten(site.parts.join("${…}"))}  (SQL belongs in store/)` })))
    .sort(byPlace);
}

/** Folder-level import graph of the rule-subject files: folder → folder → the edges behind it. */
export function folderGraph(tree: SourceTree): Map<string, Map<string, ImportEdge[]>> {
  const graph = new Map<string, Map<string, ImportEdge[]>>();
  for (const edge of subjectEdges(tree)) {
    const from = folderOf(edge.from);
    const to = folderOf(edge.target);
    if (from === to) continue;
    const targets = graph.get(from) ?? new Map<string, ImportEdge[]>();
    targets.set(to, [...(targets.get(to) ?? []), edge]);
    graph.set(from, targets);
  }
  return graph;
}

/** Strongly connected components (Tarjan) of a graph given as node → successors. */
export function stronglyConnected(nodes: Iterable<string>, next: (node: string) => Iterable<string>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const succ of next(node)) {
      if (!index.has(succ)) visit(succ);
      if (onStack.has(succ)) low.set(node, Math.min(low.get(node)!, low.get(succ)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    components.push(component.sort());
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return components;
}

/** Rule 4: no import cycle between folders; every edge inside a multi-folder component is listed. */
export function checkFolderCycles(tree: SourceTree): Violation[] {
  const graph = folderGraph(tree);
  const nodes = new Set([...graph.keys(), ...[...graph.values()].flatMap((targets) => [...targets.keys()])]);
  const components = stronglyConnected([...nodes].sort(), (node) => graph.get(node)?.keys() ?? []);
  return components.filter((component) => component.length > 1).flatMap((component) => {
    const members = new Set(component);
    const cycle = `folder cycle {${component.join(", ")}}`;
    return component.flatMap((from) => [...(graph.get(from) ?? [])]
      .filter(([to]) => members.has(to))
      .flatMap(([, edges]) => edges.map((edge) => edgeViolation(edge, cycle))));
  }).sort(byPlace);
}

/** Rule 5: files over `MAX_LINES` need a `size:` comment in their first five lines; `loupe.ts` stays within `ENTRY_MAX_LINES`. */
export function checkFileSizes(tree: SourceTree): Violation[] {
  return tree.files.flatMap((file) => {
    if (!isRuleSubject(file.path) || file.path.endsWith(".json")) return [];
    if (file.path === ENTRY_FILE) {
      return file.lineCount > ENTRY_MAX_LINES
        ? [{ file: file.path, line: 1, detail: `→ ${file.lineCount} lines  (${ENTRY_FILE} is capped at ${ENTRY_MAX_LINES}; move code into folders)` }]
        : [];
    }
    if (file.lineCount <= MAX_LINES || SIZE_COMMENT.test(file.head)) return [];
    return [{ file: file.path, line: 1, detail: `→ ${file.lineCount} lines  (over ${MAX_LINES}; split it, or justify with a "// size: <reason>" comment in the first 5 lines)` }];
  }).sort(byPlace);
}

/** Renders violations one per line as `<prefix><file>:<line> → <target>  (<why>)`. */
export function formatViolations(violations: readonly Violation[], prefix = ""): string {
  return violations.map((violation) => `  ${prefix}${violation.file}:${violation.line} ${violation.detail}`).join("\n");
}
