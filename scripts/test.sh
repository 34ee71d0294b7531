#!/usr/bin/env bash
# Runs every test: unit + integration (vitest, SQLite and a real Postgres started by
# scripts/pg.sh) and end-to-end (Playwright in Chromium against the built demo).
# Ends with one line "N passed, N failed" summed over both runners.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bash scripts/setup.sh || { echo "0 passed, 1 failed"; exit 1; }

rm -rf .reports && mkdir -p .reports
status=0

echo "› vitest (unit + integration, SQLite and Postgres)"
scripts/pg.sh run -- npx vitest run --reporter=default --reporter=json --outputFile.json=.reports/vitest.json || status=1

echo "› playwright (Chromium, the built demo)"
bash scripts/e2e.sh || status=1

echo "› test summary"
node scripts/summarize-tests.mjs .reports/vitest.json .reports/playwright.json || status=1
exit $status
