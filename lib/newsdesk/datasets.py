"""Public data sets by name: where each comes from, where it is found here, and loaders for its records.

Every corpus and gold set the project evaluates on or studies has one entry in `REGISTRY`: its public
source pinned at a commit, the sha256 content digest of the files the loaders read, licence, citation,
size and the command that needs it. Nothing here is shipped with newsdesk; a data set is found, in order,

1. in ``$NEWSDESK_DATA``: a folder laid out like the project's shared data (``corpus/bbc/``,
   ``eval/quotes/polnear/``, ...); CI sets ``NEWSDESK_DATA=../shared``;
2. in the user cache (``$NEWSDESK_CACHE``, else the platform's cache folder for newsdesk), the same layout;
3. nowhere: `locate` raises `DatasetNotFoundError`, naming the data set and the command that fetches it.
   There is no download at run time unless asked for: ``newsdesk data fetch NAME`` (or `fetch`) downloads
   into the cache with a progress bar and verifies every byte before anything lands there.

>>> sorted(REGISTRY)
['aeb', 'bbc', 'duckling', 'fnc1', 'ggt', 'newsquant', 'polnear', 'quantulum3', 'recognizers-text', 'semeval2016']
>>> REGISTRY["bbc"]
Dataset('bbc': BBC News 2004-05, corpus/bbc, downloadable)
>>> print(DatasetNotFoundError(REGISTRY["bbc"]))
BBC News 2004-05 (bbc) not found: set NEWSDESK_DATA or run `newsdesk data fetch bbc`
"""

from __future__ import annotations

import ast
import csv
import json
import os
import shutil
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal, TypedDict

import pandas as pd
import platformdirs

from newsdesk.downloads import Converter, Remote, RemoteArchive, RemoteFile, content_digest, install, matching_files
from newsdesk.errors import NewsdeskError

__all__ = [
    "CACHE_VARIABLE",
    "DATA_VARIABLE",
    "REGISTRY",
    "Availability",
    "BbcArticle",
    "Dataset",
    "DatasetNotFoundError",
    "Fnc1",
    "Inventory",
    "PolnearArticle",
    "available",
    "cache_dir",
    "describe",
    "fetch",
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
    "locate",
    "verify",
]

DATA_VARIABLE = "NEWSDESK_DATA"
CACHE_VARIABLE = "NEWSDESK_CACHE"
Where = Literal["NEWSDESK_DATA", "cache"]


@dataclass(frozen=True)
class Dataset:
    """One public data set: what it is, where it comes from, and which of its files newsdesk reads.

    ``path`` is the folder relative to a data root (``$NEWSDESK_DATA`` or the cache); ``files`` are glob
    patterns inside it (what the loaders read); ``digest`` is their content digest (see
    `newsdesk.downloads`). ``remotes`` is empty when no public URL serves the data in a usable form;
    ``notes`` then says how to get it, and in any case what was verified and how.
    """

    name: str
    title: str
    path: str
    files: tuple[str, ...]
    digest: str
    source: str
    licence: str
    citation: str
    size: str
    used_by: str
    notes: str
    remotes: tuple[Remote, ...] = ()
    convert: Converter | None = field(default=None, compare=False)

    def __repr__(self) -> str:
        how = "downloadable" if self.downloadable else "not downloadable"
        return f"Dataset({self.name!r}: {self.title}, {self.path}, {how})"

    @property
    def downloadable(self) -> bool:
        """Whether `fetch` can download it (some sets exist publicly only in another form)."""
        return bool(self.remotes)

    def fetch_hint(self) -> str:
        """How to make the data set available, in one line."""
        if self.downloadable:
            return f"set {DATA_VARIABLE} or run `newsdesk data fetch {self.name}`"
        return (
            f"set {DATA_VARIABLE} to a folder holding {self.path}/; no public URL serves it in this form "
            f"(`newsdesk data info {self.name}` says why and how to get it)"
        )


class DatasetNotFoundError(NewsdeskError):
    """A data set is neither in ``$NEWSDESK_DATA`` nor in the cache (or is unknown); the message says what to do."""

    def __init__(self, dataset: Dataset | str) -> None:
        if isinstance(dataset, str):
            known = ", ".join(sorted(REGISTRY))
            super().__init__(f"unknown data set {dataset!r}; known: {known}")
        else:
            super().__init__(f"{dataset.title} ({dataset.name}) not found: {dataset.fetch_hint()}")
        self.dataset = dataset


def _dataset(name: str | Dataset) -> Dataset:
    if isinstance(name, Dataset):
        return name
    if name not in REGISTRY:
        raise DatasetNotFoundError(name)
    return REGISTRY[name]


def cache_dir() -> Path:
    """The user cache for downloaded data sets: ``$NEWSDESK_CACHE``, else the platform's (e.g. ~/.cache/newsdesk)."""
    override = os.environ.get(CACHE_VARIABLE)
    return Path(override) if override else Path(platformdirs.user_cache_dir("newsdesk", appauthor=False))


def _roots() -> list[tuple[Where, Path]]:
    roots: list[tuple[Where, Path]] = []
    if os.environ.get(DATA_VARIABLE):
        roots.append(("NEWSDESK_DATA", Path(os.environ[DATA_VARIABLE])))
    roots.append(("cache", cache_dir()))
    return roots


def _complete(dataset: Dataset, folder: Path) -> bool:
    """Every file pattern of the data set matches at least one file in ``folder``."""
    return folder.is_dir() and all(matching_files(folder, [pattern]) for pattern in dataset.files)


def _find(dataset: Dataset) -> tuple[Where, Path] | None:
    for where, root in _roots():
        folder = root / dataset.path
        if _complete(dataset, folder):
            return where, folder
    return None


def locate(name: str | Dataset, *, download: bool = False) -> Path:
    """The data set's folder: from ``$NEWSDESK_DATA``, else the cache, else (only if ``download``) fetched.

    >>> locate("bbc2")
    Traceback (most recent call last):
    ...
    newsdesk.datasets.DatasetNotFoundError: unknown data set 'bbc2'; known: aeb, bbc, duckling, fnc1, ggt, ...
    """
    dataset = _dataset(name)
    found = _find(dataset)
    if found is not None:
        return found[1]
    if download and dataset.downloadable:
        return fetch(dataset)
    raise DatasetNotFoundError(dataset)


def fetch(name: str | Dataset, *, force: bool = False, progressbar: bool = True) -> Path:
    """Download the data set into the cache, verified, and return its folder (no download if it is there).

    Raises `DatasetNotFoundError` for a set no public URL serves in a usable form, and
    `newsdesk.downloads.ChecksumError` when what arrives differs from what is pinned (nothing is kept).
    """
    dataset = _dataset(name)
    if not dataset.downloadable:
        raise DatasetNotFoundError(dataset)
    target = cache_dir() / dataset.path
    if target.exists():
        if not force and _complete(dataset, target):
            return target
        shutil.rmtree(target)
    return install(
        f"{dataset.title} ({dataset.name})",
        dataset.remotes,
        target,
        patterns=dataset.files,
        digest=dataset.digest,
        convert=dataset.convert,
        progressbar=progressbar,
    )


def describe(name: str | Dataset) -> str:
    """Everything the registry says about a data set, and where it was found, as lines of text.

    >>> print(describe("polnear").splitlines()[0])
    PolNeAR v1.0 (political news attribution relations) (polnear)
    """
    dataset = _dataset(name)
    found = _find(dataset)
    lines = [
        f"{dataset.title} ({dataset.name})",
        f"  found in:  {f'{found[0]}: {found[1]}' if found else 'not found'}",
        f"  folder:    {dataset.path}/ ({', '.join(dataset.files)})",
        f"  source:    {dataset.source}",
        f"  licence:   {dataset.licence}",
        f"  citation:  {dataset.citation}",
        f"  size:      {dataset.size}",
        f"  used by:   {dataset.used_by}",
        f"  digest:    {dataset.digest}",
        f"  notes:     {dataset.notes}",
    ]
    lines += [f"  download:  {remote.url}" for remote in dataset.remotes] or ["  download:  none (see notes)"]
    return "\n".join(lines)


def verify(name: str | Dataset) -> bool:
    """Whether the data set's files, where `locate` finds them, are byte for byte the pinned ones."""
    dataset = _dataset(name)
    return content_digest(locate(dataset), dataset.files) == dataset.digest


@dataclass(frozen=True)
class Availability:
    """Where one data set was found (``where`` is None when it was not)."""

    dataset: Dataset
    where: Where | None
    folder: Path | None


@dataclass(frozen=True)
class Inventory:
    """Every registered data set and where it was found; prints as a table."""

    entries: tuple[Availability, ...]

    def __str__(self) -> str:
        header = ("name", "found in", "folder", "fetch", "size", "title")
        rows = [header] + [
            (
                a.dataset.name,
                a.where or "not found",
                str(a.folder) if a.folder else "-",
                "yes" if a.dataset.downloadable else "no",
                a.dataset.size,
                a.dataset.title,
            )
            for a in self.entries
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(len(header) - 1)]
        return "\n".join(
            "  ".join([*(cell.ljust(width) for cell, width in zip(row, widths, strict=False)), row[-1]]).rstrip()
            for row in rows
        )

    def to_frame(self) -> pd.DataFrame:
        """The table as a DataFrame, one row a data set."""
        return pd.DataFrame(
            [
                {"name": a.dataset.name, "title": a.dataset.title, "found_in": a.where,
                 "folder": str(a.folder) if a.folder else None, "downloadable": a.dataset.downloadable,
                 "size": a.dataset.size, "used_by": a.dataset.used_by, "source": a.dataset.source}
                for a in self.entries
            ]
        )


def available() -> Inventory:
    """Every data set, sorted by name, with where it was found (``$NEWSDESK_DATA``, the cache) or that it was not.

    >>> [a.dataset.name for a in available().entries][:2]
    ['aeb', 'bbc']
    """
    entries = []
    for name in sorted(REGISTRY):
        found = _find(REGISTRY[name])
        entries.append(Availability(REGISTRY[name], found[0] if found else None, found[1] if found else None))
    return Inventory(tuple(entries))


# -- loaders: the records the benchmarks and tests read ------------------------------------------------


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


# -- conversions after download (each produces exactly the bytes the content digest pins) -------------


def bbc_folder_to_jsonl(folder: Path) -> None:
    """Turn the original ``bbc/<category>/<nnn>.txt`` files into ``bbc_news.jsonl`` and drop them.

    Each file's first non-blank line is the title and its other non-blank lines (stripped) the paragraphs;
    a file that is not UTF-8 (one is not) is read as Windows-1252. Lines are sorted by id.
    """
    source = folder / "bbc"
    lines = []
    for path in sorted(source.glob("*/*.txt")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
        paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
        record = {"id": f"{path.parent.name}/{path.stem}", "category": path.parent.name,
                  "title": paragraphs[0], "text": "\n".join(paragraphs[1:])}
        lines.append(json.dumps(record, ensure_ascii=False))
    (folder / "bbc_news.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    shutil.rmtree(source)


def newsquant_dev_half(folder: Path) -> None:
    """Keep NewsQuant's development half (every other sentence, from the first) as ``NewsQuant_dev.json``.

    The other half is held back for independent checks, so the full file is not kept.
    """
    full = folder / "NewsQuant.json"
    sentences = json.loads(full.read_text(encoding="utf-8"))
    (folder / "NewsQuant_dev.json").write_text(json.dumps(sentences[0::2], indent=1, ensure_ascii=False),
                                               encoding="utf-8")
    full.unlink()


def quantulum3_spellout_json(folder: Path) -> None:
    """Read ``TEST_CASES`` from quantulum3's spell-out test module (as a literal, never run) into JSON."""
    module = folder / "extract_spellout_values.py"
    tree = ast.parse(module.read_text(encoding="utf-8"))
    cases: Sequence[tuple[str, list[str]]] = next(
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "TEST_CASES" for t in node.targets)
    )
    rows = [{"input": text, "expected": [float(value) for value in expected]} for text, expected in cases]
    (folder / "spellout_values.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    module.unlink()


CONVERTERS: dict[str, Converter] = {
    "bbc": bbc_folder_to_jsonl,
    "newsquant": newsquant_dev_half,
    "quantulum3": quantulum3_spellout_json,
}


def _registry() -> dict[str, Dataset]:
    """The entries of ``newsdesk/data/datasets.toml`` as `Dataset` objects, by name."""
    text = resources.files("newsdesk").joinpath("data/datasets.toml").read_text(encoding="utf-8")
    registry = {}
    for name, entry in tomllib.loads(text).items():
        remotes: list[Remote] = [
            RemoteArchive(r["url"], keep=tuple(r["keep"]))
            if "keep" in r
            else RemoteFile(r["url"], r["sha256"], r["target"])
            for r in entry.pop("remotes", [])
        ]
        convert = CONVERTERS[entry.pop("convert")] if "convert" in entry else None
        registry[name] = Dataset(
            name=name, files=tuple(entry.pop("files")), remotes=tuple(remotes), convert=convert, **entry
        )
    return registry


REGISTRY: dict[str, Dataset] = _registry()
"""Every data set by short name (``bbc``, ``ggt``, ``polnear``, ...)."""
