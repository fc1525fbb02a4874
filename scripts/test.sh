#!/usr/bin/env bash
# `make test`: installs what is missing, then runs everything CI runs. Every
# check runs even when an earlier one failed (the end-to-end tests need the
# build); the run exits non-zero if any failed and ends with one summary line.
set -uo pipefail
source "$(dirname "$0")/lib/toolchain.sh"

ensure_node
ensure_dependencies
ensure_debian_packages chromium mkdocs mkdocs-material
ensure_postgres

cd "$PORTAL_ROOT"
rm -rf .test-results
mkdir -p .test-results

failed=()
step() {
  local name="$1"
  shift
  say "$name: $*"
  local started=$SECONDS
  if "$@"; then
    say "$name passed in $((SECONDS - started)) s"
  else
    failed+=("$name")
    printf '\033[1;31m[portal] %s FAILED after %s s\033[0m\n' "$name" "$((SECONDS - started))"
  fi
}

step "Type check" yarn tsc
step "Lint" yarn lint:all
step "Formatting" yarn prettier:check
# CI=true: one run, no watch mode.
step "Unit and database tests" env CI=true yarn test --json --outputFile=.test-results/jest.json
step "Production build" yarn build:all
if [[ " ${failed[*]} " == *" Production build "* ]]; then
  failed+=("End-to-end tests (not run: no build)")
else
  step "End-to-end tests" yarn test:e2e
fi

node scripts/lib/summarize-tests.js "${failed[@]}"
