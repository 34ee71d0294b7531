// Sums the JSON reports of every test runner (vitest, Playwright) in .reports/ and prints
// the closing line CI reads: "N passed, N failed". Exits 1 when anything failed, when a
// report is missing, or when no test ran at all.
import { existsSync, readFileSync } from "node:fs";

const expected = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
const problems = [];

for (const file of expected) {
  if (!existsSync(file)) {
    problems.push(`${file}: no report (the runner crashed before writing it)`);
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  if (report.stats && "expected" in report.stats) {
    // Playwright: expected = passed, unexpected = failed, flaky = passed on retry.
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected;
    skipped += report.stats.skipped;
    if (report.errors?.length) problems.push(`${file}: ${report.errors.length} global error(s)`);
  } else {
    // vitest (jest-compatible JSON).
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + (report.numTodoTests ?? 0);
    if (report.numFailedTestSuites > 0 && report.numFailedTests === 0) {
      failed += report.numFailedTestSuites;
      problems.push(`${file}: ${report.numFailedTestSuites} test file(s) failed to load`);
    }
  }
}

for (const p of problems) console.log(`! ${p}`);
if (skipped > 0) console.log(`! ${skipped} test(s) skipped — skipped tests do not count as passed`);
const ok = failed === 0 && problems.length === 0 && passed > 0;
console.log(`${passed} passed, ${failed + (ok ? 0 : problems.length)} failed`);
process.exit(ok ? 0 : 1);
