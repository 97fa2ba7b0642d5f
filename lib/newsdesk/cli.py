"""Command line: ``newsdesk analyze PATH... --out DIR [--attributions all] [--targets FILE]`` writes the tables
as CSV files (``--targets``: a YAML or JSON file of stance targets, `newsdesk.stance.load_targets`);
``newsdesk data list|info NAME|fetch NAME|verify NAME`` handles the public data sets (`newsdesk.datasets`).

>>> main(["analyze", "no/such/folder", "--out", "/tmp/newsdesk-doctest"])
Analysis(0 articles, 0 quotes, 0 figures, 0 stances, 1 error)
no/such/folder: no such file or folder
1
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsdesk import datasets
from newsdesk.errors import NewsdeskError
from newsdesk.pipeline import analyze
from newsdesk.stance.targets import load_targets

__all__ = ["main"]

TABLES = ("articles", "quotes", "figures", "stances", "errors", "people")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (1 when any input was skipped)."""
    parser = argparse.ArgumentParser(prog="newsdesk", description="Read news articles like a media researcher.")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("analyze", help="analyse articles and write CSV tables")
    run.add_argument("paths", nargs="+", type=Path, help="article files or folders (txt, html, jsonl, json, csv)")
    run.add_argument("--out", type=Path, required=True, help="folder for articles.csv, quotes.csv, ...")
    run.add_argument(
        "--attributions",
        choices=("speech", "all"),
        default="speech",
        help="quotes.csv holds who said what (speech, the default) or every attribution: thoughts, stances, topics",
    )
    run.add_argument(
        "--targets", type=Path, default=None, metavar="FILE",
        help="stance targets (YAML or JSON); without it stances.csv holds open targets",
    )
    data = commands.add_parser("data", help="public data sets: list them, show one, fetch one into the cache, verify")
    data.add_argument("action", choices=("list", "info", "fetch", "verify"))
    data.add_argument("name", nargs="?", help="a data set's short name (see `newsdesk data list`)")
    args = parser.parse_args(argv)
    if args.command == "data":
        return _data(args.action, args.name)

    try:
        targets = load_targets(args.targets) if args.targets is not None else None
    except NewsdeskError as error:
        print(error, file=sys.stderr)
        return 2
    analysis = analyze(args.paths, attributions=args.attributions, targets=targets)
    args.out.mkdir(parents=True, exist_ok=True)
    for name in TABLES:
        getattr(analysis, name).to_csv(args.out / f"{name}.csv", index=False, lineterminator="\n")
    print(analysis)
    for row in analysis.errors.itertuples():
        print(f"{row.source}: {row.problem}")
    return 1 if len(analysis.errors) else 0


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
