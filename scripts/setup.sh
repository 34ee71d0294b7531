#!/usr/bin/env bash
# Sets up a fresh clone: fetches the project's Node, installs packages, generates Loupe's
# Prisma clients and builds the packages. Safe to re-run; does only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

stamp=node_modules/.loupe-install-stamp
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ "$(cat "$stamp")" != "$(node --version)" ]; then
  echo "› installing packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  node --version > "$stamp"
fi

if [ ! -f packages/middleware/generated/sqlite/index.js ] || [ ! -f packages/middleware/generated/postgres/index.js ] ||
   [ prisma/loupe.prisma -nt packages/middleware/generated/sqlite/index.js ]; then
  echo "› generating Loupe's Prisma clients"
  npm run generate -w @loupe/middleware --silent >/dev/null
fi

# The demo and the benchmarks use the compiled packages (tests run from source).
if [ ! -f packages/middleware/dist/index.js ] || [ ! -f packages/ui/dist/admin/index.js ] ||
   [ -n "$(find packages/middleware/src packages/ui/src prisma -newer packages/ui/dist/admin/index.js -print -quit 2>/dev/null)" ]; then
  echo "› building @loupe/middleware and @loupe/ui"
  npm run build -w @loupe/middleware -w @loupe/ui --silent >/dev/null
fi
