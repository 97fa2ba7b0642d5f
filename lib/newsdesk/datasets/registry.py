"""The registry of public data sets and where each is found: `REGISTRY`, `locate`, `fetch`, `available`.

>>> REGISTRY["bbc"]
Dataset('bbc': BBC News 2004-05, corpus/bbc, downloadable)
"""

from __future__ import annotations

import os
import shutil
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Literal

import pandas as pd
import platformdirs

from newsdesk.datasets.convert import CONVERTERS
from newsdesk.datasets.downloads import (
    Converter,
    Remote,
    RemoteArchive,
    RemoteFile,
    content_digest,
    install,
    matching_files,
)
from newsdesk.errors import NewsdeskError

__all__ = [
    "CACHE_VARIABLE",
    "DATA_VARIABLE",
    "REGISTRY",
    "Availability",
    "Dataset",
    "DatasetNotFoundError",
    "Inventory",
    "available",
    "cache_dir",
    "describe",
    "fetch",
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
    `newsdesk.datasets.downloads`). ``remotes`` is empty when no public URL serves the data in a usable form;
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
    newsdesk.datasets.registry.DatasetNotFoundError: unknown data set 'bbc2'; known: aeb, bbc, duckling, fnc1, ggt, ...
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
    `newsdesk.datasets.downloads.ChecksumError` when what arrives differs from what is pinned (nothing is kept).
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
