"""A person's gender, from the article's own evidence, in a fixed order, saying which evidence decided.

1. **pronoun**: the he/him/his or she/her the article uses for the person (the majority, when it has one);
2. **honorific**: an honorific or a gendered title or relation the article gives the person (Mr, Ms, Dame;
   chairwoman, spokesman; "her husband, Tom Berg");
3. **given name**: the first name looked up in the name table of the ``nomquamgender`` package (MIT),
   which gives for each name the estimated probability p(female) that a person with that name is a woman
   and how many people that estimate rests on. A name counts as female when
   its p(female) is at least `FEMALE_AT`, as male when at most `MALE_AT`, and only when the table rests on
   at least `MIN_OBSERVATIONS` people; these are the package's own defaults (its uncertainty threshold 0.1
   and its "high coverage" cut). Names in between (Jean, Kim, Robin, Taylor) stay unknown.

Nothing else is guessed from: no surname, no role without a gendered word, no topic. ``unknown`` is a valid
answer. This is the one place gender is decided: pronoun agreement in speaker resolution
(`newsdesk.speakers.mentions.MentionIndex.genders`) and the people table (`newsdesk.speakers.people`) both
call `GenderClues.decide`.

>>> given_name_gender("Marta Lind"), given_name_gender("Robin Lind"), given_name_gender("Lind")
('female', None, None)
>>> clues = GenderClues()
>>> clues.add_pronoun("he"); clues.add_title("Ms")
>>> clues.decide("Sam Lind")
GenderCall(gender='male', evidence='pronoun')
>>> GenderClues().decide("Robin Lind")
GenderCall(gender='unknown', evidence='none')
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

from newsdesk.data import rows
from newsdesk.speakers.words import HONORIFIC_GENDERS

__all__ = [
    "FEMALE_AT",
    "MALE_AT",
    "MIN_OBSERVATIONS",
    "PRONOUN_GENDER",
    "Evidence",
    "Gender",
    "GenderCall",
    "GenderClues",
    "given_name",
    "given_name_gender",
    "known_given_name",
    "title_gender",
]

Gender = Literal["female", "male", "unknown"]
Evidence = Literal["pronoun", "honorific", "given name", "none"]

#: p(female) at or above which a given name counts as female.
FEMALE_AT = 0.9
#: p(female) at or below which a given name counts as male.
MALE_AT = 0.1
#: How many people the name table must have seen with a name before it is used.
MIN_OBSERVATIONS = 10

PRONOUN_GENDER: dict[str, Gender] = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}  # fmt: skip
_SHORT: dict[str, Gender] = {"m": "male", "f": "female"}
#: Honorifics ("mr", "mrs.") and gendered role or relation nouns ("chairwoman", "husband"), with their gender.
_TITLE_GENDER: dict[str, Gender] = {
    **{word: _SHORT[code] for word, code in HONORIFIC_GENDERS.items()},
    **{row["noun"]: "female" if row["gender"] == "female" else "male" for row in rows("gendered_nouns")},
}
#: Words after which a role no longer describes its person ("wife of the mayor": "mayor" is someone else).
_ROLE_STOPS = frozenset({"of", "for", "at", "with", "in", "to", "from", "on", "and", "who", "whose"})
_INITIAL = re.compile(r"\A[^\W\d_](?:\.|\Z)")


@dataclass(frozen=True, slots=True)
class GenderCall:
    """A gender and the evidence it rests on (``none`` with ``unknown``)."""

    gender: Gender
    evidence: Evidence

    def __repr__(self) -> str:
        return f"GenderCall(gender={self.gender!r}, evidence={self.evidence!r})"


@dataclass(slots=True)
class GenderClues:
    """The evidence one article gives about one person, gathered mention by mention; `decide` reads it."""

    pronouns: Counter[str] = field(default_factory=Counter)
    titles: Counter[str] = field(default_factory=Counter)

    def add_pronoun(self, word: str) -> None:
        """Count a he/she (any case or form) that refers to the person; other words are ignored."""
        gender = PRONOUN_GENDER.get(word.lower())
        if gender is not None:
            self.pronouns[gender] += 1

    def add_title(self, text: str | None) -> None:
        """Count the gender an honorific or role gives the person ("Mrs.", "chairwoman of the board")."""
        gender = title_gender(text)
        if gender is not None:
            self.titles[gender] += 1

    def update(self, other: GenderClues) -> None:
        """Add another set of clues about the same person."""
        self.pronouns.update(other.pronouns)
        self.titles.update(other.titles)

    def decide(self, name: str) -> GenderCall:
        """The gender of the person called ``name``: pronouns, then titles, then the given name (see the module)."""
        for votes, evidence in ((self.pronouns, "pronoun"), (self.titles, "honorific")):
            if votes["female"] != votes["male"]:
                gender: Gender = "female" if votes["female"] > votes["male"] else "male"
                return GenderCall(gender, evidence)  # type: ignore[arg-type]
        guess = given_name_gender(name)
        return GenderCall(guess, "given name") if guess is not None else GenderCall("unknown", "none")


def title_gender(text: str | None) -> Gender | None:
    """The gender a title or role states: an honorific, or a gendered noun before any "of", "for" ...

    >>> title_gender("Mrs."), title_gender("Liberal chairwoman"), title_gender("wife of the mayor")
    ('female', 'female', 'female')
    >>> title_gender("head of the Mothers' Union"), title_gender("mayor"), title_gender(None)
    (None, None, None)
    """
    found: set[Gender] = set()
    for word in (text or "").lower().replace(",", " ").split():
        if word in _ROLE_STOPS:
            break
        gender = _TITLE_GENDER.get(word) or _TITLE_GENDER.get(word.rstrip("."))
        if gender is not None:
            found.add(gender)
    return found.pop() if len(found) == 1 else None


def _plain(word: str) -> str:
    """Lower case without diacritics ("Zoë" -> "zoe"), as the name table spells names."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def given_name(name: str) -> str | None:
    """The given name of a full name: its first word that is not an initial, when a surname follows.

    >>> given_name("J. Marta Lind"), given_name("Lind"), given_name("P.J. Boyd")
    ('Marta', None, None)
    """
    for word in name.split()[:-1]:
        if _INITIAL.match(word):
            continue  # "J. Marta Lind"
        return None if "." in word else word  # "P.J. Boyd": initials only
    return None


_ENTRY = re.compile(r'"((?:[^"\\]|\\.)*)": \[(\d+), (\d+), ([-+.\deE]+|NaN)')


@cache
def _name_table() -> tuple[dict[str, Gender], frozenset[str]]:
    """The given names of nomquamgender's table that pass the thresholds, with their gender; and every name
    the table has seen at least `MIN_OBSERVATIONS` times.

    Read once, on first use: the table is a 22 MB JSON file, scanned entry by entry, keeping only these.
    The package's module is not imported (its import loads the table whole, and pulls in a
    transliteration library the look-up does not need).
    """
    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("newsdesk needs the package nomquamgender for given-name gender: pip install it")
    path = Path(next(iter(spec.submodule_search_locations))) / "name_data.json"
    table: dict[str, Gender] = {}
    known: set[str] = set()
    for match in _ENTRY.finditer(path.read_text(encoding="utf-8")):
        key, observations, p_female = match[1], int(match[3]), float(match[4])
        if observations < MIN_OBSERVATIONS:
            continue
        name = json.loads(f'"{key}"') if "\\" in key else key
        known.add(name)
        if not MALE_AT < p_female < FEMALE_AT:
            table[name] = "female" if p_female >= FEMALE_AT else "male"
    return table, frozenset(known)


def known_given_name(word: str) -> bool:
    """Whether the name table has seen ``word`` as a given name of at least `MIN_OBSERVATIONS` people.

    >>> known_given_name("Andrea"), known_given_name("Brexit")
    (True, False)
    """
    return _plain(word) in _name_table()[1]


def given_name_gender(name: str) -> Gender | None:
    """The gender the given name of a full name has in the name table, or None (ambiguous, rare, absent,
    or no given name: a lone surname)."""
    first = given_name(name)
    if first is None:
        return None
    table = _name_table()[0]
    plain = _plain(first)
    found = table.get(plain)
    if found is None and "-" in plain:  # "Jean-Pierre": the compound, else its first part
        found = table.get(plain.split("-")[0])
    return found
