"""The result cache (issue 13, item 3): keyed by article, version and options; corrupt entries and concurrent
writers never break it."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from newsdesk.cache import ResultCache
from newsdesk.io.articles import Article, read_text
from newsdesk.pipeline import analyze
from newsdesk.records import TABLE_NAMES, ArticleResult, ArticleRow, ErrorRow, Quote

OPTIONS = {"attributions": "speech"}


def _article(key: str = "a1", text: str = "Rain is due, forecasters said.") -> Article:
    return read_text(text, id=key)


def _result(key: str = "a1", quotes: int = 1) -> ArticleResult:
    row = ArticleRow(key, None, None, None, None, None, None, None, 1, 30, 1, 7)
    quote = Quote(key, 0, 12, "Rain is due", "indirect", "said", 26, 30, "speech", "forecasters", "forecasters",
                  14, 25, None, "anonymous", 0, 0.9)
    return ArticleResult(row, quotes=(quote,) * quotes, errors=(ErrorRow(key, "figures", "ValueError: x"),))


def test_a_stored_result_reads_back_equal(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path, options=OPTIONS)
    cache.put(_article(), _result())
    assert cache.get(_article()) == _result()
    assert (cache.hits, cache.misses) == (1, 0)


def test_another_version_text_id_or_option_misses(tmp_path: Path) -> None:
    ResultCache(tmp_path, options=OPTIONS, version="newsdesk 0.1.0 aaaa").put(_article(), _result())
    assert ResultCache(tmp_path, options=OPTIONS, version="newsdesk 0.1.0 aaaa").get(_article()) == _result()
    assert ResultCache(tmp_path, options=OPTIONS, version="newsdesk 0.2.0 aaaa").get(_article()) is None
    same = ResultCache(tmp_path, options=OPTIONS, version="newsdesk 0.1.0 aaaa")
    assert same.get(_article(text="Snow is due, forecasters said.")) is None
    assert same.get(_article(key="a2")) is None
    other = ResultCache(tmp_path, options={"attributions": "all"}, version="newsdesk 0.1.0 aaaa")
    assert other.get(_article()) is None


@pytest.mark.parametrize("damage", ["truncate", "garbage", "wrong shape", "empty"])
def test_a_corrupt_entry_is_a_miss_and_is_written_again(tmp_path: Path, damage: str) -> None:
    cache = ResultCache(tmp_path, options=OPTIONS)
    cache.put(_article(), _result())
    (path,) = tmp_path.rglob("*.json")
    text = path.read_text(encoding="utf-8")
    broken = {
        "truncate": text[: len(text) // 2],
        "garbage": "\x00\xff not json",
        "wrong shape": json.dumps({"key": cache.key(_article()), "result": {"articles": [[1, 2]]}}),
        "empty": "",
    }[damage]
    path.write_text(broken, encoding="utf-8")
    assert cache.get(_article()) is None
    cache.put(_article(), _result())
    assert cache.get(_article()) == _result()


def test_analyze_recomputes_a_corrupt_entry(tmp_path: Path) -> None:
    articles = [_article("a1"), _article("a2", "Prices rose 3% in May, the agency said.")]
    first = analyze(articles, cache=tmp_path)
    for path in sorted(tmp_path.rglob("*.json"))[:1]:
        path.write_text("{", encoding="utf-8")
    again = analyze(articles, cache=tmp_path)
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(getattr(first, name), getattr(again, name))
    assert all(json.loads(path.read_text(encoding="utf-8")) for path in tmp_path.rglob("*.json"))


def test_analyze_reads_cached_results_instead_of_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = [_article("a1"), _article("a2", "Prices rose 3% in May, the agency said.")]
    first = analyze(articles, cache=tmp_path)

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed although cached")

    monkeypatch.setattr("newsdesk.runner.analyze_batch", no_parsing)
    again = analyze(articles, cache=tmp_path)
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(getattr(first, name), getattr(again, name))
    with pytest.raises(AssertionError, match="parsed although cached"):
        analyze(articles, cache=tmp_path, attributions="all")  # other options: a miss
    with pytest.raises(AssertionError, match="parsed although cached"):
        analyze(articles, cache=False)


def _write_many(folder: str, start: int, rounds: int, barrier: Any) -> None:
    cache = ResultCache(folder, options=OPTIONS, version="test")
    barrier.wait(timeout=60)  # both writers start writing together
    for number in range(rounds):
        for key in ("a1", "a2", "a3"):
            cache.put(_article(key), _result(key, quotes=1 + (start + number) % 3))


def test_two_concurrent_writers_leave_a_valid_cache(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    writers = [context.Process(target=_write_many, args=(str(tmp_path), start, 400, barrier)) for start in (0, 1)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=120)
        assert writer.exitcode == 0
    cache = ResultCache(tmp_path, options=OPTIONS, version="test")
    for key in ("a1", "a2", "a3"):
        result = cache.get(_article(key))
        assert result is not None and result.article.article_id == key
        assert 1 <= len(result.quotes) <= 3
    assert sorted(p.suffix for p in tmp_path.rglob("*") if p.is_file()) == [".json"] * 3  # no temporary files left


def test_a_cache_that_cannot_be_written_costs_nothing_but_the_cache(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    cache = ResultCache(blocked, options=OPTIONS)
    cache.put(_article(), _result())
    assert cache.failed_writes == 1
    assert cache.get(_article()) is None


def test_a_result_with_errors_is_not_cached_so_the_next_run_tries_again(tmp_path: Path) -> None:
    from concurrent.futures import Future

    from newsdesk.runner import Options, results

    class Prepared:
        """An executor that answers every batch with the results it was given."""

        def __init__(self, answers: list[ArticleResult]) -> None:
            self.answers = answers

        def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
            future: Future[Any] = Future()
            future.set_result(self.answers)
            return future

    failed, fine = _result("a1"), ArticleResult(_result("a2").article, quotes=_result("a2").quotes)
    cache = ResultCache(tmp_path, options=OPTIONS)
    articles = [_article("a1"), _article("a2", "Snow is due, forecasters said.")]
    assert list(results(articles, Options(), cache=cache, executor=Prepared([failed, fine]))) == [failed, fine]
    assert cache.get(articles[0]) is None
    assert cache.get(articles[1]) == fine
