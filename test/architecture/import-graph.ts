import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/**
 * Reads a source folder into a plain, serialisable model — files, their relative
 * imports (resolved to files of the same tree) and their string literals — so the
 * architecture rules can be pure functions over it. `buildTree` works on in-memory
 * sources (used by the self-test); `loadTree` reads a folder from disk.
 */

/** A relative `import`, `export … from`, `import()` or `import("…")` type found in a file. */
export interface ImportEdge {
  /** Importing file, relative to the tree root, with `/` separators. */
  readonly from: string;
  /** 1-based line of the import statement. */
  readonly line: number;
  /** The specifier as written, e.g. `../store/trace-store.js`. */
  readonly specifier: string;
  /** Target file relative to the tree root; the first candidate path when no file matches. */
  readonly target: string;
  /** Whether `target` is a file of the tree. */
  readonly resolved: boolean;
  /** `import type`, `export type … from`, all specifiers `type`, or an `import("…")` type. */
  readonly typeOnly: boolean;
}

/** A string literal or template literal of a file (comments are never included). */
export interface StringSite {
  /** 1-based line where the literal starts. */
  readonly line: number;
  /** Cooked text pieces: one for a plain literal, head and spans for a template with substitutions. */
  readonly parts: readonly string[];
}

/** One file of the tree. Non-code files (e.g. `.json`) have no imports or strings. */
export interface TreeFile {
  /** Path relative to the tree root, with `/` separators. */
  readonly path: string;
  /** Number of lines (a trailing newline does not start a new one). */
  readonly lineCount: number;
  /** The first five lines, joined with `\n`. */
  readonly head: string;
  readonly imports: readonly ImportEdge[];
  readonly strings: readonly StringSite[];
}

/** All files of a source tree. */
export interface SourceTree {
  readonly files: readonly TreeFile[];
}

/** A file given by path and content, for `buildTree`. */
export interface SourceText {
  readonly path: string;
  readonly text: string;
}

const CODE_FILE = /\.[cm]?[jt]sx?$/;
const TS_FOR_JS: Readonly<Record<string, readonly string[]>> = {
  ".js": [".ts", ".tsx"],
  ".jsx": [".tsx"],
  ".mjs": [".mts"],
  ".cjs": [".cts"],
};

/** The folder of a file: its first path segment, or `root` for files directly in the tree root. */
export function folderOf(file: string): string {
  const slash = file.indexOf("/");
  return slash < 0 ? "root" : file.slice(0, slash);
}

/** Whether a file is a test (`*.test.ts` / `*.test.tsx`). */
export function isTestFile(file: string): boolean {
  return /\.test\.tsx?$/.test(file);
}

/** Whether a file is generated (`*.generated.ts`). */
export function isGeneratedFile(file: string): boolean {
  return file.endsWith(".generated.ts");
}

/** Whether the rules apply to a file: neither a test nor generated. */
export function isRuleSubject(file: string): boolean {
  return !isTestFile(file) && !isGeneratedFile(file);
}

function countLines(text: string): number {
  if (text.length === 0) return 0;
  const lines = text.split("\n").length;
  return text.endsWith("\n") ? lines - 1 : lines;
}

function everyBindingIsType(elements: ts.NodeArray<ts.ImportSpecifier | ts.ExportSpecifier>): boolean {
  return elements.length > 0 && elements.every((element) => element.isTypeOnly);
}

function importIsTypeOnly(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import "./x.js"` runs the module
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return bindings !== undefined && ts.isNamedImports(bindings) && everyBindingIsType(bindings.elements);
}

function exportIsTypeOnly(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return clause !== undefined && ts.isNamedExports(clause) && everyBindingIsType(clause.elements);
}

interface RawImport {
  readonly specifier: string;
  readonly line: number;
  readonly typeOnly: boolean;
}

/** Finds the module specifier and type-only flag of an import-like node, if it is one. */
function importOf(node: ts.Node): { specifier: ts.Node; typeOnly: boolean } | undefined {
  if (ts.isImportDeclaration(node)) return { specifier: node.moduleSpecifier, typeOnly: importIsTypeOnly(node) };
  if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
    return { specifier: node.moduleSpecifier, typeOnly: exportIsTypeOnly(node) };
  }
  if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
    return { specifier: node.moduleReference.expression, typeOnly: node.isTypeOnly };
  }
  if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0]) {
    return { specifier: node.arguments[0], typeOnly: false };
  }
  if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
    return { specifier: node.argument.literal, typeOnly: true };
  }
  return undefined;
}

function scanCode(file: string, text: string): { imports: RawImport[]; strings: StringSite[] } {
  const kind = /x$/.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const imports: RawImport[] = [];
  const strings: StringSite[] = [];
  const visit = (node: ts.Node): void => {
    const found = importOf(node);
    if (found && ts.isStringLiteralLike(found.specifier)) {
      imports.push({ specifier: found.specifier.text, line: lineOf(node), typeOnly: found.typeOnly });
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      strings.push({ line: lineOf(node), parts: [node.text] });
    } else if (ts.isTemplateExpression(node)) {
      strings.push({ line: lineOf(node), parts: [node.head.text, ...node.templateSpans.map((span) => span.literal.text)] });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { imports, strings };
}

function candidatesFor(base: string): string[] {
  const ext = path.posix.extname(base);
  const stem = ext ? base.slice(0, -ext.length) : base;
  const mapped = (TS_FOR_JS[ext] ?? []).map((tsExt) => stem + tsExt);
  return [...mapped, base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`];
}

/** Resolves a relative specifier inside the tree; `undefined` for packages and paths leaving the tree. */
function resolveImport(from: string, raw: RawImport, known: ReadonlySet<string>): ImportEdge | undefined {
  const spec = raw.specifier;
  if (!(spec === "." || spec === ".." || spec.startsWith("./") || spec.startsWith("../"))) return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec)).replace(/\/$/, "");
  if (base === ".." || base.startsWith("../")) return undefined;
  const candidates = candidatesFor(base);
  const hit = candidates.find((candidate) => known.has(candidate));
  return { from, line: raw.line, specifier: spec, target: hit ?? candidates[0], resolved: hit !== undefined, typeOnly: raw.typeOnly };
}

/** Builds the tree model from in-memory sources; imports resolve against the given paths only. */
export function buildTree(sources: Iterable<SourceText>): SourceTree {
  const list = [...sources].map((source) => ({ path: source.path.split(path.sep).join("/"), text: source.text }));
  const known = new Set(list.map((source) => source.path));
  const files = list.map(({ path: file, text }): TreeFile => {
    const scanned = CODE_FILE.test(file) ? scanCode(file, text) : { imports: [], strings: [] };
    const imports = scanned.imports.flatMap((raw) => resolveImport(file, raw, known) ?? []);
    const head = text.split("\n").slice(0, 5).join("\n");
    return { path: file, lineCount: countLines(text), head, imports, strings: scanned.strings };
  });
  return { files: files.sort((a, b) => a.path.localeCompare(b.path)) };
}

/** Reads every file under `root` (skipping dot-folders and node_modules) and builds its tree model. */
export function loadTree(root: string): SourceTree {
  const sources: SourceText[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.relative(root, path.join(entry.parentPath, entry.name));
    if (file.split(path.sep).some((part) => part.startsWith(".") || part === "node_modules")) continue;
    try {
      sources.push({ path: file, text: readFileSync(path.join(root, file), "utf8") });
    } catch {
      // A file removed while the tree is read (e.g. mid-refactor) is simply skipped.
    }
  }
  if (sources.length === 0) throw new Error(`no source files found under ${root}`);
  return buildTree(sources);
}
