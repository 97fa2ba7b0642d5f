"""The Dask engine (issue 13, item 4): on a LocalCluster of two worker processes on loopback, its tables equal the
local engine's, row for row."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import dask.dataframe as dd
import pandas as pd
import pytest
from distributed import Client, LocalCluster

from newsdesk.datasets import load_bbc
from newsdesk.io.articles import read_text
from newsdesk.pipeline import Analysis, analyze
from newsdesk.records import TABLE_NAMES

from newsdesk.dask import DaskTables, analyze_frame  # isort: skip

TEXTS = {
    "c": "Port strike\nDock workers walked out on Monday. \"We have waited long enough,\" said union leader Ann Ruiz.",
    "a": "Rates held\nThe bank kept rates at 4% on Tuesday, its governor said.",
    "b": "Budget row\nThe mayor said the city would cut $2m from roads. Critics oppose the cuts.",
}


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    logging.getLogger("distributed").setLevel(logging.ERROR)
    with (
        LocalCluster(
            processes=True, n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
        ) as cluster,
        Client(cluster) as connected,
    ):
        yield connected


def assert_same_tables(local: Analysis, tables: dict[str, pd.DataFrame]) -> None:
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(getattr(local, name), tables[name], obj=name)


def _articles() -> list:
    return [read_text(text, id=key) for key, text in TEXTS.items()]


def test_dask_engine_equals_local_on_written_texts(client: Client) -> None:
    local = analyze(_articles(), cache=False)
    assert len(local.quotes) >= 2 and len(local.figures) >= 2
    remote = analyze(_articles(), engine="dask", scheduler=client, batch_size=1, cache=False)
    assert_same_tables(local, {name: getattr(remote, name) for name in TABLE_NAMES})
    assert sum(client.run(lambda: 1).values()) == 2  # two workers were there to share the batches


def test_dask_engine_takes_the_scheduler_address(client: Client) -> None:
    remote = analyze(_articles()[:1], engine="dask", scheduler=client.scheduler.address, cache=False)
    assert list(remote.articles["article_id"]) == ["c"]


def test_analyze_frame_gives_dask_frames_of_the_same_tables(client: Client) -> None:
    frame = pd.DataFrame({"id": list(TEXTS), "text": list(TEXTS.values())})
    tables = analyze_frame(dd.from_pandas(frame, npartitions=2))
    assert isinstance(tables.quotes, dd.DataFrame) and tables.quotes.npartitions == 2
    computed = tables.compute()
    local = analyze(frame, cache=False)
    for name in TABLE_NAMES:  # partitions are sorted each; sorted as a whole they are the local tables
        keys = list(local.articles.columns[:1]) if name == "articles" else None
        got = computed[name]
        if len(got):
            got = got.sort_values(keys or list(got.columns[:3]), kind="stable").reset_index(drop=True)
        pd.testing.assert_frame_equal(getattr(local, name), got.reset_index(drop=True), obj=name)


def test_analysis_to_dask_round_trips() -> None:
    local = analyze(_articles(), cache=False)
    tables = local.to_dask(npartitions=2)
    assert isinstance(tables, DaskTables)
    assert_same_tables(local, tables.compute())


def test_dask_engine_equals_local_on_200_bbc_articles(client: Client, bbc_path: Path) -> None:
    sample = pd.DataFrame(load_bbc()).iloc[::11].head(200)  # labels kept: the rows notebook 05 caches
    assert len(sample) == 200
    local = analyze(sample, n_process=2)  # the user cache makes reruns quick
    remote = analyze(sample, engine="dask", scheduler=client, cache=False)
    assert len(local.articles) + len(local.errors) == 200
    assert len(local.quotes) > 500  # a real comparison, not of empty tables
    assert_same_tables(local, {name: getattr(remote, name) for name in TABLE_NAMES})


def test_cli_runs_on_the_cluster(client: Client, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsdesk.cli import main

    story = tmp_path / "story.txt"
    story.write_text(TEXTS["a"], encoding="utf-8")
    argv = ["analyze", str(story), "--out", str(tmp_path / "out"), "--no-cache", "--format", "csv"]
    assert main([*argv, "--engine", "dask", "--scheduler", client.scheduler.address]) == 0
    assert pd.read_csv(tmp_path / "out" / "figures.csv")["text"].tolist() == ["4%"]
    assert capsys.readouterr().out.startswith("1 article, ")
