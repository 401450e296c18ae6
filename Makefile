# LC Monitor. Needs only python3 (3.11+) and make; everything else goes into .venv.
#   make run    install, migrate, load the sample data, start the app on localhost:8501
#               in demo mode (LC_MONITOR_DEMO=1: pick a demo user, no sign-in)
#   make test   every test tier (browser and PostgreSQL tests skip locally when absent)
#   make load   the 20-session load test: a measurement, like make bench

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV_VERSION := 0.9.30
STAMP := $(VENV)/.installed

.PHONY: install run test lint format bench clean deck load lock docs screenshots

install: $(STAMP)

# Installs exactly the versions in requirements.lock (every transitive dependency
# pinned); reinstalls only when the lock changed since the last install.
$(STAMP): requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(VENV)/bin/uv pip install --python $(PY) --compile-bytecode -r requirements.lock
	touch $(STAMP)

# After changing requirements.txt or requirements-dev.txt: pin the whole tree again.
lock: requirements.txt requirements-dev.txt
	test -x $(VENV)/bin/uv || $(MAKE) install
	$(VENV)/bin/uv pip compile requirements-dev.txt --python-version 3.11 --universal \
		-o requirements.lock

run: install
	$(PY) -m data_access migrate
	$(PY) -m data_access seed-sample
	LC_MONITOR_DEMO=1 $(PY) -m ui.serve

test: install
	$(PY) -m pytest -n 2 --dist worksteal

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache --no-logo

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: install
	$(PY) bench/run.py

# 20 browser sessions against the real server for a minute: a measurement (it saturates
# the machine with its own browsers), so not part of `make test`; its figures and the
# server's own cost go to test-artifacts/reliability/ (bench/record_reliability.py).
load: install
	$(PY) -m pytest -m load tests/reliability/test_load_browser.py

# The symposium deck without the UI: make deck OUT=deck.pptx [PERIOD=2023-Q4] [LANG=en]
# (OUT may end in .pdf). Migrates and uses the app's database, like `make run`.
# LANG counts only when given on the command line: the shell's LANG is a locale.
deck: install
	$(if $(OUT),,$(error usage: make deck OUT=deck.pptx [PERIOD=2023-Q4] [LANG=en]))
	$(PY) -m ui.export "$(OUT)" $(if $(PERIOD),--period $(PERIOD)) \
		$(if $(filter command line,$(origin LANG)),--lang $(LANG))

# The documentation in docs/ as a static web site in site/ (git-ignored); docs/figures.md
# is first written again from the pages' own texts.
docs: install
	$(PY) -m data_access.cli.docs_figures
	$(PY) scripts/build_docs.py site

# Every page at 1024 and 1280 px in Dutch and English, into screenshots/ (git-ignored).
screenshots: install
	$(PY) scripts/screenshots.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache test-artifacts bench/out site
