"""Word lists for reading speakers (from ``newsdesk/data``): unnamed sources, organisations, media,
documents, honorifics, roles and relatives; and the punctuation trimmed from the edges of names and spans.

>>> "spokesperson" in ROLE_MARKERS, "company" in GENERIC_ORG_NOUNS, HONORIFIC_GENDERS["mrs."]
(True, True, 'f')
"""

from __future__ import annotations

import re

from newsdesk.data import rows, words

__all__ = [
    "ANONYMOUS_NOUNS",
    "EDGE_JUNK",
    "EVIDENCE_NOUNS",
    "GENERIC_MEDIA_NOUNS",
    "GENERIC_ORG_NOUNS",
    "HONORIFICS",
    "HONORIFIC_GENDERS",
    "HONORIFIC_WORDS",
    "KIN_NOUNS",
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
ANONYMOUS_NOUNS = words("anonymous_nouns")
#: Generic nouns for an organisation named earlier ("the company said").
GENERIC_ORG_NOUNS = words("organisation_nouns")
#: Generic nouns for a news outlet named earlier ("the publication reported").
GENERIC_MEDIA_NOUNS = words("media_nouns")
#: Nouns for a document standing for its author ("A report by The Wall Street Journal").
REPORT_NOUNS = words("document_nouns")
#: Nouns for data and research that report findings ("Data suggests ..."); documents count too (`REPORT_NOUNS`).
EVIDENCE_NOUNS = words("evidence_nouns") | REPORT_NOUNS
#: Words that mark an organisation name as a news outlet.
MEDIA_WORDS = words("media_words")
#: Nouns that make a pre-name modifier a role ("State Department spokesperson Matthew Miller").
ROLE_MARKERS = words("role_markers")
#: Nouns for a relative of someone ("Moreau's father, Henri").
KIN_NOUNS = words("kin_nouns")

_HONORIFICS = rows("honorifics")
#: Honorifics dropped from the front of names ("Mr Blair" -> "Blair"), with their abbreviated spellings ("mr.").
HONORIFICS: frozenset[str] = frozenset(
    form
    for row in _HONORIFICS
    if row["dropped_from_names"] == "yes"
    for form in (row["honorific"], *([row["honorific"] + "."] if row["abbreviation"] == "yes" else []))
)
#: Every honorific, without a full stop ("Chairman Sir Roger Hale": "Sir" is no part of the role).
HONORIFIC_WORDS: frozenset[str] = frozenset(row["honorific"] for row in _HONORIFICS)
#: The gender an honorific gives ("mrs" and "mrs." -> "f").
HONORIFIC_GENDERS: dict[str, str] = {
    form: row["gender"]
    for row in _HONORIFICS
    if row["gender"] != "-"
    for form in (row["honorific"], *([row["honorific"] + "."] if row["abbreviation"] == "yes" else []))
}
