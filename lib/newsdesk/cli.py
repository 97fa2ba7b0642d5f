"""Command line: ``newsdesk analyze PATH... --out DIR`` writes the tables (Parquet by default, or CSV or JSON
lines); ``newsdesk data list|info NAME|fetch NAME|verify NAME`` handles the public data sets (`newsdesk.datasets`).
``newsdesk --help`` and ``newsdesk COMMAND --help`` document every option.

``analyze`` shows a progress bar on stderr while it runs (articles/s, errors so far) and prints one summary line at
the end. Its exit status: 0 when every input was read, 1 when some inputs failed (listed in the errors table), 2
for a bad command line or targets file, 3 when nothing could be read.

>>> main(["analyze", "no/such/folder", "--out", "/tmp/newsdesk-doctest", "--format", "csv"])  # doctest: +ELLIPSIS
0 articles, 0 quotes, 0 figures, 0 stances, 0 people, 1 error in ... s: tables in /tmp/newsdesk-doctest (csv)
no/such/folder: no such file or folder
3
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import pandas as pd

from newsdesk import datasets
from newsdesk.errors import NewsdeskError
from newsdesk.pipeline import Analysis, analyze
from newsdesk.records import TABLE_NAMES
from newsdesk.stance.targets import load_targets

__all__ = ["EXIT_NOTHING_READ", "EXIT_SOME_FAILED", "EXIT_USAGE", "main"]

TABLES = TABLE_NAMES
#: Exit statuses of ``newsdesk analyze``.
EXIT_SOME_FAILED, EXIT_USAGE, EXIT_NOTHING_READ = 1, 2, 3
FORMATS = ("parquet", "csv", "jsonl")
#: Error rows printed after the summary (the rest are in the errors table).
SHOWN_ERRORS = 10

_EXIT_CODES = """exit status:
  0  every input was read and analysed
  1  some inputs failed: they are in the errors table, the others were analysed
  2  bad command line or targets file
  3  nothing could be read"""


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdesk",
        description="Read news articles like a media researcher: who said what, which figures, which side.",
        epilog="`newsdesk COMMAND --help` documents each command.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = commands.add_parser(
        "analyze",
        help="analyse articles and write the tables",
        description="Analyse articles (files, folders, corpora) and write the articles, quotes, figures, stances, "
        "people and errors tables to DIR. A progress bar shows on stderr; one summary line ends the run.",
        epilog=_EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    run.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                     help="article files or folders (txt, html, jsonl, json, csv, tsv; optionally .gz)")
    run.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the tables")
    run.add_argument("--format", choices=FORMATS, default="parquet",
                     help="table format: parquet (default), csv or jsonl (one JSON record per line)")
    run.add_argument("--jobs", "-j", type=int, default=_cores(), metavar="N",
                     help="worker processes for the local engine (default: the cores available, here %(default)s)")
    run.add_argument("--batch-size", type=int, default=32, metavar="N", help="articles per batch (default 32)")
    run.add_argument("--attributions", choices=("speech", "all"), default="speech",
                     help="the quotes table holds who said what (speech, the default) or every attribution: "
                     "thoughts, stances, topics")
    run.add_argument("--targets", type=Path, default=None, metavar="FILE",
                     help="stance targets (YAML or JSON); without it the stances table holds open targets")
    where = run.add_mutually_exclusive_group()
    where.add_argument("--cache-dir", type=Path, default=None, metavar="DIR",
                       help="where results are cached (default: the user cache, or $NEWSDESK_CACHE_DIR)")
    where.add_argument("--no-cache", action="store_true", help="neither read nor write cached results")
    run.add_argument("--engine", choices=("local", "dask"), default="local",
                     help="local processes (default) or a dask.distributed cluster (with --scheduler)")
    run.add_argument("--scheduler", default=None, metavar="ADDRESS",
                     help="the Dask scheduler's address, e.g. tcp://10.0.0.5:8786 (for --engine dask)")
    data = commands.add_parser("data", help="public data sets: list them, show one, fetch one into the cache, verify",
                               description="List, describe, fetch and verify the public data sets newsdesk knows.")
    data.add_argument("action", choices=("list", "info", "fetch", "verify"))
    data.add_argument("name", nargs="?", help="a data set's short name (see `newsdesk data list`)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (see the module docstring)."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "data":
        return _data(args.action, args.name)
    if args.engine == "dask" and args.scheduler is None:
        parser.error("--engine dask needs --scheduler ADDRESS")
    if args.jobs < 1 or args.batch_size < 1:
        parser.error("--jobs and --batch-size must be at least 1")
    try:
        targets = load_targets(args.targets) if args.targets is not None else None
    except NewsdeskError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    started = time.perf_counter()
    analysis = analyze(
        args.paths,
        attributions=args.attributions,
        targets=targets,
        n_process=args.jobs,
        batch_size=args.batch_size,
        cache=False if args.no_cache else (args.cache_dir or None),
        engine=args.engine,
        scheduler=args.scheduler,
    )
    write_tables(analysis, args.out, args.format)
    print(f"{summary(analysis)} in {time.perf_counter() - started:.1f} s: tables in {args.out} ({args.format})")
    for row in analysis.errors.head(SHOWN_ERRORS).itertuples():
        print(f"{row.source}: {row.problem}")
    if len(analysis.errors) > SHOWN_ERRORS:
        print(f"... and {len(analysis.errors) - SHOWN_ERRORS} more in the errors table")
    if analysis.articles.empty:
        return EXIT_NOTHING_READ
    return EXIT_SOME_FAILED if len(analysis.errors) else 0


def summary(analysis: Analysis) -> str:
    """One line of counts.

    >>> summary(Analysis())
    '0 articles, 0 quotes, 0 figures, 0 stances, 0 people, 0 errors'
    """
    words = {"articles": "article", "quotes": "quote", "figures": "figure", "stances": "stance", "errors": "error"}
    parts = []
    for name in ("articles", "quotes", "figures", "stances", "people", "errors"):
        count = len(getattr(analysis, name))
        parts.append(f"{count} {name if count != 1 or name == 'people' else words[name]}")
    return ", ".join(parts)


def write_tables(analysis: Analysis, out: Path, file_format: str) -> list[Path]:
    """Write each table to ``out/NAME.FORMAT``; the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TABLES:
        frame: pd.DataFrame = getattr(analysis, name)
        path = out / f"{name}.{file_format}"
        if file_format == "parquet":
            frame.to_parquet(path, index=False)
        elif file_format == "csv":
            frame.to_csv(path, index=False, lineterminator="\n")
        else:
            frame.to_json(path, orient="records", lines=True, force_ascii=False)
        written.append(path)
    return written


def _data(action: str, name: str | None) -> int:
    """``newsdesk data ...``: 0 on success, 1 when a verification fails, 2 on an error (printed to stderr)."""
    if action == "list":
        print(datasets.available())
        return 0
    if name is None:
        print(f"newsdesk data {action}: name a data set (see `newsdesk data list`)", file=sys.stderr)
        return 2
    try:
        if action == "info":
            print(datasets.describe(name))
        elif action == "fetch":
            print(f"{name}: {datasets.fetch(name)}")
        else:
            same = datasets.verify(name)
            verdict = "the pinned bytes" if same else "DIFFERENT from the pinned bytes"
            print(f"{name}: {verdict} ({datasets.locate(name)})")
            return 0 if same else 1
    except NewsdeskError as error:
        print(error, file=sys.stderr)
        return 2
    return 0
