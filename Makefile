# Everything qpgraph needs is installed by these targets, on a fresh machine
# with nothing but Python 3.11 (venv and pip) and make.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
RAW ?= data/raw
OUT ?= build

.PHONY: build test eval bench clean browser
# A plain `make` builds (it never installs a browser).
.DEFAULT_GOAL := build

# Debian's Chromium for the browser tests (Playwright drives it; it never downloads a browser).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

# Debian's ICU headers, which PyICU (under FollowTheMoney, for `qpgraph export ftm`) builds against.
$(BIN)/.installed: pyproject.toml
	@pkg-config --exists icu-uc 2>/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libicu-dev pkg-config >/dev/null; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

## build: data/raw into build/: the store, facts/, records/ and site/, then every export of the graph
build: $(BIN)/.installed
	$(BIN)/qpgraph build $(RAW) --out $(OUT)
	$(BIN)/qpgraph export --build $(OUT)

## test: lint (ruff), then the whole test suite (unit, doctests, end to end, browser); writes test-artifacts/graph.png
test: $(BIN)/.installed browser
	$(BIN)/python -m ruff check src tests benchmarks
	$(BIN)/python -m pytest

## eval: precision, recall and F1 against data/annotations, with the baseline
eval: $(BIN)/.installed
	$(BIN)/qpgraph eval --gold data/annotations --raw $(RAW)

clean:
	rm -rf $(OUT) $(VENV)

## bench: how long graph.html takes to settle in headless Chromium, 500 and 5,000 nodes
bench: $(BIN)/.installed browser
	$(BIN)/python benchmarks/site_settle.py
