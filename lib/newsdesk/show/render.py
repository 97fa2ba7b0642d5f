"""Annotated articles as HTML: quotes, cues, speakers, figures and stances highlighted, with a legend.

Each highlight is a tinted run of text; a highlight inside another also gets a coloured bar under it, one
bar per level. Its label is a small badge placed *in the line*, just before the words it labels, so a
label never covers text, however highlights crowd or nest (displaCy's span style drew labels over the
line above). A legend names the colours used. The page is plain HTML and CSS, no script.

Article text is untrusted: every piece of text, label, title and colour is escaped.

>>> from newsdesk.io.articles import read_text
>>> article = read_text("Prices rose\\nPrices rose <b>3%</b> in May.", id="x")
>>> start = article.text.index("3%")
>>> html = render_article(article, [Highlight(start, start + 2, "percent")])
>>> "<b>" in html, "&lt;b&gt;" in html
(False, True)
>>> html[html.index('<span class="nd-label"'):].split("</span>")[:2]
['<span class="nd-label" style="background: #cdb4db;">percent', '<span class="nd-h" style="background: #cdb4db;">3%']
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from newsdesk.io.articles import Article

__all__ = [
    "COLORS",
    "LEGEND",
    "Highlight",
    "figure_highlights",
    "quote_highlights",
    "render_article",
    "stance_highlights",
]

#: Colours by the label's first word, upper-cased ("direct · Helen Marsh" -> DIRECT).
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
    "FRACTION": "#bde0fe",
    "DATE": "#dddddd",
    "TIME": "#e5e5e5",
    "ORDINAL": "#eeeeee",
    "FAVOR": "#95d5b2",
    "AGAINST": "#f28482",
    "NEUTRAL": "#d9d9d9",
}
#: What each colour means, for the legend; a kind not listed is named by its own word.
LEGEND = {
    "DIRECT": "direct quote", "MIXED": "mixed quote", "INDIRECT": "reported speech", "CUE": "cue (reporting word)",
    "SPEAKER": "speaker as written", "MONEY": "money", "COUNT": "count", "PERCENT": "percentage",
    "QUANTITY": "quantity", "FRACTION": "fraction", "DATE": "date", "TIME": "time", "ORDINAL": "ordinal",
    "FAVOR": "stance: favor", "AGAINST": "stance: against", "NEUTRAL": "stance: neutral",
}  # fmt: skip
DEFAULT_COLOR = "#dddddd"
BAR = 3  # px: the height of each nesting level's bar

_STYLE = """<style>
.newsdesk-article { line-height: 2.3; max-width: 56em; }
.newsdesk-article p { margin: 0 0 0.6em; }
.newsdesk-article .nd-h { border-radius: 3px; padding: 1px 0; }
.newsdesk-article .nd-label { display: inline-block; margin: 0 0.2em 0 0.15em; padding: 0 0.35em;
  border-radius: 3px; font-size: 0.68em; line-height: 1.5; font-weight: 600; vertical-align: 0.25em;
  color: #1d1d1d; white-space: nowrap; }
.newsdesk-article .nd-legend { display: flex; flex-wrap: wrap; gap: 0.2em 1.1em; margin: 0 0 0.8em;
  padding: 0.2em 0.6em; border: 1px solid #dddddd; border-radius: 4px; font-size: 0.8em; line-height: 1.8; }
.newsdesk-article .nd-swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.35em;
  border-radius: 2px; vertical-align: -0.1em; }
</style>"""


@dataclass(frozen=True, slots=True)
class Highlight:
    """A character span of ``Article.text`` to mark, with the label shown before it."""

    start: int
    end: int
    label: str


def _paragraph_spans(article: Article) -> list[tuple[int, int]]:
    spans = [s for s in (article.headline_span,) if s] + [(p.start, p.end) for p in article.paragraphs]
    return spans or [(0, len(article.text))]


def _kind(label: str) -> str:
    return label.split(" ", 1)[0].upper()


def _color(label: str, palette: dict[str, str]) -> str:
    return html.escape(palette.get(_kind(label), DEFAULT_COLOR))


def _segment(text: str, active: Sequence[Highlight], palette: dict[str, str]) -> str:
    """One run of text under the same highlights: the innermost tints it, each outer one adds a bar below."""
    if not active:
        return html.escape(text)
    layers = sorted(active, key=lambda h: (h.end - h.start, h.label))
    bars = [f"0 {BAR * level}px 0 {_color(h.label, palette)}" for level, h in enumerate(layers[1:], start=1)]
    shadow = f" box-shadow: {', '.join(bars)};" if bars else ""
    style = f"background: {_color(layers[0].label, palette)};{shadow}"
    return f'<span class="nd-h" style="{style}">{html.escape(text)}</span>'


def _paragraph(article: Article, start: int, end: int, marks: Sequence[Highlight], palette: dict[str, str]) -> str:
    """One paragraph: the text cut at every highlight's ends, a label badge where a highlight begins."""
    inside = [m for m in marks if m.start < end and m.end > start and m.end > m.start]
    cuts = sorted({start, end, *(max(start, min(end, p)) for m in inside for p in (m.start, m.end))})
    parts = []
    for a, b in itertools.pairwise(cuts):
        for mark in sorted((m for m in inside if m.start == a), key=lambda m: (-m.end, m.label)):
            color = _color(mark.label, palette)
            parts.append(f'<span class="nd-label" style="background: {color};">{html.escape(mark.label)}</span>')
        parts.append(_segment(article.text[a:b], [m for m in inside if m.start <= a and m.end >= b], palette))
    return f"<p>{''.join(parts)}</p>"


def _legend(marks: Sequence[Highlight], palette: dict[str, str]) -> str:
    kinds = sorted({_kind(m.label) for m in marks}, key=lambda k: (list(LEGEND).index(k) if k in LEGEND else 99, k))
    if not kinds:
        return ""
    items = "".join(
        f'<span><span class="nd-swatch" style="background: {html.escape(palette.get(k, DEFAULT_COLOR))};"></span>'
        f"{html.escape(LEGEND.get(k, k.lower()))}</span>"
        for k in kinds
    )
    return f'<div class="nd-legend" role="note" aria-label="legend">{items}</div>'


def render_article(article: Article, highlights: Iterable[Highlight], *, colors: dict[str, str] | None = None) -> str:
    """HTML of the article, paragraph by paragraph, each highlight tinted and labelled, with a legend.

    ``colors`` maps a label's first word (upper case) to a CSS colour, over `COLORS`.
    """
    marks = sorted(set(highlights), key=lambda h: (h.start, -h.end, h.label))  # a span shared by two rows: once
    palette = {**COLORS, **{k.upper(): v for k, v in (colors or {}).items()}}
    body = "".join(_paragraph(article, start, end, marks, palette) for start, end in _paragraph_spans(article))
    # the headline is the first rendered line when the text has one; otherwise name the article
    title = "" if article.headline_span else f"<h3>{html.escape(article.headline or article.id)}</h3>"
    return f'<div class="newsdesk-article">{_STYLE}{title}{_legend(marks, palette)}{body}</div>'


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
