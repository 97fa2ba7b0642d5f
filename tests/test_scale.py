"""Corpus scale (issue 13): streaming in batches, worker processes, progress, the CLI's formats and exit codes."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from newsdesk.cli import EXIT_NOTHING_READ, EXIT_SOME_FAILED, EXIT_USAGE, main
from newsdesk.io.articles import read_text
from newsdesk.pipeline import Analysis, _show_progress, analyze
from newsdesk.records import TABLE_NAMES

TEXTS = {
    "c": "Port strike\nDock workers walked out on Monday. \"We have waited long enough,\" said union leader Ann Ruiz.",
    "a": "Rates held\nThe bank kept rates at 4% on Tuesday, its governor said.",
    "b": "Budget row\nThe mayor said the city would cut $2m from roads. Critics oppose the cuts.",
    "d": "Quiet day\nNothing happened.",
}


def _articles() -> list:
    return [read_text(text, id=key) for key, text in TEXTS.items()]


def assert_same_tables(one: Analysis, other: Analysis) -> None:
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(getattr(one, name), getattr(other, name), obj=name)


def test_two_processes_give_the_tables_of_one() -> None:
    single = analyze(_articles(), batch_size=1, cache=False)
    double = analyze(_articles(), batch_size=1, n_process=2, cache=False)
    assert len(single.quotes) >= 2 and len(single.figures) >= 2  # something to compare
    assert_same_tables(single, double)


def test_batches_keep_the_input_order() -> None:
    """The articles table is sorted by id, but batching must not lose or repeat an article."""
    analysis = analyze(_articles(), batch_size=3, cache=False)
    assert list(analysis.articles["article_id"]) == ["a", "b", "c", "d"]
    assert analysis.errors.empty


def test_progress_default_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSDESK_PROGRESS", "1")
    assert _show_progress(None) is True
    monkeypatch.setenv("NEWSDESK_PROGRESS", "0")
    assert _show_progress(None) is False
    assert _show_progress(True) is True
    monkeypatch.delenv("NEWSDESK_PROGRESS")
    monkeypatch.setattr("sys.stderr", io.StringIO())  # not a terminal
    monkeypatch.delitem(__import__("sys").modules, "ipykernel", raising=False)
    assert _show_progress(None) is False


class FakeBar:
    """Records what analyze tells its progress bar."""

    def __init__(self) -> None:
        self.updates = 0
        self.postfix: dict[str, int] = {}

    def __enter__(self) -> FakeBar:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self) -> None:
        self.updates += 1

    def set_postfix(self, refresh: bool = True, **values: int) -> None:
        self.postfix = values


def test_progress_bar_counts_articles_and_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    bar = FakeBar()
    monkeypatch.setattr("newsdesk.pipeline._bar", lambda total: bar)
    analyze([*_articles()[:2], "no/such/file.txt"], progress=True, cache=False)
    assert bar.updates == 2
    assert bar.postfix == {"errors": 1}


def test_a_real_bar_shows_rate_and_errors_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    from newsdesk.pipeline import _bar

    with _bar(3) as bar:
        bar.delay = 0  # show at once
        for _ in range(3):
            bar.update()
            bar.set_postfix(errors=0)
    err = capsys.readouterr().err
    assert "3/3" in err and "article/s" in err and "errors=0" in err


@pytest.mark.parametrize("file_format", ["parquet", "csv", "jsonl"])
def test_cli_writes_each_format(tmp_path: Path, file_format: str, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "story.txt"
    story.write_text(TEXTS["a"], encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(story), "--out", str(out), "--format", file_format, "--no-cache", "-j", "1"]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{name}.{file_format}" for name in TABLE_NAMES)
    if file_format == "parquet":
        figures = pd.read_parquet(out / "figures.parquet")
    elif file_format == "csv":
        figures = pd.read_csv(out / "figures.csv")
    else:
        figures = pd.read_json(out / "figures.jsonl", lines=True)
    assert figures["text"].tolist() == ["4%"]
    summary = capsys.readouterr().out.splitlines()
    assert len(summary) == 1 and summary[0].startswith("1 article, ")


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "story.txt"
    story.write_text(TEXTS["b"], encoding="utf-8")
    out = ["--out", str(tmp_path / "out"), "--no-cache", "-j", "1"]
    assert main(["analyze", str(story), str(tmp_path / "missing.txt"), *out]) == EXIT_SOME_FAILED
    assert main(["analyze", str(tmp_path / "missing.txt"), *out]) == EXIT_NOTHING_READ
    (tmp_path / "targets.yaml").write_text("not: [a list", encoding="utf-8")
    assert main(["analyze", str(story), *out, "--targets", str(tmp_path / "targets.yaml")]) == EXIT_USAGE
    with pytest.raises(SystemExit) as stopped:
        main(["analyze", str(story), *out, "--engine", "dask"])  # no --scheduler
    assert stopped.value.code == EXIT_USAGE


@pytest.mark.parametrize("argv", [["--help"], ["analyze", "--help"], ["data", "--help"]])
def test_every_command_has_help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 0
    shown = capsys.readouterr().out
    assert "usage: newsdesk" in shown
    if argv[0] == "analyze":
        for option in ("--format", "--jobs", "--cache-dir", "--no-cache", "--engine", "--scheduler", "exit status"):
            assert option in shown
