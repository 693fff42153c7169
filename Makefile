# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SAMPLE ?= fixtures/nanjie-2024

# Prefect runs in local ephemeral mode, with its home inside the project (no server to start).
export PREFECT_HOME ?= $(CURDIR)/output/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export PREFECT_LOGGING_LEVEL ?= WARNING

.PHONY: demo test venv bench fixtures lock clean

venv: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/jixiao run $(SAMPLE)
	$(BIN)/jixiao report latest
	$(BIN)/jixiao audit latest

# In parallel on the machine's cores; each worker process has its own Prefect test harness.
test: $(STAMP)
	$(BIN)/python -m pytest -q -n auto --dist loadfile

bench: $(STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/resubmission.py
	$(BIN)/python bench/hostile.py

# Regenerates the committed fixtures, every generator in order (needs LibreOffice and fonts-noto-cjk
# for the PDFs); `$(BIN)/python -m tools.fixtures --list` names them, `... NAME` runs one.
fixtures: $(STAMP)
	$(BIN)/python -m tools.fixtures

# Re-pins dependencies (needs uv); the lock names no package index.
lock:
	uv pip compile pyproject.toml --extra dev --extra dask --extra postgres --generate-hashes \
	  --no-emit-index-url --no-emit-find-links --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV)
