#!/usr/bin/env bash
# Starts the demo the way a newcomer needs it: builds it when there is no (current) build,
# seeds the Loupe store when it is empty, then serves it on $PORT (default 3000).
set -euo pipefail
cd "$(dirname "$0")/.."
source ../../scripts/env.sh

port="${PORT:-3000}"
mkdir -p .loupe

# One secret for feedback tokens and the demo's sign-in cookie, kept across restarts.
if [ -z "${LOUPE_SECRET:-}" ]; then
  [ -s .loupe/secret ] || node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("hex"))' > .loupe/secret
  LOUPE_SECRET="$(cat .loupe/secret)"
  export LOUPE_SECRET
fi

# The demo consumes the packages' compiled output (setup.sh builds it; this is a fallback).
if [ ! -f ../../packages/middleware/dist/index.js ] || [ ! -f ../../packages/ui/dist/admin/index.js ]; then
  echo "› building @loupe/middleware and @loupe/ui"
  (cd ../.. && npm run build -w @loupe/middleware -w @loupe/ui --silent)
fi

needs_build() {
  [ -f .next/BUILD_ID ] || return 0
  # Rebuild when the app or the packages it uses changed since the last build.
  [ -n "$(find app lib components content next.config.ts ../../packages/middleware/dist ../../packages/ui/dist \
    -newer .next/BUILD_ID -type f 2>/dev/null | head -n 1)" ]
}
if needs_build; then
  echo "› building the demo (next build)"
  npx next build
fi

# The seed imports the built @loupe/middleware (dist), like the server: both write the same schema version.
npx tsx scripts/seed.ts --if-empty

echo
echo "  Loupe demo → http://localhost:${port}"
echo "  Sign in as any user to chat; sign in as \"admin\" for the dashboard at http://localhost:${port}/admin/llm"
echo "  Store: ${LOUPE_DATABASE_URL:-file:$(pwd)/.loupe/loupe.db}"
echo
exec npx next start -p "$port"
