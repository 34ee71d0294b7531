import type { EventWriter } from "./event-writer.js";

const live = new Set<EventWriter>();
const SIGNALS = ["SIGTERM", "SIGINT"] as const;
let exitTimeoutMs = 5_000;

const flushAll = () => Promise.all([...live].map((w) => w.flush()));
const onBeforeExit = () => void flushAll();
const onExit = () => {
  for (const writer of live) writer.flushSync?.(exitTimeoutMs);
};

/**
 * SIGTERM / SIGINT (what container platforms and `next start` get). When Loupe's is the
 * only listener, the host relied on the default (terminate): Loupe writes what is
 * pending, within the timeout, then re-raises the signal so the process ends as it
 * would have. When the host has its own handler, that handler decides; if it calls
 * `process.exit()`, the `exit` hook below still writes what is pending.
 */
async function onSignal(signal: NodeJS.Signals): Promise<void> {
  if (process.listenerCount(signal) > 1) {
    void flushAll();
    return;
  }
  await Promise.race([flushAll(), new Promise((resolve) => setTimeout(resolve, exitTimeoutMs).unref?.())]);
  process.removeListener(signal, onSignal);
  process.kill(process.pid, signal);
}

function install(): void {
  process.on("beforeExit", onBeforeExit);
  process.on("exit", onExit);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function uninstall(): void {
  process.removeListener("beforeExit", onBeforeExit);
  process.removeListener("exit", onExit);
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
}

/**
 * Writes what a live writer holds before the process goes: when the event loop empties
 * (`beforeExit`), on SIGTERM/SIGINT, and on `process.exit()` (synchronously, for writers
 * that can: the worker writer). Each is bounded by `timeoutMs`. Returns the unregister call.
 */
export function flushOnExit(writer: EventWriter, timeoutMs = 5_000): () => void {
  exitTimeoutMs = timeoutMs;
  if (live.size === 0) install();
  live.add(writer);
  return () => {
    if (live.delete(writer) && live.size === 0) uninstall();
  };
}
