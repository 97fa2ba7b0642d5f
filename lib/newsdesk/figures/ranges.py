"""Ranges: joining "X-Y", "X to Y" and "between X and Y" into one figure, telling them apart from scores
("won 3-1"), changes ("fell 5% to 12%") and spans of years ("2012-13").

>>> from newsdesk.nlp import parse_text
>>> from newsdesk.figures.numbers import scan_numbers
>>> text = "between $500 million and $750 million"
>>> index = DocIndex(parse_text(text))
>>> low, high = scan_numbers(text)
>>> joined = join_range(text, index, low, read_figure(text, index, low), high, "between")
>>> joined.how, joined.figure.value, joined.figure.value_max
(<Join.RANGE: 'range'>, 500000000.0, 750000000.0)
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from newsdesk.figures.found import DocIndex, FoundFigure
from newsdesk.figures.kinds import date_or_name
from newsdesk.figures.numbers import NumberMatch
from newsdesk.figures.patterns import (
    CHANGE_BEFORE_RE,
    RANGE_JOIN_RE,
    SCORE_BEFORE_RE,
    YEAR_RE,
)
from newsdesk.figures.reading import currency_before, read_figure
from newsdesk.figures.words import (
    SCALES,
)

__all__ = ["Join", "Joined", "join_range"]


class Join(Enum):
    """What two numbers joined by "-", "to" or "and" are."""

    RANGE = "range"  # "5 to 10 per cent", "$1-2bn"
    SCORE = "score"  # "won 3-1": no figure
    YEARS = "years"  # "2012-13": one date


@dataclass(frozen=True, slots=True)
class Joined:
    """Two numbers read together: how, and the figure they make (None for a score)."""

    how: Join
    figure: FoundFigure | None


def join_range(
    text: str, idx: DocIndex, m: NumberMatch, f: FoundFigure, m2: NumberMatch | None, q: str
) -> Joined | None:
    """Join "X-Y", "X to Y", "between X and Y" (the first end ``f`` read from ``m``, the second from ``m2``;
    ``q`` the qualifier before): a range, a score ("won 3-1"), a span of years ("2012-13"), or None."""
    j = RANGE_JOIN_RE.match(text, f.end if f.kind != "count" else m.end)
    if not j or m2 is None:
        return None
    cur2 = currency_before(text, m2.start)
    if m2.start != j.end() and (cur2 is None or cur2[0] != j.end()):
        return None
    joiner = j.group("j").lower()
    ok = joiner in {"-", "–", "—", "to", "through"} or (joiner == "and" and q == "between")
    ok = ok or (joiner == "or" and m.words and m2.words)
    score = SCORE_BEFORE_RE.search(text, max(0, f.start - 40), f.start) or m2.value <= m.value
    if joiner in {"-", "–"} and f.kind == "count" and score:
        return Joined(Join.SCORE, None)
    change = CHANGE_BEFORE_RE.search(text, max(0, f.start - 50), f.start)
    if joiner == "to" and f.kind != "count" and q not in {"from", "between"} and change:
        return None  # "fell 5% to 12%": a change, then a level
    f2 = read_figure(text, idx, m2) if ok else None
    bare = f2 is not None and (f2.kind == "count" or f2.unit == "metre")
    if bare and f.kind == "money" and cur2 is None and m2.value > m.value:
        f2 = read_figure(text, idx, m2, currency=f.unit) or f2  # "$779m-798m": one currency for both ends
    if f2 is None or f2.kind in {"ordinal", "time", "date"}:
        return None
    if f2.kind == f.kind and f2.unit != f.unit and f.kind != "count":
        return None  # "5 percentage points to 12%"
    if date_or_name(text, idx, m2, f2) is not None:
        return None  # "four months to 30 June": the second end is a date
    first = f
    if first.kind == "count" and f2.kind != "count":  # "$1-2 million", "5 to 10 per cent"
        first = replace(first, kind=f2.kind, unit=f2.unit)
    v1, v2 = first.value or 0.0, f2.value or 0.0
    shared = m2.words and not m.words and v2 >= 1000 and v1 < 1000  # "1-2 million"
    if shared or (f2.kind == first.kind == "money" and v1 < v2 / 1000 and not m.words):
        v1 = _shared_scale(v1, v2, m2.text)
    if YEAR_RE.fullmatch(m.text) and len(m2.text) in {2, 4} and not m.words:
        return Joined(Join.YEARS, FoundFigure(f.start, f2.end, "date", m.value))
    same_kind = first.kind == f2.kind or f2.kind == "count"
    reversed_ok = q in {"from", "between"} and v2 < v1 and first.unit == f2.unit
    if (v2 > v1 or reversed_ok) and same_kind:
        return Joined(Join.RANGE, FoundFigure(first.start, f2.end, first.kind, min(v1, v2), max(v1, v2), first.unit))
    return None

def _shared_scale(low: float, high: float, high_text: str = "") -> float:
    """The low end of "1-2 million" or "$1-2bn": it takes the scale of the high end."""
    word = high_text.lower().split()[-1] if high_text.strip() else ""
    scale = SCALES.get(word) or next((s for s in (1e12, 1e9, 1e6, 1e3) if high >= s and (high / s) < 1000), 1.0)
    return low * scale if low * scale <= high else low
