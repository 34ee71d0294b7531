#!/usr/bin/env bash
# Run a command with the project's Node first on PATH: scripts/with-node.sh <command...>
set -euo pipefail
source "$(dirname "$0")/env.sh"
exec "$@"
