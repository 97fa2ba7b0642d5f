"""Resources for quote attribution: the reporting-verb lexicon, word lists and every regex, in one place.

The lexicon is package data (``newsdesk/data/reporting_verbs.tsv``): one lemma a line with its class
("speech", "assert", "cognition", ...) and whether it takes a noun-phrase content as well as a clause.

>>> lexicon = load_lexicon()
>>> lexicon.get("emphasize")
ReportingVerb('emphasize', emphasis, takes=clause)
>>> lexicon.get("think") is None  # cognition verbs are off by default
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "ALL_CLASSES",
    "ANONYMOUS_NOUNS",
    "DEFAULT_CLASSES",
    "GENERIC_MEDIA_NOUNS",
    "GENERIC_ORG_NOUNS",
    "MEDIA_WORDS",
    "PERSON_PRONOUNS",
    "REPORT_NOUNS",
    "Lexicon",
    "ReportingVerb",
    "load_lexicon",
]

CueClass = Literal[
    "speech", "assert", "emphasis", "inform", "request", "react", "write", "cognition", "evidential", "stance", "topic"
]

#: Every class in the lexicon.
ALL_CLASSES: frozenset[str] = frozenset(
    {"speech", "assert", "emphasis", "inform", "request", "react", "write",
     "cognition", "evidential", "stance", "topic"}
)
#: Classes used unless a caller asks for others: thought and evidence verbs ("think", "show") are left out.
DEFAULT_CLASSES: frozenset[str] = frozenset({"speech", "assert", "emphasis", "inform", "request", "react", "write"})


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
    text = resources.files("newsdesk").joinpath("data/reporting_verbs.tsv").read_text(encoding="utf-8")
    entries: dict[str, ReportingVerb] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("lemma\t"):
            continue
        cells = line.split("\t")
        lemma, cls, takes = cells[0].strip(), cells[1].strip(), cells[2].strip()
        notes = cells[3].strip() if len(cells) > 3 else ""
        entries[lemma] = ReportingVerb(lemma, cls, takes, notes)
    return entries


@lru_cache(maxsize=8)
def _cached(classes: frozenset[str]) -> Lexicon:
    return Lexicon(_read_entries(), classes)


def load_lexicon(*, classes: Iterable[str] | None = None) -> Lexicon:
    """The packaged reporting-verb lexicon (cached), limited to ``classes`` (default: `DEFAULT_CLASSES`)."""
    return _cached(frozenset(classes) if classes is not None else DEFAULT_CLASSES)


# ---------------------------------------------------------------------------------------------------
# Quotation marks.

#: Opening marks and the closers that pair with them (by type first; straight marks close anything).
OPENERS: Mapping[str, str] = {"“": "”", '"': '"', "„": "“", "«": "»", "‟": "”", "‘‘": "’’", "``": "''"}
#: Marks that close whatever is open (doubled single marks stand in for a double mark in some texts).
CLOSERS: frozenset[str] = frozenset({"”", "»", "’’", "''"})
#: Any double quotation mark, for scanning.
QUOTE_MARK = re.compile(r"‘‘|``|’’|''|[\"“”„«»‟]")
#: A mark at the start of a paragraph (news convention for quotes running over paragraphs).
PARAGRAPH_OPENER = re.compile(r'\s*["“„«‟]')
#: A paragraph break (one or more line ends).
PARAGRAPH_BREAK = re.compile(r"\n\s*")
#: Sentence-final punctuation (inside or just before a closing mark).
SENTENCE_END = re.compile(r"[.!?…]['’\"”»)]*\s*\Z")
#: Text between a quote and its cue that can only be attribution ("," / ":" / "-").
JOINER_BEFORE = re.compile(r"[,:;—–-]\s*\Z")
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
#: A possessive ending on a name ("Comey's").
POSSESSIVE = re.compile(r"\s*['’]s?\Z")
#: Leading and trailing characters stripped from spans before they are reported.
EDGE_JUNK = ' \t\n\r,;:—–-"“”„«»'

# ---------------------------------------------------------------------------------------------------
# Word lists for speakers.

PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her"})
#: Heads of noun phrases that name unidentified sources ("unnamed US officials", "a source").
ANONYMOUS_NOUNS: frozenset[str] = frozenset(
    {
        "official", "source", "person", "people", "insider", "aide", "diplomat", "expert", "analyst",
        "observer", "critic", "supporter", "opponent", "resident", "witness", "voter", "member",
        "worker", "employee", "staff", "staffer", "advocate", "activist", "economist", "scientist",
        "researcher", "investigator", "officer", "lawmaker", "legislator", "leader", "executive",
        "spokesman", "spokeswoman", "spokesperson", "representative", "negotiator", "adviser",
        "advisor", "friend", "neighbour", "neighbor", "parent", "student", "teacher", "doctor",
        "lawyer", "attorney", "prosecutor", "banker", "trader", "dealer", "broker", "investor", "manager", "fan",
        "consumer", "customer", "user", "colleague", "relative", "family", "someone", "many", "some",
        "others", "several", "administration", "intelligence", "authority",
    }
)  # fmt: skip
#: Generic nouns for an organisation named earlier ("the company said").
GENERIC_ORG_NOUNS: frozenset[str] = frozenset(
    {
        "company", "firm", "group", "organisation", "organization", "agency", "ministry", "department",
        "government", "party", "campaign", "team", "club", "union", "board", "bank", "council",
        "committee", "commission", "association", "alliance", "institute", "university", "court",
        "carrier", "airline", "retailer", "maker", "manufacturer", "bloc", "body", "regulator",
        "watchdog", "charity", "foundation", "coalition", "league", "federation", "embassy", "office",
    }
)  # fmt: skip
#: Generic nouns for a news outlet named earlier ("the publication reported").
GENERIC_MEDIA_NOUNS: frozenset[str] = frozenset(
    {"publication", "newspaper", "paper", "outlet", "magazine", "broadcaster", "network", "daily",
     "site", "website", "channel", "tabloid", "weekly"}
)  # fmt: skip
#: Nouns for a document standing for its author ("A report by The Wall Street Journal").
REPORT_NOUNS: frozenset[str] = frozenset(
    {"report", "statement", "study", "survey", "poll", "analysis", "investigation", "article", "story",
     "letter", "filing", "document", "memo", "review", "release", "editorial", "column"}
)  # fmt: skip
#: Words that mark an organisation name as a news outlet.
MEDIA_WORDS: frozenset[str] = frozenset(
    {
        "times", "post", "journal", "news", "press", "herald", "tribune", "guardian", "telegraph",
        "gazette", "daily", "magazine", "radio", "tv", "television", "broadcasting", "reuters",
        "bloomberg", "politico", "axios", "cnn", "bbc", "ap", "afp", "associated", "newsweek",
        "economist", "observer", "independent", "mirror", "sun", "express", "globe", "star", "chronicle",
        "bulletin", "wire", "interfax", "tass", "xinhua", "nbc", "cbs", "abc", "fox", "msnbc", "npr", "cbc",
        "ctv", "itv", "sky", "channel", "agency", "kyodo", "yonhap", "al", "jazeera", "dpa", "ansa",
    }
)  # fmt: skip
#: Honorifics dropped from names ("Mr Blair" -> "Blair").
HONORIFICS: frozenset[str] = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "mr.", "mrs.", "ms.",
     "dr.", "prof.", "rev."}
)  # fmt: skip
#: Nouns that make a pre-name modifier a role ("State Department spokesperson Matthew Miller").
ROLE_MARKERS: frozenset[str] = frozenset(
    {
        "president", "minister", "secretary", "spokesperson", "spokesman", "spokeswoman", "chairman",
        "chairwoman", "chair", "chief", "director", "head", "leader", "governor", "mayor", "senator",
        "sen.", "rep.", "representative", "ambassador", "general", "gen.", "commander", "officer",
        "official", "coach", "manager", "captain", "ceo", "founder", "analyst", "economist", "professor",
        "prof", "judge", "justice", "chancellor", "premier", "king", "queen", "prince", "pope", "bishop",
        "candidate", "councillor", "councilor", "mp", "lawmaker", "adviser", "advisor", "executive",
        "editor", "correspondent", "reporter", "host", "author", "lawyer", "attorney", "prosecutor",
        "detective", "inspector", "sergeant", "constable", "superintendent", "commissioner", "deputy",
        "vice", "speaker", "chief executive", "partner", "strategist", "researcher", "scientist",
        "doctor", "dr", "dr.", "owner", "boss", "striker", "midfielder", "defender",
        "goalkeeper", "player", "star", "singer", "actor", "actress", "director-general", "envoy",
        "negotiator", "activist", "campaigner", "pollster", "member", "trustee", "president-elect",
        "nominee", "hopeful", "challenger", "incumbent", "whip", "treasurer", "governor-general",
    }
)  # fmt: skip
