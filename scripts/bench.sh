#!/usr/bin/env bash
# `make bench-ingest` / `make bench-api`: the cost and tenancy benchmarks.
# Each prints its figures, one JSON line last. Not part of `make test`.
set -euo pipefail
source "$(dirname "$0")/lib/toolchain.sh"

ensure_node
ensure_dependencies
ensure_postgres

cd "$PORTAL_ROOT"
exec yarn workspace @internal/plugin-cost-tenancy-backend "bench:$1" "${@:2}"
