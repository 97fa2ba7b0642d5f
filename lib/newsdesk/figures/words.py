"""Word tables and every precompiled regex of figure extraction, in one place.

Number words, scale words, currencies, units, qualifiers and periods are listed here; `numbers`
and `figures` only combine them.

>>> SCALES["bn"], CURRENCY_WORDS["hryvnia"]
(1000000000.0, 'UAH')
>>> bool(QUALIFIER_BEFORE_RE.search("at least "))
True
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "ADJ_STOP",
    "AGED_BEFORE_RE",
    "AGE_AFTER_RE",
    "APPOSITION_AFTER_RE",
    "APPOSITION_BEFORE_RE",
    "A_ORDINAL_RE",
    "BARE_SCALE_RE",
    "CARDINAL_WORDS",
    "CHANGE_BEFORE_RE",
    "CLOCK_AFTER_RE",
    "CLOCK_RE",
    "CODE_BEFORE_RE",
    "CONVERSION_OPEN_RE",
    "CURRENCY_AFTER_RE",
    "CURRENCY_BEFORE_RE",
    "CURRENCY_CODES",
    "CURRENCY_PREFIXES",
    "CURRENCY_SYMBOLS",
    "CURRENCY_WORDS",
    "DATE_PAIR_AFTER_RE",
    "DECIMAL_ONE_RE",
    "DEN_WORDS",
    "DIGIT_SEPARATORS_RE",
    "GAP_RE",
    "GLUE_RE",
    "IMPERIAL_BEFORE_RE",
    "LABEL_NOUNS",
    "LONE_ONE_AFTER_RE",
    "LONE_ONE_BEFORE_RE",
    "METRE_CONTEXT_RE",
    "METRE_WORDS",
    "MONEY_NEARBY_RE",
    "MONTHS",
    "MONTH_AFTER_RE",
    "MONTH_BEFORE_RE",
    "NEG_RE",
    "NUMBER_TOKEN_RE",
    "OF_AFTER_RE",
    "OF_RE",
    "ONE_ADJECTIVE_RE",
    "ONE_OF_RE",
    "ORDINAL_SUFFIX_RE",
    "ORDINAL_WORDS",
    "OUT_OF_RE",
    "OVER_ONLY_RE",
    "OVER_RE",
    "PERCENT_AFTER_RE",
    "PERCENT_BEFORE_RE",
    "PERIOD_ADJECTIVES",
    "PERIOD_AFTER_RE",
    "PHONE_RE",
    "PLURAL_WORD_RE",
    "QUALIFIER_AFTER_RE",
    "QUALIFIER_BEFORE_RE",
    "QUALIFIER_NOISE",
    "RANGE_JOIN_RE",
    "SCALES",
    "SCALE_ABBREVIATIONS",
    "SCALE_WORD_RE",
    "SCIENTIFIC_RE",
    "SCORE_BEFORE_RE",
    "SPACE_SCALE_RE",
    "SPEECH_LEMMAS",
    "SUBUNIT_RE",
    "SUFFIX_SCALE_RE",
    "TIME_AFTER_RE",
    "TIME_UNITS",
    "UNITS",
    "UNIT_AFTER_RE",
    "URL_RE",
    "VAGUE_PLURAL_RE",
    "WORD_AFTER_RE",
    "YEAR_PAIR_RE",
    "YEAR_RE",
]

# --------------------------------------------------------------------------------------------- numbers
_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

#: Cardinal words and their values (scale words are in SCALES).
CARDINAL_WORDS: Final[dict[str, float]] = {w: float(i) for i, w in enumerate(_ONES)}
CARDINAL_WORDS.update({w: float(20 + 10 * i) for i, w in enumerate(_TENS)})
CARDINAL_WORDS.update({"nought": 0.0, "naught": 0.0, "nil": 0.0, "fourty": 40.0})

#: Words that multiply what precedes them.
SCALES: Final[dict[str, float]] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "dozen": 12.0,
    "dozens": 12.0,
    "dzs": 12.0,
    "dozs": 12.0,
    "hundreds": 1e2,
    "thousands": 1e3,
    "millions": 1e6,
    "billions": 1e9,
    "trillions": 1e12,
}
#: Abbreviated scales written after a figure ("£2.7bn", "$40m", "10k").
SCALE_ABBREVIATIONS: Final[dict[str, float]] = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "mil": 1e6,
    "mill": 1e6,
    "mm": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "g": 1e9,
    "tn": 1e12,
    "tln": 1e12,
    "trn": 1e12,
    "tr": 1e12,
    "t": 1e12,
}
SCALES.update({k: v for k, v in SCALE_ABBREVIATIONS.items() if len(k) > 1 and k not in {"mm", "tr"}})

_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000, "millionth": 1_000_000,
    "billionth": 1_000_000_000, "trillionth": 1_000_000_000_000,
}  # fmt: skip
#: Ordinal words ("third") and their values.
ORDINAL_WORDS: Final[dict[str, int]] = dict(_ORDINALS)
ORDINAL_WORDS.update({"last": -1, "final": -1})

#: Denominator words of fractions: "two thirds", "a quarter", "five eighths".
DEN_WORDS: Final[dict[str, float]] = {
    **{w: float(v) for w, v in _ORDINALS.items() if w not in {"first", "second"}},
    **{w + "s": float(v) for w, v in _ORDINALS.items() if w not in {"first", "second"}},
    "half": 2.0,
    "halves": 2.0,
    "halfs": 2.0,
    "quarter": 4.0,
    "quarters": 4.0,
}

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

# -------------------------------------------------------------------------------------------- currency
#: Symbols (and symbol forms with a country prefix) and their ISO 4217 codes.
CURRENCY_SYMBOLS: Final[dict[str, str]] = {
    "$": "USD", "us$": "USD", "u.s.$": "USD", "u.s $": "USD", "usd$": "USD", "c$": "CAD", "ca$": "CAD",
    "cad$": "CAD", "a$": "AUD", "au$": "AUD", "aud$": "AUD", "nz$": "NZD", "nzd$": "NZD", "hk$": "HKD",
    "s$": "SGD", "mxn$": "MXN", "mx$": "MXN", "r$": "BRL", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR",
    "₽": "RUB", "₴": "UAH", "₩": "KRW", "₪": "ILS", "₺": "TRY", "₦": "NGN", "₱": "PHP", "₫": "VND",
    "₡": "CRC", "₾": "GEL", "₭": "LAK", "₿": "BTC", "元": "CNY", "¢": "cent", "ரூ": "LKR", "rs": "INR", "rs.": "INR",
}  # fmt: skip
_ISO_CODES = (
    "USD GBP EUR JPY CNY RMB CHF CAD AUD NZD HKD SGD INR RUB UAH KRW ILS TRY NGN ZAR SEK NOK DKK PLN "
    "CZK HUF MXN BRL ARS CLP COP PEN IDR MYR THB PHP VND PKR BDT LKR EGP SAR AED QAR KWD IRR IQD KZT "
    "AZN GEL BTC LBP BGN RON MNT TWD BHD OMR JOD TND MAD DZD LYD KES GHS ETB TZS UGX XOF XAF ISK HRK "
    "RSD UZS "
)
#: ISO codes written as words ("USD 200", "200 euros" is in CURRENCY_WORDS).
CURRENCY_CODES: Final[frozenset[str]] = frozenset(_ISO_CODES.split())
#: Currency names (singular and plural) and their codes. "dollar" alone is read as USD.
CURRENCY_WORDS: Final[dict[str, str]] = {}
for _code, _names in (
    ("USD", ("dollar", "dollars", "buck", "bucks", "greenback", "greenbacks", "us dollar", "us dollars",
             "u.s. dollar", "u.s. dollars", "american dollar", "american dollars", "united states dollar",
             "united states dollars")),
    ("CAD", ("canadian dollar", "canadian dollars")),
    ("AUD", ("australian dollar", "australian dollars")),
    ("NZD", ("new zealand dollar", "new zealand dollars")),
    ("HKD", ("hong kong dollar", "hong kong dollars")),
    ("SGD", ("singapore dollar", "singapore dollars")),
    ("TWD", ("taiwan dollar", "taiwan dollars", "taiwanese dollar", "taiwanese dollars")),
    ("GBP", ("pound", "pounds", "pound sterling", "pounds sterling", "sterling", "quid", "british pound",
             "british pounds")),
    ("EUR", ("euro", "euros")),
    ("JPY", ("yen", "japanese yen")),
    ("CNY", ("yuan", "chinese yuan", "renminbi", "rmb", "kuai")),
    ("CHF", ("swiss franc", "swiss francs")),
    ("FRF", ("franc", "francs", "french franc", "french francs")),
    ("INR", ("rupee", "rupees", "indian rupee", "indian rupees")),
    ("PKR", ("pakistani rupee", "pakistani rupees")),
    ("LKR", ("sri lankan rupee", "sri lankan rupees")),
    ("RUB", ("rouble", "roubles", "ruble", "rubles")),
    ("UAH", ("hryvnia", "hryvnias", "hryvnas", "hryvna")),
    ("KRW", ("korean won", "south korean won")),
    ("ILS", ("shekel", "shekels", "new shekel", "new shekels")),
    ("TRY", ("turkish lira", "turkish liras", "lira", "liras")),
    ("NGN", ("naira",)),
    ("ZAR", ("rand", "south african rand")),
    ("SEK", ("krona", "kronor", "swedish krona", "swedish kronor")),
    ("NOK", ("norwegian krone", "norwegian kroner")),
    ("DKK", ("danish krone", "danish kroner")),
    ("PLN", ("zloty", "zlotys", "zlotych")),
    ("MXN", ("mexican peso", "mexican pesos")),
    ("PHP", ("philippine peso", "philippine pesos")),
    ("ARS", ("argentine peso", "argentine pesos")),
    ("BRL", ("reais", "brazilian real", "brazilian reais")),
    ("MYR", ("ringgit", "ringgits", "malaysian ringgit")),
    ("IDR", ("rupiah",)),
    ("THB", ("baht",)),
    ("EGP", ("egyptian pound", "egyptian pounds")),
    ("SAR", ("riyal", "riyals", "saudi riyal", "saudi riyals")),
    ("AED", ("dirham", "dirhams")),
    ("KZT", ("tenge",)),
    ("GEL", ("lari", "georgian lari")),
    ("FIM", ("markka", "markkaa", "finnish markka")),
    ("NLG", ("guilder", "guilders", "dutch guilder", "dutch guilders", "netherlands guilder")),
    ("ESP", ("peseta", "pesetas")),
    ("DEM", ("deutschmark", "deutschmarks", "deutsche mark", "deutsche marks")),
    ("BTC", ("bitcoin", "bitcoins")),
    ("SAT", ("satoshi", "satoshis")),
    ("cent", ("cent", "cents")),
    ("penny", ("penny", "pence", "pennies")),
    ("sen", ("sen",)),
    ("jiao", ("mao", "jiao")),
):  # fmt: skip
    for _name in _names:
        CURRENCY_WORDS[_name] = _code
#: Country prefixes written before "$" with a space ("us $ 150 million", "c $ 16.4 million").
CURRENCY_PREFIXES: Final[dict[str, str]] = {
    "us": "USD", "u.s.": "USD", "u.s": "USD", "c": "CAD", "a": "AUD", "au": "AUD", "nz": "NZD",
    "hk": "HKD", "s": "SGD",
}  # fmt: skip

# ------------------------------------------------------------------------------------------------ units
#: Measurement units (surface form, lower-cased unless case matters) and their canonical names.
UNITS: Final[dict[str, str]] = {}
_SIMPLE: list[tuple[str, str]] = []
for _unit, _forms in (
    ("kilometre", "km kms kilometre kilometres kilometer kilometers"),
    ("metre", "metre metres meter meters"),
    ("centimetre", "cm centimetre centimetres centimeter centimeters"),
    ("millimetre", "mm millimetre millimetres millimeter millimeters"),
    ("micrometre", "micrometre micrometres micrometer micrometers micron microns"),
    ("nanometre", "nm nanometre nanometres nanometer nanometers"),
    ("mile", "mile miles mi"),
    ("yard", "yard yards yd yds"),
    ("foot", "foot feet ft"),
    ("inch", "inch inches in."),
    ("nautical mile", "nautical mile nautical miles"),
    ("square kilometre", "sq km square kilometres square kilometers square kilometre square kilometer km2 km²"),
    ("square metre", "sq m square metres square meters square metre square meter m2 m²"),
    ("square foot", "sq ft square feet square foot"),
    ("square mile", "square mile square miles sq mi"),
    ("hectare", "hectare hectares ha"),
    ("acre", "acre acres"),
    ("kilogram", "kg kgs kilogram kilograms kilogramme kilogrammes kilo kilos"),
    ("gram", "g gram grams gramme grammes"),
    ("milligram", "mg milligram milligrams"),
    ("microgram", "microgram micrograms mcg"),
    ("metric ton", "tonne tonnes metric ton metric tons t"),
    ("ton", "ton tons"),
    ("pound-mass", "lb lbs"),
    ("ounce", "ounce ounces oz"),
    ("stone", "stone"),
    ("litre", "litre litres liter liters l"),
    ("millilitre", "ml millilitre millilitres milliliter milliliters"),
    ("gallon", "gallon gallons"),
    ("barrel", "barrel barrels bbl"),
    ("barrel per day", "barrels a day barrels per day barrel-a-day bpd"),
    ("cubic metre", "cubic metres cubic meters cubic metre cubic meter m3 m³"),
    ("cubic foot", "cubic feet cubic foot"),
    ("pint", "pint pints"),
    ("celsius", "°c ºc degrees celsius degree celsius celsius degrees centigrade c°"),
    ("fahrenheit", "°f ºf degrees fahrenheit degree fahrenheit fahrenheit"),
    ("degree", "degree degrees °"),
    ("kilometre per hour", "km/h kmh kph km/hr kilometres per hour kilometers per hour kilometres an hour"),
    ("mile per hour", "mph miles per hour miles an hour"),
    ("mile per gallon", "mpg miles per gallon"),
    ("knot", "knot knots"),
    ("revolutions per minute", "rpm"),
    ("watt", "watt watts w"),
    ("kilowatt", "kw kilowatt kilowatts"),
    ("megawatt", "mw megawatt megawatts"),
    ("gigawatt", "gw gigawatt gigawatts"),
    ("kilowatt hour", "kwh kilowatt-hour kilowatt-hours kilowatt hour kilowatt hours"),
    ("watt hour", "wh watt-hour watt-hours"),
    ("tablespoon", "tbsp tablespoon tablespoons"),
    ("teaspoon", "tsp teaspoon teaspoons"),
    ("cup", "cup cups"),
    ("megawatt hour", "mwh megawatt-hour megawatt-hours"),
    ("gigawatt hour", "gwh gigawatt-hour gigawatt-hours"),
    ("terawatt hour", "twh terawatt-hour terawatt-hours"),
    ("horsepower", "hp horsepower bhp"),
    ("volt", "volt volts v"),
    ("kilovolt", "kv kilovolt kilovolts"),
    ("hertz", "hz hertz"),
    ("megahertz", "mhz megahertz"),
    ("gigahertz", "ghz gigahertz"),
    ("byte", "byte bytes"),
    ("kilobyte", "kb kilobyte kilobytes"),
    ("megabyte", "mb megabyte megabytes"),
    ("gigabyte", "gb gigabyte gigabytes"),
    ("terabyte", "tb terabyte terabytes"),
    ("megabit per second", "mbps mbit/s megabits per second"),
    ("gigabit per second", "gbps gigabits per second"),
    ("milliampere-hour", "mah milliampere-hour milliampere-hours"),
    ("farad", "f farad farads"),
    ("pascal", "pa pascal pascals"),
    ("gigapascal", "gpa gigapascal gigapascals"),
    ("parts-per-billion", "ppb parts per billion"),
    ("part per million", "ppm parts per million"),
    ("pound-foot", "pound-feet lb-ft"),
    ("calorie", "calorie calories kcal"),
    ("decibel", "db decibel decibels"),
    ("point", "point points pts pt"),
    ("basis point", "basis point basis points bps bp"),
    ("percentage point", "percentage point percentage points"),
    ("year", "year years yr yrs"),
    ("month", "month months"),
    ("week", "week weeks"),
    ("day", "day days"),
    ("hour", "hour hours hrs hr"),
    ("minute", "minute minutes mins min"),
    ("second", "second seconds secs sec"),
    ("decade", "decade decades"),
    ("century", "century centuries"),
    ("millisecond", "millisecond milliseconds ms"),
):  # fmt: skip
    for _form in _forms.split(" "):
        UNITS.setdefault(_form, _unit)
    _SIMPLE.append((_unit, _forms))
for _unit, _forms in _SIMPLE:  # a word of a compound form ("per hour") never hides a simple unit
    if " " not in _unit and "-" not in _unit:
        UNITS.update(dict.fromkeys(_forms.split(" "), _unit))
# multi-word forms, added whole
for _unit, _multi in (
    ("square kilometre", ("square kilometres", "square kilometers", "square kilometre", "sq km")),
    ("square metre", ("square metres", "square meters", "square metre", "sq m")),
    ("square foot", ("square feet", "square foot", "sq ft")),
    ("square mile", ("square miles", "square mile", "sq mi")),
    ("nautical mile", ("nautical miles", "nautical mile")),
    ("metric ton", ("metric tons", "metric ton")),
    ("barrel per day", ("barrels a day", "barrels per day")),
    ("cubic metre", ("cubic metres", "cubic meters")),
    ("cubic foot", ("cubic feet",)),
    ("celsius", ("degrees celsius", "degree celsius", "degrees centigrade")),
    ("fahrenheit", ("degrees fahrenheit", "degree fahrenheit")),
    ("kilometre per hour", ("kilometres per hour", "kilometers per hour", "kilometres an hour")),
    ("mile per hour", ("miles per hour", "miles an hour")),
    ("mile per gallon", ("miles per gallon",)),
    ("kilowatt hour", ("kilowatt hour", "kilowatt hours")),
    ("megabit per second", ("megabits per second",)),
    ("gigabit per second", ("gigabits per second",)),
    ("parts-per-billion", ("parts per billion",)),
    ("part per million", ("parts per million",)),
    ("basis point", ("basis points", "basis point")),
    ("percentage point", ("percentage points", "percentage point", "percent points", "per cent points")),
):
    for _form in _multi:
        UNITS[_form] = _unit
for _junk in (
    "m",
    "s",
    "per",
    "an",
    "a",
    "square",
    "cubic",
    "metric",
    "sq",
    "parts",
    "basis",
    "percentage",
    "nautical",
    *SCALES,
    *CARDINAL_WORDS,
):
    UNITS.pop(_junk, None)

#: Units that measure time: "five years" is a duration (quantity), not a date.
TIME_UNITS: Final[frozenset[str]] = frozenset(
    {"year", "month", "week", "day", "hour", "minute", "second", "decade", "century", "millisecond"}
)

# ------------------------------------------------------------------------------------ qualifiers, rates
_QUALIFIERS_BEFORE = (
    "at least", "at most", "no more than", "no less than", "not more than", "not less than", "no fewer than",
    "more than", "less than", "fewer than", "greater than", "higher than", "lower than", "over", "under",
    "up to", "as many as", "as much as", "as few as", "as little as", "as high as", "as low as",
    "about", "around", "approximately", "approx.", "roughly", "nearly", "almost", "some", "circa", "c.",
    "close to", "an estimated", "estimated", "between", "from", "in excess of", "upwards of", "upward of",
    "exceeding", "just over", "just under", "well over", "well under", "below", "above", "only", "just",
    "maybe", "perhaps", "possibly", "more or less", "an average of", "on average", "average of",
    "a maximum of", "a minimum of", "a total of", "a further", "another", "an additional", "an extra",
    "exactly", "precisely", "barely", "fully", "somewhere between", "anywhere between", "nearly a", "almost a",
    "less then", "over than", "more then", "north of", "south of", "shy of", "short of", "within",
    "a whopping", "a record", "a mere", "a staggering", "an astonishing",
)  # fmt: skip
_CANONICAL_SKIP = {"a total of", "a further", "another", "an additional", "an extra", "a whopping",
                   "a record", "a mere", "a staggering", "an astonishing", "an average of", "on average",
                   "average of"}  # fmt: skip
#: Qualifier phrases that carry no approximate/bound meaning (kept out of ``Figure.qualifier``).
QUALIFIER_NOISE: Final[frozenset[str]] = frozenset(_CANONICAL_SKIP)
#: A qualifier right before a figure (matched against the text that ends where the figure starts).
QUALIFIER_BEFORE_RE: Final = re.compile(
    r"(?<![\w-])(?P<q>"
    + "|".join(re.escape(q) for q in sorted(_QUALIFIERS_BEFORE, key=len, reverse=True))
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
#: Rate adjectives that may sit before a figure or the noun it measures ("monthly transfers of $5m").
PERIOD_ADJECTIVES: Final[dict[str, str]] = {
    "monthly": "monthly", "weekly": "weekly", "daily": "daily", "annual": "annual", "yearly": "yearly",
    "annually": "annual", "quarterly": "quarterly", "hourly": "hourly", "nightly": "nightly",
    "per-capita": "per capita", "biweekly": "biweekly", "fortnightly": "fortnightly",
}  # fmt: skip
#: Adjectives left out of a counted noun: they qualify the count, not what is counted.
ADJ_STOP: Final[frozenset[str]] = frozenset(
    [
        "additional",
        "other",
        "more",
        "further",
        "extra",
        "new",
        "unnamed",
        "unidentified",
        "unspecified",
        "remaining",
        "separate",
        "different",
        "such",
        "total",
        "more",
        "than",
        "same",
        "several",
        "few",
        "many",
        "various",
        "estimated",
        "approximately",
        "additional.",
        "roughly",
    ]
)
#: Month names (full and abbreviated) for date detection without the NER.
MONTHS: Final[frozenset[str]] = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)


# ------------------------------------------------------------------------------ figure-level patterns
def _alternation(words: object) -> str:
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


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
CHANGE_BEFORE_RE: Final = re.compile(
    r"\b(?:rose|rise|rises|rising|risen|fell|fall|falls|falling|fallen|grew|grow|grows|growing|grown|increased|"
    r"increase|increases|decreased|decrease|climbed|climb|dropped|drop|drops|jumped|jump|slipped|slip|declined|"
    r"decline|cut|raised|raise|up|down|surged|soared|slumped|plunged|tumbled|shrank|gained|lost|went|moved|"
    r"reduced|boosted|lifted|lowered|edged|slid|sank)\b[^.;]{0,40}$",
    re.IGNORECASE,
)
#: A sentence-level marker that a hyphenated pair is a score or a vote, not a range ("won 3-1").
SCORE_BEFORE_RE: Final = re.compile(
    r"\b(?:won|win|wins|beat|beats|lost|lose|loses|drew|draw|defeat|defeated|score|scored|victory|"
    r"lead|led|trail|trailed|vote|voted|votes|margin)\b[^.;]{0,30}$",
    re.IGNORECASE,
)
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
#: Verbs of saying: "one analyst said" names a source, not a count.
SPEECH_LEMMAS: Final[frozenset[str]] = frozenset(
    ["say", "tell", "add", "explain", "warn", "note", "argue", "admit", "insist", "comment", "complain", "reply"]
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
#: Nouns that name things by number ("category 4", "Game 7", "Section 427"): the number is a label.
LABEL_NOUNS: Final[frozenset[str]] = frozenset(
    [
        "category",
        "game",
        "section",
        "row",
        "number",
        "no",
        "no.",
        "level",
        "grade",
        "phase",
        "stage",
        "article",
        "chapter",
        "page",
        "room",
        "flight",
        "route",
        "season",
        "episode",
        "version",
        "model",
        "type",
        "class",
        "tier",
        "figure",
        "table",
        "platform",
        "gate",
        "terminal",
        "track",
        "channel",
        "district",
        "ward",
        "unit",
        "apartment",
        "suite",
        "floor",
        "lane",
        "highway",
        "interstate",
        "road",
        "street",
        "avenue",
        "box",
        "pier",
        "lot",
        "block",
        "round",
        "week",
        "day",
        "match",
        "hole",
        "lap",
        "act",
        "scene",
        "verse",
        "psalm",
        "series",
        "generation",
        "gen",
        "covid-19",
        "top",
    ]
)
#: A URL, whose digits are not figures.
URL_RE: Final = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_METRE_WORDS = (
    "race sprint hurdles freestyle butterfly backstroke breaststroke medley relay dash title final runner runners "
    "hurdler hurdlers swimmer swimmers champion champions record records event events races heat heats medal "
    "medals medallist medallists world tall high deep wide long away above below under"
)
#: Words that make a glued "m" metres ("100m sprint", "400m hurdles"), not millions ("38m euros").
METRE_WORDS: Final[frozenset[str]] = frozenset(_METRE_WORDS.split())
#: After a glued "m", words that make it metres ("100m sprint"), not millions ("38m euros").
METRE_CONTEXT_RE: Final = re.compile(
    r"(?:-|\s+)(?:race|sprint|hurdles|freestyle|butterfly|backstroke|breaststroke|medley|relay|dash|title|final|"
    r"runners?|hurdlers?|swimmers?|champions?|records?|events?|races|heats?|medals?|medallists?|world|"
    r"tall|high|deep|wide|long|away|above|below|under|of\s+water)\b|\s*\(\s*[\d.,]+\s*(?:ft|feet|foot|in|inches|yd|yards)\b",
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
