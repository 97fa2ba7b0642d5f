"""Corpus throughput, side by side in one process run on the BBC corpus (issue 13, item 5).

Times, over the same articles: bare spaCy ``nlp.pipe`` (the model package as installed, one process); the full
newsdesk pipeline (`newsdesk.analyze`, cache off) with 1 and 2 processes; the Dask engine on a 2-worker
``LocalCluster`` (processes, loopback); a first run that fills an empty cache (2 processes) and the cached rerun.
Models are loaded before the 1-process and bare runs are timed; worker processes and Dask workers load theirs
inside the timed run (what a user waits for); the cluster's own start is timed apart. The 2-process run comes
first, while this process holds no model, so its peak memory is what a user's run takes; later runs' peaks include
the models this process has loaded by then. Peak memory is sampled
(psutil, every 0.1 s) over this process and all its descendants, so worker processes count; the rusage maxima
(RUSAGE_SELF, RUSAGE_CHILDREN) are written too. Every run must account for every article
(``len(articles) + len(errors)``) and give the same tables.

    .venv/bin/python benchmarks/throughput.py [--limit N]

Writes benchmarks/results/throughput.json and .md, and the table between the throughput markers in README.md.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd
import psutil
import spacy

from _shared import RESULTS, skip_unless_found, write_json
from newsdesk.datasets import load_bbc
from newsdesk.io.readers import iter_articles
from newsdesk.pipeline import Analysis, analyze
from newsdesk.records import TABLE_NAMES
from newsdesk.runner import Options, analysis_model, model_identity

README = Path(__file__).resolve().parents[1] / "README.md"
MARKERS = ("<!-- throughput:start -->", "<!-- throughput:end -->")
BARS = {"one_process_vs_bare": 0.85, "two_vs_one_process": 1.7, "cached_speedup": 20.0, "peak_gb": 1.5}


class PeakMemory:
    """The largest total RSS of this process and its descendants, sampled in a thread."""

    def __init__(self, every: float = 0.1) -> None:
        self.every, self.peak, self._stop = every, 0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for process in [me, *me.children(recursive=True)]:
                try:
                    total += process.memory_info().rss
                except psutil.Error:
                    continue
            self.peak = max(self.peak, total)
            self._stop.wait(self.every)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


@contextmanager
def timed(runs: dict[str, dict[str, Any]], name: str, words: int) -> Iterator[dict[str, Any]]:
    """Time the block and sample its peak memory into ``runs[name]``."""
    row: dict[str, Any] = {}
    with PeakMemory() as memory:
        started = time.perf_counter()
        yield row
        seconds = time.perf_counter() - started
    row.update(seconds=round(seconds, 2), words_per_s=round(words / seconds), peak_mb=round(memory.peak / 2**20))
    runs[name] = row
    print(f"{name}: {seconds:.1f} s, {words / seconds:,.0f} words/s, peak {memory.peak / 2**20:,.0f} MB", flush=True)


def accounted(analysis: Analysis, total: int, row: dict[str, Any]) -> None:
    row.update(articles=len(analysis.articles), errors=len(analysis.errors))
    row["accounted"] = len(analysis.articles) + len(analysis.errors) == total


def same_tables(one: Analysis, other: Analysis) -> bool:
    return all(getattr(one, name).equals(getattr(other, name)) for name in TABLE_NAMES)


def run_all(frame: pd.DataFrame, words: int, runs: dict[str, dict[str, Any]]) -> dict[str, bool]:
    quiet: dict[str, Any] = {"progress": False}
    # first, while this process holds no model: its peak memory is then what a user's run takes
    with timed(runs, "newsdesk, 2 processes", words) as row:
        two = analyze(frame, n_process=2, cache=False, **quiet)
        accounted(two, len(frame), row)
    texts = [article.text for article in iter_articles(frame) if not isinstance(article, Exception)]
    bare = spacy.load(model_identity().split(", ")[1].split()[0])
    list(bare.pipe(texts[:10]))
    with timed(runs, "bare spaCy nlp.pipe", words):
        for _ in bare.pipe(texts, batch_size=32):
            pass
    del bare
    analysis_model(Options())  # loaded before timing, as the bare model was
    with timed(runs, "newsdesk, 1 process", words) as row:
        one = analyze(frame, n_process=1, cache=False, **quiet)
        accounted(one, len(frame), row)
    remote = dask_run(frame, words, runs, quiet)
    folder = tempfile.mkdtemp(prefix="newsdesk-throughput-")
    try:
        with timed(runs, "first run, empty cache (2 processes)", words) as row:
            first = analyze(frame, n_process=2, cache=folder, **quiet)
            accounted(first, len(frame), row)
        with timed(runs, "cached rerun", words) as row:
            cached = analyze(frame, n_process=2, cache=folder, **quiet)
            accounted(cached, len(frame), row)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {
        "2 processes": same_tables(one, two),
        "dask": same_tables(one, remote),
        "first cached run": same_tables(one, first),
        "cached rerun": same_tables(one, cached),
    }


def dask_run(frame: pd.DataFrame, words: int, runs: dict[str, dict[str, Any]], quiet: dict[str, Any]) -> Analysis:
    import logging

    from distributed import Client, LocalCluster

    logging.getLogger("distributed").setLevel(logging.ERROR)
    started = time.perf_counter()
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None)
        as cluster,
        Client(cluster) as client,
    ):
        startup = time.perf_counter() - started
        with timed(runs, "dask, 2-worker LocalCluster", words) as row:
            remote = analyze(frame, engine="dask", scheduler=client, cache=False, **quiet)
            accounted(remote, len(frame), row)
            row["cluster_start_s"] = round(startup, 2)
    return remote


def summary(runs: dict[str, dict[str, Any]]) -> dict[str, float]:
    speed: Callable[[str], float] = lambda name: float(runs[name]["words_per_s"])  # noqa: E731
    first, cached = runs["first run, empty cache (2 processes)"], runs["cached rerun"]
    return {
        "one_process_vs_bare": round(speed("newsdesk, 1 process") / speed("bare spaCy nlp.pipe"), 3),
        "two_vs_one_process": round(speed("newsdesk, 2 processes") / speed("newsdesk, 1 process"), 3),
        "dask_vs_one_process": round(speed("dask, 2-worker LocalCluster") / speed("newsdesk, 1 process"), 3),
        "cached_speedup": round(first["seconds"] / cached["seconds"], 1),
        "peak_gb": round(max(run["peak_mb"] for run in runs.values()) / 1024, 3),
    }


def markdown(result: dict[str, Any]) -> str:
    lines = [
        f"{result['articles']:,} BBC articles, {result['words']:,} words; {result['model']}; "
        f"load average {result['load_before']} before, {result['load_after']} after, on {result['cpus']} cores"
        + (" (**measured under load**: other jobs shared the cores)" if result["under_load"] else ""),
        "",
        "| run | seconds | words/s | peak memory (MB) | all accounted |",
        "|---|---:|---:|---:|---|",
    ]
    for name, run in result["runs"].items():
        lines.append(f"| {name} | {run['seconds']} | {run['words_per_s']:,} | {run['peak_mb']:,} | "
                     f"{run.get('accounted', '')} |")
    lines += ["", "| ratio | measured | bar |", "|---|---:|---:|"]
    for name, value in result["ratios"].items():
        bar = BARS.get(name)
        lines.append(f"| {name} | {value} | {('<' if name == 'peak_gb' else '>=') + str(bar) if bar else ''} |")
    lines += ["", f"Same tables in every run: {result['same_tables']}."]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles (a quick run)")
    args = parser.parse_args()
    if not skip_unless_found("bbc"):
        return 0
    frame = pd.DataFrame(load_bbc())
    if args.limit:
        frame = frame.head(args.limit)
    words = int(frame["text"].str.split().str.len().sum())
    load_before = [round(x, 2) for x in os.getloadavg()]
    runs: dict[str, dict[str, Any]] = {}
    same = run_all(frame, words, runs)
    load_after = [round(x, 2) for x in os.getloadavg()]
    cpus = len(os.sched_getaffinity(0))
    result = {
        "articles": len(frame), "words": words, "model": model_identity(), "cpus": cpus, "runs": runs,
        # under load when other jobs already used the cores before the run (after it, its own workers make the load)
        "load_before": load_before, "load_after": load_after, "under_load": load_before[0] > cpus / 2,
        "ratios": summary(runs), "same_tables": same,
        "rusage_maxrss_mb": {
            "self": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "children": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
        },
    }
    write_json("throughput.json", result)
    table = markdown(result)
    (RESULTS / "throughput.md").write_text(table, encoding="utf-8")
    readme = README.read_text(encoding="utf-8")
    if MARKERS[0] in readme and MARKERS[1] in readme:
        head, rest = readme.split(MARKERS[0], 1)
        README.write_text(f"{head}{MARKERS[0]}\n{table}{MARKERS[1]}{rest.split(MARKERS[1], 1)[1]}", encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
