import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { compileCss, staleFiles, type GeneratedFile } from "../../scripts/build-css.mjs";

// Tailwind scans src/ (this file included) for class names, so the class names below are built
// from pieces: spelled out whole here, they would end up in the CSS whether components use them or not.
const cls = (...parts: string[]) => ["lp", ...parts].join(":");
const selector = (className: string) => `.${className.replace(/[:/]/g, "\\$&")}`;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const source = (file: string) => readFileSync(path.join(root, file), "utf8");

let files: GeneratedFile[];
const css = (file: string) => {
  const found = files.find((f) => f.path === file);
  if (!found) throw new Error(`compileCss() returned no ${file}`);
  return found.contents;
};

describe("generated CSS", () => {
  beforeAll(() => {
    files = compileCss({ stderr: "pipe" });
  });

  it("checked-in *.generated.ts modules match a fresh Tailwind compile", () => {
    expect(files.filter((f) => f.committed).map((f) => f.path)).toEqual([
      "src/styles/admin-css.generated.ts",
      "src/styles/feedback-css.generated.ts",
    ]);
    expect(staleFiles(files), "generated CSS is stale: run `npm run build -w @loupe/ui` and commit the result").toEqual([]);
  });

  it("admin CSS has the lp: classes used by components anywhere under src/", () => {
    const used = [
      { file: "src/components/ui/button.tsx", className: cls("disabled", "pointer-events-none") },
      { file: "src/views/trace-detail/chat-view.tsx", className: cls("bg-muted/30") },
    ];
    for (const { file, className } of used) {
      expect(source(file), `${file} no longer uses ${className}: pick another class for this test`).toContain(className);
      expect(css("dist/styles.css"), `admin CSS lacks ${className} from ${file}: Tailwind did not scan it`).toContain(selector(className));
    }
  });

  it("feedback CSS has the widget's classes and not the dashboard's", () => {
    const widget = cls("max-w-80");
    expect(source("src/feedback/loupe-feedback.tsx")).toContain(widget);
    expect(css("dist/feedback.css")).toContain(selector(widget));
    expect(css("dist/feedback.css")).not.toContain(selector(cls("disabled", "pointer-events-none")));
  });
});
