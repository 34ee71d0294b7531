"use client";

import type { DynamicToolUIPart, ToolUIPart } from "ai";

const LABELS: Record<string, string> = {
  weather: "Weather",
  calculator: "Calculator",
  searchDocs: "Docs search",
  stockPrice: "Stock price",
};

/** A tool call inside an answer: its input, then its output or error. */
export function ToolCallCard({ name, part }: { name: string; part: ToolUIPart | DynamicToolUIPart }) {
  const failed = part.state === "output-error";
  const done = part.state === "output-available" || failed;
  return (
    <details
      className={`rounded-lg border px-3 py-2 text-sm ${failed ? "border-red-200 bg-red-50" : "border-zinc-200 bg-zinc-100"}`}
      data-testid="tool-call"
      data-tool-name={name}
      data-state={part.state}
    >
      <summary className="cursor-pointer select-none">
        <span className="font-medium">{LABELS[name] ?? name}</span>{" "}
        <span className="text-zinc-500">{JSON.stringify(part.input ?? {})}</span>{" "}
        <span className={failed ? "text-red-700" : "text-zinc-500"}>{failed ? "failed" : done ? "done" : "running…"}</span>
      </summary>
      {part.state === "output-available" && <pre className="mt-2 overflow-x-auto text-xs">{JSON.stringify(part.output, null, 2)}</pre>}
      {failed && <p className="mt-2 text-xs text-red-700">{part.errorText}</p>}
    </details>
  );
}
