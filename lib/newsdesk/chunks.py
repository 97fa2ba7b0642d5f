"""Cutting an article into pieces spaCy parses in linear time, and joining the parsed pieces into one Doc.

spaCy's tokenizer is quadratic on a long run of characters without white space (20,000 "(" take a minute), and
newsdesk's per-sentence rules cost the sentence's length per token, so one endless "sentence" is quadratic too.
An ordinary article is one piece, parsed as before. Only unusual text is cut:

- an article longer than ``max_chars`` (spaCy's ``max_length``) is cut at line breaks into chunks of at most
  that size (a paragraph that is too long on its own is cut as below);
- a paragraph (line) longer than `LONG_PARAGRAPH` characters is cut into pieces of at most `PIECE` characters,
  at a sentence end where there is one, else at white space;
- a run of more than `LONG_RUN` characters without white space is cut every `RUN_PIECE` characters.

Pieces are contiguous and cover the text, so the joined Doc's text is the article's text and every offset is
exact. A cut inside a paragraph starts a sentence.

>>> plan_pieces("Short article.\\nTwo lines.", max_chars=1_000_000)
[(0, 25)]
>>> [(s, e) for s, e in plan_pieces("(" * 1200, max_chars=1_000_000)]
[(0, 250), (250, 500), (500, 750), (750, 1000), (1000, 1200)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import pairwise
from typing import Generic, TypeVar

from spacy.tokens import Doc

__all__ = ["LONG_PARAGRAPH", "LONG_RUN", "PIECE", "RUN_PIECE", "join_pieces", "plan_pieces", "split_for_pipe"]

#: A line longer than this many characters is cut into pieces.
LONG_PARAGRAPH = 10_000
#: The most characters in a piece cut from a long line.
PIECE = 2_000
#: A run of more characters than this without white space is cut.
LONG_RUN = 500
#: The size of the pieces a long run is cut into.
RUN_PIECE = 250

_LINE = re.compile(r"[^\n]*(?:\n+|$)")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")
_RUN = re.compile(rf"\S{{{LONG_RUN + 1},}}")

T = TypeVar("T")


def _cut_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pieces of ``text[start:end]``, each at most PIECE characters, cut after a sentence end or white space."""
    pieces = []
    while end - start > PIECE:
        window = text[start : start + PIECE]
        cut = max((m.end() for m in _SENTENCE_END.finditer(window, PIECE // 2)), default=0)
        if not cut:
            cut = max((m.end() for m in _SPACE.finditer(window, 1)), default=0) or PIECE
        pieces.append((start, start + cut))
        start += cut
    pieces.append((start, end))
    return pieces


def _cut_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut every RUN_PIECE characters inside each run longer than LONG_RUN."""
    cuts = [start]
    for run in _RUN.finditer(text, start, end):
        cuts.extend(range(run.start() + RUN_PIECE, run.end(), RUN_PIECE))
    cuts.append(end)
    return [(a, b) for a, b in pairwise(cuts) if b > a]


def plan_pieces(text: str, *, max_chars: int) -> list[tuple[int, int]]:
    """(start, end) of each piece of ``text`` to parse on its own: one piece for an ordinary article.

    >>> text = "A headline\\n" + "Prices rose. " * 1000
    >>> pieces = plan_pieces(text, max_chars=1_000_000)
    >>> len(pieces), pieces[0], "".join(text[s:e] for s, e in pieces) == text
    (8, (0, 11), True)
    """
    if len(text) <= max_chars and len(text) <= LONG_PARAGRAPH and not _RUN.search(text):
        return [(0, len(text))] if text else []
    pieces: list[tuple[int, int]] = []
    chunk_start = chunk_end = 0  # whole lines gathered into the current chunk
    for line in _LINE.finditer(text):
        start, end = line.span()
        if start == end:
            continue
        cut = end - start > LONG_PARAGRAPH or _RUN.search(text, start, end) is not None
        if chunk_end > chunk_start and (cut or end - chunk_start > max_chars):
            pieces.append((chunk_start, chunk_end))
            chunk_start = chunk_end = start
        if cut:
            pieces.extend(run for a, b in _cut_line(text, start, end) for run in _cut_runs(text, a, b))
            chunk_start = chunk_end = end
        else:
            chunk_end = end
    if chunk_end > chunk_start:
        pieces.append((chunk_start, chunk_end))
    return pieces


class PieceOf(Generic[T]):
    """Which item a piece belongs to, and whether it is that item's last piece."""

    __slots__ = ("item", "last")

    def __init__(self, item: T, last: bool) -> None:
        self.item = item
        self.last = last

    def __reduce__(self) -> tuple[type[PieceOf[T]], tuple[T, bool]]:
        return (PieceOf, (self.item, self.last))


def split_for_pipe(text: str, item: T, *, max_chars: int) -> Iterator[tuple[str, PieceOf[T]]]:
    """The texts to give ``nlp.pipe(..., as_tuples=True)`` for one item, each with its context.

    >>> [(piece, context.last) for piece, context in split_for_pipe("One line.", "a1", max_chars=100)]
    [('One line.', True)]
    """
    pieces = plan_pieces(text, max_chars=max_chars) or [(0, 0)]
    for number, (start, end) in enumerate(pieces, start=1):
        yield text[start:end], PieceOf(item, number == len(pieces))


def join_pieces(parsed: Iterable[tuple[Doc, PieceOf[T]]]) -> Iterator[tuple[Doc, T]]:
    """Each item with the one Doc its parsed pieces make (their texts joined as they were, so offsets hold)."""
    docs: list[Doc] = []
    for doc, context in parsed:
        docs.append(doc)
        if context.last:
            yield (docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)), context.item
            docs = []
