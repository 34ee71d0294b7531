#!/usr/bin/env bash
# Runs the benchmarks and prints their tables: storage throughput (SQLite vs raw
# better-sqlite3, and Postgres on a throwaway server) and request-path overhead
# (Loupe vs unwrapped model vs the OpenTelemetry path). Benchmarks use the built packages.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
npm run build -w @loupe/middleware --silent >/dev/null
echo "Machine: $(nproc) cores, Node $(node --version)"
scripts/pg.sh run -- node --import tsx test/bench/storage-bench.ts
node --import tsx test/bench/overhead-bench.ts
