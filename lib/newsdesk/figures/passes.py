"""Article-wide passes after each number is read: money read from the amounts around it, vague plurals
("hundreds of"), and ordinal words the NER marks.

>>> from newsdesk.nlp import parse_text
>>> [(f.kind, f.value, f.value_max) for f in vague_plurals(DocIndex(parse_text("Hundreds of people came.")), [])]
[('count', 100.0, 1000.0)]
"""

from __future__ import annotations

from dataclasses import replace

from newsdesk.figures.context import counted_noun, qualifier_before
from newsdesk.figures.found import DocIndex, FoundFigure
from newsdesk.figures.patterns import (
    BARE_SCALE_RE,
    CONVERSION_OPEN_RE,
    CURRENCY_AFTER_RE,
    VAGUE_PLURAL_RE,
)
from newsdesk.figures.reading import currency_of
from newsdesk.figures.words import (
    ORDINAL_WORDS,
    QUALIFIER_NOISE,
)

__all__ = ["money_by_context", "ordinals", "vague_plurals"]


def money_by_context(idx: DocIndex, found: list[FoundFigure]) -> list[FoundFigure]:
    """Money read from the amounts around it.

    A bare "38m" or "2bn" with no counted noun, after money in the same sentence, is money in the
    currency of the nearest earlier amount not in brackets ("64m euros (£44m; $83m), up from 29m"):
    bracketed amounts are conversions of the one before them. Such a conversion takes the period of the
    amount it converts ("annual profits of £212m-£218m ($271m-279m)": both annual).
    """
    if not any(f.kind == "money" for f in found):
        return found
    text = idx.text
    out: list[FoundFigure] = []
    converted: FoundFigure | None = None  # the amount that the open bracket converts
    for f in found:
        if converted is not None and (text.count(")", converted.end, f.start) or "." in text[converted.end : f.start]):
            converted = None
        if f.kind == "count" and f.noun is None and BARE_SCALE_RE.search(text, f.start, f.end):
            sent = idx.sent_of(idx.token_at(f.start))
            for g in reversed(out):
                if g.end <= sent.start_char:
                    break
                depth = text.count("(", sent.start_char, g.start) - text.count(")", sent.start_char, g.start)
                if g.kind == "money" and g.unit and depth <= 0 and g.unit not in {"cent", "penny"}:
                    f = replace(f, kind="money", unit=g.unit)
                    break
        if f.kind == "money" and converted is not None and f.period is None:
            f = replace(f, period=converted.period)
        if f.kind == "money" and CONVERSION_OPEN_RE.match(text, f.end):
            converted = f
        out.append(f)
    return out

_VAGUE_BASE = {"dozens": 12.0, "hundreds": 100.0, "thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12}

def vague_plurals(idx: DocIndex, found: list[FoundFigure]) -> list[FoundFigure]:
    """ "hundreds of", "tens of thousands of": a range from the scale to ten times it."""
    text = idx.text
    taken = [(f.start, f.end) for f in found]
    out = []
    for m in VAGUE_PLURAL_RE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        base = _VAGUE_BASE[m.group("w").lower()] * (10.0 if m.group("tens") else 1.0)
        low, high = base, base * 10
        qual = qualifier_before(text, m.start())
        start = qual[0] if qual and qual[1] not in QUALIFIER_NOISE else m.start()
        after = CURRENCY_AFTER_RE.match(text, m.end())
        if after and after.group("word"):
            code, _ = currency_of(after)
            out.append(
                FoundFigure(
                    start,
                    after.end(),
                    "money",
                    low,
                    high,
                    code,
                    qualifier=qual[1] if start != m.start() and qual else None,
                )
            )
            continue
        noun = counted_noun(idx, m.end())
        out.append(
            FoundFigure(
                start,
                noun[1] if noun else m.end(),
                "count",
                low,
                high,
                None,
                qualifier=qual[1] if start != m.start() and qual else None,
                noun=noun[0] if noun else None,
            )
        )
    return out

def ordinals(idx: DocIndex, found: list[FoundFigure]) -> list[FoundFigure]:
    """Ordinal words the NER marks ("the third") and that no other figure covers."""
    taken = [(f.start, f.end) for f in found]
    out = []
    for start, end, label in idx.ents:
        if label != "ORDINAL" or any(s < end and start < e for s, e in taken):
            continue
        word = idx.text[start:end].lower().split()[-1]
        value = ORDINAL_WORDS.get(word)
        if value is None or value < 0:
            continue
        out.append(FoundFigure(start, end, "ordinal", float(value)))
    return out
