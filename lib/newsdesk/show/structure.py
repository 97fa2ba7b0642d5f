"""Tables that show an article's structure: paragraphs with offsets, sentences, named entities.

>>> from newsdesk.io.articles import read_text
>>> from newsdesk.nlp import parse_text
>>> article = read_text("Rain due\\nForecasters in Leeds expect rain.", id="demo")
>>> paragraph_table(article, parse_text(article.text))[["paragraph", "start", "end", "sentences"]]
   paragraph  start  end  sentences
0          0      9   42          1
"""

from __future__ import annotations

from bisect import bisect_right

import pandas as pd
from spacy.tokens import Doc

from newsdesk.io.articles import Article

__all__ = ["entity_counts", "entity_table", "paragraph_of", "paragraph_table"]

PREVIEW_CHARS = 60


def _preview(text: str) -> str:
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 3] + "..."


def paragraph_of(article: Article, offset: int) -> int | None:
    """The index of the body paragraph holding character ``offset``, or None (headline, byline)."""
    starts = [p.start for p in article.paragraphs]
    position = bisect_right(starts, offset) - 1
    if position >= 0 and offset < article.paragraphs[position].end:
        return position
    return None


def paragraph_table(article: Article, doc: Doc | None = None) -> pd.DataFrame:
    """One row per body paragraph: offsets, words, sentences (when ``doc`` is given) and a preview."""
    rows = []
    for p in article.paragraphs:
        row: dict[str, object] = {"paragraph": p.index, "start": p.start, "end": p.end, "words": len(p.text.split())}
        if doc is not None:
            row["sentences"] = sum(1 for s in doc.sents if p.start <= s.start_char < p.end)
        row["text"] = _preview(p.text)
        rows.append(row)
    return pd.DataFrame(rows)


def entity_table(article: Article, doc: Doc) -> pd.DataFrame:
    """Every named-entity mention spaCy finds: text, label, offsets and paragraph (None = headline/byline)."""
    rows = [
        {
            "text": ent.text,
            "label": ent.label_,
            "start": ent.start_char,
            "end": ent.end_char,
            "paragraph": paragraph_of(article, ent.start_char),
        }
        for ent in doc.ents
    ]
    frame = pd.DataFrame(rows, columns=["text", "label", "start", "end", "paragraph"])
    return frame.astype({"paragraph": "Int64"})


def entity_counts(article: Article, doc: Doc) -> pd.DataFrame:
    """Distinct entities with their label and number of mentions, most mentioned first."""
    table = entity_table(article, doc)
    counts = table.groupby(["text", "label"], as_index=False).agg(
        mentions=("start", "size"), first_offset=("start", "min")
    )
    return counts.sort_values(["mentions", "first_offset"], ascending=[False, True], kind="stable").reset_index(
        drop=True
    )
