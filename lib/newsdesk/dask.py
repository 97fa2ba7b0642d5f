"""Dask: the analysis partitioned over a ``dask.distributed`` cluster, with Dask DataFrames in and out.

``analyze(items, engine="dask", scheduler=ADDRESS)`` sends batches of articles to the cluster's workers and
gathers the same `Analysis` the local engine gives. `analyze_frame` takes a Dask DataFrame of articles (the
columns `newsdesk.io.corpus.frame_articles` reads: ``text``, and ``id``, ``title`` ...) and gives `DaskTables`:
a lazy Dask DataFrame per table, one partition of each per partition of articles. Each worker process loads the
model once, on its first batch (`newsdesk.runner.analysis_model`), and keeps it.

>>> import pandas as pd
>>> tables = DaskTables.from_pandas({"articles": pd.DataFrame({"article_id": ["a1"]})}, npartitions=1)
>>> tables.articles.compute()["article_id"].tolist()
['a1']
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Mapping
from contextlib import ExitStack
from dataclasses import dataclass, fields
from typing import Any

import dask.dataframe as dd
import pandas as pd
from dask.base import compute
from dask.delayed import delayed
from distributed import Client, default_client

from newsdesk.errors import ArticleError
from newsdesk.io.readers import iter_articles
from newsdesk.quotes.finder import Attributions, check_attributions
from newsdesk.records import RESULT_TABLES, TABLE_NAMES, ArticleRow, ErrorRow, Record, to_frame
from newsdesk.runner import Options, results
from newsdesk.stance.targets import Target, check_targets

__all__ = ["DaskTables", "analyze_frame", "connect"]

_RECORDS: dict[str, type[Record]] = {"articles": ArticleRow, **RESULT_TABLES}


@dataclass(frozen=True)
class DaskTables:
    """The tables of an analysis as Dask DataFrames (lazy until computed; compute several at once with
    ``dask.compute(tables.quotes, tables.figures)`` so that the articles are analysed once)."""

    articles: dd.DataFrame
    quotes: dd.DataFrame
    figures: dd.DataFrame
    stances: dd.DataFrame
    errors: dd.DataFrame
    people: dd.DataFrame

    def __repr__(self) -> str:
        shown = ", ".join(f"{f.name}: {getattr(self, f.name).npartitions} partitions" for f in fields(self))
        return f"DaskTables({shown})"

    @classmethod
    def from_pandas(cls, frames: Mapping[str, pd.DataFrame], npartitions: int = 1) -> DaskTables:
        """Each pandas table as a Dask DataFrame; a table not given is empty with its schema."""
        return cls(**{
            name: dd.from_pandas(frames.get(name, _empty(name)), npartitions=npartitions) for name in TABLE_NAMES
        })

    def compute(self) -> dict[str, pd.DataFrame]:
        """Every table as pandas, computed together."""
        computed = compute(*(getattr(self, name) for name in TABLE_NAMES))
        return dict(zip(TABLE_NAMES, computed, strict=True))


def _empty(name: str) -> pd.DataFrame:
    return to_frame([], _RECORDS[name])


def connect(scheduler: object, stack: ExitStack) -> Client:
    """A Client: ``scheduler`` itself when it is one, a new one for an address (closed by ``stack``), or the
    current default client when None (ValueError when there is none)."""
    if isinstance(scheduler, Client):
        return scheduler
    if scheduler is None:
        try:
            current: Client = default_client()
            return current
        except ValueError:
            raise ValueError("engine='dask' needs a scheduler address or a running dask.distributed Client") from None
    client = Client(scheduler)
    stack.callback(client.close)
    return client


def partition_tables(frame: pd.DataFrame, options: Options, batch_size: int = 32) -> dict[str, pd.DataFrame]:
    """One partition of articles analysed where it lies: a pandas DataFrame per table, each sorted."""
    rows: dict[str, list[Any]] = {name: [] for name in TABLE_NAMES}
    articles = []
    for item in iter_articles(frame):
        if isinstance(item, ArticleError):
            rows["errors"].append(_error_row(item))
        else:
            articles.append(item)
    for result in results(articles, options, batch_size=batch_size):
        rows["articles"].append(result.article)
        for name in RESULT_TABLES:
            rows[name].extend(getattr(result, name))
    return {name: to_frame(rows[name], _RECORDS[name]) for name in TABLE_NAMES}


def _error_row(error: ArticleError) -> Record:
    return ErrorRow(source=error.source, stage="read", problem=error.message)


def analyze_frame(
    articles: dd.DataFrame,
    *,
    attributions: Attributions = "speech",
    targets: Iterable[Target | dict[str, Any] | str] | None = None,
    batch_size: int = 32,
) -> DaskTables:
    """`newsdesk.analyze` for a Dask DataFrame of articles: lazy Dask DataFrames of the tables.

    Each partition is analysed by one task (where the cluster puts it); the tables have one partition per
    partition of ``articles``, each sorted as `newsdesk.analyze` sorts its tables.
    """
    options = Options(check_attributions(attributions), check_targets(targets or ()))
    parts = [delayed(partition_tables)(part, options, batch_size) for part in articles.to_delayed()]
    return DaskTables(**{
        name: dd.from_delayed(
            [delayed(operator.getitem)(part, name) for part in parts], meta=_empty(name), verify_meta=False
        )
        for name in TABLE_NAMES
    })
