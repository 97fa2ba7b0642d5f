"""Corpus files (JSONL, JSON, CSV/TSV) and DataFrames to Articles, one per row.

Column names are matched case-insensitively from common choices: text from ``text``, ``body``,
``content``, ``articleBody``...; headline from ``title``/``headline``; and so on. A bad row is an
ArticleError naming ``file:line``; the rows around it are unaffected.

>>> import pandas as pd
>>> frame = pd.DataFrame({"id": ["a1"], "title": ["Rain due"], "text": ["Forecasters expect rain."]})
>>> [article.headline for article in frame_articles(frame, source="frame")]
['Rain due']
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from typing import Any

import pandas as pd

from newsdesk.errors import ArticleError, Problem
from newsdesk.io.articles import Article, build_article, compose_text

__all__ = ["COLUMNS", "csv_articles", "frame_articles", "json_articles", "jsonl_articles", "row_article"]

#: Accepted column names for each article field, in order of preference.
COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "articlebody", "article", "maintext", "story"),
    "headline": ("title", "headline"),
    "id": ("id", "article_id", "doc_id", "uid"),
    "byline": ("author", "authors", "byline"),
    "published": ("date", "published", "date_publish", "publish_date", "pubdate"),
    "url": ("url", "link"),
    "site_name": ("site_name", "sitename", "outlet", "source", "publisher"),
}

Row = Iterator["Article | ArticleError"]


def _pick(names: list[str], field: str) -> str | None:
    folded = {name.casefold(): name for name in names}
    return next((folded[c] for c in COLUMNS[field] if c in folded), None)


def _clean(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    text = str(value).strip()
    return text or None


def row_article(record: Mapping[str, Any], *, source: str, fallback_id: str) -> Article:
    """One record (a JSON object or table row) as an Article; raises ArticleError if it has no text."""
    names = [str(k) for k in record]
    text_key = _pick(names, "text")
    body = record.get(text_key) if text_key else None
    if not isinstance(body, str) or not body.strip():
        raise ArticleError(source, Problem.MISSING_TEXT, field=text_key or COLUMNS["text"][0])
    fields = {field: _clean(record.get(key)) if (key := _pick(names, field)) else None for field in COLUMNS}
    headline = " ".join(fields["headline"].split()) if fields["headline"] else None  # the headline is one line
    text, first_line_is_headline = compose_text(headline, body.replace("\r\n", "\n"))
    return build_article(
        text,
        id=fields["id"] or fallback_id,
        first_line_is_headline=first_line_is_headline,
        headline=headline,
        byline=fields["byline"],
        published=fields["published"],
        url=fields["url"],
        site_name=fields["site_name"],
        source_path=source,
    )


def _records(records: Iterator[tuple[str, str, Any]]) -> Row:
    for source, fallback_id, record in records:
        if not isinstance(record, Mapping):
            yield ArticleError(source, Problem.BAD_RECORD, found=type(record).__name__)
            continue
        try:
            yield row_article(record, source=source, fallback_id=fallback_id)
        except ArticleError as error:
            yield error


def jsonl_articles(text: str, *, source: str, stem: str) -> Row:
    """Articles from JSON Lines; a bad line is yielded as an ArticleError naming ``source:line``."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield ArticleError(where, Problem.BAD_JSON, detail=error.msg)
            continue
        yield from _records(iter([(where, f"{stem}:{number}", record)]))


def json_articles(text: str, *, source: str, stem: str) -> Row:
    """Articles from a JSON file holding one record or a list of records."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ArticleError(source, Problem.BAD_JSON, detail=f"{error.msg} (line {error.lineno})") from error
    records = data if isinstance(data, list) else [data]
    yield from _records(
        (f"{source}[{i}]", f"{stem}:{i + 1}", record) for i, record in enumerate(records)
    )


def csv_articles(text: str, *, source: str, stem: str, delimiter: str = ",") -> Row:
    """Articles from CSV (or TSV) text with a header row; raises if there is no text column."""
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        header = list(reader.fieldnames or [])
    except csv.Error as error:
        raise ArticleError(source, Problem.BAD_CSV, detail=str(error)) from error
    if _pick(header, "text") is None:
        raise ArticleError(source, Problem.NO_TEXT_COLUMN, expected=list(COLUMNS["text"]), found=header)
    try:
        rows = list(reader)
    except csv.Error as error:
        raise ArticleError(source, Problem.BAD_CSV, detail=str(error)) from error
    # Data rows are numbered as lines of a one-line-per-row file (the header is line 1).
    yield from _records((f"{source}:{i + 2}", f"{stem}:{i + 1}", row) for i, row in enumerate(rows))


def frame_articles(frame: pd.DataFrame, *, source: str = "DataFrame") -> Row:
    """Articles from a DataFrame's rows (columns as for CSV); raises if there is no text column."""
    header = [str(c) for c in frame.columns]
    if _pick(header, "text") is None:
        raise ArticleError(source, Problem.NO_TEXT_COLUMN, expected=list(COLUMNS["text"]), found=header)
    for position, (label, row) in enumerate(frame.iterrows()):
        record = {str(k): v for k, v in row.items()}
        yield from _records(iter([(f"{source}[{label!s}]", f"row-{position + 1}", record)]))
