#!/usr/bin/env bash
# End-to-end tests: installs Debian's Chromium when missing, builds the packages and the
# demo, then runs Playwright (test/playwright.config.ts). The JSON report goes to
# .reports/playwright.json. A browser that cannot be installed or started FAILS the run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

chromium="${LOUPE_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  source scripts/apt-install.sh
  apt_install chromium e2e.sh || { echo "e2e.sh: or set LOUPE_CHROMIUM to a Chromium binary" >&2; exit 1; }
fi
"$chromium" --headless --no-sandbox --disable-gpu --dump-dom about:blank >/dev/null 2>&1 ||
  { echo "e2e.sh: $chromium does not start" >&2; exit 1; }

echo "› building @loupe/middleware, @loupe/ui and the demo"
npm run build -w @loupe/middleware -w @loupe/ui --silent
(cd apps/demo && npx next build) || { echo "e2e.sh: next build of the demo failed" >&2; exit 1; }

mkdir -p .reports
# The demo's throwaway store (seeded by the web server), deleted afterwards.
LOUPE_E2E_DB_DIR="$(mktemp -d "${TMPDIR:-/tmp}/loupe-e2e.XXXXXX")"
export LOUPE_E2E_DB_DIR
trap 'rm -rf "$LOUPE_E2E_DB_DIR"' EXIT
echo "› playwright (Chromium)"
npx playwright test -c test/playwright.config.ts "$@"
