"""Telling what a number is: no figure at all (a name such as "G7" or "iPhone 11", a pronoun "one", a score),
a date or time, an age, a fraction ("one in five"), or a figure whose kind `refine` settles.

>>> from newsdesk.nlp import parse_text
>>> from newsdesk.figures.numbers import scan_numbers
>>> from newsdesk.figures.reading import read_figure
>>> text = "Sales fell in 2004 at Boeing 737 plants."
>>> index = DocIndex(parse_text(text))
>>> [date_or_name(text, index, m, read_figure(text, index, m)) for m in scan_numbers(text)]
[<Reading.DATE: 'date'>, <Reading.NAME: 'name'>]
"""

from __future__ import annotations

from dataclasses import replace
from enum import Enum

from spacy.tokens import Doc

from newsdesk.figures.context import counted_noun
from newsdesk.figures.found import DocIndex, FoundFigure
from newsdesk.figures.numbers import NumberMatch, scan_numbers
from newsdesk.figures.patterns import (
    A_ORDINAL_RE,
    AGE_AFTER_RE,
    AGED_BEFORE_RE,
    APPOSITION_AFTER_RE,
    APPOSITION_BEFORE_RE,
    CLOCK_AFTER_RE,
    CLOCK_RE,
    CODE_BEFORE_RE,
    DATE_PAIR_AFTER_RE,
    MONTH_AFTER_RE,
    MONTH_BEFORE_RE,
    OF_AFTER_RE,
    ONE_ADJECTIVE_RE,
    ONE_OF_RE,
    OUT_OF_RE,
    PLURAL_WORD_RE,
    SUBUNIT_RE,
    TIME_AFTER_RE,
    YEAR_PAIR_RE,
    YEAR_RE,
)
from newsdesk.figures.reading import currency_before
from newsdesk.figures.words import (
    LABEL_NOUNS,
    ORDINAL_WORDS,
    SCALES,
    SPEECH_LEMMAS,
    TIME_UNITS,
)
from newsdesk.nlp import SUBJECT_DEPS

__all__ = ["Reading", "date_figure", "date_or_name", "not_a_figure", "out_of", "refine"]


class Reading(Enum):
    """What a bare number is when it is no figure of its own."""

    DATE = "date"
    TIME = "time"
    NAME = "name"  # "Boeing 737", "BBC Three", "number eight"


_NAME_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "FAC", "LAW", "EVENT", "WORK_OF_ART", "GPE", "LOC", "NORP"})

_SUBUNIT_CURRENCIES = frozenset({"USD", "CAD", "AUD", "NZD", "HKD", "EUR", "GBP", "CHF", "SGD", "INR", "MYR"})

_ONE_WORDS = frozenset({"one", "One", "ONE"})

_PRONOUN_ONE_BEFORE = frozenset(
    {"the", "this", "that", "which", "no", "any", "every", "each", "someone", "only", "same", "little", "no-"}
)

_PRONOUN_ONE_AFTER = frozenset({"another", "'s", "’s", "who", "that", "which", "is", "was", "day", "and"})

def _after(text: str, end: int) -> str:
    return text[end : end + 40]

def _is_pronoun_one(doc_index: DocIndex, text: str, m: NumberMatch) -> bool:
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

def not_a_figure(text: str, idx: DocIndex, m: NumberMatch) -> bool:
    """Numbers glued to a word ("G7"), "third-party", a lone "half", a pronoun "one", a lone "hundred"."""
    glued_before = m.start > 0 and (text[m.start - 1].isalpha() or text[m.start - 1] in "_@/\\")
    if glued_before and currency_before(text, m.start) is None:
        return True
    if m.fraction and m.words and text[m.end : m.end + 1] == "-":
        return True
    lone_half = m.fraction and m.words and m.value == 0.5 and m.text.lower() in {"half", "a half"}
    if lone_half and text[m.end : m.end + 4].lower() != " of ":
        return True
    return _is_pronoun_one(idx, text, m) or m.text.lower() in SCALES

def out_of(text: str, idx: DocIndex, m: NumberMatch, nxt: NumberMatch | None) -> FoundFigure | None:
    """ "one out of four Danes", "one in five adults": a fraction."""
    out_of = OUT_OF_RE.match(text, m.end)
    if nxt is None or not out_of or nxt.start != out_of.end():
        return None
    if not (0 < m.value < nxt.value <= 1000) or YEAR_RE.fullmatch(nxt.text) or nxt.glued:
        return None
    counted = counted_noun(idx, nxt.end)
    return FoundFigure(
        m.start,
        counted[1] if counted else nxt.end,
        "fraction",
        m.value / nxt.value,
        noun=counted[0] if counted else None,
    )

def refine(text: str, idx: DocIndex, m: NumberMatch, f: FoundFigure) -> FoundFigure | None:
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
            return FoundFigure(
                m.start + len(single.group(1)), m.end, "ordinal", float(ORDINAL_WORDS[single.group(2).lower()])
            )
        f = replace(f, kind="fraction")
    return f

def _small_number(word: str) -> float | None:
    if word.isdigit():
        return float(word)
    found = scan_numbers(word)
    return found[0].value if len(found) == 1 and found[0].end == len(word) else None

def _is_age(text: str, idx: DocIndex, m: NumberMatch) -> bool:
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

def date_or_name(text: str, idx: DocIndex, m: NumberMatch, f: FoundFigure) -> Reading | None:
    """What a bare number is when it is no figure of its own (a date, a time, a name); None when it is one."""
    if f.kind in {"money", "percent"} or (f.kind == "quantity" and f.unit not in TIME_UNITS):
        return None
    ent = idx.ent_at(m.start)
    label = ent[2] if ent else ""
    if TIME_AFTER_RE.match(text, m.end):
        return Reading.TIME
    year_like = not m.words and YEAR_RE.fullmatch(m.text) is not None
    month = MONTH_BEFORE_RE.search(text, max(0, m.start - 12), m.start) or MONTH_AFTER_RE.match(text, m.end)
    if f.kind == "quantity":  # "five years", "three-day": a duration unless the NER says it is a date
        return None
    if (month and m.value < 32) or (month and year_like):
        return Reading.DATE
    if not m.words and m.value < 32 and DATE_PAIR_AFTER_RE.match(text, m.end):
        return Reading.DATE  # "16 or 17 March"
    if CLOCK_RE.fullmatch(m.text) and CLOCK_AFTER_RE.match(text, m.end):
        return Reading.TIME  # "When it gets to 11.45 on a Friday night"
    if label in {"DATE", "TIME"}:
        if year_like or month:
            return Reading.DATE
        nxt = text[m.end : m.end + 3]
        if label == "TIME" and (nxt[:1] in {":", "."} or nxt.strip()[:1].isdigit()):
            return Reading.TIME
        if year_like or (m.text.isdigit() and len(m.text) == 4):
            return Reading.DATE
    if year_like and "," not in m.text and f.kind == "count":
        after = _after(text, m.end).lstrip()
        if not PLURAL_WORD_RE.match(after):  # "2000 residents" stays a count
            return Reading.DATE
    if label in _NAME_LABELS and f.kind == "count":
        return Reading.NAME
    if f.kind == "count" and m.words:
        i = idx.token_at(m.start)
        doc = idx.doc
        label_before = i > 0 and doc[i - 1].lower_ in LABEL_NOUNS and doc[i - 1].lower_ != "top"
        counts_next = i + 1 < len(doc) and doc[i + 1].pos_ == "NOUN"  # "the final round three times"
        if label_before and (doc[i - 1].lower_ in {"number", "no", "no."} or not counts_next):
            return Reading.NAME  # "number eight", "world number two", "from day one"
        noun = counted_noun(idx, m.end)
        opens = doc[i].is_sent_start or (i > 0 and doc[i - 1].text in {'"', "“", "‘", "'", "(", ":", "-", "–"})
        head = doc[idx.token_at(noun[1] - 1)] if noun else None
        nxt_tok = doc[i + 1] if i + 1 < len(doc) else None
        in_name = (head is not None and head.tag_ in {"NNP", "NNPS"}) or (
            nxt_tok is not None and nxt_tok.pos_ == "PROPN" and nxt_tok.text[:1].isupper()
        )
        after_name = i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper()
        if m.text[0].isupper() and not opens and (in_name or after_name):
            return Reading.NAME  # "Sunday's Six Nations match", "BBC Three"
    if f.kind == "count" and not m.words:
        prev = text[max(0, m.start - 12) : m.start]
        if CODE_BEFORE_RE.search(prev):
            return Reading.NAME
        i = idx.token_at(m.start)
        noun = counted_noun(idx, m.end)
        head_tag = idx.doc[idx.token_at(noun[1] - 1)].tag_ if noun else ""
        if head_tag == "NNP":  # "787 Dreamliner", "11 Pro": a model name
            return Reading.NAME
        if i > 0:
            p = idx.doc[i - 1]
            if p.lower_ in LABEL_NOUNS:  # "Game 7", "Section 427"
                return Reading.NAME
            if p.pos_ == "PROPN" and p.ent_type_ not in {"DATE", "TIME"} and head_tag != "NNS":  # "iPhone 11"
                return Reading.NAME
    return None

def date_figure(
    text: str, idx: DocIndex, m: NumberMatch, f: FoundFigure, reading: Reading, floor: int
) -> FoundFigure:
    """A date or time, spanning its NER entity ("October 16") unless that reaches back over ``floor``."""
    kind = reading.value
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
    return FoundFigure(start, end, kind, m.value if kind == "date" and m.value >= 1000 else None)
