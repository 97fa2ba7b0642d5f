"""The stance lexicon: predicates with their polarity (``data/stance_predicates.tsv``) and the words that
modify them (``data/stance_modifiers.tsv``), read once.

>>> entry = LEXICON.predicate("oppose", "VERB", following="Ukraine")
>>> entry.polarity, entry.negated, entry.kind
('against', 'neutral', 'stance')
>>> LEXICON.predicate("call", "VERB", following="the") is None  # "call" takes a side only with "for" or "on"
True
>>> LEXICON.role("refuse"), LEXICON.role("contingent")
('refuse', 'condition')
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from newsdesk import data

__all__ = ["LEXICON", "Label", "Predicate", "StanceLexicon"]

Label = Literal["favor", "against", "neutral"]
_LABELS: tuple[Label, ...] = ("favor", "against", "neutral")
#: spaCy coarse tags each lexicon part of speech accepts ("opposed", "prepared" are tagged VERB as participles).
_POS = {"verb": ("VERB",), "noun": ("NOUN",), "adj": ("ADJ", "VERB"), "adp": ("ADP",)}


def _label(value: str, row: dict[str, str]) -> Label:
    for label in _LABELS:
        if value == label:
            return label
    raise ValueError(f"stance_predicates.tsv: bad label {value!r} in {row}")


@dataclass(frozen=True)
class Predicate:
    """A word with which a holder takes a side: ``polarity`` on what follows, ``negated`` when it is negated."""

    lemma: str
    pos: str
    marker: str
    polarity: Label
    negated: Label
    kind: str

    @property
    def words(self) -> str:
        return f"{self.lemma} {self.marker}".strip()


class StanceLexicon:
    """Look-ups over the two word files: `predicate` by lemma, tag and following word; `role` of a modifier."""

    def __init__(self) -> None:
        self.predicates: dict[str, list[Predicate]] = defaultdict(list)
        for row in data.rows("stance_predicates"):
            entry = Predicate(
                row["lemma"], row["pos"], row["marker"], _label(row["polarity"], row), _label(row["negated"], row),
                row["kind"],
            )
            self.predicates[entry.lemma].append(entry)
        self.roles = {row["word"]: row["role"] for row in data.rows("stance_modifiers")}

    def __repr__(self) -> str:
        return f"StanceLexicon({sum(map(len, self.predicates.values()))} predicates, {len(self.roles)} modifiers)"

    def predicate(self, lemma: str, pos: str, *, following: str, particles: frozenset[str] = frozenset()) -> \
            Predicate | None:
        """The entry for a word with this lemma and coarse tag, given the next word and its particle children:
        an entry with a marker needs that marker there; one without takes a direct object."""
        entries = self.predicates.get(lemma.lower())
        if not entries:
            return None
        following = following.lower()
        fitting = [e for e in entries if pos in _POS[e.pos]]
        marked = [e for e in fitting if e.marker and (e.marker == following or e.marker in particles)]
        if marked:
            return marked[0]
        return next((e for e in fitting if not e.marker), None)

    def role(self, word: str) -> str | None:
        """What a modifier word does (refuse, withhold, hedge, condition, endorse, light, anaphor, deontic)."""
        return self.roles.get(word.lower())


#: The lexicon, read once.
LEXICON = StanceLexicon()
