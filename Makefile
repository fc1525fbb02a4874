# The two commands of the README's Quick start.
.PHONY: start test

start:
	@bash scripts/start.sh

test:
	@bash scripts/test.sh
