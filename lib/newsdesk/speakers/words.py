"""Word lists for reading speakers: pronouns, unnamed sources, organisations, media, documents,
honorifics and roles, and the punctuation trimmed from the edges of names and spans.

>>> "spokesperson" in ROLE_MARKERS, "company" in GENERIC_ORG_NOUNS
(True, True)
"""

from __future__ import annotations

import re

__all__ = [
    "ANONYMOUS_NOUNS",
    "EDGE_JUNK",
    "GENERIC_MEDIA_NOUNS",
    "GENERIC_ORG_NOUNS",
    "HONORIFICS",
    "MEDIA_WORDS",
    "PERSON_PRONOUNS",
    "POSSESSIVE",
    "RELATIVE_PRONOUNS",
    "REPORT_NOUNS",
    "ROLE_MARKERS",
]

#: A possessive ending on a name ("Comey's").
POSSESSIVE = re.compile(r"\s*['’]s?\Z")
#: Leading and trailing characters stripped from spans before they are reported.
EDGE_JUNK = ' \t\n\r,;:—–-"“”„«»'

PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her"})
#: Relative pronouns: a speaker "who said" stands for the noun the clause hangs on.
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "that", "which", "whom"})
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
