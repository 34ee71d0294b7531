/**
 * A host process for the exit-safety tests (exit-safety.test.ts): records trace events
 * through Loupe's worker writer, then waits to be signalled. Modes:
 *   burst <url> <n>         enqueue n events at once, print "recorded n", wait
 *   burst-handler <url> <n> the same, with the host's own SIGTERM handler (which exits)
 *   stream <url>            enqueue 5 events every 5 ms, print "n=<count>" every 50 ms
 */
import { createLoupe, type LoupeEvent } from "@loupe/middleware";

const [mode, databaseUrl, count] = process.argv.slice(2);
const loupe = createLoupe({ databaseUrl, registerTelemetry: false });
let n = 0;
const event = (): LoupeEvent => ({ kind: "trace", id: `t-${n++}`, startTime: Date.now(), environment: "exit-test", userId: "u", input: { turn: n, text: "x".repeat(200) }, recordInputs: true, recordOutputs: true });

await loupe.store();
if (mode === "burst-handler") {
  process.on("SIGTERM", () => {
    console.log("host handler");
    setTimeout(() => process.exit(0), 20);
  });
}
if (mode === "stream") {
  setInterval(() => {
    for (let i = 0; i < 5; i++) loupe.enqueue(event());
  }, 5);
  setInterval(() => console.log(`n=${n}`), 50);
} else {
  for (let i = 0; i < Number(count); i++) loupe.enqueue(event());
  console.log(`recorded ${n}`);
  setInterval(() => {}, 1_000);
}
