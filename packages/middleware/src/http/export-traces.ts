import type { TracePageRow } from "../domain/dashboard-views.js";
import type { TraceQuery } from "../domain/read-queries.js";
import type { TraceStore } from "../store/trace-store.js";

type TraceSummary = TracePageRow;

const COLUMNS: [string, (t: TraceSummary) => unknown][] = [
  ["id", (t) => t.id],
  ["start_time", (t) => t.startTime.toISOString()],
  ["name", (t) => t.name],
  ["user_id", (t) => t.userId],
  ["session_id", (t) => t.sessionId],
  ["tags", (t) => t.tags.join(" ")],
  ["environment", (t) => t.environment],
  ["release", (t) => t.release],
  ["models", (t) => t.models.join(" ")],
  ["level", (t) => t.level],
  ["latency_ms", (t) => t.latencyMs],
  ["ttft_ms", (t) => t.ttftMs],
  ["input_tokens", (t) => t.usage.inputTokens],
  ["cache_read_tokens", (t) => t.usage.cacheReadTokens],
  ["output_tokens", (t) => t.usage.outputTokens],
  ["reasoning_tokens", (t) => t.usage.reasoningTokens],
  ["total_tokens", (t) => t.usage.totalTokens],
  ["total_cost_usd", (t) => t.totalCost],
  ["unpriced_generations", (t) => t.unpricedCount],
  ["input_preview", (t) => t.inputPreview],
  ["output_preview", (t) => t.outputPreview],
  ["scores", (t) => t.scores.map((s) => `${s.name}=${s.value ?? s.stringValue}`).join(" ")],
];

/** One CSV cell: quoted when needed, and defused when a spreadsheet would run it as a formula. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === "string") text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Streams every trace matching `query` (newest first, keyset-paged, at most `maxRows`)
 * as CSV or JSON, without holding them all in memory.
 */
export function exportTraces(store: TraceStore, query: TraceQuery, format: "csv" | "json", maxRows = 100_000): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | null | undefined = undefined;
  let sent = 0;
  let started = false;
  let finished = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (finished) return;
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(format === "csv" ? `${COLUMNS.map(([name]) => name).join(",")}\n` : "["));
      }
      const page = await store.listTraces({ ...query, before: undefined, after: cursor, limit: Math.min(200, maxRows - sent) });
      const chunk = page.items
        .map((t, i) =>
          format === "csv"
            ? `${COLUMNS.map(([, get]) => csvCell(get(t))).join(",")}\n`
            : `${sent + i === 0 ? "" : ","}${JSON.stringify(t)}`,
        )
        .join("");
      sent += page.items.length;
      if (chunk) controller.enqueue(encoder.encode(chunk));
      cursor = page.nextCursor;
      if (!cursor || sent >= maxRows) {
        if (format === "json") controller.enqueue(encoder.encode("]"));
        finished = true;
        controller.close();
      }
    },
  });
}
