import type { BatchWriter } from "./batch-writer.js";

const live = new Set<BatchWriter>();
let installed = false;

/**
 * Flushes every live writer when the event loop empties (`beforeExit`), so a script that
 * forgets `loupe.shutdown()` still writes what it recorded. Returns the unregister call.
 */
export function flushOnExit(writer: BatchWriter): () => void {
  live.add(writer);
  if (!installed) {
    installed = true;
    process.once("beforeExit", () => {
      for (const w of live) void w.flush();
    });
  }
  return () => void live.delete(writer);
}
