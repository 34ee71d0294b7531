#!/usr/bin/env bash
# Runs the benchmarks and prints their tables. Benchmarks use the built packages.
#   npm run bench              storage throughput (SQLite vs raw better-sqlite3, Postgres) and
#                              request-path overhead (Loupe vs unwrapped vs the OpenTelemetry path)
#   npm run bench:dashboard    the dashboard's queries at 1M traces on SQLite and Postgres
#                              (seeds ~2.5 GB in the temp folder; BENCH_TRACES=… for another size)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
npm run build -w @loupe/middleware --silent >/dev/null
echo "Machine: $(nproc) cores, Node $(node --version)"
if [ "${1:-}" = "dashboard" ]; then
  scripts/pg.sh run -- node --import tsx test/bench/dashboard-bench.ts "${BENCH_TRACES:-1000000}"
  exit
fi
scripts/pg.sh run -- node --import tsx test/bench/storage-bench.ts
node --import tsx test/bench/overhead-bench.ts
