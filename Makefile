# Two commands do all set-up on a fresh machine with only python3:
#   make demo   (NOSERVE=1 to skip serving the web UI)
#   make test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NOSERVE ?=
DB ?= sqlite:///hadath.db

.PHONY: demo test lint typecheck unit venv clean pg-deps browser-deps

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,postgres,spark]'
	touch $(STAMP)

venv: $(STAMP)

# The main job on the bundled examples: extract, store (SQLite by default), summarise,
# then serve the web UI until Ctrl-C (skipped with NOSERVE=1).
demo: $(STAMP)
	$(BIN)/hadath extract --format table examples/
	$(BIN)/hadath ingest --db $(DB) examples/
	$(BIN)/hadath events --db $(DB)
ifeq ($(strip $(NOSERVE)),)
	@echo "Serving the web UI on http://127.0.0.1:8000 (Ctrl-C to stop)"
	$(BIN)/hadath serve --db $(DB) --host 127.0.0.1 --port 8000
endif

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

# PostgreSQL binaries for the store tests (tests/store/conftest.py starts a throwaway
# server); installed from Debian only when missing.
pg-deps:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; }

# Debian's chromium for the browser tests (tests/web, Playwright drives /usr/bin/chromium;
# no `playwright install` download); installed only when missing.
browser-deps:
	@test -x /usr/bin/chromium || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

unit: $(STAMP) pg-deps browser-deps
	$(BIN)/pytest -q

test: lint typecheck unit

clean:
	rm -rf $(VENV) hadath.db .pytest_cache .mypy_cache .ruff_cache
