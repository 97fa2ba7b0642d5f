"""Score newsdesk's figure extraction on public gold sets, with quantulum3 as the peer in the same run.

Usage: ``.venv/bin/python benchmarks/eval_figures.py [--speed-docs N]``

Data (the data sets ``recognizers-text``, ``duckling``, ``quantulum3``, ``newsquant`` and, for the speed row,
``bbc`` of `newsdesk.datasets`, found in ``$NEWSDESK_DATA`` or the cache; never copied):

* Recognizers-Text English specs (MIT): NumberModel, CurrencyModel, PercentModel. Metric: **case
  accuracy**: a case passes when the multiset of predicted values equals the multiset of gold values
  (values compared with relative tolerance 1e-6; unit-only gold entries, whose value is null, are
  dropped). Also micro value-F1. newsdesk: NumberModel is scored on `newsdesk.figures.numbers.find_numbers`
  (the number recogniser), CurrencyModel on the ``money`` figures of `extract_figures` (both ends of a
  range), PercentModel on the ``percent`` figures. quantulum3: dimensionless quantities / quantities
  whose entity is currency / quantities in unit "percentage".
* Duckling's English numeral and amount-of-money corpora (BSD), the main sections: each string is one
  entity; a string passes when the predicted values are exactly the gold value (or both interval ends).
* quantulum3's own test cases (MIT): quantities.json (values; a range counts as its midpoint, as
  quantulum3 writes it) and spellout_values.json (written-out numbers).
* NewsQuant dev (CQE, EACL 2024; 295 news sentences): **value F1 with CQE's matching rule**, as in
  satya77/CQE_Evaluation ``evaluate_models.py``: per sentence, gold quantities and predictions are
  sorted by normalised unit; each gold quantity walks the remaining predictions; a value match
  (numpy.isclose, rtol 1e-5, atol 1e-8; a range is a (low, high) pair and matches only a pair) counts
  a correct value (at most once per gold quantity in total), and a prediction whose normalised unit
  also matches is counted for value+unit and removed. P = correct / predictions, R = correct / gold.
  Years, dates, times and ordinals are not quantities there, so newsdesk's ``date``, ``time`` and
  ``ordinal`` figures are left out. Units are mapped to CQE's names (USD -> "dollar", "%" ->
  "percentage", a count -> its noun, singular). For quantulum3, gold ranges are averaged, as CQE does.
* Speed: figure extraction time over spaCy parse time for the same BBC articles, one process.

Writes ``benchmarks/results/figures.json`` (sorted keys, rounded; the speed row under ``timing``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import scoring
from newsdesk.datasets import (
    DatasetNotFoundError,
    load_duckling,
    load_newsquant,
    load_quantulum3,
    load_recognizers_text,
    locate,
)
from newsdesk.figures.extract import figures_from_doc
from newsdesk.figures.numbers import find_numbers
from newsdesk.nlp import load_model
from newsdesk.records import Figure

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
NOT_QUANTITIES = {"date", "time", "ordinal"}

Values = list[float]


# ------------------------------------------------------------------------------------------- helpers
def prf(tp: int, n_gold: int, n_pred: int) -> dict[str, float]:
    s = scoring.prf(tp, n_pred, n_gold)
    return {"P": round(100 * s["precision"], 1), "R": round(100 * s["recall"], 1), "F1": round(100 * s["f1"], 1)}


def score_cases(cases: list[tuple[str, Values]], system: Callable[[str], Values]) -> dict[str, Any]:
    ok = tp = ng = npred = 0
    for text, gold in cases:
        try:
            pred = system(text)
        except Exception:  # a peer crashing on a case fails that case
            pred = []
        ok += scoring.multiset_equal(gold, pred)
        tp += scoring.matched_values(gold, pred)
        ng += len(gold)
        npred += len(pred)
    return {
        "cases": len(cases),
        "case_accuracy": round(ok / len(cases), 3) if cases else 0.0,
        "value_F1": prf(tp, ng, npred)["F1"],
    }


# ------------------------------------------------------------------------- cases from the data sets
def rt_cases(cases: list[dict[str, Any]]) -> list[tuple[str, Values]]:
    out = []
    for case in cases:
        gold = []
        for r in case["Results"]:
            v = r["Resolution"].get("value")
            if v in (None, "null"):
                continue
            gold.append(float(str(v).rstrip("%")))
        out.append((case["Input"], gold))
    return out


def duckling_cases(corpus: dict[str, Any]) -> list[tuple[str, Values]]:
    out = []
    for group in corpus["groups"]:
        if group.get("section") not in {"allExamples", "corpus"}:
            continue
        if "value" in group:
            gold = [float(group["value"])]
        else:
            gold = [float(group[k]) for k in ("from", "to") if group.get(k) is not None]
        out.extend((t, gold) for t in group["texts"])
    return out


def quantulum_cases(cases: list[dict[str, Any]]) -> list[tuple[str, Values]]:
    return [(c["req"], [float(r["value"]) for r in c["res"]]) for c in cases]


def spellout_cases(cases: list[dict[str, Any]]) -> list[tuple[str, Values]]:
    return [(c["input"], [float(v) for v in c["expected"]]) for c in cases]


# --------------------------------------------------------------------------------------------- newsdesk
class Newsdesk:
    name = "newsdesk"

    def __init__(self) -> None:
        self.nlp = load_model()

    def figures(self, text: str) -> list[Figure]:
        return figures_from_doc(self.nlp(text))

    def numbers(self, text: str) -> Values:
        return [n.value for n in find_numbers(text)]

    def _values(self, text: str, kinds: set[str]) -> Values:
        out: Values = []
        for f in self.figures(text):
            if f.kind in kinds and f.value is not None:
                out.append(f.value)
                if f.value_max is not None:
                    out.append(f.value_max)
        return out

    def money(self, text: str) -> Values:
        return self._values(text, {"money"})

    def percent(self, text: str) -> Values:
        return self._values(text, {"percent"})

    def quantities_midpoint(self, text: str) -> Values:
        return [
            (f.value + f.value_max) / 2 if f.value_max is not None else f.value
            for f in self.figures(text)
            if f.kind not in NOT_QUANTITIES and f.value is not None
        ]

    def newsquant(self, text: str) -> list[dict[str, Any]]:
        out = []
        for f in self.figures(text):
            if f.kind in NOT_QUANTITIES or f.value is None:
                continue
            value: Any = (f.value, f.value_max) if f.value_max is not None else f.value
            out.append({"value": value, "normalized_unit": cqe_unit(f)})
        return out


_CQE_CURRENCY = {
    "USD": "dollar", "GBP": "pound sterling", "EUR": "euro", "JPY": "japanese yen", "AUD": "australian dollar",
    "CAD": "canadian dollar", "HKD": "hong kong dollar", "CNY": "chinese yuan", "INR": "indian rupee",
    "ILS": "shekel", "MYR": "malaysian ringgit", "CHF": "swiss franc", "cent": "cent", "penny": "penny",
    "sen": "sen", "NZD": "new zealand dollar", "SGD": "singapore dollar", "RUB": "russian ruble",
}  # fmt: skip


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def cqe_unit(f: Figure) -> str:
    """Our unit in CQE's vocabulary of normalised units."""
    if f.kind == "money":
        return _CQE_CURRENCY.get(f.unit or "", (f.unit or "-").lower())
    if f.kind == "percent":
        return {"%": "percentage"}.get(f.unit or "%", f.unit or "percentage")
    if f.kind == "quantity":
        return f.unit or "-"
    if f.noun:
        words = f.noun.lower().split()
        return " ".join([*words[:-1], _singular(words[-1])])
    return "-"


# ------------------------------------------------------------------------------------------- quantulum3
class Quantulum:
    name = "quantulum3"

    def __init__(self) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import classifier, parser  # type: ignore[import-not-found,import-untyped,unused-ignore]
        # without its optional classifier, as measured from the start: with scikit-learn installed (textacy
        # needs it) quantulum3 would load a classifier pickled by an older scikit-learn, which fails to load
        classifier.USE_CLF = False
        self.parser = parser
        self.version = _version("quantulum3")

    def parse(self, text: str) -> list[Any]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return list(self.parser.parse(text))

    def numbers(self, text: str) -> Values:
        return [float(q.value) for q in self.parse(text) if q.unit.name == "dimensionless"]

    def money(self, text: str) -> Values:
        return [float(q.value) for q in self.parse(text) if q.unit.entity.name == "currency"]

    def percent(self, text: str) -> Values:
        return [float(q.value) for q in self.parse(text) if q.unit.name == "percentage"]

    def quantities_midpoint(self, text: str) -> Values:
        return [float(q.value) for q in self.parse(text)]

    def newsquant(self, text: str) -> list[dict[str, Any]]:
        mapping = {"dimensionless": "-", "unk": "-", "per cent": "percentage", "united states dollar": "dollar",
                   "tonne": "metric ton", "degree celsius": "celsius", "degree fahrenheit": "fahrenheit"}  # fmt: skip
        out = []
        for q in self.parse(text):
            unit = q.unit.name
            out.append({"value": float(q.value), "normalized_unit": mapping.get(unit.lower(), unit).strip()})
        return out


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


# --------------------------------------------------------------------------------------------- NewsQuant
def score_newsquant(
    sentences: list[dict[str, Any]], tag: Callable[[str], list[dict[str, Any]]], *, average: bool
) -> dict[str, Any]:
    """CQE's rule (see the module docstring), re-implemented."""
    n_gold = n_pred = correct_value = correct_unit = 0
    for sentence in sentences:
        tags = tag(sentence["text"])
        n_gold += len(sentence["quantities"])
        n_pred += len(tags)
        value_ok, unit_ok = scoring.cqe_sentence(sentence["quantities"], tags, average=average)
        correct_value += value_ok
        correct_unit += unit_ok
    return {
        "sentences": len(sentences),
        "gold": n_gold,
        "predicted": n_pred,
        "value": prf(correct_value, n_gold, n_pred),
        "value+unit": prf(correct_unit, n_gold, n_pred),
    }


# ------------------------------------------------------------------------------------------------ speed
def measure_speed(corpus: Path, n_docs: int) -> dict[str, Any]:
    texts = []
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            texts.append(json.loads(line)["text"])
            if len(texts) >= n_docs:
                break
    nlp = load_model()
    list(nlp.pipe(texts[:5]))  # warm up
    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    parse = time.perf_counter() - start
    figures_from_doc(docs[0])
    start = time.perf_counter()
    count = sum(len(figures_from_doc(doc)) for doc in docs)
    extract = time.perf_counter() - start
    words = sum(len(doc) for doc in docs)
    return {
        "articles": len(texts),
        "tokens": words,
        "figures": count,
        "parse_s": round(parse, 2),
        "extract_s": round(extract, 3),
        "ratio": round(extract / parse, 4),
    }


# ------------------------------------------------------------------------------------------------- main
FIGURE_SETS = ("recognizers-text", "duckling", "quantulum3", "newsquant")


def run(corpus: Path | None, speed_docs: int) -> dict[str, Any]:
    suites: dict[str, tuple[list[tuple[str, Values]], str]] = {
        "RT-Number": (rt_cases(load_recognizers_text("NumberModel")), "numbers"),
        "RT-Currency": (rt_cases(load_recognizers_text("CurrencyModel")), "money"),
        "RT-Percent": (rt_cases(load_recognizers_text("PercentModel")), "percent"),
        "DK-Numeral": (duckling_cases(load_duckling("Numeral_EN")), "numbers"),
        "DK-Money": (duckling_cases(load_duckling("AmountOfMoney_EN")), "money"),
        "Q3-Quantities": (quantulum_cases(load_quantulum3("quantities")), "quantities_midpoint"),
        "Q3-Spellout": (spellout_cases(load_quantulum3("spellout_values")), "numbers"),
    }
    systems: list[Any] = [Newsdesk()]
    peers: dict[str, str] = {}
    try:
        systems.append(Quantulum())
        peers["quantulum3"] = systems[-1].version
    except ImportError:
        peers["quantulum3"] = "not installed"
    results: dict[str, Any] = {"peers": peers, "suites": {}, "newsquant_dev": {}}
    for suite, (cases, method) in suites.items():
        results["suites"][suite] = {s.name: score_cases(cases, getattr(s, method)) for s in systems}
    newsquant = load_newsquant()
    for s in systems:
        results["newsquant_dev"][s.name] = score_newsquant(newsquant, s.newsquant, average=s.name == "quantulum3")
    if corpus is not None and corpus.exists():
        results["timing"] = {"speed": measure_speed(corpus, speed_docs)}
    else:
        results["timing"] = {"speed": "corpus not found"}
    return results


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed-docs", type=int, default=300)
    args = parser.parse_args(list(argv) if argv is not None else None)
    if os.environ.get("PYTHONHASHSEED") != "0" and argv is None:
        # quantulum3's output depends on set order: fix the hash seed so that every run is the same
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
    try:
        for name in FIGURE_SETS:
            locate(name)
    except DatasetNotFoundError as error:
        print(error, file=sys.stderr)
        return 2
    try:
        corpus: Path | None = locate("bbc") / "bbc_news.jsonl"
    except DatasetNotFoundError:
        corpus = None  # the speed row says "corpus not found"
    results = run(corpus, args.speed_docs)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "figures.json").write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps(results["newsquant_dev"], indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
