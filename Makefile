# kuril_research — the two commands in README.md are `make report` and `make test`.
# Each creates .venv from the pinned, hash-checked requirements.lock on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install browser corpus report test bench lock clean lab

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

# JupyterLab on notebooks/, with this project's .venv as the "python3" kernel (README, "Explore in JupyterLab").
# JUPYTER_PATH puts the kernel spec that ipykernel installed in .venv ahead of any python3 kernel in ~/.local;
# that spec runs the python of the server, i.e. .venv/bin/python. Root needs --allow-root; a Linux machine
# without a display gets --no-browser (open the printed http://localhost:PORT/lab?token=... URL yourself).
LAB_PORT ?= 8888
LAB_ARGS ?=
lab: install
	@test -f data/processed/build.json || $(BIN)/kuril-research build
	JUPYTER_PATH="$(abspath $(VENV))/share/jupyter" $(BIN)/jupyter lab --ServerApp.root_dir=notebooks \
	  --ServerApp.port=$(LAB_PORT) \
	  $$( [ "$$(id -u)" = 0 ] && echo --allow-root ) \
	  $$( [ "$$(uname -s)" = Linux ] && [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ] && echo --no-browser ) \
	  $(LAB_ARGS)

# Two pytest-xdist workers (the machine CI runs on has two cores); each test file stays on one worker
# (tests/conftest.py). PYTEST_WORKERS=0 runs the suite in one process.
PYTEST_WORKERS ?= 2
test: install browser
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadgroup

# The HTML reports are checked in a real browser: Debian's chromium, headless.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "The tests need Debian's chromium: run 'sudo apt-get install chromium', then 'make test' again." >&2; \
	    exit 1; \
	  fi; }

# The figures of issue #17 beside their peer (CountVectorizer), at 10,000 and 100,000 generated articles;
# quick: .venv/bin/python benchmarks/bench_targets.py --sizes 10000. Build stage by stage: benchmarks/bench_build.py.
bench: install                  ## speed and memory figures (see README, Performance)
	$(BIN)/python benchmarks/bench_targets.py

lock:                           ## re-pin requirements.lock after changing pyproject.toml
	$(PYTHON) -m pip install --quiet uv && $(PYTHON) -m uv pip compile pyproject.toml \
	  --extra test --extra bench --extra dask --generate-hashes \
	  --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) data/processed
