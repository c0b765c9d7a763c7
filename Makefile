# Two commands matter to a newcomer: `make report` and `make test`. Each one
# creates or refreshes .venv itself, so a fresh clone needs nothing else.
.DEFAULT_GOAL := help
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
SINCE  ?=
UNTIL  ?=

.PHONY: help report extract test bench lab clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

# Re-install when the dependency list changes; the stamp keeps `make test` fast otherwise.
$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

report: $(STAMP)  ## extract seeds/ into data/processed/ and render reports/<date>/briefing.{html,pdf}
	$(VENV)/bin/briefing extract seeds --out data/processed
	$(VENV)/bin/briefing build --corpus seeds --out reports $(if $(SINCE),--since $(SINCE)) $(if $(UNTIL),--until $(UNTIL))

extract: $(STAMP)  ## only read and extract seeds/ into data/processed/
	$(VENV)/bin/briefing extract seeds --out data/processed

test: $(STAMP)  ## run the test suite (what CI runs)
	$(PY) -m pytest

bench: $(STAMP)  ## run the speed benchmarks and print their figures
	$(PY) benchmarks/run.py

lab: $(STAMP)  ## open the notebooks in JupyterLab
	$(VENV)/bin/jupyter lab notebooks/

clean:  ## remove derived data and rendered reports (never seeds/)
	rm -rf data/processed reports/20* reports/latest
