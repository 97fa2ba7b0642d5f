"""Command line: ``newsdesk analyze PATH... --out DIR [--attributions all]`` writes the tables as CSV files.

>>> main(["analyze", "no/such/folder", "--out", "/tmp/newsdesk-doctest"])
Analysis(0 articles, 0 quotes, 0 figures, 0 stances, 1 error)
no/such/folder: no such file or folder
1
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsdesk.pipeline import analyze

__all__ = ["main"]

TABLES = ("articles", "quotes", "figures", "stances", "errors")


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
    args = parser.parse_args(argv)

    analysis = analyze(args.paths, attributions=args.attributions)
    args.out.mkdir(parents=True, exist_ok=True)
    for name in TABLES:
        getattr(analysis, name).to_csv(args.out / f"{name}.csv", index=False, lineterminator="\n")
    print(analysis)
    for row in analysis.errors.itertuples():
        print(f"{row.source}: {row.problem}")
    return 1 if len(analysis.errors) else 0
