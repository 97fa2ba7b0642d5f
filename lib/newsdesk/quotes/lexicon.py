"""The reporting-verb lexicon: which words are cues, of which class, taking which content.

The lexicon is package data (``newsdesk/data/reporting_verbs.tsv``): one lemma a line with its class
("speech", "assert", "cognition", ...) and whether it takes a noun-phrase content as well as a clause.

>>> lexicon = load_lexicon()
>>> lexicon.get("emphasize")
ReportingVerb('emphasize', emphasis, takes=clause)
>>> lexicon.get("think") is None  # cognition verbs are off by default
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from newsdesk.data import rows

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "ALL_CLASSES", "DEFAULT_CLASSES", "OPT_IN_CLASSES", "WIDE_CLASSES", "Lexicon", "ReportingVerb", "load_lexicon"
]

#: Every class in the lexicon.
ALL_CLASSES: frozenset[str] = frozenset(
    {"speech", "assert", "emphasis", "inform", "request", "react", "write", "manner", "ruling", "advice",
     "label", "cognition", "evidential", "position", "topic"}
)
#: Classes used unless a caller asks for others: thought and evidence verbs ("think", "show") are left out.
DEFAULT_CLASSES: frozenset[str] = frozenset(
    {"speech", "assert", "emphasis", "inform", "request", "react", "write", "manner", "advice", "label"}
)
#: Classes only a caller who names them gets (``classes=...``), in no scope by default: rulings ("the judge
#: ruled that ...") added PolNeAR attributions but a false alarm on GGT dev, where a court's ruling is no quote.
OPT_IN_CLASSES: frozenset[str] = frozenset({"ruling"})
#: The classes of the wide scope (``attributions="all"``).
WIDE_CLASSES: frozenset[str] = ALL_CLASSES - OPT_IN_CLASSES


@dataclass(frozen=True, slots=True)
class ReportingVerb:
    """One lexicon entry: a lemma, its class, and whether a noun phrase can be its content."""

    lemma: str
    cls: str
    takes: str
    notes: str = ""

    def __repr__(self) -> str:
        return f"ReportingVerb({self.lemma!r}, {self.cls}, takes={self.takes})"


@dataclass(frozen=True)
class Lexicon:
    """Reporting verbs by lemma, restricted to ``classes``.

    >>> load_lexicon(classes={"cognition"}).get("think").cls
    'cognition'
    """

    entries: Mapping[str, ReportingVerb]
    classes: frozenset[str] = field(default=DEFAULT_CLASSES)

    def get(self, lemma: str) -> ReportingVerb | None:
        """The entry for ``lemma`` when its class is enabled, else None."""
        entry = self.entries.get(lemma.lower())
        return entry if entry is not None and entry.cls in self.classes else None

    def for_token(self, token: Token) -> ReportingVerb | None:
        """The entry for a token's lemma, mending the model's dropped final "e" ("hoped" -> "hop" -> "hope")."""
        lemma = token.lemma_.lower()
        entry = self.get(lemma)
        if entry is None and token.lower_.startswith(lemma + "e"):
            entry = self.get(lemma + "e")
        return entry

    def __len__(self) -> int:
        return sum(1 for entry in self.entries.values() if entry.cls in self.classes)

    def __repr__(self) -> str:
        return f"Lexicon({len(self)} verbs, classes={sorted(self.classes)})"


def _read_entries() -> dict[str, ReportingVerb]:
    return {
        row["lemma"]: ReportingVerb(row["lemma"], row["class"], row["takes"], row["notes"])
        for row in rows("reporting_verbs")
    }


@lru_cache(maxsize=8)
def _cached(classes: frozenset[str]) -> Lexicon:
    return Lexicon(_read_entries(), classes)


def load_lexicon(*, classes: Iterable[str] | None = None) -> Lexicon:
    """The packaged reporting-verb lexicon (cached), limited to ``classes`` (default: `DEFAULT_CLASSES`)."""
    return _cached(frozenset(classes) if classes is not None else DEFAULT_CLASSES)
