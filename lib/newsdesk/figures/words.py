"""The word tables of figure extraction, read from ``newsdesk/data``: number words, scales, currencies,
units, qualifiers, periods and the words that tell a figure's kind from its context.

`newsdesk.figures.patterns` builds the regexes from these; `numbers` and the readers only combine them.

>>> SCALES["bn"], CURRENCY_WORDS["hryvnia"], currency_code("RMB"), currency_code("MUSD")
(1000000000.0, 'UAH', ('CNY', 1.0), ('USD', 1000000.0))
"""

from __future__ import annotations

from typing import Final

from newsdesk.data import rows, word_list, words

__all__ = [
    "ADJ_STOP",
    "CARDINAL_WORDS",
    "CHANGE_WORDS",
    "CURRENCY_CODES",
    "CURRENCY_PREFIXES",
    "CURRENCY_SYMBOLS",
    "CURRENCY_WORDS",
    "DEN_WORDS",
    "LABEL_NOUNS",
    "METRE_WORDS",
    "MONTHS",
    "ORDINAL_WORDS",
    "PERIOD_ADJECTIVES",
    "QUALIFIERS",
    "QUALIFIER_NOISE",
    "SCALES",
    "SCALE_ABBREVIATIONS",
    "SCORE_WORDS",
    "SPEECH_LEMMAS",
    "TENS_WORDS",
    "TIME_UNITS",
    "UNITS",
    "UNIT_ORDINALS",
    "currency_code",
]

# --------------------------------------------------------------------------------------------- numbers
_NUMBERS = rows("number_words")

#: Cardinal words and their values (scale words are in SCALES).
CARDINAL_WORDS: Final[dict[str, float]] = {r["word"]: float(r["value"]) for r in _NUMBERS if r["kind"] == "cardinal"}
#: Abbreviated scales written after a figure ("£2.7bn", "$40m", "10k").
SCALE_ABBREVIATIONS: Final[dict[str, float]] = {
    r["word"]: float(r["value"]) for r in _NUMBERS if r["kind"] == "abbreviation"
}
#: Words that multiply what precedes them, and the abbreviations of more than one letter ("bn", "mln"), but
#: not "mm" (millimetres) or "tr".
SCALES: Final[dict[str, float]] = {r["word"]: float(r["value"]) for r in _NUMBERS if r["kind"] == "scale"}
SCALES.update({k: v for k, v in SCALE_ABBREVIATIONS.items() if len(k) > 1 and k not in {"mm", "tr"}})
#: Ordinal words ("third") and their values; "last" and "final" are -1.
ORDINAL_WORDS: Final[dict[str, int]] = {r["word"]: int(r["value"]) for r in _NUMBERS if r["kind"] == "ordinal"}
_DENOMINATORS = {w: float(v) for w, v in ORDINAL_WORDS.items() if v >= 3}  # not "first", "second", "last"
#: Denominator words of fractions: "two thirds", "a quarter", "five eighths".
DEN_WORDS: Final[dict[str, float]] = {
    **_DENOMINATORS,
    **{w + "s": v for w, v in _DENOMINATORS.items()},
    **{r["word"]: float(r["value"]) for r in _NUMBERS if r["kind"] == "fraction"},
}
#: "first" to "ninth": the ordinals that end a written fraction ("one twenty-fifth").
UNIT_ORDINALS: Final[dict[str, int]] = {w: v for w, v in ORDINAL_WORDS.items() if 1 <= v <= 9}
#: "twenty" to "ninety".
TENS_WORDS: Final[frozenset[str]] = frozenset(w for w, v in CARDINAL_WORDS.items() if v >= 20)

# -------------------------------------------------------------------------------------------- currency
_CURRENCIES = rows("currencies")


def _currencies(kind: str) -> dict[str, str]:
    return {r["form"]: r["code"] for r in _CURRENCIES if r["kind"] == kind}


#: Symbols (and symbol forms with a country prefix) and their ISO 4217 codes.
CURRENCY_SYMBOLS: Final[dict[str, str]] = _currencies("symbol")
#: ISO codes written as words ("USD 200"; "200 euros" is in CURRENCY_WORDS).
CURRENCY_CODES: Final[frozenset[str]] = frozenset(_currencies("code"))
#: Currency names (singular and plural) and their codes. "dollar" alone is read as USD.
CURRENCY_WORDS: Final[dict[str, str]] = _currencies("name")
#: Country prefixes written before "$" with a space ("us $ 150 million", "c $ 16.4 million").
CURRENCY_PREFIXES: Final[dict[str, str]] = _currencies("prefix")
_CODE_OF = {**_currencies("code"), **_currencies("alias")}


def currency_code(written: str) -> tuple[str, float]:
    """The ISO code of a currency code as written ("usd", "Rs.", "RMB"), and the multiplier of a
    millions prefix ("MUSD 5" is 5 million dollars)."""
    code = written.rstrip(".")
    factor = 1.0
    if len(code) == 4 and code[0] == "M" and code[1:] in CURRENCY_CODES:
        code, factor = code[1:], 1e6
    code = code.upper()
    return _CODE_OF.get(code, code), factor


# ------------------------------------------------------------------------------------------------ units
#: Measurement units (surface form, lower-cased) and their canonical names.
UNITS: Final[dict[str, str]] = {r["form"]: r["unit"] for r in rows("units")}
#: Units that measure time: "five years" is a duration (quantity), not a date.
TIME_UNITS: Final[frozenset[str]] = frozenset(
    {"year", "month", "week", "day", "hour", "minute", "second", "decade", "century", "millisecond"}
)

# ------------------------------------------------------------------------------------ qualifiers, rates
_QUALIFIERS = rows("qualifiers")
#: Qualifiers written before a figure ("at least", "about"), in the file's order.
QUALIFIERS: Final[tuple[str, ...]] = tuple(r["qualifier"] for r in _QUALIFIERS)
#: Qualifier phrases that carry no approximate/bound meaning (kept out of ``Figure.qualifier``).
QUALIFIER_NOISE: Final[frozenset[str]] = frozenset(r["qualifier"] for r in _QUALIFIERS if r["noise"] == "yes")
#: Rate adjectives that may sit before a figure or the noun it measures ("monthly transfers of $5m").
PERIOD_ADJECTIVES: Final[dict[str, str]] = {r["word"]: r["period"] for r in rows("period_words")}
#: Adjectives left out of a counted noun: they qualify the count, not what is counted.
ADJ_STOP: Final[frozenset[str]] = words("count_adjectives")
#: Month names (full and abbreviated) for date detection without the NER.
MONTHS: Final[frozenset[str]] = words("months")
#: Nouns that name things by number ("category 4", "Game 7", "Section 427"): the number is a label.
LABEL_NOUNS: Final[frozenset[str]] = words("label_nouns")
#: Words that make a glued "m" metres ("100m sprint", "400m hurdles"), not millions ("38m euros").
METRE_WORDS: Final[frozenset[str]] = words("metre_words")
#: Verbs of saying: "one analyst said" names a source, not a count.
SPEECH_LEMMAS: Final[frozenset[str]] = words("saying_verbs")
#: Change verbs: "rose from 5% to 7%" is two values, not a range.
CHANGE_WORDS: Final[tuple[str, ...]] = word_list("change_words")
#: Words that make a hyphenated pair a score or a vote, not a range ("won 3-1").
SCORE_WORDS: Final[tuple[str, ...]] = word_list("score_words")
