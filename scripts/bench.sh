#!/usr/bin/env bash
# `make bench-ingest`, `make bench-api`, `make bench-frontend`: the cost and
# tenancy benchmarks.
# Each prints its figures, one JSON line last. Not part of `make test`.
set -euo pipefail
source "$(dirname "$0")/lib/toolchain.sh"

ensure_node
ensure_dependencies
ensure_postgres

cd "$PORTAL_ROOT"
if [ "$1" = frontend ]; then
  # The production build, its gzipped size, then the page times in Chromium.
  ensure_debian_packages chromium
  yarn build:all
  node packages/app/e2e-bench/bundleSize.js
  exec yarn playwright test --config playwright.bench.config.ts
fi
exec yarn workspace @internal/plugin-cost-tenancy-backend "bench:$1" "${@:2}"
