# kuril_research — the two commands in README.md are `make report` and `make test`.
# Each creates .venv from the pinned, hash-checked requirements.lock on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install corpus report test bench lock clean

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

corpus: install                 ## build data/processed/ from data/raw/
	$(BIN)/kuril-research build

report: install                 ## build the corpus if needed and regenerate reports/
	$(BIN)/kuril-research report

test: install
	$(BIN)/python -m pytest

bench: install                  ## speed and memory figures (see README, Performance)
	$(BIN)/python benchmarks/bench_build.py

lock:                           ## re-pin requirements.lock after changing pyproject.toml
	$(PYTHON) -m pip install --quiet uv && $(PYTHON) -m uv pip compile pyproject.toml \
	  --extra test --extra bench --extra dask --generate-hashes \
	  --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) data/processed
