"""Figures: the numbers an article cites, normalised into `Figure` records.

Each figure has a ``kind`` (money | count | percent | quantity | fraction | date | time | ordinal), a
``value`` (``value_max`` for ranges; "hundreds of" is 100..1000), a ``unit`` (ISO currency code for
money, or "cent" / "penny" for amounts in those; "%", "percentage point" or "basis point" for
percentages, whose value is the number of points; a unit name such as "kilometre", "year" or "year of
age" for quantities), a ``qualifier`` ("at least", "between", "about"...), a ``period`` ("monthly",
"a year", "per share") and, for counts, the counted ``noun``.
Dates and years are kept as ``date`` (value: the year when the figure is a bare year) and are never
counted. Offsets index the text the Doc was made from; a figure's span runs from its qualifier to
its counted noun ("at least 160,000 additional troops").

Numbers come from `newsdesk.figures.numbers`; `reading` reads each, `kinds` tells names, dates and ages
apart (with spaCy's entities), `ranges` joins pairs, `context` adds qualifier, counted noun and period, and
`passes` runs over the whole article.

>>> from newsdesk.nlp import parse_text
>>> doc = parse_text("At least 40 troops and $5m.")
>>> [(f.kind, f.value, f.unit, f.qualifier, f.noun) for f in figures_from_doc(doc)]
[('count', 40.0, None, 'at least', 'troops'), ('money', 5000000.0, 'USD', None, None)]
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsdesk.figures.context import decorate, qualifier_before
from newsdesk.figures.found import DocIndex, FoundFigure, record
from newsdesk.figures.kinds import Reading, date_figure, date_or_name, not_a_figure, out_of, refine
from newsdesk.figures.numbers import scan_numbers
from newsdesk.figures.passes import money_by_context, ordinals, vague_plurals
from newsdesk.figures.patterns import (
    PHONE_RE,
    URL_RE,
)
from newsdesk.figures.ranges import Join, join_range
from newsdesk.figures.reading import read_figure
from newsdesk.records import Figure

__all__ = ["FIGURE_KINDS", "figures_from_doc"]


#: Every value ``Figure.kind`` takes.
FIGURE_KINDS = ("money", "count", "percent", "quantity", "fraction", "date", "time", "ordinal")

def figures_from_doc(doc: Doc, *, article_id: str = "text") -> list[Figure]:
    """The figures in a parsed Doc, sorted by offset (offsets index ``doc.text``).

    >>> from newsdesk.nlp import parse_text
    >>> [(f.text, f.kind, f.value) for f in figures_from_doc(parse_text("Sales rose 5% in 2004."))]
    [('5%', 'percent', 5.0), ('2004', 'date', 2004.0)]
    """
    idx = DocIndex(doc)
    text = idx.text
    urls = [(u.start(), u.end()) for u in URL_RE.finditer(text)]
    urls += [(u.start(), u.end()) for u in PHONE_RE.finditer(text)]  # "0800 123 4567" is no figure
    numbers = [m for m in scan_numbers(text) if not any(a <= m.start < b for a, b in urls)]
    found: list[FoundFigure] = []
    skip_until = -1
    for k, m in enumerate(numbers):
        if m.start < skip_until or not_a_figure(text, idx, m):
            continue
        nxt = numbers[k + 1] if k + 1 < len(numbers) else None
        fraction = out_of(text, idx, m, nxt)
        if fraction is not None and nxt is not None:
            found.append(fraction)
            skip_until = nxt.end
            continue
        f = read_figure(text, idx, m)
        f = refine(text, idx, m, f) if f is not None else None
        if f is None:
            continue
        if f.kind in {"ordinal", "time", "date"}:
            found.append(f)
            skip_until = f.end
            continue
        other = date_or_name(text, idx, m, f)
        if other is Reading.NAME:
            if nxt is not None and text[m.end : nxt.start] in {"-", "–"}:
                skip_until = nxt.end  # "Boeing 737-800", "Robredo 7-6": the whole pair is the name or score
            continue
        if other is not None:  # a date or a time
            f = date_figure(text, idx, m, f, other, floor=found[-1].end if found else 0)
            found.append(f)
            skip_until = f.end
            continue
        qual = qualifier_before(text, f.start)
        joined = join_range(text, idx, m, f, nxt, qual[1] if qual else "")
        if joined is not None and joined.how is Join.SCORE and nxt is not None:  # a score or a vote ("won 3-1")
            skip_until = nxt.end
            continue
        if joined is not None and joined.how is Join.YEARS and joined.figure is not None:  # "2012-13"
            found.append(joined.figure)
            skip_until = joined.figure.end
            continue
        if joined is not None and joined.how is Join.RANGE and joined.figure is not None:
            f = joined.figure
            skip_until = f.end
        found.append(decorate(text, idx, f, qual))
        skip_until = max(skip_until, f.end)
    found = money_by_context(idx, found)
    found.extend(vague_plurals(idx, found))
    found.extend(ordinals(idx, found))
    found.sort(key=lambda x: (x.start, x.end))
    return [record(text, f, article_id) for f in found]
