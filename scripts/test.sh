#!/usr/bin/env bash
# Runs every test: unit + integration (vitest, SQLite and a real Postgres started by
# scripts/pg.sh; twice, the second time on a shifted clock and time zone) and end-to-end
# (Playwright in Chromium against the built demo).
# Ends with one line "N passed, N failed" summed over both runners.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bash scripts/setup.sh || { echo "0 passed, 1 failed"; exit 1; }

rm -rf .reports && mkdir -p .reports
status=0

echo "› vitest (unit + integration, SQLite and Postgres)"
scripts/pg.sh run -- npx vitest run --reporter=default --reporter=json --outputFile.json=.reports/vitest.json || status=1

# The same suite again on a shifted clock (last day of the month, across midnight UTC, in
# UTC+14): a test that depends on today's date, the time of day or the zone fails here.
echo "› vitest on a shifted clock (month end, across midnight UTC, UTC+14)"
bash scripts/shifted-clock.sh scripts/pg.sh run -- npx vitest run --reporter=dot --reporter=json --outputFile.json=.reports/vitest-shifted-clock.json || status=1

echo "› playwright (Chromium, the built demo)"
bash scripts/e2e.sh || status=1

echo "› test summary"
node scripts/summarize-tests.mjs .reports/vitest.json .reports/vitest-shifted-clock.json .reports/playwright.json || status=1
exit $status
