"""`PassContext`: what every quote pass reads about one parsed article, built once per Doc.

The article's text and tokens' offsets, its quoted stretches (and which read as speech), which quoted
stretch each token is in, the cues found in it, and, once the direct pass has run, the direct quotes
(the quoted stretches and cues they claim, which the later passes leave alone). Every pass is a
function ``PassContext -> list[Found]``.

>>> from newsdesk.nlp import parse_text
>>> context = build_context(parse_text('"We are ready," Kirby said.'))
>>> [span.content for span in context.speech], [context.doc[i].text for i in context.cues]
(['We are ready,'], ['said'])
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from spacy.tokens import Doc

from newsdesk.quotes.cues import CueReader
from newsdesk.quotes.found import Found
from newsdesk.quotes.lexicon import Lexicon, ReportingVerb, load_lexicon
from newsdesk.quotes.marks import QuotedSpan, find_quoted, paragraph_spans, reads_as_speech

__all__ = ["Pass", "PassContext", "build_context"]


@dataclass(frozen=True, eq=False)
class PassContext:
    """One parsed article as the quote passes see it (see the module docstring).

    ``in_quote[i]`` is the number of the quoted stretch token ``i`` is in (-1 for none); ``cues`` are
    the verb and adjective cues and ``noun_cues`` the noun cues outside quoted speech, by token index.
    """

    doc: Doc
    text: str  # the Doc's text (Doc.text is rebuilt on every access)
    lexicon: Lexicon
    quoted: Sequence[QuotedSpan]
    speech: Sequence[QuotedSpan]
    in_quote: Sequence[int]
    cues: Mapping[int, ReportingVerb]
    noun_cues: Mapping[int, ReportingVerb]
    starts: Sequence[int]
    direct: tuple[Found, ...] = ()

    def __repr__(self) -> str:
        return (
            f"PassContext({len(self.doc)} tokens, {len(self.speech)} quoted speech, {len(self.cues)} cues, "
            f"{len(self.noun_cues)} noun cues, {len(self.direct)} direct quotes)"
        )

    def token_at(self, char: int) -> int:
        """The index of the token at (or last before) character ``char``."""
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def any_quoted(self, first: int, last: int) -> bool:
        """Whether any token from ``first`` to ``last`` (inclusive) is inside quotation marks."""
        return any(self.in_quote[i] >= 0 for i in range(first, last + 1))

    def with_direct(self, found: Sequence[Found]) -> PassContext:
        """This context knowing the direct quotes (what the direct pass found)."""
        return replace(self, direct=tuple(found))

    @cached_property
    def claimed(self) -> list[tuple[int, int]]:
        """The quoted stretches (marks included) the direct quotes came from."""
        contents = {(f.start, f.end) for f in self.direct}
        return [(s.start, s.end) for s in self.speech if (s.content_start, s.content_end) in contents]

    @cached_property
    def used_cues(self) -> frozenset[int]:
        """The token indices of the direct quotes' cues."""
        return frozenset(f.cue[0] for f in self.direct if f.cue is not None)


#: A quote pass: reads the context of one article, returns what it found.
Pass = Callable[[PassContext], list[Found]]


def build_context(doc: Doc, text: str | None = None, cues: CueReader | None = None) -> PassContext:
    """The context of ``doc`` (whose text is ``text``); ``cues`` reads the cues (default: the speech lexicon)."""
    text = doc.text if text is None else text
    reader = cues or CueReader(load_lexicon())
    quoted = find_quoted(text, paragraph_spans(text))
    speech = [s for s in quoted if reads_as_speech(s)]
    starts = [t.idx for t in doc]
    in_quote = [-1] * len(doc)
    for number, span in enumerate(quoted):
        first = max(0, bisect.bisect_right(starts, span.start) - 1)
        for i in range(first, len(doc)):
            if starts[i] >= span.end:
                break
            if starts[i] >= span.start:
                in_quote[i] = number
    speech_ids = {id(s) for s in speech}
    speech_numbers = {n for n, s in enumerate(quoted) if id(s) in speech_ids}
    found = reader.read(doc, skip={i for i, n in enumerate(in_quote) if n in speech_numbers})
    nouns = {i: entry for i, entry in found.items() if doc[i].pos_ == "NOUN"}
    verbs = {i: entry for i, entry in found.items() if i not in nouns}
    return PassContext(doc, text, reader.lexicon, quoted, speech, in_quote, verbs, nouns, starts)
