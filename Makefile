# The two commands of the README's Quick start.
.PHONY: start test bench-ingest bench-api bench-frontend

start:
	@bash scripts/start.sh

test:
	@bash scripts/test.sh

# Benchmarks of the cost and tenancy backend (see the README's Performance section).
bench-ingest:
	@bash scripts/bench.sh ingest

bench-api:
	@bash scripts/bench.sh api

bench-frontend:
	@bash scripts/bench.sh frontend
