/**
 * Fills the demo's Loupe store with 30 days of realistic history through the real capture
 * path (see seed/run-seed.ts).
 *
 *   npm run seed -w @loupe/demo                 seed (refuses when the store has traces)
 *   npm run seed -w @loupe/demo -- --if-empty   seed only an empty store (used by `start`)
 *   npm run seed -w @loupe/demo -- --force      add another history on top
 *   --traces N (default 3000, or LOUPE_SEED_TRACES)   --days N (default 30)
 *
 * The store is LOUPE_DATABASE_URL, else .loupe/loupe.db in this folder. Uses the built
 * @loupe/middleware (dist), like the app server.
 */
import { seedHistory, storeHasTraces } from "./seed/run-seed";

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? "") : undefined;
}

async function main(): Promise<void> {
  const traces = Number(flag("traces") ?? process.env.LOUPE_SEED_TRACES ?? 3000);
  const days = Number(flag("days") ?? 30);
  if (!Number.isInteger(traces) || traces < 1 || !Number.isInteger(days) || days < 1) {
    throw new Error("--traces and --days take positive integers.");
  }
  const where = process.env.LOUPE_DATABASE_URL ?? "file:.loupe/loupe.db";
  if (await storeHasTraces()) {
    if (flag("if-empty") !== undefined) {
      console.log(`› the store (${where}) already has traces: not seeding`);
      return;
    }
    if (flag("force") === undefined) {
      console.log(`› the store (${where}) already has traces; pass --force to add another ${traces}, or delete it first`);
      return;
    }
  }
  console.log(`› seeding ${traces} chat traces over ${days} days into ${where}`);
  const report = await seedHistory({ traces, days, log: console.log });
  console.log(
    `› seeded ${report.traces} chat traces (${report.failed} failed on purpose), ${report.judged} judge runs, ` +
      `${report.feedback} feedback votes in ${(report.ms / 1000).toFixed(1)} s`,
  );
  if (report.dropped > 0) throw new Error(`Loupe dropped ${report.dropped} records while seeding.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
