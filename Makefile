# newsdesk: `make report` renders the notebooks to reports/, `make test` runs every check.
# Both build their own environment in .venv from the locked versions in constraints.txt.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat constraints.txt pyproject.toml | cksum | cut -d' ' -f1)
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]_*.ipynb))
export PYTHONHASHSEED := 0
export PYDEVD_DISABLE_FILE_VALIDATION := 1
# no progress bars (newsdesk.analyze) in executed notebooks: their outputs must not change from run to run
export NEWSDESK_PROGRESS := 0
# matplotlib's font cache lives with the venv and is built at set-up, so no notebook cell prints
# "Matplotlib is building the font cache" to stderr on a fresh machine (nbval would see it).
export MPLCONFIGDIR := $(CURDIR)/$(VENV)/mplconfig
# public data sets (newsdesk.datasets): CI sets NEWSDESK_DATA=../shared; made absolute here so that notebooks and
# scripts, which may run in another folder, find the same data
ifdef NEWSDESK_DATA
export NEWSDESK_DATA := $(abspath $(NEWSDESK_DATA))
endif

.PHONY: setup test lint unit notebooks report execute lab bench eval lock clean

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

## report: re-execute every notebook in place (byte-identical when nothing changed), then render one page per
## notebook (code hidden behind a toggle, charts embedded, nothing loaded from the network) and reports/index.html
report: execute
	$(BIN)/python -m newsdesk.show.site --notebooks notebooks --figures figures --out reports

## notebooks that read a public data set (tests/conftest.py: NOTEBOOK_DATA) execute only where it is found; elsewhere
## their committed outputs are rendered as they are
DATA_NOTEBOOKS := notebooks/05_corpus.ipynb
EXECUTE := $(BIN)/jupyter nbconvert --to notebook --execute --inplace --NotebookClient.record_timing=False \
		--ExecutePreprocessor.kernel_name=python3

execute: $(STAMP)
	$(EXECUTE) $(filter-out $(DATA_NOTEBOOKS),$(NOTEBOOKS))
	@if $(BIN)/newsdesk data verify bbc; then $(EXECUTE) $(DATA_NOTEBOOKS); \
	else echo "$(DATA_NOTEBOOKS): not executed, its committed outputs are kept"; fi

## lab: install the dev extra (JupyterLab) and open the repository in JupyterLab on loopback; Ctrl-C stops it.
lab: $(STAMP)
	$(BIN)/python -m pip install --quiet --constraint constraints.txt --editable ".[dev]"
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.root_dir=$(CURDIR) \
		--LabApp.default_url=/lab/tree/notebooks --LabApp.news_url=None \
		--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate $(if $(filter 0,$(shell id -u)),--ServerApp.allow_root=True)

## bench / eval: speed ratios, and every evaluation against the shared gold data (benchmarks/results/*.json, then
## benchmarks/RESULTS.md and the README's results section made from them)
bench: $(STAMP)
	$(BIN)/python benchmarks/speed.py

eval: $(STAMP)
	$(BIN)/python -m pip install --quiet --constraint constraints.txt --editable ".[bench]"
	$(BIN)/python benchmarks/run_all.py   # every evaluation, then benchmarks/RESULTS.md and the README's results

## lock: refresh constraints.txt on purpose from the newest releases that satisfy pyproject.toml
lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet --upgrade "pip==26.3"
	.venv-lock/bin/python -m pip install --quiet ".[dev,bench]"
	.venv-lock/bin/python -m pip freeze --exclude-editable | grep -v '^newsdesk' | LC_ALL=C sort > constraints.txt
	rm -rf .venv-lock

clean:
	rm -rf $(VENV) reports
