# Two commands do all set-up on a fresh machine with Python 3.11+:
#   make run    creates .venv, installs intake, opens the desktop app on the demo directory
#   make test   creates .venv, installs the test extras, runs every check and test offscreen
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CODE   := $(wildcard src tests benchmarks tools)
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: run test lint check-core pytest bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[test]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/intake

lint: $(STAMP)
	$(BIN)/ruff check $(CODE)
	$(BIN)/ruff format --check $(CODE)
	$(BIN)/lint-imports
	$(BIN)/mypy

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

test: lint pytest

bench: $(STAMP)
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache

# --- The desktop installer (issue #6; installer/README.md) -------------------------------
# PyInstaller lives in its own venv so that `make test` stays lean. `make installer` builds
# dist/intake/ (the frozen one-folder app) and dist/intake_<version>_<arch>.deb on Linux;
# `make installer-test` builds them if any source changed, then runs tests/installer/
# test_frozen.py: the frozen app's self-test, and the .deb unpacked into a temporary root.
INSTALLER_VENV  := build/installer-venv
INSTALLER_BIN   := $(INSTALLER_VENV)/bin
INSTALLER_STAMP := $(INSTALLER_VENV)/.installed-$(shell cat pyproject.toml installer/requirements.txt | cksum | cut -d' ' -f1)
INSTALLER_VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' src/intake/__init__.py)
DEB := dist/intake_$(INSTALLER_VERSION)_$(shell dpkg --print-architecture 2>/dev/null || echo unknown).deb
INSTALLER_INPUTS := pyproject.toml $(shell find src resources installer -type f -not -path '*/__pycache__/*' -not -path '*.egg-info/*' 2>/dev/null)

.PHONY: installer installer-test

$(INSTALLER_STAMP): pyproject.toml installer/requirements.txt
	$(PYTHON) -m venv $(INSTALLER_VENV)
	$(INSTALLER_BIN)/python -m pip install --quiet --upgrade pip
	$(INSTALLER_BIN)/python -m pip install --quiet -r installer/requirements.txt -e ".[gui]"
	rm -f $(INSTALLER_VENV)/.installed-*
	touch $@

$(DEB): $(INSTALLER_STAMP) $(INSTALLER_INPUTS)
	installer/linux/build.sh $(INSTALLER_BIN)

installer: $(DEB)

installer-test: $(DEB) $(STAMP)
	test -x dist/intake/intake || installer/linux/build.sh $(INSTALLER_BIN)
	INTAKE_FROZEN_APP=dist/intake/intake INTAKE_DEB=$(DEB) QT_QPA_PLATFORM=offscreen \
		$(BIN)/python -m pytest -p no:cacheprovider --durations=0 -s tests/installer/test_frozen.py
