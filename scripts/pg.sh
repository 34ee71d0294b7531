#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on a free loopback port, run a command with
# LOUPE_TEST_PG_URL set to it, then stop the server and delete its data.
#
#   scripts/pg.sh run -- <command...>    start, run, stop (exit code of the command)
#   scripts/pg.sh start                  start and print `export LOUPE_TEST_PG_URL=…; export LOUPE_PG_DIR=…`
#   scripts/pg.sh stop <dir>             stop a server started with `start`
#
# Fails loudly (exit 1) when no server can be started: tests must never skip Postgres.
set -euo pipefail

find_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  command -v pg_ctl >/dev/null 2>&1 && { dirname "$(command -v pg_ctl)"; return 0; }
  return 1
}

ensure_installed() {
  if ! find_bin >/dev/null; then
    # shellcheck source=apt-install.sh
    source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
    apt_install postgresql pg.sh || exit 1
  fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  ensure_installed
  local bin dir port
  bin=$(find_bin)
  dir=$(mktemp -d /tmp/loupe-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  port=$(free_port)
  as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; echo "pg.sh: initdb failed" >&2; exit 1; }
  as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null ||
    { cat "$dir/server.log" >&2; echo "pg.sh: server failed to start" >&2; exit 1; }
  as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "create database loupe" >/dev/null
  echo "export LOUPE_TEST_PG_URL=postgresql://postgres@127.0.0.1:$port/loupe; export LOUPE_PG_DIR=$dir"
}

stop() {
  local dir=$1 bin
  bin=$(find_bin)
  as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "$2" ;;
  run)
    shift; [ "${1:-}" = "--" ] && shift
    eval "$(start)"
    trap 'stop "$LOUPE_PG_DIR"' EXIT
    "$@"
    ;;
  *) echo "usage: $0 run -- <command> | start | stop <dir>" >&2; exit 2 ;;
esac
