import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** One searchable section of a markdown document. */
export interface DocSection {
  file: string;
  title: string;
  heading: string;
  text: string;
}

let cache: DocSection[] | undefined;

function docsDir(): string {
  // The app, the seed script and the tests run from apps/demo; a test run may start at the repo root.
  const here = path.join(/*turbopackIgnore: true*/ process.cwd(), "content", "docs");
  const root = path.join(/*turbopackIgnore: true*/ process.cwd(), "apps", "demo", "content", "docs");
  return existsSync(/*turbopackIgnore: true*/ here) ? here : root;
}

/** Splits the demo's markdown files (content/docs/*.md) into sections, once per process. */
export function loadDocSections(): DocSection[] {
  if (cache) return cache;
  const dir = docsDir();
  const sections: DocSection[] = [];
  for (const file of readdirSync(/*turbopackIgnore: true*/ dir).filter((f) => f.endsWith(".md")).sort()) {
    const lines = readFileSync(/*turbopackIgnore: true*/ path.join(dir, file), "utf8").split("\n");
    const title = lines.find((l) => l.startsWith("# "))?.slice(2).trim() ?? file;
    let heading = title;
    let body: string[] = [];
    const push = () => {
      const text = body.join(" ").replace(/\s+/g, " ").trim();
      if (text) sections.push({ file, title, heading, text });
      body = [];
    };
    for (const line of lines) {
      if (/^#{1,3} /.test(line)) {
        push();
        heading = line.replace(/^#+ /, "").trim();
      } else body.push(line);
    }
    push();
  }
  cache = sections;
  return sections;
}
