#!/usr/bin/env bash
# Runs a command on a shifted clock and time zone, to catch tests that depend on the
# wall-clock date, the time of day or the time zone:
#
#   scripts/shifted-clock.sh <command...>
#
# The clock starts 30 s before midnight UTC on the last day of the current month (so the
# run crosses a day and a month boundary) in the UTC+14 zone (Pacific/Kiritimati: the
# local date is already the next day). Uses libfaketime (Debian's `faketime`, installed
# with apt-get when missing). LOUPE_CLOCK_ZONE overrides the zone.
set -euo pipefail

if ! command -v faketime >/dev/null 2>&1; then
  source "$(dirname "$0")/apt-install.sh"
  apt_install faketime shifted-clock.sh || exit 1
fi

zone="${LOUPE_CLOCK_ZONE:-Pacific/Kiritimati}"
# Midnight UTC that starts next month, minus 30 s.
next_month="$(date -u -d "$(date -u +%Y-%m-01) +1 month" +%s)"
start=$((next_month - 30))
local_start="$(TZ="$zone" date -d "@$start" '+%Y-%m-%d %H:%M:%S')"
echo "› shifted clock: $(date -u -d "@$start" '+%Y-%m-%dT%H:%M:%SZ') (local $local_start, $zone)" >&2
TZ="$zone" exec faketime "$local_start" "$@"
