#!/usr/bin/env bash
# Runs the benchmarks and prints their tables. Benchmarks use the built packages.
#   npm run bench              storage throughput (SQLite vs raw better-sqlite3, Postgres),
#                              bytes stored per conversation (inline vs content-addressed messages),
#                              request-path overhead (Loupe vs unwrapped vs the OpenTelemetry path) and
#                              all-in host cost per call (main thread + CPU, Loupe vs the Langfuse OTel path)
#   npm run bench:dashboard    the dashboard's queries at 1M traces on SQLite and Postgres
#                              (seeds ~2.5 GB in the temp folder; BENCH_TRACES=… for another size)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
npm run build -w @loupe/middleware --silent >/dev/null
echo "Machine: $(nproc) cores, Node $(node --version)"
[ "${1:-}" = "host" ] && exec node --import tsx test/bench/host-throughput/run.ts   # npm run bench:host: chat req/s of a built Next app, plain vs Langfuse OTel vs Loupe
if [ "${1:-}" = "dashboard" ]; then
  scripts/pg.sh run -- node --import tsx test/bench/dashboard-bench.ts "${BENCH_TRACES:-1000000}"
  exit
fi
scripts/pg.sh run -- node --import tsx test/bench/storage-bench.ts
scripts/pg.sh run -- node --import tsx test/bench/bytes-bench.ts
node --import tsx test/bench/overhead-bench.ts
node --import tsx test/bench/host-cost-bench.ts
