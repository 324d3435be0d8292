# sitrep — set-up and everyday commands.  Every target creates the virtual environment if needed.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= sitrep.db

.PHONY: demo test lint eval bench clean

$(BIN)/sitrep: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $(BIN)/sitrep

## demo: ingest the bundled examples into SQLite ($(DB)) and print what was found
demo: $(BIN)/sitrep
	$(BIN)/sitrep ingest examples/ --db $(DB)
	$(BIN)/sitrep articles --db $(DB)
	$(BIN)/sitrep claims --db $(DB) --limit 12
	$(BIN)/sitrep events --db $(DB) --limit 12

## test: lint, type-check and run the test suite
test: $(BIN)/sitrep
	$(BIN)/ruff check src tests eval bench
	$(BIN)/mypy src
	$(BIN)/pytest

## eval: the quality gate on the shared evaluation data (../shared), floors in eval/floors.json
eval: $(BIN)/sitrep
	$(BIN)/python eval/gate.py

## bench: throughput and memory benchmarks (see bench/README.md)
bench: $(BIN)/sitrep
	$(BIN)/python bench/bench_extract.py --data ../shared/data/extraction/fundus

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info $(DB) $(DB)-wal $(DB)-shm
