"""Loaders: the records the benchmarks and tests read from each data set, found through `locate`.

>>> load_ggt("test")
Traceback (most recent call last):
...
ValueError: GGT split 'test' is not available: only 'dev' is (the rest is held back)
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypedDict

import pandas as pd

from newsdesk.datasets.registry import locate

__all__ = [
    "AebPage",
    "BbcArticle",
    "Fnc1",
    "PolnearArticle",
    "load_aeb",
    "load_bbc",
    "load_duckling",
    "load_fnc1",
    "load_ggt",
    "load_newsquant",
    "load_polnear",
    "load_quantulum3",
    "load_recognizers_text",
    "load_semeval2016",
]


class BbcArticle(TypedDict):
    """One BBC article: ``id`` (``business/001``), ``category``, ``title`` and ``text`` (a paragraph a line)."""

    id: str
    category: str
    title: str
    text: str


def _jsonl(path: Path) -> list[Any]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8-sig"))  # Recognizers-Text specs start with a BOM


def load_bbc(*, download: bool = False) -> list[BbcArticle]:
    """The 2,225 BBC News articles, in id order."""
    rows: list[BbcArticle] = _jsonl(locate("bbc", download=download) / "bbc_news.jsonl")
    return rows


def load_ggt(split: str = "dev") -> list[dict[str, Any]]:
    """Gender Gap Tracker annotated articles: one dict an article with its ``text`` and gold ``quotes``.

    Only the ``dev`` half is available (the other half is held back for independent checks).
    """
    if split != "dev":
        raise ValueError(f"GGT split {split!r} is not available: only 'dev' is (the rest is held back)")
    rows: list[dict[str, Any]] = _jsonl(locate("ggt") / "ggt_dev.jsonl")
    return rows


@dataclass(frozen=True)
class PolnearArticle:
    """One PolNeAR article with one annotator's BRAT standoff annotations (``ann``: the .ann file's text)."""

    name: str
    annotator: str
    text: str = field(repr=False)
    ann: str = field(repr=False)


def load_polnear(split: str = "dev", *, download: bool = False) -> list[PolnearArticle]:
    """PolNeAR articles of ``split`` (``dev`` or ``train``), sorted by name; an article annotated by several
    annotators comes with the first annotator in sorted order."""
    if split not in ("dev", "train"):
        raise ValueError(f"PolNeAR split {split!r} is not available: choose 'dev' or 'train' (test is held back)")
    folder = locate("polnear", download=download) / "data" / split
    chosen: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    return [
        PolnearArticle(
            name=name,
            annotator=ann.stem.rsplit("_", 1)[1],
            text=(folder / "text" / f"{name}.txt").read_text(encoding="utf-8"),
            ann=ann.read_text(encoding="utf-8"),
        )
        for name, ann in sorted(chosen.items())
    ]


def load_newsquant(*, download: bool = False) -> list[dict[str, Any]]:
    """NewsQuant dev: news sentences, each ``{text, quantities: [{value, unit, change, ...}]}``."""
    rows: list[dict[str, Any]] = _json(locate("newsquant", download=download) / "NewsQuant_dev.json")
    return rows


_RT_SPECS = {
    "NumberModel": "Specs/Number/English/NumberModel.json",
    "PercentModel": "Specs/Number/English/PercentModel.json",
    "CurrencyModel": "Specs/NumberWithUnit/English/CurrencyModel.json",
}


def load_recognizers_text(model: str, *, download: bool = False) -> list[dict[str, Any]]:
    """The English test cases of one Recognizers-Text model (``NumberModel``, ``PercentModel``, ``CurrencyModel``)."""
    if model not in _RT_SPECS:
        raise ValueError(f"Recognizers-Text model {model!r} is not registered; choose one of {sorted(_RT_SPECS)}")
    cases: list[dict[str, Any]] = _json(locate("recognizers-text", download=download) / _RT_SPECS[model])
    return cases


def load_duckling(corpus: Literal["Numeral_EN", "AmountOfMoney_EN"]) -> dict[str, Any]:
    """One Duckling corpus as JSON: ``{source, groups: [{section, expr, texts, kind, value | from/to, ...}]}``."""
    if corpus not in ("Numeral_EN", "AmountOfMoney_EN"):
        raise ValueError(f"Duckling corpus {corpus!r} is not registered; choose Numeral_EN or AmountOfMoney_EN")
    data: dict[str, Any] = _json(locate("duckling") / f"{corpus}.json")
    return data


def load_quantulum3(suite: Literal["quantities", "spellout_values"], *, download: bool = False) -> list[dict[str, Any]]:
    """quantulum3's English tests: ``quantities`` (``{req, res}``) or ``spellout_values`` (``{input, expected}``)."""
    if suite not in ("quantities", "spellout_values"):
        raise ValueError(f"quantulum3 suite {suite!r} is not registered; choose quantities or spellout_values")
    cases: list[dict[str, Any]] = _json(locate("quantulum3", download=download) / f"{suite}.json")
    return cases


@dataclass(frozen=True, eq=False)
class Fnc1:
    """FNC-1 training data: ``bodies`` (Body ID, articleBody) and ``stances`` (Headline, Body ID, Stance)."""

    bodies: pd.DataFrame
    stances: pd.DataFrame

    def __repr__(self) -> str:
        return f"Fnc1({len(self.bodies)} bodies, {len(self.stances)} headline/body pairs)"

    def pairs(self) -> pd.DataFrame:
        """Each headline/body pair with its body text (columns Headline, Body ID, Stance, articleBody)."""
        return self.stances.merge(self.bodies, on="Body ID", how="left", validate="many_to_one")


def load_fnc1(*, download: bool = False) -> Fnc1:
    """FNC-1's public training split (the competition test set is held back)."""
    folder = locate("fnc1", download=download)
    return Fnc1(
        bodies=pd.read_csv(folder / "train_bodies.csv", encoding="utf-8"),
        stances=pd.read_csv(folder / "train_stances.csv", encoding="utf-8"),
    )


def load_semeval2016(*, download: bool = False) -> pd.DataFrame:
    """SemEval-2016 task 6A training tweets: columns ID, Target, Tweet, Stance (FAVOR / AGAINST / NONE)."""
    path = locate("semeval2016", download=download) / "semeval2016-task6-trainingdata.txt"
    # the file is Windows-1252 (curly quotes as 0x91/0x92), tab-separated, with bare quotation marks in tweets
    return pd.read_csv(path, sep="\t", encoding="cp1252", quoting=csv.QUOTE_NONE, dtype=str)


@dataclass(frozen=True)
class AebPage:
    """One page of the ScrapingHub article-extraction benchmark: its gzipped HTML and the gold article body."""

    id: str
    html: Path
    body: str = field(repr=False)


def load_aeb(*, download: bool = False) -> list[AebPage]:
    """The 181 pages of the ScrapingHub article-extraction benchmark, sorted by id."""
    folder = locate("aeb", download=download)
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        AebPage(id=key, html=folder / "html" / f"{key}.html.gz", body=truth[key].get("articleBody", ""))
        for key in sorted(truth)
    ]
