# newsdesk: `make report` renders the notebooks to reports/, `make test` runs every check.
# Both build their own environment in .venv from the locked versions in constraints.txt.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat constraints.txt pyproject.toml | cksum | cut -d' ' -f1)
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]_*.ipynb))
export PYTHONHASHSEED := 0
export MPLBACKEND := Agg
export PYDEVD_DISABLE_FILE_VALIDATION := 1
# matplotlib's font cache lives with the venv and is built at set-up, so no notebook cell prints
# "Matplotlib is building the font cache" to stderr on a fresh machine (nbval would see it).
export MPLCONFIGDIR := $(CURDIR)/$(VENV)/mplconfig

.PHONY: setup test lint unit notebooks report execute bench eval lock clean

setup: $(STAMP)

$(STAMP): constraints.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==26.3"   # 3.11's bundled pip breaks trafilatura's extras
	$(BIN)/python -m pip install --quiet --constraint constraints.txt --editable ".[test]"
	$(BIN)/python -c "import matplotlib.pyplot, spacy"   # warm caches now, not inside a notebook cell
	rm -f $(VENV)/.installed-*
	touch $@

NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

## test: lint and type-check, then one pytest run: unit tests, doctests (modules and README) and nbval (strict) on every notebook
test: lint
	$(BIN)/pytest --doctest-modules --doctest-glob=README.md $(NBVAL) tests lib/newsdesk README.md $(NOTEBOOKS)

lint: $(STAMP)
	$(BIN)/ruff check lib tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports --no-logo --no-cache

unit: $(STAMP)
	$(BIN)/pytest --doctest-modules --doctest-glob=README.md tests lib/newsdesk README.md

notebooks: $(STAMP)
	$(BIN)/pytest $(NBVAL) $(NOTEBOOKS)

## report: re-execute every notebook in place (byte-identical when nothing changed) and render HTML to reports/
report: execute
	$(BIN)/jupyter nbconvert --to html --no-prompt --output-dir reports $(NOTEBOOKS)

execute: $(STAMP)
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace --NotebookClient.record_timing=False \
		--ExecutePreprocessor.kernel_name=python3 $(NOTEBOOKS)

## bench / eval: speed ratios and accuracy against the shared gold data (written to benchmarks/results/)
bench: $(STAMP)
	$(BIN)/python benchmarks/speed.py

eval: $(STAMP)
	$(BIN)/python -m pip install --quiet --constraint constraints.txt --editable ".[bench]"
	$(BIN)/python benchmarks/html_extraction.py
	$(BIN)/python benchmarks/eval_quotes.py
	$(BIN)/python benchmarks/eval_figures.py

## lock: refresh constraints.txt on purpose from the newest releases that satisfy pyproject.toml
lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet --upgrade "pip==26.3"
	.venv-lock/bin/python -m pip install --quiet ".[dev,bench]"
	.venv-lock/bin/python -m pip freeze --exclude-editable | grep -v '^newsdesk' | LC_ALL=C sort > constraints.txt
	rm -rf .venv-lock

clean:
	rm -rf $(VENV) reports
