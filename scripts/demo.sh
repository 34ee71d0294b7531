#!/usr/bin/env bash
# Sets everything up (first run) and starts the demo app on embedded SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
exec npm run start -w @loupe/demo
