"""Every precompiled pattern of figure extraction, built from the word tables in `newsdesk.figures.words`.

>>> bool(QUALIFIER_BEFORE_RE.search("at least "))
True
>>> NUMBER_TOKEN_RE.match("twenty-five").group()
'twenty'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from newsdesk.figures.words import (
    CARDINAL_WORDS,
    CHANGE_WORDS,
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DEN_WORDS,
    METRE_WORDS,
    MONTHS,
    ORDINAL_WORDS,
    QUALIFIERS,
    SCALES,
    SCORE_WORDS,
    UNITS,
)


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, a space matching any run of white space."""
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


_WORD_ALT = "|".join(
    sorted(
        {*CARDINAL_WORDS, *SCALES, *DEN_WORDS, *ORDINAL_WORDS, "firsts", "point", "and", "a", "an", "minus", "negative"}
        - {"last", "final", "m", "b", "g", "k"},
        key=len,
        reverse=True,
    )
)

#: One token of a number phrase: a digit group (with separators, decimals, fractions, exponents) or a
#: number word. `numbers.scan_numbers` strings these together.
NUMBER_TOKEN_RE: Final = re.compile(
    r"""
    (?P<digits>
        (?:(?<![\w.])|(?<=\$US)|(?<=\$A)|(?<=\$NZ)|(?<=\$C)|(?<=[A-Z]{3})|(?<=US\$)|(?<=Rs)|(?<=RM))
        (?:\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?      # 1,234,567.89
          |\d{1,2},\d{2},\d{3}(?:,\d{3})*(?!\d)(?:\.\d+)?   # Indian grouping 12,34,567.89
          |\d{1,3}(?:[\u202f\u00a0 ]\d{3})+(?!\d)(?:\.\d+)?  # 1 234 567 (thin or plain spaces)
          |\d+\.\d+(?!\d)(?!\.\d)|\d+|\.\d+|[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])
        (?:[eE][-+]?\d+|\^[-+]{0,2}\d+|\s?[x×]\s?10(?:\^[-+−]?|[−-])\d+)?     # 1e10, 1.1^23, 1.3x10^6
        (?:(?<!/\d)(?<!/\d\d)(?<!/\d\d\d)(?<!/\d\d\d\d)\s*[/⁄]\s*\d+(?![\d./]))?  # 3/4 (not 5/17/2018)
    )
    |(?P<word>(?<![\w'’])(?:"""
    + _WORD_ALT
    + r""")(?![\w’']))
    """,
    re.VERBOSE | re.IGNORECASE,
)


#: A qualifier right before a figure (matched against the text that ends where the figure starts).
QUALIFIER_BEFORE_RE: Final = re.compile(
    r"(?<![\w-])(?P<q>"
    + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
    + r")\s+(?:(?:the|a|an)\s+)?$",
    re.IGNORECASE,
)
#: A qualifier right after a figure: "300 or more", "50-plus", "10,000 or so".
QUALIFIER_AFTER_RE: Final = re.compile(
    r"(?P<q>\s*(?:-\s*)?plus\b|\+(?!\d)|\s+or\s+(?:more|fewer|less|so)\b|\s+and\s+(?:up|above|over)\b"
    r"|\s+odd\b|\s+at\s+(?:least|most)\b|\s+or\s+above\b|\s+or\s+higher\b)",
    re.IGNORECASE,
)
#: A rate right after a figure (and its unit or noun): "a year", "per day", "each month", "/hr".
PERIOD_AFTER_RE: Final = re.compile(
    r"\s*(?P<p>(?:a|an|per|each|every|/)\s*(?:(?:calendar|fiscal|financial|working|school)\s+)?"
    r"(?:year|month|week|day|hour|minute|second|quarter|decade|night|season|game|match|head|person|capita"
    r"|share|annum|barrel|gallon|litre|liter|kg|kilo|tonne|ton|ounce|unit|mile|km|hr|yr|visit|trip)\b)"
    r"(?!\s+(?:ago|earlier|before|later|previously)\b)"
    r"|-(?P<p2>a-(?:year|month|week|day|share|head))\b",
    re.IGNORECASE,
)

_SYMBOLS_ALT = _alternation(k for k in CURRENCY_SYMBOLS if not k[0].isalpha() or "$" in k)

#: A currency right before a figure: "$", "US$", "us $", "C$", "£", "USD ", "Rs ".
CURRENCY_BEFORE_RE: Final = re.compile(
    r"(?:(?P<prefix>(?<![A-Za-z])(?:(?:u\.s\.?|us|c|hk|nz)\s?|(?:a|au|s|r|ca|mx)))?(?P<sym>" + _SYMBOLS_ALT + r")"
    r"(?P<suffix>(?-i:US|A|AU|NZ|C|CA|HK|S)(?![a-z]))?"
    r"|(?<![A-Za-z])(?P<code>(?-i:M?(?:"
    + "|".join(sorted(CURRENCY_CODES))
    + r")|Rs\.?|RM)|usd|eur|gbp|rmb)(?![a-z]))\s*$",
    re.IGNORECASE,
)
#: A currency right after a figure: "dollars", "euros", "us dollars", "USD", "pence", "€", "元".
CURRENCY_AFTER_RE: Final = re.compile(
    r"(?:\s*-\s*|\s*)(?:(?P<word>" + _alternation(CURRENCY_WORDS) + r")(?:(?![\w-])|(?=-(?:a|per)-))"
    r"|(?P<code>(?-i:M?(?:" + "|".join(sorted(CURRENCY_CODES)) + r"))|usd|eur|gbp|rmb|cny|jpy|chf)(?![A-Za-z])"
    r"|(?P<sym>[$£€¥₹₽₴₩₪₺₦₱₫₡₾₭₿元¢]|ரூ)(?!\s*\d))",
    re.IGNORECASE,
)
#: A percent sign or word after a figure ("per cent", "percentage points", "pc").
PERCENT_AFTER_RE: Final = re.compile(
    r"(?:\s?%|\s*(?:-\s*)?(?P<pp>percentage[\s-]+points?|per\s?cent(?:age)?[\s-]+points?|basis[\s-]+points?|bps\b|"
    r"pp\b|ppts?\b)|\s*(?:-\s*)?(?:percent(?:age)?s?|per\s?cent|pct|pc)(?![A-Za-z]))",
    re.IGNORECASE,
)
#: "percent of 10", "per cent of twenty-two": the percent word before the number.
PERCENT_BEFORE_RE: Final = re.compile(r"(?:percents?|per\s?cent)\s+of\s+$", re.IGNORECASE)
#: A measurement unit after a figure: "km", "miles per hour", "-year" (in "five-year").
UNIT_AFTER_RE: Final = re.compile(
    r"(?P<gap>\s*-\s*|\s*)(?P<u>" + _alternation(UNITS) + r")(?![\w°²³/-]|-(?!long|old|high|wide|a-))",
    re.IGNORECASE,
)
#: What joins the two ends of a range: "-", "–", "to", "and" (after "between"), "or".
RANGE_JOIN_RE: Final = re.compile(r"\s*(?:-\s*(?=to\b))?(?P<j>-|–|—|to|and|through|or)\s*", re.IGNORECASE)
#: A clock time right after a number: "1.56pm", "9 a.m.", "10:30".
TIME_AFTER_RE: Final = re.compile(
    r"(?::\d\d(?:\s?[ap]\.?m\.?(?![A-Za-z]))?|\s?(?:a\.?m\.?|p\.?m\.?)(?![A-Za-z])|\s?(?:GMT|BST|EST|ET|UTC)\b)",
    re.IGNORECASE,
)
#: An ordinal suffix glued to digits: "21st", "3rd".
ORDINAL_SUFFIX_RE: Final = re.compile(r"(?:st|nd|rd|th)", re.IGNORECASE)
#: Change verbs: "rose from 5% to 7%" is two values, not a range.
CHANGE_BEFORE_RE: Final = re.compile(r"\b(?:" + "|".join(CHANGE_WORDS) + r")\b[^.;]{0,40}$", re.IGNORECASE)
#: A sentence-level marker that a hyphenated pair is a score or a vote, not a range ("won 3-1").
SCORE_BEFORE_RE: Final = re.compile(r"\b(?:" + "|".join(SCORE_WORDS) + r")\b[^.;]{0,30}$", re.IGNORECASE)
#: A month name right before a number ("October 16"), or after it ("16 October").
MONTH_BEFORE_RE: Final = re.compile(
    r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?,?\s+$", re.IGNORECASE
)
MONTH_AFTER_RE: Final = re.compile(
    r"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
#: Letters or a hyphenated letter prefix right before digits: model names and codes ("F-16", "Covid-19").
CODE_BEFORE_RE: Final = re.compile(r"(?:[A-Za-z][A-Za-z]?-|#|No\.\s?|no\.\s|[A-Za-z]\d*-)$")
#: Hyphenated words after "one" that make it an adjective, not a count ("one-off").
ONE_ADJECTIVE_RE: Final = re.compile(
    r"-(?:off|time|way|sided|stop|size|man|party|liners?|on-one|to-one|fifth|third|half)\b", re.IGNORECASE
)

#: "of" after "one": a partitive ("one of the best", "one of Wales's genuinely world-class forwards", "one of
#: them"), unless a number follows ("one of the two suspects", "one of 12 children").
ONE_OF_RE: Final = re.compile(
    r"\s+of\s+(?!(?:(?:the|its|his|her|their|our|my|your|these|those)\s+)?(?:\d|(?:two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|dozen)\b))",
    re.IGNORECASE,
)
#: Vague plurals that are ranges: "hundreds of", "tens of thousands of", "dozens of".
VAGUE_PLURAL_RE: Final = re.compile(
    r"(?<![\w-])(?P<tens>tens\s+of\s+)?(?P<w>dozens|hundreds|thousands|millions|billions|trillions)\s+of\b",
    re.IGNORECASE,
)
#: An age after a figure: "2,900 year-old", "18-month-old", "400 million-year-old".
AGE_AFTER_RE: Final = re.compile(r"[\s-]+(?P<u>year|month|week|day)s?[\s-]+old\b", re.IGNORECASE)
#: "aged" before an age: "died aged 91", "aged about 40".
AGED_BEFORE_RE: Final = re.compile(r"\baged\s+(?:about\s+|around\s+|just\s+|only\s+)?$", re.IGNORECASE)
#: A name and a comma before a number set off by commas ("Ms Brandt, 34, managed"): an age.
APPOSITION_BEFORE_RE: Final = re.compile(r"[A-Za-z],\s$")
#: What ends an age in apposition: a comma, a full stop, a semicolon or a bracket.
APPOSITION_AFTER_RE: Final = re.compile(r"[,;)]|\.(?!\d)")
#: A day or a number range that ends in a month: "16 or 17 March", "3-5 June" (the first number is a date).
DATE_PAIR_AFTER_RE: Final = re.compile(
    r"\s*(?:-|–|to|or|and)\s*\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
#: A clock time written with a full stop, as British papers do: "12.30", "9.45".
CLOCK_RE: Final = re.compile(r"(?:[01]?\d|2[0-3])\.[0-5]\d")
#: What makes "12.30" a clock time: a day or a part of the day after it ("11.45 on a Friday night").
CLOCK_AFTER_RE: Final = re.compile(
    r"\s+(?:on\s+(?:an?\s+)?(?:" + _DAYS + r")|(?:this|tomorrow|on|every|each|in\s+the)\s+"
    r"(?:morning|afternoon|evening|night)|tonight|today|tomorrow|yesterday|(?:" + _DAYS + r")\b)",
    re.IGNORECASE,
)
#: A telephone number: "0800 123 4567", "+44 (0)20 7946 0000", "020-7946-0000".
PHONE_RE: Final = re.compile(
    r"(?<![\d.,])(?:\+\d{1,3}\s?(?:\(0\)\s?)?\d{2,4}|\(?0\d{2,4}\)?)(?:[\s-]\d{3,4}){1,2}(?![\d.,]\d)"
)
#: An opening bracket right after an amount: what follows converts it ("£212m ($271m)").
CONVERSION_OPEN_RE: Final = re.compile(r"\s?\(\s?")
#: A fraction written "one out of three", "one in five".
OUT_OF_RE: Final = re.compile(r"\s+(?:out\s+of|in)\s+", re.IGNORECASE)
#: A URL, whose digits are not figures.
URL_RE: Final = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
#: After a glued "m", words that make it metres ("100m sprint"), not millions ("38m euros").
METRE_CONTEXT_RE: Final = re.compile(
    r"(?:-|\s+)(?:" + _alternation(METRE_WORDS) + r"|of\s+water)\b"
    r"|\s*\(\s*[\d.,]+\s*(?:ft|feet|foot|in|inches|yd|yards)\b",
    re.IGNORECASE,
)
#: An imperial measure with a metric conversion in brackets: "30ft (" before "10m)".
IMPERIAL_BEFORE_RE: Final = re.compile(r"\d\s*(?:ft|feet|foot|in|inches|yd|yards|miles?)\s*\(\s*$", re.IGNORECASE)
#: Money in a sentence: a currency symbol or code before digits, or a currency word after a figure.
MONEY_NEARBY_RE: Final = re.compile(
    r"[$£€¥₹]\s?\d|\b(?:USD|GBP|EUR|JPY|CNY|CHF)\s?\d|\d(?:bn|m|\s(?:million|billion))?\s+(?i:"
    + _alternation(CURRENCY_WORDS)
    + r")\b"
)
#: A figure that ends in an abbreviated scale ("38m", "2.1bn"): money when money is being discussed.
BARE_SCALE_RE: Final = re.compile(r"\d\s?(?:m|bn|mn|tn|trn)$")
#: Digits with exactly one decimal place ("11.9"): with a glued "m", millions rather than metres.
DECIMAL_ONE_RE: Final = re.compile(r"[\d,]*\d\.\d")

#: A word right after a number ("over 3 years" is not a fraction).
WORD_AFTER_RE: Final = re.compile(r"\s*[A-Za-z]")

#: "over" between two numbers.
OVER_ONLY_RE: Final = re.compile(r"\s+over\s+", re.IGNORECASE)

#: "over" or "out of" between two numbers: "one over three", "two out of five".
OVER_RE: Final = re.compile(r"\s+(?:over|out\s+of)\s+", re.IGNORECASE)


#: "of" between a fraction word and "a" ("two thirds of a million").
OF_RE: Final = re.compile(r"\s+of\s+", re.IGNORECASE)

#: Words after "one" that make it a pronoun ("one of", "one is").
LONE_ONE_AFTER_RE: Final = re.compile(
    r"^\s*(?:of\b|another\b|'s\b|’s\b|you\b|do\b|does\b|is\b|was\b|can\b|could\b|would\b|will\b|who\b|that\b|at\b)",
    re.IGNORECASE,
)

#: Words before "one" that make it a pronoun ("the one", "which one").
LONE_ONE_BEFORE_RE: Final = re.compile(
    r"(?:\b(?:the|this|that|which|no|any|every|each|some|someone|anyone|no-|little|only)\s+)$", re.IGNORECASE
)

#: A minus sign before digits: at the start, after a space, a bracket or a currency symbol.
NEG_RE: Final = re.compile(r"(?:(?:^|(?<=[\s(\[:=$£€]))[-−–]|^[-−]\s)$")

#: Scale abbreviations glued to digits ("10k", "1.2bn").
SUFFIX_SCALE_RE: Final = re.compile(r"(?:k|K|M|G|B|b|bn|BN|mn|mln|mil|mm|MM|bln|tln|tn|trn)(?![A-Za-z])")

#: Letters glued to the end of a number.
GLUE_RE: Final = re.compile(r"[A-Za-z]+")

#: What may separate two tokens of one number phrase: spaces, or one hyphen.
GAP_RE: Final = re.compile(r"[ \t\u00a0\u202f]*(?:-|–|[ \t\u00a0\u202f])?[ \t\u00a0\u202f]*")

#: The second year of a span: "2012-13", "1998/99".
YEAR_PAIR_RE: Final = re.compile(r"[-–/](?:\d\d|(?:1[5-9]|20)\d\d)(?!\d)")

#: A scale abbreviation after a money figure, with at most one space ("$5 bn").
SPACE_SCALE_RE: Final = re.compile(r"\s?(?P<s>bn|m|mn|mln|b|tn|trn|k)(?![A-Za-z])", re.IGNORECASE)

#: A sub-unit amount after a money figure: "3 dollars 50 cents", "15 dollars and 15".
SUBUNIT_RE: Final = re.compile(
    r"\s+(?:and\s+)?(?P<n>[1-9]\d?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
    r"(?P<c>\s*(?:cents?|c|pence|p)\b)?(?=\s*(?:$|[.,;!?)]|and\b|more\b|less\b)|(?P=c))",
    re.IGNORECASE,
)

#: A scale word after a currency: "75 USD million".
SCALE_WORD_RE: Final = re.compile(r"\s+(?P<s>thousand|million|billion|trillion|bn|mn|m)\b", re.IGNORECASE)

#: A four-digit year, 1500-2099.
YEAR_RE: Final = re.compile(r"(?:1[5-9]|20)\d\d")

#: A plural word ("residents"): "2000 residents" is a count, not a year.
PLURAL_WORD_RE: Final = re.compile(r"[a-z]+s\b")
#: Digit-group separators dropped before reading a value.
DIGIT_SEPARATORS_RE: Final = re.compile(r"[\s,\u202f\u00a0]")
#: "1.3x10^6", "2.48×10−5".
SCIENTIFIC_RE: Final = re.compile(r"(.+?)[x×]10\^?([-+−]?\d+)")

#: "a third", "an eighth": a fraction before "of", an ordinal before a noun ("an eighth firm").
A_ORDINAL_RE: Final = re.compile(r"(an?\s+)(third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)", re.IGNORECASE)
#: "of" right after a figure.
OF_AFTER_RE: Final = re.compile(r"\s+of\b", re.IGNORECASE)
