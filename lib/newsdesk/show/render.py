"""Annotated articles as HTML: quotes, cues, speakers and figures highlighted with displaCy's span style.

Article text is untrusted: displaCy escapes the tokens, and newsdesk escapes everything else it puts in
the markup (labels carry speaker names and figure text from the article; the title is the headline).

>>> from newsdesk.io.articles import read_text
>>> article = read_text("Prices rose\\nPrices rose <b>3%</b> in May.", id="x")
>>> html = render_article(article, [Highlight(24, 26, "percent")])
>>> "<b>" in html, "&lt;b&gt;3%&lt;/b&gt;" in html
(False, True)
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd
from spacy import displacy

from newsdesk.io.articles import Article

__all__ = ["COLORS", "Highlight", "figure_highlights", "quote_highlights", "render_article", "stance_highlights"]

#: Colours by label prefix; labels are upper-cased by displaCy's lookup.
COLORS = {
    "DIRECT": "#f4a261",
    "MIXED": "#e9c46a",
    "INDIRECT": "#a8dadc",
    "CUE": "#e76f51",
    "SPEAKER": "#90be6d",
    "MONEY": "#ffd166",
    "COUNT": "#9ad1d4",
    "PERCENT": "#cdb4db",
    "QUANTITY": "#b5e48c",
    "DATE": "#dddddd",
    "ORDINAL": "#eeeeee",
    "FAVOR": "#95d5b2",
    "AGAINST": "#f28482",
    "NEUTRAL": "#d9d9d9",
}


@dataclass(frozen=True, slots=True)
class Highlight:
    """A character span of ``Article.text`` to mark, with the label shown above it."""

    start: int
    end: int
    label: str


_WORD = re.compile(r"\S+")


def _paragraph_spans(article: Article) -> list[tuple[int, int]]:
    spans = [s for s in (article.headline_span,) if s] + [(p.start, p.end) for p in article.paragraphs]
    return spans or [(0, len(article.text))]


def render_article(article: Article, highlights: Iterable[Highlight], *, colors: dict[str, str] | None = None) -> str:
    """HTML of the article, paragraph by paragraph, each highlight drawn under the words it touches."""
    marks = sorted(highlights, key=lambda h: (h.start, -h.end, h.label))
    palette = {**COLORS, **(colors or {})}
    parsed = []
    for start, end in _paragraph_spans(article):
        words = [(m.start() + start, m.end() + start) for m in _WORD.finditer(article.text[start:end])]
        spans = []
        for mark in marks:
            touched = [i for i, (s, e) in enumerate(words) if s < mark.end and e > mark.start]
            if not touched:
                continue
            label = html.escape(mark.label)
            palette.setdefault(label.upper(), palette.get(label.split(" ", 1)[0].upper(), "#ddd"))
            spans.append({"start_token": touched[0], "end_token": touched[-1] + 1, "label": label})
        tokens = [article.text[s:e] for s, e in words]
        parsed.append({"text": " ".join(tokens), "tokens": tokens, "spans": spans})
    body = displacy.render(parsed, style="span", manual=True, jupyter=False, options={"colors": palette})
    # the headline is the first rendered line when the text has one; otherwise name the article
    title = "" if article.headline_span else f"<h3>{html.escape(article.headline or article.id)}</h3>"
    return f'<div class="newsdesk-article">{title}{body}</div>'


def _present(value: Any) -> bool:
    return value is not None and not pd.isna(value)


def _records(table: pd.DataFrame, article_id: str | None) -> list[dict[str, Any]]:
    rows = table if article_id is None else table[table["article_id"] == article_id]
    return [{str(k): v for k, v in row.items()} for row in rows.to_dict("records")]


def quote_highlights(quotes: pd.DataFrame, *, article_id: str | None = None) -> list[Highlight]:
    """Highlights for rows of `Analysis.quotes`: the content (labelled kind and speaker), cue and speaker."""
    marks: list[Highlight] = []
    for row in _records(quotes, article_id):
        speaker = row["speaker"] if _present(row["speaker"]) else "?"
        marks.append(Highlight(int(row["start"]), int(row["end"]), f"{row['kind']} · {speaker}"))
        if _present(row["cue_start"]) and _present(row["cue_end"]):
            marks.append(Highlight(int(row["cue_start"]), int(row["cue_end"]), "cue"))
        if _present(row["speaker_start"]) and _present(row["speaker_end"]):
            marks.append(Highlight(int(row["speaker_start"]), int(row["speaker_end"]), "speaker"))
    return marks


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}"


def figure_highlights(figures: pd.DataFrame, *, article_id: str | None = None) -> list[Highlight]:
    """Highlights for rows of `Analysis.figures`, labelled with the kind and normalised value."""
    marks: list[Highlight] = []
    for row in _records(figures, article_id):
        label = str(row["kind"])
        if _present(row["value"]):
            value = _number(float(row["value"]))
            if _present(row["value_max"]):
                value += f"–{_number(float(row['value_max']))}"
            unit = f" {row['unit']}" if _present(row["unit"]) else ""
            label = f"{label} {value}{unit}"
        marks.append(Highlight(int(row["start"]), int(row["end"]), label))
    return marks


def stance_highlights(stances: pd.DataFrame, *, article_id: str | None = None) -> list[Highlight]:
    """Highlights for rows of `Analysis.stances`: each evidence span once per (label, target), labelled
    "label · holders · target" (holders sorted).

    >>> rows = pd.DataFrame({"article_id": ["a", "a"], "holder": ["Oslo", "Bergen"], "target": ["the toll"] * 2,
    ...     "label": ["against"] * 2, "evidence_start": [0, 0], "evidence_end": [12, 12]})
    >>> stance_highlights(rows)
    [Highlight(start=0, end=12, label='against · Bergen, Oslo · the toll')]
    """
    groups: dict[tuple[int, int, str, str], set[str]] = {}
    for row in _records(stances, article_id):
        key = (int(row["evidence_start"]), int(row["evidence_end"]), str(row["label"]), str(row["target"]))
        groups.setdefault(key, set()).add(str(row["holder"]))
    return [
        Highlight(start, end, f"{label} · {', '.join(sorted(holders))} · {target}")
        for (start, end, label, target), holders in sorted(groups.items())
    ]
