"""`FoundFigure`, a figure as the readers find it (before it is a `Figure` record), and `DocIndex`,
character-offset look-ups into one Doc: the token at a position and the (date-trimmed) entity over it.

>>> from newsdesk.nlp import parse_text
>>> index = DocIndex(parse_text("Talks ran from 5 September to 28 December."))
>>> index.ent_at(16)[2], index.text[index.ent_at(16)[0] : index.ent_at(16)[1]]
('DATE', '5 September')
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from newsdesk.records import Figure

__all__ = ["DocIndex", "FoundFigure", "record"]


@dataclass(frozen=True, slots=True)
class FoundFigure:
    start: int
    end: int
    kind: str
    value: float | None
    value_max: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    period: str | None = None
    noun: str | None = None

class DocIndex:
    """Character-offset look-ups into one Doc: the token at a position and the entity over it."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token: built once
        self.starts = [t.idx for t in doc]
        self.ents = [_without_trailing_joiner(e) for e in doc.ents]
        self.ent_starts = [e[0] for e in self.ents]
        self.has_sents = doc.has_annotation("SENT_START")  # a scan of the whole Doc: asked once
        self._sents: list[Span] | None = None
        self._sent_starts: list[int] = []

    def token_at(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)

    def sent_of(self, i: int) -> Span:
        """The sentence holding token ``i`` (the whole Doc when it has no sentences), found by bisection:
        ``Token.sent`` walks the sentence, which costs a long sentence's length for every figure in it."""
        if not self.has_sents:
            return self.doc[:]
        if self._sents is None:
            self._sents = list(self.doc.sents)
            self._sent_starts = [sent.start for sent in self._sents]
        return self._sents[bisect_right(self._sent_starts, i) - 1]

    def ent_at(self, char: int) -> tuple[int, int, str] | None:
        k = bisect_right(self.ent_starts, char) - 1
        if k >= 0 and self.ents[k][0] <= char < self.ents[k][1]:
            return self.ents[k]
        return None

#: Words that join the ends of a span of time and so cannot end a date ("from 5 May to ...").
_DATE_JOINERS = frozenset({"to", "and", "or", "through", "until", "till", "from", "-", "–", "—"})

def _without_trailing_joiner(ent: Span) -> tuple[int, int, str]:
    """An entity's (start, end, label), a DATE or TIME cut before a joiner it ends with: NER can tag
    "5 September to" in "from 5 September to 28 December", and the "to" belongs to the range."""
    end = ent.end
    if ent.label_ in {"DATE", "TIME"}:
        while end - 1 > ent.start and ent.doc[end - 1].lower_ in _DATE_JOINERS:
            end -= 1
    return ent.start_char, ent.doc[end - 1].idx + len(ent.doc[end - 1]), ent.label_

def record(text: str, f: FoundFigure, article_id: str) -> Figure:
    return Figure(
        article_id=article_id,
        start=f.start,
        end=f.end,
        text=text[f.start : f.end],
        kind=f.kind,
        value=f.value,
        value_max=f.value_max,
        unit=f.unit,
        qualifier=f.qualifier,
        period=f.period,
        noun=f.noun,
        quote_start=None,
        speaker=None,
    )
