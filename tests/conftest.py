"""Shared fixtures: the seed article, and the public data sets through `newsdesk.datasets`.

A fixture that needs a data set skips with one line naming it and the command that fetches it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from newsdesk.datasets import BbcArticle, DatasetNotFoundError, load_bbc, locate

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_839f392878f49c21.txt"
# the hand-made gold analysis of the seed: an extra check where the project's shared data is (CI's layout)
GOLD_SEED = Path(os.environ.get("NEWSDESK_DATA") or ROOT.parent / "shared") / "gold" / "seed_article.json"


def need(name: str) -> Path:
    """The data set's folder, or skip the test with the one-line reason `locate` gives."""
    try:
        return locate(name)
    except DatasetNotFoundError as error:
        pytest.skip(str(error))


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"the seed article is not in the checkout ({SEED.relative_to(ROOT)}): it was never delivered")
    return SEED


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    if not GOLD_SEED.exists():
        pytest.skip(f"no gold analysis of the seed article at {GOLD_SEED}")
    return json.loads(GOLD_SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def bbc_path() -> Path:
    return need("bbc") / "bbc_news.jsonl"


@pytest.fixture(scope="session")
def bbc_records(bbc_path: Path) -> dict[str, BbcArticle]:
    return {record["id"]: record for record in load_bbc()}


@pytest.fixture(scope="session")
def aeb_dir() -> Path:
    return need("aeb")
