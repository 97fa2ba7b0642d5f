"""`Found`: what a quote pass reports, before speakers are resolved; and the trimming of content spans.

Every pass (`newsdesk.quotes.direct`, `verbcues`, `nouncues`, `fixed`) returns a list of `Found`: the
content's character span (its edges cleaned by `trim`), its kind, and the tokens of the cue and the
speaker. `newsdesk.quotes.build` turns them into `Quote` records.

>>> text = 'that "we will win".'
>>> text[slice(*trim(text, 0, len(text)))]
'we will win'
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsdesk.records import QuoteKind
from newsdesk.speakers.words import EDGE_JUNK

__all__ = ["Found", "content_span", "trim"]

#: Contents shorter than this many characters are no statement.
MIN_CONTENT_CHARS = 3


@dataclass(frozen=True, slots=True)
class Found:
    """An attribution before speaker resolution: char spans and token anchors."""

    start: int
    end: int
    kind: QuoteKind
    cue: tuple[int, int] | None  # token range
    speaker: Token | None
    confidence: float
    follows: bool = False  # a cue-less quote that continues the previous quote's speaker
    mention: tuple[int, int] | None = None  # token range of the speaker mention, when not the speaker's phrase
    cue_class: str | None = None  # the cue's class when not the lexicon's ("adjacent", "label", "evidential")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip edge punctuation and a leading complementiser ("that") from a content span."""
    while start < end and text[start] in EDGE_JUNK:
        start += 1
    while end > start and text[end - 1] in EDGE_JUNK + ".":
        end -= 1
    lowered = text[start : start + 5].lower()
    if lowered == "that " and end - start > 5:
        start += 5
        while start < end and text[start] in EDGE_JUNK:
            start += 1  # 'said that "we will win"'
    return start, end


def content_span(text: str, doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    """The trimmed character span of tokens ``first``..``last`` (inclusive) of ``doc`` (whose text is
    ``text``, passed in because ``doc.text`` is rebuilt on every access), None when too short."""
    start, end = trim(text, doc[first].idx, doc[last].idx + len(doc[last].text))
    return (start, end) if end - start >= MIN_CONTENT_CHARS else None
