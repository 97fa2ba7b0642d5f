"""Shared fixtures: the public data sets, found through `newsdesk.datasets`.

A fixture that needs a data set skips with one line naming it and the command that fetches it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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
