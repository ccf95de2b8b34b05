# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
FIGURES := figures
DOCS_OUT := docs/_build/html

.PHONY: demo test lint bench docs lab clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,docs,notebooks,sweeps,distributed,app,browser]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/negotiation demo --figures $(FIGURES)

# The docs are built before the tests: the browser suite checks the built pages.
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m mypy
	$(MAKE) docs SPHINXOPTS="-W --keep-going"
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

docs: $(STAMP)
	$(BIN)/python -m sphinx -b html $(SPHINXOPTS) docs $(DOCS_OUT)
	@echo "Documentation written to $(DOCS_OUT)/index.html"

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks

clean:
	rm -rf $(VENV) $(DOCS_OUT) $(FIGURES) .pytest_cache .ruff_cache
