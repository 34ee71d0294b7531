// Types for build-css.mjs, so tests can import it.
export interface GeneratedFile {
  /** Relative to packages/ui. */
  path: string;
  contents: string;
  /** True for the TS modules checked into git; false for dist/*.css. */
  committed: boolean;
}
export function compileCss(options?: { stderr?: "inherit" | "pipe" | "ignore" }): GeneratedFile[];
export function staleFiles(files: GeneratedFile[]): string[];
