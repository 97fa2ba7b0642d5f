"""Predicates inside predicates: "urged NATO to reject the bid", "plans to back the bid", "the move".

A predicate whose object is headed by another stance predicate is read as one stance of the outer holder
on the inner object (`compose`): favor of favoring is favor ("plans to back the bid"), favor of opposing is
against ("urged NATO to reject the bid": the speaker is against the bid, NATO holds nothing yet), opposing
a favor is against, and opposing an opposition is left neutral (too weak to read as favor). The inner
predicate is then not a stance of its own. An object such as "the move" or "this plan" refers back to the
last stance object shortly before it (`antecedents`).

>>> compose("favor", "against"), compose("against", "against")
('against', 'neutral')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from newsdesk.stance.lexicon import LEXICON, Label
from newsdesk.stance.reading import Reading

__all__ = ["ANAPHOR_REACH", "antecedents", "compose", "nest"]

#: Characters: how far back "the move" may find what it refers to.
ANAPHOR_REACH = 500
_PATH = frozenset({"xcomp", "ccomp", "advcl", "pcomp", "pobj", "dobj", "prep", "mark", "acomp"})
_ANAPHOR = re.compile(r"^(?:the|this|that|such(?: an?)?)\s+(\w+)$", re.IGNORECASE)


def compose(outer: Label, inner: Label) -> Label:
    """The outer holder's side on the inner object."""
    if "neutral" in (outer, inner):
        return "neutral"
    if outer == "favor":
        return inner
    return "against" if inner == "favor" else "neutral"


def _heads_object(inner: Reading, outer: Reading) -> bool:
    """Whether the inner predicate heads the outer one's object (at most two steps below it)."""
    if not outer.object[0] <= inner.predicate < outer.object[1] or outer.doc is None:
        return False
    token = outer.doc[inner.predicate]
    for _ in range(2):
        if token.dep_ not in _PATH or token.head.i == token.i:
            return False
        token = token.head
        if token.i == outer.predicate:
            return True
    return False


def nest(readings: Sequence[Reading]) -> list[Reading]:
    """The readings with every predicate that heads another's object folded into it (innermost first)."""
    current = list(readings)
    folded: set[int] = set()
    for outer_index in range(len(current) - 1, -1, -1):
        outer = current[outer_index]
        inner_index = next(
            (i for i, r in enumerate(current) if i not in folded and i != outer_index and _heads_object(r, outer)),
            None,
        )
        if inner_index is None:
            continue
        inner = current[inner_index]
        folded.add(inner_index)
        current[outer_index] = replace(
            outer,
            label=compose(outer.label, inner.label),
            cues=tuple(sorted(set(outer.cues) | set(inner.cues))),
            method=(*outer.method, "then", *inner.method),
            object=inner.object,
            object_text=inner.object_text,
            condition=outer.condition or inner.condition,
            hedged=outer.hedged or inner.hedged,
        )
    return [r for i, r in enumerate(current) if i not in folded]


def antecedents(readings: Sequence[Reading]) -> dict[int, Reading]:
    """For each reading whose object is "the move", "this plan" ...: the reading it refers back to."""
    out: dict[int, Reading] = {}
    for index, reading in enumerate(readings):
        match = _ANAPHOR.match(reading.object_text)
        if match is None or LEXICON.role(match.group(1).lower()) != "anaphor" or reading.doc is None:
            continue
        here = reading.doc[reading.predicate].idx
        for earlier in reversed(readings[:index]):
            there = reading.doc[earlier.object[0]].idx
            if here - there > ANAPHOR_REACH:
                break
            if earlier.object[1] <= reading.predicate and _ANAPHOR.match(earlier.object_text) is None:
                out[index] = earlier
                break
    return out
