# Everything qpgraph needs is installed by these targets, on a fresh machine
# with nothing but Python 3.11 (venv and pip) and make.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
RAW ?= data/raw
OUT ?= build

.PHONY: build test eval clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

## build: extract every article of data/raw into build/ (facts/ and records/)
build: $(BIN)/.installed
	$(BIN)/qpgraph build $(RAW) --out $(OUT)

## test: the whole test suite (unit, doctests, end to end)
test: $(BIN)/.installed
	$(BIN)/python -m pytest

## eval: precision, recall and F1 against data/annotations, with the baseline
eval: $(BIN)/.installed
	$(BIN)/qpgraph eval --gold data/annotations --raw $(RAW)

clean:
	rm -rf $(OUT) $(VENV)
