/**
 * The worker entry next to this file: `writer-worker.js` when built; when run from
 * source (tests, the monorepo), the `.ts` entry loaded through tsx's loader.
 */
export function workerEntry(): { url: URL | string; eval: boolean } {
  if (!import.meta.url.endsWith(".ts")) return { url: new URL("./writer-worker.js", import.meta.url), eval: false };
  const source = new URL("./writer-worker.ts", import.meta.url).href;
  return { url: `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`, eval: true };
}
