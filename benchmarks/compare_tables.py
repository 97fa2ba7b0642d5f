"""Dump every table newsdesk produces, field for field, and compare two dumps: the check that a
restructuring changed no output.

    .venv/bin/python benchmarks/compare_tables.py dump DIR      # write DIR/<data set>.<table>.jsonl
    .venv/bin/python benchmarks/compare_tables.py diff BEFORE AFTER [--rename-cue-class stance=position]

What is dumped (data read from ``$NEWSDESK_EVAL_DIR`` or ``../shared/eval``; never copied into the repo):

* GGT dev and PolNeAR dev (articles read as ``benchmarks/eval_quotes.py`` reads them), the seed article
  (``seeds/000_839f392878f49c21.txt``) and NewsQuant dev (one article per sentence): the ``articles``,
  ``quotes``, ``figures`` and ``errors`` tables of `newsdesk.analyze`, once with ``attributions="speech"``
  and once with ``attributions="all"``.
* NewsQuant dev and the Recognizers-Text specs (NumberModel, CurrencyModel, PercentModel): the `Figure`
  records of `newsdesk.extract_figures` per case, and the numbers of ``find_numbers`` per case (the
  functions ``benchmarks/eval_figures.py`` scores).

Each file holds one JSON line with the columns and dtypes, then one line per row (floats written
exactly, by ``repr``). ``diff`` compares files line by line; ``--rename-cue-class OLD=NEW`` lets a
``cue_class`` value renamed on purpose compare equal (each such row is counted and reported).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from _shared import ROOT, shared_dir
from newsdesk import Article, analyze, extract_figures, read_article, read_text

SEED = ROOT / "seeds" / "000_839f392878f49c21.txt"
RT_SPECS = {
    "rt_number": "Number/English/NumberModel.json",
    "rt_currency": "NumberWithUnit/English/CurrencyModel.json",
    "rt_percent": "Number/English/PercentModel.json",
}


def _find_numbers() -> Callable[[str], list[Any]]:
    """``find_numbers`` wherever this checkout keeps it (the module moved in the restructuring)."""
    for module in ("newsdesk.figures.numbers", "newsdesk.figures.numbers"):
        try:
            return importlib.import_module(module).find_numbers  # type: ignore[no-any-return]
        except ModuleNotFoundError:
            continue
    raise SystemExit("find_numbers not found in newsdesk.figures.numbers or newsdesk.figures.numbers")


def _plain(value: Any) -> Any:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _write(path: Path, columns: list[str], dtypes: dict[str, str], rows: Iterable[dict[str, Any]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"columns": columns, "dtypes": dtypes}, ensure_ascii=False) + "\n")
        for row in rows:
            handle.write(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False) + "\n")
            count += 1
    return count


def _write_frame(path: Path, frame: pd.DataFrame) -> int:
    dtypes = {name: str(dtype) for name, dtype in frame.dtypes.items()}
    return _write(path, list(frame.columns), dtypes, frame.to_dict("records"))


def _ggt(eval_dir: Path) -> list[Article]:
    path = eval_dir / "quotes" / "gendergaptracker" / "ggt_dev.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [read_text(row["text"], id=row["id"], headline="") for row in rows]


def _polnear(eval_dir: Path) -> list[Article]:
    folder = eval_dir / "quotes" / "polnear" / "data" / "dev"
    names = sorted({ann.stem.rsplit("_", 1)[0] for ann in (folder / "attributions").glob("*.ann")})
    return [read_text((folder / "text" / f"{name}.txt").read_text(encoding="utf-8"), id=name) for name in names]


def _newsquant(eval_dir: Path) -> list[str]:
    path = eval_dir / "figures" / "newsquant" / "NewsQuant_dev.json"
    return [sentence["text"] for sentence in json.loads(path.read_text(encoding="utf-8"))]


def _rt(eval_dir: Path, spec: str) -> list[str]:
    path = eval_dir / "figures" / "recognizers-text" / "Specs" / spec
    return [case["Input"] for case in json.loads(path.read_text(encoding="utf-8-sig"))]


def _dump_analysis(out: Path, name: str, articles: list[Article]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for scope in ("speech", "all"):
        analysis = analyze(articles, attributions=scope)  # type: ignore[arg-type]
        for table in ("articles", "quotes", "figures", "errors"):
            key = f"{name}.{scope}.{table}"
            counts[key] = _write_frame(out / f"{key}.jsonl", getattr(analysis, table))
    return counts


def _dump_cases(out: Path, name: str, texts: list[str]) -> dict[str, int]:
    find_numbers = _find_numbers()
    figure_rows: list[dict[str, Any]] = []
    number_rows: list[dict[str, Any]] = []
    for case, text in enumerate(texts):
        figure_rows += [{"case": case, **figure.to_dict()} for figure in extract_figures(text)]
        number_rows += [
            {"case": case, "start": n.start, "end": n.end, "text": n.text, "value": n.value, "words": n.words,
             "fraction": n.fraction, "glued": n.glued, "suffix": n.suffix}
            for n in find_numbers(text)
        ]
    columns = list(figure_rows[0]) if figure_rows else ["case"]
    counts = {f"{name}.figures": _write(out / f"{name}.figures.jsonl", columns, {}, figure_rows)}
    number_columns = list(number_rows[0]) if number_rows else ["case"]
    counts[f"{name}.numbers"] = _write(out / f"{name}.numbers.jsonl", number_columns, {}, number_rows)
    return counts


def dump(out: Path) -> int:
    eval_dir = shared_dir("eval")
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    counts |= _dump_analysis(out, "seed", [read_article(SEED)])
    counts |= _dump_analysis(out, "ggt_dev", _ggt(eval_dir))
    counts |= _dump_analysis(out, "polnear_dev", _polnear(eval_dir))
    sentences = _newsquant(eval_dir)
    counts |= _dump_analysis(out, "newsquant_dev", [read_text(s, id=f"s{k:03d}") for k, s in enumerate(sentences)])
    counts |= _dump_cases(out, "newsquant_dev", sentences)
    for name, spec in RT_SPECS.items():
        counts |= _dump_cases(out, name, _rt(eval_dir, spec))
    for key, count in sorted(counts.items()):
        print(f"{key:<40} {count:>6} rows")
    print(f"{sum(counts.values())} rows in {len(counts)} tables, written to {out}")
    return 0


def diff(before: Path, after: Path, renames: dict[str, str]) -> int:
    names = sorted({p.name for p in before.glob("*.jsonl")} | {p.name for p in after.glob("*.jsonl")})
    problems = rows = renamed = 0
    for name in names:
        old_path, new_path = before / name, after / name
        if not old_path.exists() or not new_path.exists():
            print(f"{name}: only in {'after' if old_path.exists() is False else 'before'}")
            problems += 1
            continue
        old = old_path.read_text(encoding="utf-8").splitlines()
        new = new_path.read_text(encoding="utf-8").splitlines()
        rows += len(old) - 1
        if len(old) != len(new):
            print(f"{name}: {len(old) - 1} rows before, {len(new) - 1} after")
            problems += 1
            continue
        for number, (a, b) in enumerate(zip(old, new, strict=True)):
            if a == b:
                continue
            row_a, row_b = json.loads(a), json.loads(b)
            if renames and row_a.get("cue_class") in renames:
                row_a["cue_class"] = renames[row_a["cue_class"]]
                if row_a == row_b:
                    renamed += 1
                    continue
            print(f"{name} line {number + 1}:\n  before {a}\n  after  {b}")
            problems += 1
    print(f"{len(names)} tables, {rows} rows compared; {renamed} rows differ only by a renamed cue class "
          f"({', '.join(f'{k} -> {v}' for k, v in renames.items()) or 'none'}); {problems} differences")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dump_parser = commands.add_parser("dump", help="write every table to a folder")
    dump_parser.add_argument("out", type=Path)
    diff_parser = commands.add_parser("diff", help="compare two dump folders")
    diff_parser.add_argument("before", type=Path)
    diff_parser.add_argument("after", type=Path)
    diff_parser.add_argument("--rename-cue-class", action="append", default=[], metavar="OLD=NEW")
    args = parser.parse_args(argv)
    if args.command == "dump":
        return dump(args.out)
    renames = dict(item.split("=", 1) for item in args.rename_cue_class)
    return diff(args.before, args.after, renames)


if __name__ == "__main__":
    sys.exit(main())
