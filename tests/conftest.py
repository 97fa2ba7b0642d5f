"""Shared fixtures: the public data sets, found through `newsdesk.datasets`.

A fixture that needs a data set skips with one line naming it and the command that fetches it.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from newsdesk.datasets import BbcArticle, DatasetNotFoundError, load_bbc, locate

ROOT = Path(__file__).resolve().parents[1]
# no progress bars in test output, nor in the notebooks nbval runs (their kernels inherit this environment)
os.environ.setdefault("NEWSDESK_PROGRESS", "0")


def need(name: str) -> Path:
    """The data set's folder, or skip the test with the one-line reason `locate` gives."""
    try:
        return locate(name)
    except DatasetNotFoundError as error:
        pytest.skip(str(error))


@pytest.fixture(scope="session")
def bbc_path() -> Path:
    return need("bbc") / "bbc_news.jsonl"


@pytest.fixture(scope="session")
def bbc_records(bbc_path: Path) -> dict[str, BbcArticle]:
    return {record["id"]: record for record in load_bbc()}


@pytest.fixture(scope="session")
def aeb_dir() -> Path:
    return need("aeb")


#: Notebooks that read a public data set: file name -> the data set.
NOTEBOOK_DATA = {"05_corpus.ipynb": "bbc"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """nbval on a notebook whose data set is missing: one skipped item (the first cell) with one line naming the
    data set and how to get it (`newsdesk.datasets.locate`'s message), the notebook's other cells deselected. With
    the data (CI sets ``NEWSDESK_DATA``), every cell is checked strictly."""
    dropped: list[pytest.Item] = []
    skipped: set[str] = set()
    for item in items:
        name = Path(str(item.path)).name
        if name not in NOTEBOOK_DATA:
            continue
        try:
            locate(NOTEBOOK_DATA[name])
        except DatasetNotFoundError as missing:
            if name in skipped:
                dropped.append(item)
            else:
                skipped.add(name)
                item.add_marker(pytest.mark.skip(reason=str(missing)))
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [item for item in items if item not in dropped]
# ---------------------------------------------------------------------------------------------------
# Hypothesis profiles for the fuzz suite (tests/test_fuzz.py). ``ci`` is chosen when the CI variable is set
# (as in CI), ``thorough`` by HYPOTHESIS_PROFILE=thorough for a long local run, ``dev`` otherwise. Each fuzz
# test asks for `fuzz_examples(base)` cases: ``base`` in ci (over 10,000 in all), ten times that in thorough,
# a fifth in dev. ci and dev draw the same cases on every run (derandomized, no example database).
_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile("ci", derandomize=True, database=None, deadline=None, suppress_health_check=_QUIET)
settings.register_profile("dev", derandomize=True, database=None, deadline=None, suppress_health_check=_QUIET)
settings.register_profile("thorough", deadline=None, suppress_health_check=_QUIET)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
settings.load_profile(PROFILE)
_SCALE = {"ci": 1.0, "thorough": 10.0, "dev": 0.2}[PROFILE]
#: Generated cases run by each fuzz test in this session, counted by the tests themselves.
FUZZ_CASES: Counter[str] = Counter()


def fuzz_examples(base: int) -> settings:
    """Hypothesis settings asking for ``base`` cases under the ci profile, scaled for the others."""
    return settings(max_examples=max(1, round(base * _SCALE)))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FUZZ_CASES:
        total = sum(FUZZ_CASES.values())
        terminalreporter.write_line(f"fuzz: {total} generated cases ({PROFILE} profile) in {len(FUZZ_CASES)} tests")
