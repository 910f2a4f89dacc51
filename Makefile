# Everything qpgraph needs is installed by these targets, on a fresh machine
# with nothing but Python 3.11 (venv and pip) and make. `make` alone prints them.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
RAW ?= data/raw
OUT ?= build

.PHONY: help build export test eval notebook bench clean browser icu
.DEFAULT_GOAL := help

## help: this list (what each target does)
help:
	@echo "qpgraph: make TARGET (the qpgraph command itself is $(BIN)/qpgraph once installed)"
	@sed -n 's/^## //p' $(MAKEFILE_LIST) | awk -F': ' '{printf "  %-9s %s\n", $$1, $$2}'

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian's Chromium for the browser tests (Playwright drives it; it never downloads a browser).
browser:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }
# Debian's ICU headers, which PyICU (under FollowTheMoney, for `qpgraph export ftm`) builds against.
icu:
	@pkg-config --exists icu-uc 2>/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libicu-dev pkg-config >/dev/null; }

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# What a user needs (qpgraph and FollowTheMoney), what the tests add, what the notebook adds.
$(BIN)/.installed: pyproject.toml | $(BIN)/python icu
	$(BIN)/python -m pip install --quiet -e '.[ftm]'
	touch $@
$(BIN)/.installed-test: pyproject.toml $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[ftm,test]'
	touch $@
$(BIN)/.installed-notebook: pyproject.toml $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[ftm,notebook]'
	touch $@

## build: data/raw into build/ (the store, facts/, records/, site/), then every export; prints where the site is
build: $(BIN)/.installed
	$(BIN)/qpgraph build $(RAW) --out $(OUT)
	$(BIN)/qpgraph export --build $(OUT)

## test: lint (ruff), then the whole test suite (unit, doctests, end to end, browser); screenshots in test-artifacts/
test: $(BIN)/.installed-test browser
	$(BIN)/python -m ruff check src tests benchmarks
	$(BIN)/python -m pytest

## eval: precision, recall and F1 against data/annotations, with the baseline
eval: $(BIN)/.installed
	$(BIN)/qpgraph eval --gold data/annotations --raw $(RAW)

## notebook: JupyterLab on notebooks/explore.ipynb (after make build)
notebook: $(BIN)/.installed-notebook
	$(BIN)/jupyter lab notebooks/explore.ipynb

## bench: how long graph.html takes to be drawn in headless Chromium, 500, 1,000 and 5,000 nodes
bench: $(BIN)/.installed-test browser
	$(BIN)/python benchmarks/site_settle.py

## clean: remove build/ and the virtual environment
clean:
	rm -rf $(OUT) $(VENV)
