import { loadDocSections } from "./docs-index";

/** One search hit. */
export interface DocHit {
  file: string;
  title: string;
  heading: string;
  snippet: string;
  score: number;
}

const STOP_WORDS = new Set("a an and are as at be by can do docs does for from how i in is it me of on or the to what when where which who why with you your".split(" "));

/** Lower-case keywords of a query, without stop words. */
export function keywords(query: string): string[] {
  return [...new Set(query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1 && !STOP_WORDS.has(w)))];
}

/**
 * Keyword search over the demo's markdown docs: a term counts 3× in a heading, 1× in the
 * body (prefix matches count half); the best `limit` sections win.
 */
export function searchDocs(query: string, limit = 3): DocHit[] {
  const terms = keywords(query);
  if (terms.length === 0) return [];
  const hits: DocHit[] = [];
  for (const section of loadDocSections()) {
    const heading = section.heading.toLowerCase();
    const words = section.text.toLowerCase().split(/[^\p{L}\p{N}]+/u);
    let score = 0;
    for (const term of terms) {
      if (heading.includes(term)) score += 3;
      for (const w of words) score += w === term ? 1 : w.startsWith(term) ? 0.5 : 0;
    }
    if (score > 0) {
      const snippet = section.text.length > 220 ? `${section.text.slice(0, 217).replace(/\s+\S*$/, "")}…` : section.text;
      hits.push({ file: section.file, title: section.title, heading: section.heading, snippet, score });
    }
  }
  return hits.sort((a, b) => b.score - a.score || a.file.localeCompare(b.file)).slice(0, limit);
}
