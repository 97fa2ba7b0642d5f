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

Numbers come from `newsdesk.figures.numbers`; spaCy's entities tell dates, times, ordinals and names ("S&P
500") apart, and its parse finds the counted noun.

>>> from newsdesk.nlp import parse_text
>>> doc = parse_text("At least 40 troops and $5m.")
>>> [(f.kind, f.value, f.unit, f.qualifier, f.noun) for f in figures_from_doc(doc)]
[('count', 40.0, None, 'at least', 'troops'), ('money', 5000000.0, 'USD', None, None)]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from newsdesk.figures.numbers import NumberMatch, scan_numbers
from newsdesk.figures.patterns import (
    A_ORDINAL_RE,
    AGE_AFTER_RE,
    AGED_BEFORE_RE,
    APPOSITION_AFTER_RE,
    APPOSITION_BEFORE_RE,
    BARE_SCALE_RE,
    CHANGE_BEFORE_RE,
    CLOCK_AFTER_RE,
    CLOCK_RE,
    CODE_BEFORE_RE,
    CONVERSION_OPEN_RE,
    CURRENCY_AFTER_RE,
    CURRENCY_BEFORE_RE,
    DATE_PAIR_AFTER_RE,
    DECIMAL_ONE_RE,
    IMPERIAL_BEFORE_RE,
    METRE_CONTEXT_RE,
    MONEY_NEARBY_RE,
    MONTH_AFTER_RE,
    MONTH_BEFORE_RE,
    OF_AFTER_RE,
    ONE_ADJECTIVE_RE,
    ONE_OF_RE,
    ORDINAL_SUFFIX_RE,
    OUT_OF_RE,
    PERCENT_AFTER_RE,
    PERCENT_BEFORE_RE,
    PERIOD_AFTER_RE,
    PHONE_RE,
    PLURAL_WORD_RE,
    QUALIFIER_AFTER_RE,
    QUALIFIER_BEFORE_RE,
    RANGE_JOIN_RE,
    SCALE_WORD_RE,
    SCORE_BEFORE_RE,
    SPACE_SCALE_RE,
    SUBUNIT_RE,
    TIME_AFTER_RE,
    UNIT_AFTER_RE,
    URL_RE,
    VAGUE_PLURAL_RE,
    YEAR_PAIR_RE,
    YEAR_RE,
)
from newsdesk.figures.words import (
    ADJ_STOP,
    CURRENCY_PREFIXES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    LABEL_NOUNS,
    METRE_WORDS,
    ORDINAL_WORDS,
    PERIOD_ADJECTIVES,
    QUALIFIER_NOISE,
    SCALE_ABBREVIATIONS,
    SCALES,
    SPEECH_LEMMAS,
    TIME_UNITS,
    UNITS,
    currency_code,
)
from newsdesk.nlp import SUBJECT_DEPS
from newsdesk.records import Figure

__all__ = ["FIGURE_KINDS", "figures_from_doc"]

#: Every value ``Figure.kind`` takes.
FIGURE_KINDS = ("money", "count", "percent", "quantity", "fraction", "date", "time", "ordinal")

_NAME_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "FAC", "LAW", "EVENT", "WORK_OF_ART", "GPE", "LOC", "NORP"})
_SUBUNIT_CURRENCIES = frozenset({"USD", "CAD", "AUD", "NZD", "HKD", "EUR", "GBP", "CHF", "SGD", "INR", "MYR"})
_NOUN_PHRASE_POS = frozenset({"ADJ", "NOUN", "PROPN", "PUNCT", "NUM", "CCONJ", "DET", "PART", "SYM"})
_VIDEO_LINES = frozenset({"360", "480", "576", "720", "1080", "1440", "2160"})  # "1080p" is a resolution
_ONE_WORDS = frozenset({"one", "One", "ONE"})
_PRONOUN_ONE_BEFORE = frozenset(
    {"the", "this", "that", "which", "no", "any", "every", "each", "someone", "only", "same", "little", "no-"}
)
_PRONOUN_ONE_AFTER = frozenset({"another", "'s", "’s", "who", "that", "which", "is", "was", "day", "and"})


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    kind: str
    value: float | None
    value_max: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    period: str | None = None
    noun: str | None = None


class _DocIndex:
    """Character-offset look-ups into one Doc: the token at a position and the entity over it."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token: built once
        self.starts = [t.idx for t in doc]
        self.ents = [_without_trailing_joiner(e) for e in doc.ents]
        self.ent_starts = [e[0] for e in self.ents]
        self.has_sents = doc.has_annotation("SENT_START")  # a scan of the whole Doc: asked once

    def token_at(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)

    def ent_at(self, char: int) -> tuple[int, int, str] | None:
        k = bisect_right(self.ent_starts, char) - 1
        if k >= 0 and self.ents[k][0] <= char < self.ents[k][1]:
            return self.ents[k]
        return None


#: Words that join the ends of a span of time and so cannot end a date ("from 5 May to ...").
_DATE_JOINERS = frozenset({"to", "and", "or", "through", "until", "till", "from", "-", "–", "—"})


def _without_trailing_joiner(ent: Span) -> tuple[int, int, str]:
    """An entity's (start, end, label), a DATE or TIME cut before a joiner it ends with: NER can tag
    "5 September to" in "from 5 September to 28 December", and the "to" belongs to the range."""
    end = ent.end
    if ent.label_ in {"DATE", "TIME"}:
        while end - 1 > ent.start and ent.doc[end - 1].lower_ in _DATE_JOINERS:
            end -= 1
    return ent.start_char, ent.doc[end - 1].idx + len(ent.doc[end - 1]), ent.label_


def _currency_before(text: str, start: int) -> tuple[int, str, float] | None:
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


def _after(text: str, end: int) -> str:
    return text[end : end + 40]


def _qualifier(text: str, start: int) -> tuple[int, str] | None:
    m = QUALIFIER_BEFORE_RE.search(text, max(0, start - 30), start)
    if not m:
        return None
    return m.start(), " ".join(m.group("q").lower().split())


def _is_pronoun_one(doc_index: _DocIndex, text: str, m: NumberMatch) -> bool:
    """ "one" that counts nothing: a pronoun ("the one", "no one", "one another", "one who"), a partitive
    ("one of the strongest carriers", "one of its rivals"; but "one of the two suspects" counts), an
    adjective ("one-off"), or an unnamed source.

    Policy for "one" + noun: it stays a count ("one proposal", "one count of fraud": NewsQuant marks
    these, and a single item can be the fact checked), except when the noun names an unnamed speaker
    ("one fund manager, who would not give her name", "one analyst said"): that is an indefinite reference, like
    "a dealer", not a statistic.
    """
    if m.text not in _ONE_WORDS:
        return False
    if ONE_ADJECTIVE_RE.match(text, m.end):
        return True
    if ONE_OF_RE.match(text, m.end):
        return True
    out_of = OUT_OF_RE.match(text, m.end)
    if out_of and any(n.start == 0 for n in scan_numbers(text[out_of.end() : out_of.end() + 24])):
        return False  # "One in 8 adult Canadians": a fraction
    i = doc_index.token_at(m.start)
    doc = doc_index.doc
    prev = doc[i - 1].lower_ if i > 0 else ""
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    followed_by_number = i + 1 < len(doc) and doc[i + 1].like_num  # "one 52,000-barrel refinery"
    if prev in _PRONOUN_ONE_BEFORE or nxt in _PRONOUN_ONE_AFTER or doc[i].pos_ == "PRON" or followed_by_number:
        return True
    tok = doc[i]
    if tok.dep_ == "dobj" or (tok.dep_ == "nsubj" and tok.head.tag_ in {"VBZ", "MD"}):
        return True  # "create one", "bake one herself"; "One wonders whether", "one can see"
    return _unnamed_source(doc, i)


def _unnamed_source(doc: Doc, i: int) -> bool:
    """Whether "one" at token i opens an unnamed source: "one fund manager, who...", "one analyst said"."""
    noun = doc[i].head
    if doc[i].dep_ != "nummod" or noun.i <= i or noun.tag_ != "NN":
        return False
    after = doc[noun.i + 1 : noun.i + 3]
    if any(t.lower_ in {"who", "whose"} for t in after) and all(t.lower_ in {",", "who", "whose"} for t in after[:1]):
        return True
    return noun.dep_ in SUBJECT_DEPS and noun.head.lemma_ in SPEECH_LEMMAS


def _counted_noun(idx: _DocIndex, end: int) -> tuple[str, int] | None:
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


def _period_before(idx: _DocIndex, start: int) -> str | None:
    doc = idx.doc
    i = idx.token_at(start)
    sent_start = doc[i].sent.start if idx.has_sents else 0
    for t in reversed(doc[max(sent_start, i - 6) : i]):
        if t.is_punct and t.text not in {"-", "–"}:
            return None
        period = PERIOD_ADJECTIVES.get(t.lower_)
        if period:
            return period
    return None


def _millions_of(text: str, idx: _DocIndex, m: NumberMatch, end: int) -> bool:
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
    sent = doc[idx.token_at(m.start)].sent if idx.has_sents else doc[:]
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


def _one_figure(text: str, idx: _DocIndex, m: NumberMatch, currency: str | None = None) -> _Found | None:
    """Read one number with its currency, scale, percent sign, unit and kind (no range, no noun).

    ``currency``: the currency of the first end of a range, shared by this end when it has none of its
    own ("$779m-798m").
    """
    start, end, value = m.start, m.end, m.value
    kind = "count"
    unit: str | None = None
    before = _currency_before(text, start) or ((start, currency, 1.0) if currency else None)
    scaled = False
    if before:
        start, unit, kind = before[0], before[1], "money"
        value *= before[2]
    if m.glued:
        glued = m.glued
        if kind == "money" and glued.lower() in SCALE_ABBREVIATIONS:
            value *= SCALE_ABBREVIATIONS[glued.lower()]
            end += len(glued)
            scaled = True
        elif ORDINAL_SUFFIX_RE.fullmatch(glued):
            return _Found(start, end + len(glued), "ordinal", value)
        elif glued.lower() in {"am", "pm"}:
            return _Found(start, end + len(glued), "time", None)
        elif glued == "p" and kind != "money" and m.text not in _VIDEO_LINES:
            return _Found(start, end + 1, "money", value, unit="penny")  # "180p", "3p on a pint of beer"
        elif glued.lower() == "s" and YEAR_RE.fullmatch(m.text[-4:] if len(m.text) >= 4 else ""):
            return _Found(start, end + 1, "date", value)
    if kind == "money" and not scaled and not m.glued:
        s = SPACE_SCALE_RE.match(text, end)
        if s:
            value *= SCALE_ABBREVIATIONS[s.group("s").lower()]
            end = s.end()
    metric = m.glued == "m" and text[end + 1 : end + 2] in {"2", "3", "²", "³"}
    if m.glued and not scaled and not metric and m.glued.lower() in {"m", "bn", "mn", "tn", "trn"}:
        if m.glued == "m" and not _millions_of(text, idx, m, end):
            return _Found(start, end + 1, "quantity", value, unit="metre")  # "400m runners"
        value *= SCALE_ABBREVIATIONS[m.glued.lower()]
        end += len(m.glued)
        c = CURRENCY_AFTER_RE.match(text, end)
        if (c and c.group("word")) or (c and c.group("code")):
            code, factor = _currency_of(c)
            if code:
                return _Found(start, c.end(), "money", value * factor, unit=code)
        m = NumberMatch(m.start, end, text[m.start : end], value, m.words, m.fraction, "", m.glued)
    if m.glued and not scaled:
        u = _unit_after(text, end, glued=True)
        c = CURRENCY_AFTER_RE.match(text, end)
        if c and c.end() - end >= len(m.glued):
            unit, factor = _currency_of(c)
            return _Found(start, c.end(), "money", value * factor, unit=unit)
        p = PERCENT_AFTER_RE.match(text, end)
        if p and p.end() - end >= len(m.glued):
            return _Found(start, p.end(), "percent", value, unit="%")
        if u and u[0] - end >= len(m.glued):
            return _Found(start, u[0], "quantity", value, unit=u[1])
        return None
    if kind != "money":
        c = CURRENCY_AFTER_RE.match(text, end)
        if c:
            code, factor = _currency_of(c)
            if code in {"cent", "penny"} and value >= 1000:
                code = None
            if code:
                c_end = c.end()
                sc = SCALE_WORD_RE.match(text, c_end)  # "75 USD million"
                if sc and value < 1000:
                    word = sc.group("s").lower()
                    factor *= SCALES.get(word) or SCALE_ABBREVIATIONS[word]
                    c_end = sc.end()
                return _Found(start, c_end, "money", value * factor, unit=code)
        p = PERCENT_AFTER_RE.match(text, end)
        if p:
            pp = p.group("pp")
            unit = "%"
            if pp:
                unit = "basis point" if pp.lower().startswith(("b", "bp")) else "percentage point"
            return _Found(start, p.end(), "percent", value, unit=unit)
        pb = PERCENT_BEFORE_RE.search(text, max(0, start - 16), start)
        if pb:
            return _Found(pb.start(), end, "percent", value, unit="%")
        u = _unit_after(text, end, glued=False)
        if u:
            return _Found(start, u[0], "quantity", value, unit=u[1])
    return _Found(start, end, kind, value, unit=unit)


def _currency_of(m: re.Match[str]) -> tuple[str | None, float]:
    if m.group("word"):
        return CURRENCY_WORDS.get(" ".join(m.group("word").lower().split())), 1.0
    if m.group("code"):
        return currency_code(m.group("code"))
    return CURRENCY_SYMBOLS.get(m.group("sym"), None), 1.0


def _date_or_name(text: str, idx: _DocIndex, m: NumberMatch, f: _Found) -> str | None:
    """'date', 'time' or 'name' when the bare number is not a figure; None when it is."""
    if f.kind in {"money", "percent"} or (f.kind == "quantity" and f.unit not in TIME_UNITS):
        return None
    ent = idx.ent_at(m.start)
    label = ent[2] if ent else ""
    if TIME_AFTER_RE.match(text, m.end):
        return "time"
    year_like = not m.words and YEAR_RE.fullmatch(m.text) is not None
    month = MONTH_BEFORE_RE.search(text, max(0, m.start - 12), m.start) or MONTH_AFTER_RE.match(text, m.end)
    if f.kind == "quantity":  # "five years", "three-day": a duration unless the NER says it is a date
        return None
    if (month and m.value < 32) or (month and year_like):
        return "date"
    if not m.words and m.value < 32 and DATE_PAIR_AFTER_RE.match(text, m.end):
        return "date"  # "16 or 17 March"
    if CLOCK_RE.fullmatch(m.text) and CLOCK_AFTER_RE.match(text, m.end):
        return "time"  # "When it gets to 11.45 on a Friday night"
    if label in {"DATE", "TIME"}:
        if year_like or month:
            return "date"
        nxt = text[m.end : m.end + 3]
        if label == "TIME" and (nxt[:1] in {":", "."} or nxt.strip()[:1].isdigit()):
            return "time"
        if year_like or (m.text.isdigit() and len(m.text) == 4):
            return "date"
    if year_like and "," not in m.text and f.kind == "count":
        after = _after(text, m.end).lstrip()
        if not PLURAL_WORD_RE.match(after):  # "2000 residents" stays a count
            return "date"
    if label in _NAME_LABELS and f.kind == "count":
        return "name"
    if f.kind == "count" and m.words:
        i = idx.token_at(m.start)
        doc = idx.doc
        label_before = i > 0 and doc[i - 1].lower_ in LABEL_NOUNS and doc[i - 1].lower_ != "top"
        counts_next = i + 1 < len(doc) and doc[i + 1].pos_ == "NOUN"  # "the final round three times"
        if label_before and (doc[i - 1].lower_ in {"number", "no", "no."} or not counts_next):
            return "name"  # "number eight", "world number two", "from day one"
        noun = _counted_noun(idx, m.end)
        opens = doc[i].is_sent_start or (i > 0 and doc[i - 1].text in {'"', "“", "‘", "'", "(", ":", "-", "–"})
        head = doc[idx.token_at(noun[1] - 1)] if noun else None
        nxt_tok = doc[i + 1] if i + 1 < len(doc) else None
        in_name = (head is not None and head.tag_ in {"NNP", "NNPS"}) or (
            nxt_tok is not None and nxt_tok.pos_ == "PROPN" and nxt_tok.text[:1].isupper()
        )
        after_name = i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper()
        if m.text[0].isupper() and not opens and (in_name or after_name):
            return "name"  # "Sunday's Six Nations match", "BBC Three"
    if f.kind == "count" and not m.words:
        prev = text[max(0, m.start - 12) : m.start]
        if CODE_BEFORE_RE.search(prev):
            return "name"
        i = idx.token_at(m.start)
        noun = _counted_noun(idx, m.end)
        head_tag = idx.doc[idx.token_at(noun[1] - 1)].tag_ if noun else ""
        if head_tag == "NNP":  # "787 Dreamliner", "11 Pro": a model name
            return "name"
        if i > 0:
            p = idx.doc[i - 1]
            if p.lower_ in LABEL_NOUNS:  # "Game 7", "Section 427"
                return "name"
            if p.pos_ == "PROPN" and p.ent_type_ not in {"DATE", "TIME"} and head_tag != "NNS":  # "iPhone 11"
                return "name"
    return None


def figures_from_doc(doc: Doc, *, article_id: str = "text") -> list[Figure]:
    """The figures in a parsed Doc, sorted by offset (offsets index ``doc.text``).

    >>> from newsdesk.nlp import parse_text
    >>> [(f.text, f.kind, f.value) for f in figures_from_doc(parse_text("Sales rose 5% in 2004."))]
    [('5%', 'percent', 5.0), ('2004', 'date', 2004.0)]
    """
    idx = _DocIndex(doc)
    text = idx.text
    urls = [(u.start(), u.end()) for u in URL_RE.finditer(text)]
    urls += [(u.start(), u.end()) for u in PHONE_RE.finditer(text)]  # "0800 123 4567" is no figure
    numbers = [m for m in scan_numbers(text) if not any(a <= m.start < b for a, b in urls)]
    found: list[_Found] = []
    skip_until = -1
    for k, m in enumerate(numbers):
        if m.start < skip_until or _not_a_figure(text, idx, m):
            continue
        nxt = numbers[k + 1] if k + 1 < len(numbers) else None
        fraction = _out_of(text, idx, m, nxt)
        if fraction is not None and nxt is not None:
            found.append(fraction)
            skip_until = nxt.end
            continue
        f = _one_figure(text, idx, m)
        f = _refine(text, idx, m, f) if f is not None else None
        if f is None:
            continue
        if f.kind in {"ordinal", "time", "date"}:
            found.append(f)
            skip_until = f.end
            continue
        other = _date_or_name(text, idx, m, f)
        if other == "name":
            if nxt is not None and text[m.end : nxt.start] in {"-", "–"}:
                skip_until = nxt.end  # "Boeing 737-800", "Robredo 7-6": the whole pair is the name or score
            continue
        if other in {"date", "time"}:
            f = _date_figure(text, idx, m, f, other, floor=found[-1].end if found else 0)
            found.append(f)
            skip_until = f.end
            continue
        qual = _qualifier(text, f.start)
        action, ranged = _range(text, idx, m, f, nxt, qual[1] if qual else "")
        if action == "skip" and nxt is not None:  # a score or a vote ("won 3-1")
            skip_until = nxt.end
            continue
        if action == "date" and ranged is not None:  # "2012-13"
            found.append(ranged)
            skip_until = ranged.end
            continue
        if action == "range" and ranged is not None:
            f = ranged
            skip_until = f.end
        found.append(_decorate(text, idx, f, qual))
        skip_until = max(skip_until, f.end)
    found = _money_by_context(idx, found)
    found.extend(_vague_plurals(idx, found))
    found.extend(_ordinals(idx, found))
    found.sort(key=lambda x: (x.start, x.end))
    return [_record(text, f, article_id) for f in found]


def _money_by_context(idx: _DocIndex, found: list[_Found]) -> list[_Found]:
    """Money read from the amounts around it.

    A bare "38m" or "2bn" with no counted noun, after money in the same sentence, is money in the
    currency of the nearest earlier amount not in brackets ("64m euros (£44m; $83m), up from 29m"):
    bracketed amounts are conversions of the one before them. Such a conversion takes the period of the
    amount it converts ("annual profits of £212m-£218m ($271m-279m)": both annual).
    """
    if not any(f.kind == "money" for f in found):
        return found
    text = idx.text
    out: list[_Found] = []
    converted: _Found | None = None  # the amount that the open bracket converts
    for f in found:
        if converted is not None and (text.count(")", converted.end, f.start) or "." in text[converted.end : f.start]):
            converted = None
        if f.kind == "count" and f.noun is None and BARE_SCALE_RE.search(text, f.start, f.end):
            sent = idx.doc[idx.token_at(f.start)].sent if idx.has_sents else idx.doc[:]
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


def _record(text: str, f: _Found, article_id: str) -> Figure:
    return Figure(
        article_id=article_id,
        start=f.start,
        end=f.end,
        text=text[f.start : f.end],
        kind=f.kind,
        value=f.value,
        value_max=f.value_max,
        unit=f.unit,
        qualifier=f.qualifier,
        period=f.period,
        noun=f.noun,
        quote_start=None,
        speaker=None,
    )


def _not_a_figure(text: str, idx: _DocIndex, m: NumberMatch) -> bool:
    """Numbers glued to a word ("G7"), "third-party", a lone "half", a pronoun "one", a lone "hundred"."""
    glued_before = m.start > 0 and (text[m.start - 1].isalpha() or text[m.start - 1] in "_@/\\")
    if glued_before and _currency_before(text, m.start) is None:
        return True
    if m.fraction and m.words and text[m.end : m.end + 1] == "-":
        return True
    lone_half = m.fraction and m.words and m.value == 0.5 and m.text.lower() in {"half", "a half"}
    if lone_half and text[m.end : m.end + 4].lower() != " of ":
        return True
    return _is_pronoun_one(idx, text, m) or m.text.lower() in SCALES


def _out_of(text: str, idx: _DocIndex, m: NumberMatch, nxt: NumberMatch | None) -> _Found | None:
    """ "one out of four Danes", "one in five adults": a fraction."""
    out_of = OUT_OF_RE.match(text, m.end)
    if nxt is None or not out_of or nxt.start != out_of.end():
        return None
    if not (0 < m.value < nxt.value <= 1000) or YEAR_RE.fullmatch(nxt.text) or nxt.glued:
        return None
    counted = _counted_noun(idx, nxt.end)
    return _Found(
        m.start,
        counted[1] if counted else nxt.end,
        "fraction",
        m.value / nxt.value,
        noun=counted[0] if counted else None,
    )


def _refine(text: str, idx: _DocIndex, m: NumberMatch, f: _Found) -> _Found | None:
    """Drop "5G"; add cents ("3 dollars 50 cents"); read ages ("2,900 year-old", "died aged 91", "Ms
    Brandt, 34,"); mark fractions."""
    if m.suffix in {"G", "B", "b", "g"} and f.kind != "money":
        return None
    if f.kind == "money" and f.unit in _SUBUNIT_CURRENCIES and m.value == int(m.value):
        sub = SUBUNIT_RE.match(text, f.end)
        cents = _small_number(sub.group("n")) if sub else None
        if sub and cents is not None:
            f = replace(f, end=sub.end(), value=(f.value or 0.0) + cents / 100)
    if f.kind == "count":
        age = AGE_AFTER_RE.match(text, f.end)
        if age:
            f = replace(f, end=age.end(), kind="quantity", unit=age.group("u").lower() + " of age")
        elif _is_age(text, idx, m):
            f = replace(f, kind="quantity", unit="year of age")
    if m.fraction and f.kind == "count":
        single = A_ORDINAL_RE.fullmatch(m.text)
        if single and not OF_AFTER_RE.match(text, m.end):  # "an eighth firm": an ordinal
            return _Found(
                m.start + len(single.group(1)), m.end, "ordinal", float(ORDINAL_WORDS[single.group(2).lower()])
            )
        f = replace(f, kind="fraction")
    return f


def _is_age(text: str, idx: _DocIndex, m: NumberMatch) -> bool:
    """A bare whole number that is an age: "died aged 91", or set off by commas after a person's name
    ("Ms Brandt, 34, managed...")."""
    if m.words or m.glued or not m.text.isdigit() or not 0 < m.value < 125:
        return False
    if AGED_BEFORE_RE.search(text, max(0, m.start - 20), m.start):
        return True
    set_off = APPOSITION_BEFORE_RE.search(text, max(0, m.start - 4), m.start) and APPOSITION_AFTER_RE.match(text, m.end)
    if not set_off:
        return False
    name_end = text.rindex(",", 0, m.start) - 1
    ent = idx.ent_at(name_end)
    tok = idx.doc[idx.token_at(name_end)]
    return (ent is not None and ent[2] == "PERSON") or (tok.pos_ == "PROPN" and tok.ent_type_ in {"", "PERSON"})


def _date_figure(text: str, idx: _DocIndex, m: NumberMatch, f: _Found, kind: str, floor: int) -> _Found:
    """A date or time, spanning its NER entity ("October 16") unless that reaches back over ``floor``."""
    end = f.end
    t_after = TIME_AFTER_RE.match(text, m.end) if kind == "time" else None
    pair = YEAR_PAIR_RE.match(text, m.end) if kind == "date" else None
    end = max(end, t_after.end() if t_after else 0, pair.end() if pair else 0)
    start = f.start
    ent = idx.ent_at(m.start)
    if ent and ent[2] in {"DATE", "TIME"} and ent[1] - ent[0] < 40:
        start, end = (min(start, ent[0]) if ent[0] >= floor else start), max(end, ent[1])
    elif kind == "date" and (month := MONTH_AFTER_RE.match(text, m.end)) is not None:
        end = max(end, month.end())  # a day before a month NER tagged alone: "to 28 December"
    return _Found(start, end, kind, m.value if kind == "date" and m.value >= 1000 else None)


def _range(
    text: str, idx: _DocIndex, m: NumberMatch, f: _Found, m2: NumberMatch | None, q: str
) -> tuple[str, _Found | None]:
    """Join "X-Y", "X to Y", "between X and Y": ("range", joined), ("skip", None) for a score,
    ("date", span) for "2012-13", or ("none", None)."""
    j = RANGE_JOIN_RE.match(text, f.end if f.kind != "count" else m.end)
    if not j or m2 is None:
        return "none", None
    cur2 = _currency_before(text, m2.start)
    if m2.start != j.end() and (cur2 is None or cur2[0] != j.end()):
        return "none", None
    joiner = j.group("j").lower()
    ok = joiner in {"-", "–", "—", "to", "through"} or (joiner == "and" and q == "between")
    ok = ok or (joiner == "or" and m.words and m2.words)
    score = SCORE_BEFORE_RE.search(text, max(0, f.start - 40), f.start) or m2.value <= m.value
    if joiner in {"-", "–"} and f.kind == "count" and score:
        return "skip", None
    change = CHANGE_BEFORE_RE.search(text, max(0, f.start - 50), f.start)
    if joiner == "to" and f.kind != "count" and q not in {"from", "between"} and change:
        return "none", None  # "fell 5% to 12%": a change, then a level
    f2 = _one_figure(text, idx, m2) if ok else None
    bare = f2 is not None and (f2.kind == "count" or f2.unit == "metre")
    if bare and f.kind == "money" and cur2 is None and m2.value > m.value:
        f2 = _one_figure(text, idx, m2, currency=f.unit) or f2  # "$779m-798m": one currency for both ends
    if f2 is None or f2.kind in {"ordinal", "time", "date"}:
        return "none", None
    if f2.kind == f.kind and f2.unit != f.unit and f.kind != "count":
        return "none", None  # "5 percentage points to 12%"
    if _date_or_name(text, idx, m2, f2) is not None:
        return "none", None  # "four months to 30 June": the second end is a date
    first = f
    if first.kind == "count" and f2.kind != "count":  # "$1-2 million", "5 to 10 per cent"
        first = replace(first, kind=f2.kind, unit=f2.unit)
    v1, v2 = first.value or 0.0, f2.value or 0.0
    shared = m2.words and not m.words and v2 >= 1000 and v1 < 1000  # "1-2 million"
    if shared or (f2.kind == first.kind == "money" and v1 < v2 / 1000 and not m.words):
        v1 = _shared_scale(v1, v2, m2.text)
    if YEAR_RE.fullmatch(m.text) and len(m2.text) in {2, 4} and not m.words:
        return "date", _Found(f.start, f2.end, "date", m.value)
    same_kind = first.kind == f2.kind or f2.kind == "count"
    reversed_ok = q in {"from", "between"} and v2 < v1 and first.unit == f2.unit
    if (v2 > v1 or reversed_ok) and same_kind:
        return "range", _Found(first.start, f2.end, first.kind, min(v1, v2), max(v1, v2), first.unit)
    return "none", None


def _decorate(text: str, idx: _DocIndex, f: _Found, qual: tuple[int, str] | None) -> _Found:
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
        found_noun = _counted_noun(idx, f.end)
        if found_noun:
            noun, end = found_noun[0], max(end, found_noun[1])
    pa = PERIOD_AFTER_RE.match(text, end)
    period: str | None
    if pa:
        period = " ".join((pa.group("p") or pa.group("p2") or "").lower().replace("-", " ").split())
    elif f.kind == "quantity" and f.unit in TIME_UNITS:
        period = None  # "annual growth at a five year high": a duration has no rate
    else:
        period = _period_before(idx, start)
    return replace(f, start=start, end=end, qualifier=qualifier, noun=noun, period=period or None)


def _shared_scale(low: float, high: float, high_text: str = "") -> float:
    """The low end of "1-2 million" or "$1-2bn": it takes the scale of the high end."""
    word = high_text.lower().split()[-1] if high_text.strip() else ""
    scale = SCALES.get(word) or next((s for s in (1e12, 1e9, 1e6, 1e3) if high >= s and (high / s) < 1000), 1.0)
    return low * scale if low * scale <= high else low


def _small_number(word: str) -> float | None:
    if word.isdigit():
        return float(word)
    found = scan_numbers(word)
    return found[0].value if len(found) == 1 and found[0].end == len(word) else None


_VAGUE_BASE = {"dozens": 12.0, "hundreds": 100.0, "thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12}


def _vague_plurals(idx: _DocIndex, found: list[_Found]) -> list[_Found]:
    """ "hundreds of", "tens of thousands of": a range from the scale to ten times it."""
    text = idx.text
    taken = [(f.start, f.end) for f in found]
    out = []
    for m in VAGUE_PLURAL_RE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        base = _VAGUE_BASE[m.group("w").lower()] * (10.0 if m.group("tens") else 1.0)
        low, high = base, base * 10
        qual = _qualifier(text, m.start())
        start = qual[0] if qual and qual[1] not in QUALIFIER_NOISE else m.start()
        after = CURRENCY_AFTER_RE.match(text, m.end())
        if after and after.group("word"):
            code, _ = _currency_of(after)
            out.append(
                _Found(
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
        noun = _counted_noun(idx, m.end())
        out.append(
            _Found(
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


def _ordinals(idx: _DocIndex, found: list[_Found]) -> list[_Found]:
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
        out.append(_Found(start, end, "ordinal", float(value)))
    return out
