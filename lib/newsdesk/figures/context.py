"""What surrounds a figure: the qualifier before it ("at least"), the noun it counts ("troops") and its
period ("a year", "monthly"); `decorate` adds all three.

>>> from newsdesk.nlp import parse_text
>>> text = "At least 40 additional troops a year"
>>> index = DocIndex(parse_text(text))
>>> qualifier_before(text, 9), counted_noun(index, 11)
((0, 'at least'), ('troops', 29))
"""

from __future__ import annotations

from dataclasses import replace

from newsdesk.figures.found import DocIndex, FoundFigure
from newsdesk.figures.patterns import (
    PERIOD_AFTER_RE,
    QUALIFIER_AFTER_RE,
    QUALIFIER_BEFORE_RE,
)
from newsdesk.figures.words import (
    ADJ_STOP,
    CURRENCY_WORDS,
    PERIOD_ADJECTIVES,
    QUALIFIER_NOISE,
    TIME_UNITS,
)

__all__ = ["counted_noun", "decorate", "period_before", "qualifier_before"]


_NOUN_PHRASE_POS = frozenset({"ADJ", "NOUN", "PROPN", "PUNCT", "NUM", "CCONJ", "DET", "PART", "SYM"})

def qualifier_before(text: str, start: int) -> tuple[int, str] | None:
    m = QUALIFIER_BEFORE_RE.search(text, max(0, start - 30), start)
    if not m:
        return None
    return m.start(), " ".join(m.group("q").lower().split())

def counted_noun(idx: DocIndex, end: int) -> tuple[str, int] | None:
    """The noun a number counts ("seven member states" -> "member states") and where it ends."""
    doc = idx.doc
    i = idx.token_at(end - 1)
    tok = doc[i]
    head = tok.head
    if tok.dep_ not in {"nummod", "quantmod", "compound", "amod", "nmod"} or head.i <= i or head.i - i > 6:
        if i + 1 < len(doc) and doc[i + 1].tag_ in {"NNS", "NNPS"} and doc[i + 1].idx <= end + 1:
            head = doc[i + 1]
        else:
            return None
    while head.i + 2 < len(doc) and doc[head.i + 1].text == "-" and not head.whitespace_:
        head = doc[head.i + 2]  # "e-mail"
    if head.dep_ == "compound" and head.head.i > head.i and head.head.i - i <= 6:
        head = head.head  # "two e-mail messages"
    if head.pos_ not in {"NOUN", "PROPN"} or head.ent_type_ in {"DATE", "TIME"}:
        return None
    first = None
    for t in doc[i + 1 : head.i + 1]:
        in_compound = t.text == "-" or (doc[t.i - 1].text == "-" and not doc[t.i - 1].whitespace_)
        if t.pos_ not in _NOUN_PHRASE_POS and not in_compound:
            return None  # "six times as many visitors": not a plain noun phrase
        if first is not None:
            continue
        if t.is_punct or t.pos_ in {"DET", "NUM", "CCONJ"} or t.lower_ in ADJ_STOP:
            continue
        if t.pos_ == "ADJ" and t.i < head.i and any(u.is_punct and u.text != "-" for u in doc[t.i + 1 : head.i]):
            continue
        first = t
    if first is None or head.lower_ in CURRENCY_WORDS:
        return None
    end_char = head.idx + len(head.text)
    return " ".join(idx.text[first.idx : end_char].split()), end_char

def period_before(idx: DocIndex, start: int) -> str | None:
    doc = idx.doc
    i = idx.token_at(start)
    sent_start = idx.sent_of(i).start
    for t in reversed(doc[max(sent_start, i - 6) : i]):
        if t.is_punct and t.text not in {"-", "–"}:
            return None
        period = PERIOD_ADJECTIVES.get(t.lower_)
        if period:
            return period
    return None

def decorate(text: str, idx: DocIndex, f: FoundFigure, qual: tuple[int, str] | None) -> FoundFigure:
    """Add the qualifier before (or after: "300 or more"), the counted noun and the period."""
    qualifier = None
    start = f.start
    if qual:
        qstart, qtext = qual
        if qtext in {"from", "between"} and f.value_max is None:
            qtext = ""
        if qtext and qtext not in QUALIFIER_NOISE:
            qualifier, start = qtext, qstart
    end = f.end
    qa = QUALIFIER_AFTER_RE.match(text, end)
    if qa and qualifier is None:
        qualifier = " ".join(qa.group("q").lower().replace("-", " ").split())
        end = qa.end()
    noun: str | None = None
    if f.kind in {"count", "fraction"}:
        found_noun = counted_noun(idx, f.end)
        if found_noun:
            noun, end = found_noun[0], max(end, found_noun[1])
    pa = PERIOD_AFTER_RE.match(text, end)
    period: str | None
    if pa:
        period = " ".join((pa.group("p") or pa.group("p2") or "").lower().replace("-", " ").split())
    elif f.kind == "quantity" and f.unit in TIME_UNITS:
        period = None  # "annual growth at a five year high": a duration has no rate
    else:
        period = period_before(idx, start)
    return replace(f, start=start, end=end, qualifier=qualifier, noun=noun, period=period or None)
