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
