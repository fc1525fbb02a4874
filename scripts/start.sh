#!/usr/bin/env bash
# `make start`: installs what is missing, then runs the portal on its embedded
# defaults (frontend http://localhost:3000, backend http://localhost:7007).
set -euo pipefail
source "$(dirname "$0")/lib/toolchain.sh"

ensure_node
ensure_dependencies
ensure_debian_packages mkdocs mkdocs-material

cd "$PORTAL_ROOT"
say "Starting the portal: http://localhost:3000 (backend :7007). Ctrl-C stops it."
# backstage-cli starts the frontend and the backend as its children and stops
# both on Ctrl-C; exec hands the terminal's signals straight to it.
exec yarn start
