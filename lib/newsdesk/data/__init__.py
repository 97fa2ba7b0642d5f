"""Package data: every word list and lexicon newsdesk reads, one file each, read once.

``NAME.txt`` holds one entry a line; ``NAME.tsv`` a header line, then rows of tab-separated cells.
Blank lines and lines that start with "#" are comments (each file says what it lists). Python modules
keep only the code that builds look-ups and patterns from these.

>>> "spokesperson" in words("role_markers")
True
>>> rows("honorifics")[0]
{'honorific': 'mr', 'gender': 'm', 'abbreviation': 'yes', 'dropped_from_names': 'yes'}
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["rows", "word_list", "words"]


def _lines(filename: str) -> list[str]:
    text = resources.files(__name__).joinpath(filename).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The entries of ``NAME.txt``, in file order."""
    return tuple(line.strip() for line in _lines(f"{name}.txt"))


def words(name: str) -> frozenset[str]:
    """The entries of ``NAME.txt`` as a set."""
    return frozenset(word_list(name))


@cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``NAME.tsv`` as dicts keyed by its header (a missing trailing cell is "")."""
    header, *body = _lines(f"{name}.tsv")
    columns = header.split("\t")
    cells = ([cell.strip() for cell in line.split("\t")] + [""] * len(columns) for line in body)
    return tuple(dict(zip(columns, row, strict=False)) for row in cells)
