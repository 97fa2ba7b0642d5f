"""Numbers in running text: digits ("1,234.5", "3/4", "1e10") and words ("twenty-five", "a dozen",
"half a million", "two thirds"), with character offsets.

`scan_numbers` finds every number phrase; `find_numbers` keeps the ones that stand alone (not glued to
a unit such as "180ml"), like a number recogniser; the figure readers build on `scan_numbers`.

Written-out numbers are parsed here rather than with text2num / number-parser / word2number: those rewrite
whole strings without offsets, read "a" as 1 or "$825 million" as "$825 1000000", and none handles "half a
million", "a dozen" or fractions in words, so a small grammar over `newsdesk.figures.words` does the job.

>>> [(n.text, n.value) for n in find_numbers("Twenty-five people and half a million dollars, 1,200.5 and 3/4")]
[('Twenty-five', 25.0), ('half a million', 500000.0), ('1,200.5', 1200.5), ('3/4', 0.75)]
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from newsdesk.figures.patterns import (
    DIGIT_SEPARATORS_RE,
    GAP_RE,
    GLUE_RE,
    LONE_ONE_AFTER_RE,
    LONE_ONE_BEFORE_RE,
    NEG_RE,
    NUMBER_TOKEN_RE,
    OF_RE,
    OVER_ONLY_RE,
    OVER_RE,
    SCIENTIFIC_RE,
    SUFFIX_SCALE_RE,
    WORD_AFTER_RE,
)
from newsdesk.figures.words import (
    CARDINAL_WORDS,
    DEN_WORDS,
    SCALE_ABBREVIATIONS,
    SCALES,
    TENS_WORDS,
    UNIT_ORDINALS,
)

__all__ = ["NumberMatch", "find_numbers", "parse_digits", "scan_numbers"]


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """One number phrase: ``text == source[start:end]``; ``glued`` is any letters stuck to its end."""

    start: int
    end: int
    text: str
    value: float
    words: bool = False
    fraction: bool = False
    glued: str = ""
    suffix: str = ""

    def __repr__(self) -> str:
        return f"NumberMatch({self.start}:{self.end}, {self.text!r}, {self.value:g})"


def parse_digits(text: str) -> float | None:
    """The value of a digit group: separators, decimals, exponents, powers and fractions.

    >>> parse_digits("1,234.5"), parse_digits("3/4"), parse_digits("1.2e3"), parse_digits("2^3")
    (1234.5, 0.75, 1200.0, 8.0)
    """
    t = DIGIT_SEPARATORS_RE.sub("", text)
    if len(t) == 1 and not t.isdigit():
        return unicodedata.numeric(t, None)
    try:
        if "/" in t:
            num, den = t.split("/", 1)
            d = float(den)
            return float(num) / d if d else None
        sci = SCIENTIFIC_RE.fullmatch(t)
        if sci:
            return float(sci.group(1)) * 10.0 ** int(sci.group(2).replace("−", "-"))
        t = t.replace("⁄", "/")
        if "^" in t:
            base, exp = t.split("^", 1)
            sign = -1.0 if exp.count("-") % 2 else 1.0
            return float(float(base) ** (sign * float(exp.strip("+-"))))
        return float(t)
    except (ValueError, OverflowError, ZeroDivisionError):
        return None


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    low: str
    digits: bool


def _tokens(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    for m in NUMBER_TOKEN_RE.finditer(text):
        toks.append(_Tok(m.start(), m.end(), m.group(), m.group().lower(), m.group("digits") is not None))
    return toks


def _joinable(text: str, a: _Tok, b: _Tok) -> bool:
    gap = text[a.end : b.start]
    if a.low in DEN_WORDS and b.low in {"a", "an"} and OF_RE.fullmatch(gap):
        return True
    return len(gap) <= 4 and GAP_RE.fullmatch(gap) is not None and "\n" not in gap


class _Parser:
    """Greedy left-to-right reading of one run of number tokens into one or more numbers."""

    def __init__(self, text: str, toks: list[_Tok]) -> None:
        self.text = text
        self.toks = toks
        self.out: list[NumberMatch] = []

    def run(self) -> list[NumberMatch]:
        i = 0
        n = len(self.toks)
        while i < n:
            j, value, frac = self._read(i)
            if j > i and value is not None:
                first, last = self.toks[i], self.toks[j - 1]
                self.out.append(
                    NumberMatch(
                        first.start,
                        last.end,
                        self.text[first.start : last.end],
                        value,
                        words=any(not t.digits for t in self.toks[i:j]),
                        fraction=frac,
                    )
                )
                i = j
            else:
                i += 1
        return self.out

    def _fraction_ahead(self, j: int) -> bool:
        """Whether cardinal words from token j run into a fraction word ("and two thirds")."""
        k = j
        while k < len(self.toks) and self.toks[k].low in CARDINAL_WORDS:
            k += 1
        return (
            k < len(self.toks)
            and k > j
            and self.toks[k].low in DEN_WORDS
            and _joinable(self.text, self.toks[k - 1], self.toks[k])
        )

    # size exception: one state machine over a run of number words (split, its dozen variables would travel)
    def _read(self, i: int) -> tuple[int, float | None, bool]:
        """Read one number from token i; return (next index, value, is_fraction)."""
        toks = self.toks
        n = len(toks)
        total = 0.0  # completed thousands/millions groups
        hundreds = 0.0  # the current group's hundreds part
        small = 0.0  # the current group's part below 100
        small_kind = ""  # "", "unit", "teen", "tens", "digits"
        seen = False  # any value consumed
        last_scale = float("inf")
        j = i
        frac = False
        integer_part = 0.0  # before "and" + fraction
        before_and = 0.0
        and_scale = 1.0
        restarted = False
        small_start = i
        neg = False
        while j < n:
            t = toks[j]
            w = t.low
            nxt = toks[j + 1] if j + 1 < n and _joinable(self.text, t, toks[j + 1]) else None
            if w in {"minus", "negative"}:
                if seen or nxt is None:
                    break
                neg = True
                j += 1
                continue
            if t.digits:
                v = parse_digits(t.text)
                if v is None:
                    break
                mixed = seen and small_kind == "digits" and not frac and small == int(small) and toks[j - 1].digits
                if "/" in t.text and mixed:
                    small += v  # "2 1/4"
                    frac = True
                    j += 1
                    continue
                if seen and not (small == 0 and (hundreds or total) and 0 < v < (100 if hundreds else 1000)):
                    break
                small, small_kind, seen, small_start = v, "digits", True, j
                if "/" in t.text:
                    frac = True
                j += 1
                continue
            if w in {"a", "an"}:
                # only "a dozen", "a half", "a hundred", "a third", "and a half"
                ahead = toks[j + 2].low.rstrip("s") if nxt is not None and j + 2 < n else ""
                if nxt is None or not (
                    nxt.low in SCALES or nxt.low in DEN_WORDS or (nxt.low in TENS_WORDS and ahead in UNIT_ORDINALS)
                ):
                    break
                if seen and not (j > i and toks[j - 1].low == "and"):
                    break
                if seen:  # "one and a half": the fraction is read on its own below
                    total = hundreds = small = 0.0
                    last_scale = float("inf")
                small, small_kind, seen = 1.0, "a", True
                j += 1
                continue
            if w == "and":
                if not seen or nxt is None or nxt.low == "and":
                    break
                before_and = total + hundreds + small
                and_scale = last_scale if (small == 0 and hundreds == 0 and total) else 1.0
                j += 1
                continue
            if w == "point":
                if not seen or nxt is None or nxt.digits or nxt.low not in CARDINAL_WORDS:
                    break
                k = j + 1
                decimals = ""
                while (
                    k < n
                    and toks[k].low in CARDINAL_WORDS
                    and (k == j + 1 or _joinable(self.text, toks[k - 1], toks[k]))
                ):
                    val = int(CARDINAL_WORDS[toks[k].low])
                    if decimals and val >= 20 and val % 10 == 0:
                        break
                    decimals += str(val)
                    if val >= 20 and val % 10 == 0 and k + 1 < n and toks[k + 1].low in CARDINAL_WORDS:
                        unit = CARDINAL_WORDS[toks[k + 1].low]
                        if 0 < unit < 10 and _joinable(self.text, toks[k], toks[k + 1]):
                            decimals = decimals[:-1] + str(int(unit))
                            k += 1
                    k += 1
                small += float("0." + decimals)
                small_kind = "digits"
                j = k
                continue
            if w in CARDINAL_WORDS:
                v = CARDINAL_WORDS[w]
                if j > i and toks[j - 1].low == "and" and (small or total or hundreds) and self._fraction_ahead(j):
                    total = hundreds = small = 0.0
                    small_kind, last_scale, restarted = "", float("inf"), True
                if j > i and toks[j - 1].low in {"and"} and small_kind in {"unit", "teen", "digits"} and small:
                    break
                if small == 0:
                    small_start = j
                ordinal = toks[j + 1].low.rstrip("s") if nxt is not None and v >= 20 else ""
                if ordinal in UNIT_ORDINALS and small_kind in {"a", "unit", "digits"}:
                    numerator = 1.0 if small_kind == "a" else total + hundreds + small
                    return j + 2, (-1 if neg else 1) * numerator / (v + UNIT_ORDINALS[ordinal]), True
                if v < 10:
                    if (small_kind in {"", "a"} and small == 0) or small_kind == "tens":
                        small += v
                        small_kind = "unit"
                    else:
                        break
                elif v < 20:
                    if small_kind in {""} and small == 0:
                        small, small_kind = v, "teen"
                    else:
                        break
                else:
                    if small_kind in {""} and small == 0:
                        small, small_kind = v, "tens"
                    else:
                        break
                seen = True
                j += 1
                continue
            if w in DEN_WORDS and w not in SCALES:
                den = DEN_WORDS[w]
                if not seen:
                    if w in {"half"}:  # "half a million", "half million", "half a dozen", lone "half"
                        value = 0.5
                        k = j + 1
                        if k < n and toks[k].low in {"a", "an"} and _joinable(self.text, toks[j], toks[k]):
                            k += 1
                        if k < n and toks[k].low in SCALES and _joinable(self.text, toks[k - 1], toks[k]):
                            return k + 1, (-1 if neg else 1) * value * SCALES[toks[k].low], False
                        return j + 1, (-1 if neg else 1) * value, True
                    if w in {"quarter", "quarters"} and nxt is not None and nxt.low in SCALES:
                        return j + 2, (-1 if neg else 1) * 0.25 * SCALES[nxt.low], False
                    break
                whole = total + hundreds + small
                numerator = whole - before_and if before_and and small_kind != "a" and not restarted else whole
                if before_and and small_kind != "a" and numerator >= den:  # "one hundred and thirty-two fifths"
                    numerator, before_and = (before_and + whole if restarted else whole), 0.0
                unit_ordinal = UNIT_ORDINALS.get(w[:-1] if w.endswith("s") else w, 0)
                if small_kind == "tens" and (total or hundreds) and not before_and and unit_ordinal:
                    numerator, den = total + hundreds, small + unit_ordinal  # "one hundred thirty-fifths"
                if not w.endswith("s") and numerator != 1 and w not in {"half", "quarter"}:
                    break  # "two millionth" is not a fraction
                if small_kind == "digits" and w not in {"half", "quarter", "quarters"}:
                    break
                part = numerator / den
                k = j + 1
                scale_after = 0.0
                if k < n and toks[k].low in {"a", "an"} and _joinable(self.text, toks[j], toks[k]):
                    k2 = k + 1
                    if k2 < n and toks[k2].low in SCALES and toks[k2].low not in {"dozen", "dozens"}:
                        scale_after, k = SCALES[toks[k2].low], k2 + 1
                elif k < n and toks[k].low in SCALES and _joinable(self.text, toks[j], toks[k]):
                    scale_after, k = SCALES[toks[k].low], k + 1
                if scale_after:
                    if before_and and before_and < 1000:
                        value = (before_and + part) * scale_after
                    else:
                        value = before_and + part * scale_after
                elif before_and:
                    value = before_and + part * (and_scale if and_scale >= 1000 else 1.0)
                else:
                    value = part
                return k, (-1 if neg else 1) * value, not scale_after
            if w in SCALES:
                s = SCALES[w]
                if not seen:
                    if w in {"hundred", "thousand"} and j == i:  # bare "hundred thousand"
                        small, small_kind, seen = 1.0, "unit", True
                    else:
                        break
                if s == 12.0:
                    if small == 0 and hundreds == 0:
                        break
                    if small:
                        small *= 12
                    else:
                        hundreds *= 12
                    small_kind = "digits"
                    j += 1
                    continue
                if s == 100.0:
                    if hundreds and small and toks[small_start - 1].low == "and":
                        return small_start - 1, (-1 if neg else 1) * (total + hundreds), False
                    if hundreds or small == 0:
                        break
                    hundreds, small, small_kind = small * 100, 0.0, ""
                    j += 1
                    continue
                group = hundreds + small
                if group == 0 and total and s > last_scale:
                    total *= s  # "three lakh crore", "three thousand millions"
                    last_scale = s
                    j += 1
                    continue
                if group == 0 and not (frac or integer_part):
                    break
                if s >= last_scale and total:
                    break
                total += group * s
                last_scale = s
                hundreds, small, small_kind = 0.0, 0.0, ""
                j += 1
                continue
            break
        if not seen:
            return i, None, False
        # do not end on a dangling "and"/"a"/"minus"
        while j > i and toks[j - 1].low in {"and", "a", "an", "minus", "negative"}:
            j -= 1
        value = integer_part + total + hundreds + small
        if small_kind == "a" and total == hundreds == 0 and small == 1.0 and integer_part == 0:
            return i + 1, None, False  # a lone "a"
        return j, (-value if neg else value), frac


def scan_numbers(text: str) -> list[NumberMatch]:
    """Every number phrase in ``text``, in order, with abbreviated scales ("2.7bn", "10k") applied.

    >>> [(n.text, n.value) for n in scan_numbers("£2.7bn, 10k and seven")]
    [('2.7bn', 2700000000.0), ('10k', 10000.0), ('seven', 7.0)]
    """
    toks = _tokens(text)
    runs: list[list[_Tok]] = []
    for tok in toks:
        if runs and _joinable(text, runs[-1][-1], tok):
            runs[-1].append(tok)
        else:
            runs.append([tok])
    found: list[NumberMatch] = []
    for run in runs:
        found.extend(_Parser(text, run).run())
    out: list[NumberMatch] = []
    for m in found:
        start, end, value = m.start, m.end, m.value
        if not m.words or text[start].isdigit():
            neg = NEG_RE.search(text, max(0, start - 2), start)
            if neg and value > 0 and (text[start].isdigit() or text[start] == "."):
                start = neg.start()
                value = -value
        glued = suffix = ""
        g = GLUE_RE.match(text, end)
        if g and text[end - 1].isdigit():
            s = SUFFIX_SCALE_RE.fullmatch(g.group())
            if s:
                value *= SCALE_ABBREVIATIONS[g.group().lower()]
                end, suffix = g.end(), g.group()
            else:
                glued = g.group()
        elif text[end - 1].isdigit():
            gap = len(text[end:]) - len(text[end:].lstrip(" "))
            s = SUFFIX_SCALE_RE.match(text, end + gap) if 0 < gap <= 2 else None
            if s and (s.end() >= len(text) or not text[s.end()].isalpha()) and s.group() in {"k", "K", "M", "G", "bn"}:
                value *= SCALE_ABBREVIATIONS[s.group().lower()]
                end, suffix = s.end(), s.group()
        out.append(NumberMatch(start, end, text[start:end], value, m.words, m.fraction, glued, suffix))
    return out


def find_numbers(text: str) -> list[NumberMatch]:
    """Numbers that stand alone: no letters glued on ("180ml", "4th" are left out), no pronoun "one".

    >>> [n.value for n in find_numbers("The 180ml bottle cost 3 dollars; which one?")]
    [3.0]
    """
    out: list[NumberMatch] = []
    matches = scan_numbers(text)
    skip = -1
    for i, m in enumerate(matches):
        if i <= skip:
            continue
        if i + 1 < len(matches):  # "one over three", "one out of three": a fraction when nothing follows
            nxt = matches[i + 1]
            if (
                OVER_RE.fullmatch(text, m.end, nxt.start)
                and nxt.value
                and (m.value < nxt.value or OVER_ONLY_RE.fullmatch(text, m.end, nxt.start))
                and not (OVER_ONLY_RE.fullmatch(text, m.end, nxt.start) and WORD_AFTER_RE.match(text, nxt.end))
            ):
                out.append(NumberMatch(m.start, nxt.end, text[m.start : nxt.end], m.value / nxt.value, True, True))
                skip = i + 1
                continue
        if m.glued:
            continue
        if m.text.lower() == "one" and (
            LONE_ONE_BEFORE_RE.search(text, max(0, m.start - 12), m.start)
            or LONE_ONE_AFTER_RE.match(text[m.end : m.end + 12])
        ):
            continue
        out.append(m)
    return out
