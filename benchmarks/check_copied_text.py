"""Look for text copied from the research corpora into the project's own files; exit 1 listing every hit.

    .venv/bin/python benchmarks/check_copied_text.py [--data DIR] [--words 7] [PATH ...]

The project may read the BBC corpus and the gold sets at run time, but never publish their text: not in code,
tests, notebooks (sources or committed outputs), figures' tables or results files. This script compares word
n-grams (default: 7 words in a row) of the project's files with those of

* the BBC News corpus (``corpus/bbc/bbc_news.jsonl``: titles and texts),
* the Gender Gap Tracker annotations (``eval/quotes/gendergaptracker/*.jsonl``: texts),
* PolNeAR (``eval/quotes/polnear/data/*/text/*.txt``),
* NewsQuant (``eval/figures/newsquant/*.json``: sentence texts),

found under ``--data`` (default ``$NEWSDESK_DATA``, else ``../shared`` beside the checkout). Words are
lower-cased runs of letters and digits (an apostrophe inside a word is kept, curly or straight), so
punctuation, quotation marks, line breaks and Python string concatenation do not hide a copied sentence.
N-grams that occur in the project's own seed articles (``seeds/*.txt``, which the project may publish) are
not reported. Adjacent hits merge into one passage: each line of the report gives the project file (and
notebook cell), the data set and record the words come from, and the copied words.

Exit status: 0 no copied text, 1 copied text found (listed on stdout), 2 no data set could be read.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PATHS = ("README.md", "lib", "tests", "notebooks", "benchmarks", "figures")
TEXT_SUFFIXES = frozenset({".py", ".md", ".ipynb", ".txt", ".tsv", ".csv", ".json", ".jsonl", ".cfg", ".toml"})
DEFAULT_WORDS = 7

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

NGram = tuple[str, ...]


@dataclass(frozen=True)
class Place:
    """Where a piece of text sits: a file, and a part of it (a notebook cell, a line) when known."""

    path: str
    part: str = ""

    def __str__(self) -> str:
        return f"{self.path}:{self.part}" if self.part else self.path


@dataclass(frozen=True)
class Hit:
    """A run of words in a project file that also occurs, in the same order, in a data set's record."""

    place: Place
    line: int
    words: tuple[str, ...]
    source: str

    def __str__(self) -> str:
        return f"{self.place} line {self.line}: {len(self.words)} words from {self.source}: {' '.join(self.words)!r}"


def word_offsets(text: str) -> tuple[list[str], list[int]]:
    """The lower-cased words of ``text`` and the offset where each starts (in ``text`` with HTML unescaped)."""
    found = list(_WORD.finditer(html.unescape(text).lower()))
    return [match.group().replace("’", "'") for match in found], [match.start() for match in found]


def words(text: str) -> list[str]:
    """Lower-cased words of ``text``; punctuation and quotation marks are dropped, apostrophes normalised.

    >>> words('He said: "It’s ONE-off," (twice) &amp; more.')
    ['he', 'said', "it's", 'one', 'off', 'twice', 'more']
    """
    return word_offsets(text)[0]


def ngrams(tokens: Sequence[str], n: int) -> Iterator[tuple[int, NGram]]:
    """Every run of ``n`` consecutive tokens, with the index of its first token.

    >>> list(ngrams(["a", "b", "c"], 2))
    [(0, ('a', 'b')), (1, ('b', 'c'))]
    """
    if n < 1:
        raise ValueError(f"an n-gram needs at least one word, not n={n}")
    for i in range(len(tokens) - n + 1):
        yield i, tuple(tokens[i : i + n])


def copied_runs(tokens: Sequence[str], shared: set[NGram], n: int) -> list[tuple[int, int]]:
    """Maximal token ranges [start, end) of ``tokens`` covered by n-grams found in ``shared``.

    Overlapping or touching n-gram hits merge into one run, so a copied sentence is reported once.

    >>> copied_runs("x a b c y".split(), {("a", "b"), ("b", "c")}, 2)
    [(1, 4)]
    """
    runs: list[tuple[int, int]] = []
    for i, gram in ngrams(tokens, n):
        if gram not in shared:
            continue
        if runs and i <= runs[-1][1]:
            runs[-1] = (runs[-1][0], i + n)
        else:
            runs.append((i, i + n))
    return runs


# ------------------------------------------------------------------------------------------ project side
def _notebook_parts(path: Path) -> Iterator[tuple[str, str]]:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for index, cell in enumerate(notebook.get("cells", [])):
        pieces = ["".join(cell.get("source", ""))]
        for output in cell.get("outputs", []):
            pieces.append("".join(output.get("text", "")))
            for mime, value in sorted(output.get("data", {}).items()):
                if mime.startswith("text/") or mime.endswith("json"):
                    pieces.append(value if isinstance(value, str) else "".join(value))
        yield f"cell {index}", "\n".join(pieces)


def project_texts(paths: Iterable[Path], root: Path = ROOT) -> Iterator[tuple[Place, str]]:
    """The text of every project file below ``paths`` (notebooks cell by cell, sources and outputs)."""
    for top in paths:
        files = sorted(p for p in top.rglob("*") if p.is_file()) if top.is_dir() else [top]
        for path in files:
            if path.suffix not in TEXT_SUFFIXES or any(part.startswith(".") for part in path.parts[-3:]):
                continue
            name = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
            if path.suffix == ".ipynb":
                for part, text in _notebook_parts(path):
                    yield Place(name, part), text
            else:
                yield Place(name), path.read_text(encoding="utf-8", errors="replace")


# --------------------------------------------------------------------------------------------- data side
def _jsonl_texts(path: Path, fields: Sequence[str]) -> Iterator[tuple[str, str]]:
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        if line.strip():
            record = json.loads(line)
            key = str(record.get("id", number))
            for field in fields:
                if isinstance(record.get(field), str):
                    yield key, record[field]


def _json_list_texts(path: Path) -> Iterator[tuple[str, str]]:
    records = json.loads(path.read_text(encoding="utf-8"))
    for number, record in enumerate(records if isinstance(records, list) else []):
        if isinstance(record, dict) and isinstance(record.get("text"), str):
            yield f"#{number}", record["text"]


def source_texts(data: Path) -> Iterator[tuple[str, str]]:
    """``(label, text)`` for every record of the four text sources found under ``data``."""
    bbc = data / "corpus" / "bbc" / "bbc_news.jsonl"
    if bbc.is_file():
        for key, text in _jsonl_texts(bbc, ("title", "text")):
            yield f"BBC {key}", text
    for path in sorted((data / "eval" / "quotes" / "gendergaptracker").glob("*.jsonl")):
        for key, text in _jsonl_texts(path, ("text",)):
            yield f"GGT {path.name} {key}", text
    for path in sorted((data / "eval" / "quotes" / "polnear" / "data").glob("*/text/*.txt")):
        yield f"PolNeAR {path.parent.parent.name}/{path.stem}", path.read_text(encoding="utf-8", errors="replace")
    for path in sorted((data / "eval" / "figures" / "newsquant").glob("*.json")):
        for key, text in _json_list_texts(path):
            yield f"NewsQuant {path.name} {key}", text


def available_sources(data: Path) -> dict[str, bool]:
    """Which of the four text sources exist under ``data``."""
    return {
        "BBC": (data / "corpus" / "bbc" / "bbc_news.jsonl").is_file(),
        "GGT": any((data / "eval" / "quotes" / "gendergaptracker").glob("*.jsonl")),
        "PolNeAR": any((data / "eval" / "quotes" / "polnear" / "data").glob("*/text/*.txt")),
        "NewsQuant": any((data / "eval" / "figures" / "newsquant").glob("*.json")),
    }


# ---------------------------------------------------------------------------------------------- checking
def find_copies(
    project: Iterable[tuple[Place, str]],
    sources: Iterable[tuple[str, str]],
    *,
    n: int = DEFAULT_WORDS,
    allowed: Iterable[str] = (),
) -> list[Hit]:
    """Runs of ``n`` or more words of the project's texts that also occur in a source text.

    N-grams of the ``allowed`` texts are never reported. Hits come sorted by place, then position.

    >>> own = [(Place("notes.md"), "As the report put it, the river rose by two metres overnight.")]
    >>> data = [("paper 1", "Locals said the river rose by two metres overnight and kept rising.")]
    >>> [str(hit) for hit in find_copies(own, data, n=5)]
    ["notes.md line 1: 7 words from paper 1: 'the river rose by two metres overnight'"]
    """
    skip = {gram for text in allowed for _, gram in ngrams(words(text), n)}
    project_tokens = [(place, html.unescape(text), *word_offsets(text)) for place, text in project]
    wanted = {gram for _, _, tokens, _ in project_tokens for _, gram in ngrams(tokens, n)} - skip
    origin: dict[NGram, str] = {}
    for label, text in sources:
        for _, gram in ngrams(words(text), n):
            if gram in wanted and gram not in origin:
                origin[gram] = label
    copied = set(origin)
    hits: list[Hit] = []
    for place, text, tokens, offsets in project_tokens:
        for start, end in copied_runs(tokens, copied, n):
            labels = sorted({origin[gram] for _, gram in ngrams(tokens[start:end], n) if gram in origin})
            line = text.count("\n", 0, offsets[start]) + 1
            hits.append(Hit(place, line, tuple(tokens[start:end]), ", ".join(labels)))
    return hits


def _data_dir(given: str | None) -> Path:
    return Path(given or os.environ.get("NEWSDESK_DATA") or ROOT.parent / "shared")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("paths", nargs="*", type=Path, help=f"files or folders to check (default: {DEFAULT_PATHS})")
    parser.add_argument("--data", help="folder laid out like shared/ (default: $NEWSDESK_DATA, else ../shared)")
    parser.add_argument("--words", type=int, default=DEFAULT_WORDS, help="shortest copied run reported (words)")
    args = parser.parse_args(argv)

    data = _data_dir(args.data)
    found = available_sources(data)
    if not any(found.values()):
        print(f"check_copied_text: no BBC, GGT, PolNeAR or NewsQuant text under {data} (set $NEWSDESK_DATA)",
              file=sys.stderr)
        return 2
    missing = sorted(name for name, present in found.items() if not present)
    if missing:
        print(f"check_copied_text: not checked against {', '.join(missing)} (absent under {data})", file=sys.stderr)

    paths = args.paths or [ROOT / name for name in DEFAULT_PATHS]
    seeds = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    hits = find_copies(project_texts(paths), source_texts(data), n=args.words, allowed=seeds)
    for hit in hits:
        print(hit)
    checked = ", ".join(name for name, present in found.items() if present)
    print(f"{len(hits)} copied passages of {args.words}+ words (checked against {checked})", file=sys.stderr)
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
