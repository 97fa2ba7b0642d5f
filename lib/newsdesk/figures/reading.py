"""Reading one number as a figure: its currency (before or after it), scale, percent sign, unit and kind.

`read_figure` reads no range and no counted noun; `newsdesk.figures.ranges` and `newsdesk.figures.context` add
those. A glued "m" is millions or metres by the evidence around it (`_millions_of`).

>>> from newsdesk.nlp import parse_text
>>> from newsdesk.figures.numbers import scan_numbers
>>> text = "It cost £2.7bn. She won the 400m race."
>>> index = DocIndex(parse_text(text))
>>> [(f.kind, f.value, f.unit) for f in (read_figure(text, index, m) for m in scan_numbers(text))]
[('money', 2700000000.0, 'GBP'), ('quantity', 400.0, 'metre')]
"""

from __future__ import annotations

import re

from newsdesk.figures.found import DocIndex, FoundFigure
from newsdesk.figures.numbers import NumberMatch
from newsdesk.figures.patterns import (
    CURRENCY_AFTER_RE,
    CURRENCY_BEFORE_RE,
    DECIMAL_ONE_RE,
    IMPERIAL_BEFORE_RE,
    METRE_CONTEXT_RE,
    MONEY_NEARBY_RE,
    ORDINAL_SUFFIX_RE,
    PERCENT_AFTER_RE,
    PERCENT_BEFORE_RE,
    SCALE_WORD_RE,
    SPACE_SCALE_RE,
    UNIT_AFTER_RE,
    YEAR_RE,
)
from newsdesk.figures.words import (
    CURRENCY_PREFIXES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    METRE_WORDS,
    SCALE_ABBREVIATIONS,
    SCALES,
    UNITS,
    currency_code,
)

__all__ = ["currency_before", "currency_of", "read_figure"]


_VIDEO_LINES = frozenset({"360", "480", "576", "720", "1080", "1440", "2160"})  # "1080p" is a resolution

def currency_before(text: str, start: int) -> tuple[int, str, float] | None:
    """Where a currency written before ``start`` begins, its code, and a multiplier ("MUSD 5")."""
    m = CURRENCY_BEFORE_RE.search(text, max(0, start - 8), start)
    if not m:
        return None
    if m.group("code"):
        code, factor = currency_code(m.group("code"))
        return m.start(), code, factor
    sym = m.group("sym").lower()
    code = CURRENCY_SYMBOLS.get(sym, "USD")
    prefix = (m.group("prefix") or "").strip().lower() or (m.group("suffix") or "").lower()
    if prefix and sym == "$":
        code = CURRENCY_PREFIXES.get(prefix, CURRENCY_SYMBOLS.get(prefix + "$", code))
    return m.start(), code, 1.0

def currency_of(m: re.Match[str]) -> tuple[str | None, float]:
    if m.group("word"):
        return CURRENCY_WORDS.get(" ".join(m.group("word").lower().split())), 1.0
    if m.group("code"):
        return currency_code(m.group("code"))
    return CURRENCY_SYMBOLS.get(m.group("sym"), None), 1.0

def _millions_of(text: str, idx: DocIndex, m: NumberMatch, end: int) -> bool:
    """Whether a bare glued "m" ("5m") is millions rather than metres.

    Metres need evidence: a measuring or athletics word after ("400m hurdles", "330m tall"), a rate or
    conversion ("17m/s", "1.3m (4.2ft)", "20ft (6m)"). Millions win on a currency after ("38m euros"),
    a plural or a unit after ("300m app downloads", "230m tons"), money in the same sentence ("64m euros
    (£44m), up from 29m") or one decimal place ("peaked at 8.4m"; field events are measured to the
    centimetre). With no evidence either way (an athletics event: "won the 800m"), metres.
    """
    if (
        METRE_CONTEXT_RE.match(text, end + 1)
        or text[end + 1 : end + 2] == "/"
        or IMPERIAL_BEFORE_RE.search(text, max(0, m.start - 16), m.start)
    ):
        return False
    c = CURRENCY_AFTER_RE.match(text, end + 1)
    if c and (c.group("word") or c.group("code")):
        return True
    doc = idx.doc
    k = idx.token_at(end)
    k = k + 1 if k < len(doc) and doc[k].idx < end + 1 else k  # the token after "m"
    for t in doc[k : k + 4]:  # the noun phrase the number opens, up to its head
        if t.idx - end > 40 or t.pos_ not in {"NOUN", "PROPN", "ADJ"} or t.lower_ in METRE_WORDS:
            break
        if t.lower_ in UNITS or t.tag_ in {"NNS", "NNPS"}:
            return True  # "110m tons", "1m barrels": metres of tons make no sense
        if t.dep_ not in {"compound", "amod"}:
            break
    sent = idx.sent_of(idx.token_at(m.start))
    if MONEY_NEARBY_RE.search(idx.text, sent.start_char, sent.end_char):
        return True
    return DECIMAL_ONE_RE.fullmatch(m.text) is not None

def _unit_after(text: str, pos: int, glued: bool) -> tuple[int, str] | None:
    m = UNIT_AFTER_RE.match(text, pos)
    if not m:
        return None
    surface = m.group("u").lower()
    name = UNITS.get(surface) or UNITS.get(" ".join(surface.split()))
    if name is None:
        return None
    if (
        len(surface) <= 2
        and not glued
        and m.group("gap") == " "
        and surface not in {"km", "kg", "mm", "cm", "ml", "mg"}
    ):
        # "5 m", "3 t": a single-letter unit must be glued on, or followed by no word
        nxt = text[m.end() : m.end() + 2]
        if (nxt[:1].isspace() and nxt[1:2].isalpha()) or surface in {"in", "a", "t", "l", "f", "v", "w"}:
            return None
    return m.end(), name

def read_figure(text: str, idx: DocIndex, m: NumberMatch, currency: str | None = None) -> FoundFigure | None:
    """Read one number with its currency, scale, percent sign, unit and kind (no range, no noun).

    ``currency``: the currency of the first end of a range, shared by this end when it has none of its
    own ("$779m-798m").
    """
    start, end, value = m.start, m.end, m.value
    kind = "count"
    unit: str | None = None
    before = currency_before(text, start) or ((start, currency, 1.0) if currency else None)
    scaled = False
    if before:
        start, unit, kind = before[0], before[1], "money"
        value *= before[2]
    if m.glued and kind == "money" and m.glued.lower() in SCALE_ABBREVIATIONS:
        value *= SCALE_ABBREVIATIONS[m.glued.lower()]
        end += len(m.glued)
        scaled = True
    elif m.glued and (suffixed := _suffixed(start, end, value, kind, m)) is not None:
        return suffixed
    if kind == "money" and not scaled and not m.glued:
        s = SPACE_SCALE_RE.match(text, end)
        if s:
            value *= SCALE_ABBREVIATIONS[s.group("s").lower()]
            end = s.end()
    metric = m.glued == "m" and text[end + 1 : end + 2] in {"2", "3", "²", "³"}
    if m.glued and not scaled and not metric and m.glued.lower() in {"m", "bn", "mn", "tn", "trn"}:
        if m.glued == "m" and not _millions_of(text, idx, m, end):
            return FoundFigure(start, end + 1, "quantity", value, unit="metre")  # "400m runners"
        value *= SCALE_ABBREVIATIONS[m.glued.lower()]
        end += len(m.glued)
        c = CURRENCY_AFTER_RE.match(text, end)
        if (c and c.group("word")) or (c and c.group("code")):
            code, factor = currency_of(c)
            if code:
                return FoundFigure(start, c.end(), "money", value * factor, unit=code)
        m = NumberMatch(m.start, end, text[m.start : end], value, m.words, m.fraction, "", m.glued)
    if m.glued and not scaled:
        return _glued_unit(text, start, end, value, m.glued)
    if kind != "money":
        return _after_number(text, start, end, value) or FoundFigure(start, end, kind, value, unit=unit)
    return FoundFigure(start, end, kind, value, unit=unit)


def _suffixed(start: int, end: int, value: float, kind: str, m: NumberMatch) -> FoundFigure | None:
    """A number whose glued letters make it an ordinal ("21st"), a time ("9pm"), pence ("180p") or a decade
    ("1990s"); None for any other letters."""
    glued = m.glued
    if ORDINAL_SUFFIX_RE.fullmatch(glued):
        return FoundFigure(start, end + len(glued), "ordinal", value)
    if glued.lower() in {"am", "pm"}:
        return FoundFigure(start, end + len(glued), "time", None)
    if glued == "p" and kind != "money" and m.text not in _VIDEO_LINES:
        return FoundFigure(start, end + 1, "money", value, unit="penny")  # "180p", "3p on a pint of beer"
    if glued.lower() == "s" and YEAR_RE.fullmatch(m.text[-4:] if len(m.text) >= 4 else ""):
        return FoundFigure(start, end + 1, "date", value)
    return None


def _glued_unit(text: str, start: int, end: int, value: float, glued: str) -> FoundFigure | None:
    """A number with letters glued on ("5km", "10pc", "3euros"): a unit, percent or currency that begins
    with them, else no figure."""
    u = _unit_after(text, end, glued=True)
    c = CURRENCY_AFTER_RE.match(text, end)
    if c and c.end() - end >= len(glued):
        unit, factor = currency_of(c)
        return FoundFigure(start, c.end(), "money", value * factor, unit=unit)
    p = PERCENT_AFTER_RE.match(text, end)
    if p and p.end() - end >= len(glued):
        return FoundFigure(start, p.end(), "percent", value, unit="%")
    if u and u[0] - end >= len(glued):
        return FoundFigure(start, u[0], "quantity", value, unit=u[1])
    return None


def _after_number(text: str, start: int, end: int, value: float) -> FoundFigure | None:
    """What the words after a bare number make it: money ("200 euros", "75 USD million"), a percentage
    ("5 per cent", "30 basis points", "percent of 10") or a quantity ("12 km"); None for a count."""
    c = CURRENCY_AFTER_RE.match(text, end)
    if c:
        code, factor = currency_of(c)
        if code in {"cent", "penny"} and value >= 1000:
            code = None
        if code:
            c_end = c.end()
            sc = SCALE_WORD_RE.match(text, c_end)  # "75 USD million"
            if sc and value < 1000:
                word = sc.group("s").lower()
                factor *= SCALES.get(word) or SCALE_ABBREVIATIONS[word]
                c_end = sc.end()
            return FoundFigure(start, c_end, "money", value * factor, unit=code)
    p = PERCENT_AFTER_RE.match(text, end)
    if p:
        pp = p.group("pp")
        unit = "%"
        if pp:
            unit = "basis point" if pp.lower().startswith(("b", "bp")) else "percentage point"
        return FoundFigure(start, p.end(), "percent", value, unit=unit)
    pb = PERCENT_BEFORE_RE.search(text, max(0, start - 16), start)
    if pb:
        return FoundFigure(pb.start(), end, "percent", value, unit="%")
    u = _unit_after(text, end, glued=False)
    if u:
        return FoundFigure(start, u[0], "quantity", value, unit=u[1])
    return None
