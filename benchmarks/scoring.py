"""The scoring rules the benchmarks use, in one importable place, independent of newsdesk.

Each function is the metric of a published evaluation, re-implemented; `tests/test_scoring.py` checks
them on small cases it writes. The evaluation scripts (``eval_*.py``, ``peers_quotes.py``,
``html_extraction.py``) import them from here.

>>> prf(3, 4, 6)["f1"]
0.6
>>> overlap_pairs([(0, 10)], [(5, 10)], 0.3)
[(0, 0)]
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

Span = tuple[int, int]

_EDGE = " \t\n\r,.;:!?—–-\"“”„«»'‘’()"
_THAT = re.compile(r"(?i)that\s+")
_NAME_JUNK = re.compile(r"['’]s\b|[^\w\s]")
_TOKEN = re.compile(r"\w+")


def prf(tp: int, predicted: int, gold: int) -> dict[str, float]:
    """Precision, recall and F1 (fractions) from true positives and the two totals; 0 where undefined."""
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "predicted": predicted, "gold": gold}


# -- quotes: the Gender Gap Tracker's F1 at an overlap threshold --------------------------------------


def overlap_pairs(gold: Sequence[Span | None], pred: Sequence[Span], threshold: float) -> list[tuple[int, int]]:
    """(gold index, prediction index) pairs by the tracker's greedy rule (``evaluate_quotes.py``).

    Gold spans are taken in order; each goes to the not-yet-matched prediction with the highest share of
    the gold characters it covers, if that share is above ``threshold``. A gold span of None (not
    anchored in the text) or of no length matches nothing.
    """
    remaining = list(range(len(pred)))
    pairs = []
    for g, span in enumerate(gold):
        if not span or span[1] <= span[0]:
            continue
        best, best_score = None, 0.0
        for p in remaining:
            covered = max(0, min(span[1], pred[p][1]) - max(span[0], pred[p][0]))
            score = covered / (span[1] - span[0])
            if score > threshold and score > best_score:
                best, best_score = p, score
        if best is not None:
            pairs.append((g, best))
            remaining.remove(best)
    return pairs


def norm_name(name: str | None) -> str:
    """Case-folded, without possessive, punctuation or a leading article ("The U.S." == "U.S")."""
    words = _NAME_JUNK.sub(" ", (name or "").casefold()).split()
    if len(words) > 1 and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def clean_name(name: str) -> str:
    """A name as the tracker's gender evaluation compares names: non-word characters to spaces, no trailing
    possessive "s", collapsed spaces, lower case."""
    name = re.sub(r"\W", " ", name).strip()
    if name.endswith(" s"):
        name = name[:-2]
    return re.sub(r"\s+", " ", name).lower().strip()


# -- quotes: PolNeAR spans, exact and overlapping -----------------------------------------------------


def trim(text: str, span: Span, *, that: bool = False) -> Span:
    """``span`` without white space, quotation marks and edge punctuation (and, with ``that``, a leading "that ")."""
    a, b = span
    while a < b and text[a] in _EDGE:
        a += 1
    while b > a and text[b - 1] in _EDGE:
        b -= 1
    if that:
        m = _THAT.match(text, a, b)
        if m and m.end() < b:
            a = m.end()
    return a, b


def exact_matches(text: str, gold: Iterable[Span], pred: Iterable[Span], *, that: bool) -> int:
    """How many gold spans a prediction equals after `trim` (as multisets)."""
    g = Counter(trim(text, s, that=that) for s in gold)
    p = Counter(trim(text, s, that=that) for s in pred)
    return sum((g & p).values())


def overlap_matches(gold: Sequence[Span], pred: Sequence[Span]) -> int:
    """One-to-one pairs of gold and predicted spans sharing at least one character, largest overlap first."""
    pairs = sorted(
        ((min(g[1], p[1]) - max(g[0], p[0]), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    for size, i, j in pairs:
        if size <= 0:
            break
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
    return len(used_g)


# -- figures: values as multisets, and CQE's NewsQuant rule -------------------------------------------


def close(a: float, b: float, rtol: float = 1e-6) -> bool:
    return math.isclose(a, b, rel_tol=rtol, abs_tol=1e-9)


def matched_values(gold: Sequence[float], pred: Sequence[float]) -> int:
    """How many gold values a distinct predicted value equals (within `close`)."""
    left = list(pred)
    n = 0
    for g in gold:
        hit = next((i for i, p in enumerate(left) if close(g, p)), None)
        if hit is not None:
            left.pop(hit)
            n += 1
    return n


def multiset_equal(gold: Sequence[float], pred: Sequence[float]) -> bool:
    """True when the predicted values are exactly the gold values, as multisets (a case passes)."""
    return len(gold) == len(pred) and matched_values(gold, pred) == len(gold)


def decode_cqe_value(value: str, *, average: bool) -> float | tuple[float, float]:
    """A NewsQuant gold value: "3.5", or a range "10-20" as a (low, high) pair (or its mean with ``average``)."""
    if "E" not in value and not value.startswith("-") and "-" in value:
        low, high = (float(v) for v in value.split("-")[:2])
        return (low + high) / 2 if average else (low, high)
    return float(value)


def cqe_close(a: float, b: float) -> bool:
    """numpy.isclose(a, b) with its defaults (rtol 1e-5, atol 1e-8), as CQE's evaluation calls it."""
    return abs(a - b) <= 1e-8 + 1e-5 * abs(b)


def cqe_values_match(gold: Any, pred: Any) -> bool:
    """A range matches only a range (both ends), a single value only a single value."""
    if isinstance(gold, tuple) and isinstance(pred, tuple):
        return cqe_close(pred[0], gold[0]) and cqe_close(pred[1], gold[1])
    if isinstance(gold, tuple) or isinstance(pred, tuple):
        return False
    return cqe_close(pred, gold)


def cqe_sentence(gold: Sequence[dict[str, Any]], tags: Sequence[dict[str, Any]], *, average: bool) -> tuple[int, int]:
    """(correct values, correct values with units) in one sentence by CQE's rule (``evaluate_models.py``).

    Gold quantities and predictions are sorted by normalised unit; each gold quantity walks the remaining
    predictions; a value match counts a correct value (at most as many as there are gold quantities), and
    a prediction whose unit also matches counts for value+unit and is used up.
    """
    gold = sorted(gold, key=lambda q: q["normalized_unit"])
    left = sorted(tags, key=lambda q: q["normalized_unit"])
    budget = len(gold)
    value_ok = unit_ok = 0
    for g in gold:
        g_value = decode_cqe_value(g["value"], average=average)
        for t in list(left):
            if not cqe_values_match(g_value, t["value"]):
                continue
            if budget > 0:
                value_ok += 1
                budget -= 1
            if t["normalized_unit"].lower() == g["normalized_unit"].lower():
                unit_ok += 1
                left.remove(t)
                break
    return value_ok, unit_ok


# -- HTML: the article-extraction benchmark's shingle metric ------------------------------------------


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def page_counts(truth: str, predicted: str) -> tuple[float, float, float]:
    """One page's (tp, fp, fn) over 4-token shingles, normalised to sum to 1."""
    true, pred = shingles(truth), shingles(predicted)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def page_scores(counts: Sequence[tuple[float, float, float]]) -> dict[str, float]:
    """Precision and recall averaged over pages, F1 from the two means (rounded to 4 places)."""

    def precision(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def recall(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    p = statistics.mean(precision(*c) for c in counts if c[0] + c[1] > 0)
    r = statistics.mean(recall(*c) for c in counts if c[0] + c[2] > 0)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4)}


# -- stance: FNC-1 and SemEval-2016 Task 6 --------------------------------------------------------------

FNC_RELATED = ("agree", "disagree", "discuss")


def fnc_score(gold: Sequence[str], pred: Sequence[str]) -> float:
    """The official FNC-1 score as a share of the best possible: 0.25 for telling related from unrelated,
    0.75 more for the exact related label."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold labels but {len(pred)} predictions")

    def points(g: str, p: str) -> float:
        score = 0.25 if (g in FNC_RELATED) == (p in FNC_RELATED) else 0.0
        return score + (0.75 if g == p and g in FNC_RELATED else 0.0)

    best = sum(points(g, g) for g in gold)
    return sum(points(g, p) for g, p in zip(gold, pred, strict=True)) / best if best else 0.0


def class_f1(gold: Sequence[str], pred: Sequence[str], label: str) -> float:
    tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
    return prf(tp, sum(p == label for p in pred), sum(g == label for g in gold))["f1"]


def macro_f1(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> float:
    """The mean of each label's F1 (a label never predicted and never gold counts 0)."""
    return sum(class_f1(gold, pred, label) for label in labels) / len(labels)


def f_avg(gold: Sequence[str], pred: Sequence[str], *, favor: str = "FAVOR", against: str = "AGAINST") -> float:
    """SemEval-2016 Task 6's F_avg: the mean of F1(FAVOR) and F1(AGAINST); NONE counts only as an error."""
    return (class_f1(gold, pred, favor) + class_f1(gold, pred, against)) / 2
