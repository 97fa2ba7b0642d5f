"""Reading articles from paths, folders, corpora, DataFrames and strings.

`read_article` reads one article and raises on any problem. `read_articles` reads any number and
never lets one bad input stop the rest: each is reported (a warning by default) and skipped.

>>> from newsdesk.io.articles import read_text
>>> [a.id for a in read_articles([read_text("One line.", id="a"), read_text("Another.", id="b")])]
['a', 'b']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Literal, TypeAlias

import pandas as pd

from newsdesk.errors import ArticleError, Problem, warn_skipped
from newsdesk.io.articles import Article, build_article, read_text
from newsdesk.io.corpus import csv_articles, frame_articles, json_articles, jsonl_articles
from newsdesk.io.encoding import decode_text
from newsdesk.io.html import html_to_article
from newsdesk.io.textfile import inner_suffix, read_file_bytes

__all__ = ["SUPPORTED_SUFFIXES", "Source", "iter_articles", "looks_like_path", "read_article", "read_articles"]

PLAIN_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SUPPORTED_SUFFIXES = (*PLAIN_SUFFIXES, *HTML_SUFFIXES, ".jsonl", ".ndjson", ".json", ".csv", ".tsv")
_SUPPORTED_TEXT = ", ".join(SUPPORTED_SUFFIXES) + " (optionally .gz)"

#: What `read_articles` and `analyze` accept: one of these or an iterable of them.
Source: TypeAlias = "str | Path | Article | pd.DataFrame"
OnError = Literal["warn", "raise"] | Callable[[ArticleError], None]


def looks_like_path(item: str) -> bool:
    """Whether a string names a file or folder rather than being article text.

    A one-line string is a path when it exists or ends in a supported suffix.
    """
    if "\n" in item or len(item) > 4096 or not item.strip():
        return False
    path = Path(item)
    return path.exists() or inner_suffix(path) in SUPPORTED_SUFFIXES


def _sniff(text: str) -> str:
    head = text.lstrip()[:512].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head or "<p>" in head:
        return ".html"
    if head.startswith("{"):
        return ".jsonl"
    if head.startswith("["):
        return ".json"
    return ".txt"


def _file_articles(path: Path, encoding: str | None) -> Iterator[Article | ArticleError]:
    source = str(path)
    suffix = inner_suffix(path)
    if suffix and suffix not in SUPPORTED_SUFFIXES:
        raise ArticleError(source, Problem.UNSUPPORTED, suffix=suffix, supported=_SUPPORTED_TEXT)
    decoded = decode_text(read_file_bytes(path), source, encoding)
    for item in _text_articles(decoded.text, path, suffix):
        if isinstance(item, Article):
            item = replace(item, encoding=decoded.encoding, repairs=decoded.repairs)
        yield item


def _text_articles(text: str, path: Path, suffix: str) -> Iterator[Article | ArticleError]:
    source, stem = str(path), path.name.split(".")[0]
    if not text.strip():
        raise ArticleError(source, Problem.BLANK)
    kind = suffix or _sniff(text)
    if kind in HTML_SUFFIXES:
        yield html_to_article(text, source=source, id=stem)
    elif kind in (".jsonl", ".ndjson"):
        yield from jsonl_articles(text, source=source, stem=stem)
    elif kind == ".json":
        yield from json_articles(text, source=source, stem=stem)
    elif kind in (".csv", ".tsv"):
        yield from csv_articles(text, source=source, stem=stem, delimiter="\t" if kind == ".tsv" else ",")
    else:
        yield build_article(text, id=stem, first_line_is_headline=True, source_path=source)


def _folder_files(folder: Path) -> list[Path]:
    files = [
        p
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and inner_suffix(p) in SUPPORTED_SUFFIXES
    ]
    if not files:
        raise ArticleError(str(folder), Problem.EMPTY_FOLDER, supported=_SUPPORTED_TEXT)
    return files


def _path_articles(path: Path, encoding: str | None) -> Iterator[Article | ArticleError]:
    paths = _folder_files(path) if path.is_dir() else [path]
    for file in paths:
        try:
            yield from _file_articles(file, encoding)
        except ArticleError as error:
            yield error


def iter_articles(
    source: Source | Iterable[Source], *, encoding: str | None = None
) -> Iterator[Article | ArticleError]:
    """Every article in ``source``, in order, with each unreadable input yielded as its ArticleError.

    Strings are paths when `looks_like_path` says so, and article text otherwise. Files are read in
    ``encoding``, or with it found from their bytes when None (`newsdesk.io.encoding.decode_text`).
    """
    if isinstance(source, Article):
        yield source
    elif isinstance(source, pd.DataFrame):
        try:
            yield from frame_articles(source)
        except ArticleError as error:
            yield error
    elif isinstance(source, Path) or (isinstance(source, str) and looks_like_path(source)):
        yield from _path_articles(Path(source), encoding)
    elif isinstance(source, str):
        try:
            yield read_text(source)
        except ArticleError as error:
            yield error
    elif isinstance(source, Iterable):
        for item in source:
            if isinstance(item, (str, Path, Article, pd.DataFrame)):
                yield from iter_articles(item, encoding=encoding)
            else:
                yield ArticleError(repr(item)[:60], Problem.NOT_ARTICLE, found=type(item).__name__)
    else:
        yield ArticleError(repr(source)[:60], Problem.NOT_ARTICLE, found=type(source).__name__)


def read_articles(
    source: Source | Iterable[Source], *, on_error: OnError = "warn", encoding: str | None = None
) -> Iterator[Article]:
    """Read articles from files, folders, corpora, DataFrames, Articles or text strings.

    A bad input never stops the batch unless ``on_error="raise"``: by default each is reported as an
    `ArticleSkippedWarning` naming the input and its problem; a callable receives each ArticleError.
    """
    for item in iter_articles(source, encoding=encoding):
        if isinstance(item, Article):
            yield item
        elif on_error == "raise":
            raise item
        elif on_error == "warn":
            warn_skipped(item)
        else:
            on_error(item)


def read_article(path: str | Path, *, encoding: str | None = None) -> Article:
    """The one article in a file (plain text, HTML, or a one-record corpus file).

    Raises ArticleError naming the file when it is missing, empty, binary, undecodable, holds no
    article text or more than one article.
    """
    path = Path(path)
    if path.is_dir():
        raise ArticleError(str(path), Problem.UNSUPPORTED, suffix="folder", supported=_SUPPORTED_TEXT)
    found = list(_file_articles(path, encoding))
    for item in found:
        if isinstance(item, ArticleError):
            raise item
    if len(found) != 1:
        raise ArticleError(str(path), Problem.MANY_ARTICLES, count=len(found))
    article = found[0]
    assert isinstance(article, Article)
    return article
