"""Who holds a stance: the token a `newsdesk.stance.reading.Reading` points at, expanded over lists and
resolved to a name as speakers are (`newsdesk.speakers.resolver.SpeakerResolver`, the same rules).

"seven member states, including the United States, Germany and Slovakia, oppose ..." gives the group and
each listed member; "Germany and France oppose ..." gives each country. A holder inside a quote's speaker
mention takes that quote's resolved speaker; "I"/"we" inside a quote is its speaker.

>>> from newsdesk.nlp import parse_text
>>> doc = parse_text("Two unions, including Unite and the GMB, oppose the plan.")
>>> [(h.name, h.via) for h in HolderReader(doc).holders(doc[1].i)]
[('Two unions', 'group'), ('Unite', 'listed'), ('GMB', 'listed')]
>>> doc = parse_text("Germany and Chile support the treaty.")
>>> [(h.name, h.via) for h in HolderReader(doc).holders(doc[0].i)]
[('Germany', 'named'), ('Chile', 'coordinated')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from newsdesk.records import Quote, SpeakerType
from newsdesk.speakers.resolver import SpeakerResolver

__all__ = ["FIRST_PERSON", "Holder", "HolderReader", "canonical_names"]

#: Pronouns by which a quoted speaker speaks of themself (or of the body they speak for).
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
_LIST_WORDS = frozenset({"including", "include", "such", "like", "among"})
_DROP_CHILDREN = frozenset({"conj", "cc", "punct", "prep", "appos", "relcl", "acl", "advcl"})
_INITIALS = re.compile(r"[^A-Za-z]")


@dataclass(frozen=True)
class Holder:
    """A holder as the table shows it: ``name``, ``type`` (as speakers), mention offsets and how it was found."""

    name: str
    type: SpeakerType
    start: int | None
    end: int | None
    via: str


def _mention(token: Token) -> Span:
    """The words naming one listed item: its entity, else the token and its left modifiers."""
    doc = token.doc
    ent = next((e for e in doc.ents if e.start <= token.i < e.end), None) if token.ent_type_ else None
    if ent is not None:
        return ent
    first = token.i
    for child in token.lefts:
        if child.dep_ not in _DROP_CHILDREN:
            first = min(first, child.left_edge.i)
    return doc[first : token.i + 1]


def _listed(head: Token) -> list[Token]:
    """The members a group noun lists ("states, including A, B and C" / "two countries, A and B,")."""
    for child in head.rights:
        words = {child.lower_, child.lemma_.lower()}
        if child.dep_ in ("prep", "acl") and words & _LIST_WORDS:
            pobj = next((c for c in child.subtree if c.dep_ in ("pobj", "dobj")), None)
            if pobj is not None:
                return [pobj, *pobj.conjuncts]
        if child.dep_ == "appos":
            return [child, *child.conjuncts]
    return []


class HolderReader:
    """Resolves holder tokens of one Doc; built once per Doc, the speaker resolver only when first needed."""

    def __init__(self, doc: Doc, quotes: Sequence[Quote] = (), media: Sequence[str] = ()) -> None:
        self.doc = doc
        self.media = tuple(media)
        self.quotes = sorted(quotes, key=lambda q: (q.start, -q.end))
        self._starts = [q.start for q in self.quotes]
        self._people = sorted(
            (q.speaker_start, q.speaker) for q in self.quotes
            if q.speaker and q.speaker_type == "person" and q.speaker_start is not None
        )

    def __repr__(self) -> str:
        return f"HolderReader({len(self.doc)} tokens, {len(self.quotes)} quotes)"

    @cached_property
    def resolver(self) -> SpeakerResolver:
        return SpeakerResolver.from_doc(
            self.doc, quoted=[(q.start, q.end) for q in self.quotes if q.kind == "direct"], media=self.media,
            reported=[(q.start, q.end) for q in self.quotes if q.kind != "direct"],
        )

    def quote_around(self, char: int) -> Quote | None:
        """The innermost quote whose content holds offset ``char``."""
        index = bisect.bisect_right(self._starts, char)
        inside = [q for q in self.quotes[:index] if q.start <= char < q.end]
        return min(inside, key=lambda q: q.end - q.start) if inside else None

    def quote_spoken_by(self, char: int) -> Quote | None:
        """The quote whose speaker mention holds offset ``char``."""
        return next((q for q in self.quotes if q.speaker_start is not None and q.speaker_end is not None
                     and q.speaker_start <= char < q.speaker_end and q.speaker), None)

    def speaker_of(self, quote: Quote, via: str) -> Holder | None:
        if not quote.speaker:
            return None
        return Holder(quote.speaker, quote.speaker_type, quote.speaker_start, quote.speaker_end, via)

    def _resolve(self, span: Span, via: str) -> Holder | None:
        before = bisect.bisect_left(self._people, (span.start_char, ""))
        last = (self._people[before - 1][1], self._people[before - 1][0]) if before else None
        speaker = self.resolver.resolve(span, last_speaker=last)
        if not speaker.name:
            return None
        type_: SpeakerType = speaker.type
        return Holder(speaker.name, type_, span.start_char, span.end_char, via)

    def holders(self, index: int) -> list[Holder]:
        """The holders the token at ``index`` names: a quote's speaker, or the resolved group and its members."""
        token = self.doc[index]
        members = _listed(token)
        spoken = self.quote_spoken_by(token.idx)
        if spoken is not None and not members and not token.conjuncts:
            found = self.speaker_of(spoken, "quote speaker")
            return [found] if found else []
        if token.lower_ in FIRST_PERSON and token.pos_ == "PRON":
            quote = self.quote_around(token.idx)
            found = self.speaker_of(quote, "first person in a quote") if quote is not None else None
            return [found] if found else []
        out: list[Holder | None] = []
        if members:
            group = self.doc[_mention(token).start : token.i + 1]
            out.append(self._resolve(group, "group"))
            out.extend(self._resolve(_mention(m), "listed") for m in members)
        else:
            out.append(self._resolve(_mention(token), "named"))
        out.extend(self._resolve(_mention(c), "coordinated") for c in token.conjuncts if c.i > token.i)
        return [h for h in out if h is not None]


def canonical_names(names: Sequence[str]) -> dict[str, str]:
    """One name for each holder of an article: a leading "the" dropped, an acronym by the name whose initials
    it is ("US" -> "United States"), names that differ only in case joined."""
    stripped = {n: re.sub(r"^(?i:the)\s+(?=[A-Z])", "", n) for n in names}
    initials: dict[str, str] = {}
    for name in sorted(set(stripped.values())):
        words = name.split()
        if len(words) > 1 and all(w[:1].isupper() for w in words):
            initials.setdefault("".join(w[0] for w in words), name)
    out: dict[str, str] = {}
    for name, plain in stripped.items():
        key = _INITIALS.sub("", plain)
        out[name] = initials.get(key, plain) if key.isupper() and 2 <= len(key) <= 6 else plain
    return out
