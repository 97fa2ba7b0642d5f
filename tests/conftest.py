"""Shared fixtures: where the shared data lives, and skips with a reason when it does not."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_839f392878f49c21.txt"
SHARED = ROOT.parent / "shared"
EVAL_DIR = Path(os.environ.get("NEWSDESK_EVAL_DIR") or SHARED / "eval")
CORPUS_DIR = Path(os.environ.get("NEWSDESK_CORPUS_DIR") or SHARED / "corpus")
GOLD_SEED = SHARED / "gold" / "seed_article.json"


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
    path = CORPUS_DIR / "bbc" / "bbc_news.jsonl"
    if not path.exists():
        pytest.skip(f"the BBC corpus is not at {path} (set NEWSDESK_CORPUS_DIR)")
    return path


@pytest.fixture(scope="session")
def bbc_records(bbc_path: Path) -> dict[str, dict[str, Any]]:
    records = (json.loads(line) for line in bbc_path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {record["id"]: record for record in records}


@pytest.fixture(scope="session")
def aeb_dir() -> Path:
    path = EVAL_DIR / "html" / "scrapinghub_aeb"
    if not path.exists():
        pytest.skip(f"the ScrapingHub AEB pages are not at {path} (set NEWSDESK_EVAL_DIR)")
    return path
