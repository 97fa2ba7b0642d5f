"""The seed article's structure, checked against the hand-made gold analysis."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsdesk import read_article


def test_seed_article_structure(seed_path: Path, seed_gold: dict[str, Any]) -> None:
    article = read_article(seed_path)
    meta = seed_gold["metadata"]
    assert article.headline == meta["headline"]
    assert article.byline == meta["byline"]
    assert meta["credited_source"] in article.credits
    assert len(article.paragraphs) == meta["paragraphs"]
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start : paragraph.end] == paragraph.text
