"""Shared fixtures: where the shared data lives, and skips with a reason when it does not."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EVAL_DIR = Path(os.environ.get("NEWSDESK_EVAL_DIR") or SHARED / "eval")
CORPUS_DIR = Path(os.environ.get("NEWSDESK_CORPUS_DIR") or SHARED / "corpus")


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
