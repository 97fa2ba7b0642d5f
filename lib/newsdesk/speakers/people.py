"""Who gets a voice: the people one article names, each once, with gender and what the article quotes of them.

`find_people` groups an article's person mentions into people: "Marta Lind", "Lind", "Ms Lind" and a "she"
resolved to her are one person, under the fullest name the article gives (`MentionIndex.person_name`).
Two people who share a surname stay apart, and each row says so (``shares_surname_with``); a bare surname
goes to the nearest of them named before it. A name in a photo caption, a credit or a byline is no person
of the article, nor is one that reads as no person's (an acronym, no known given name and no other sign).
A quote by several people counts for each, its words shared between them. Gender comes from
`newsdesk.speakers.gender`, fed with the article's own clues plus the pronouns and roles of the quotes
attributed to the person. The stage component ``newsdesk_people`` runs after ``newsdesk_quotes`` and sets
``doc._.people``.

>>> from newsdesk.quotes.component import find_quotes
>>> from newsdesk.nlp import parse_text
>>> text = ("Marta Lind, a nurse, met Tom Berg. \\"We need more beds,\\" she said. "
...         "Lind said the ward had waited a year.")
>>> doc = parse_text(text)
>>> people = find_people(doc, find_quotes(text))
>>> [(p.name, p.mentions, p.quoted, p.quotes, p.gender, p.gender_evidence) for p in people]
[('Marta Lind', 3, True, 2, 'female', 'pronoun'), ('Tom Berg', 1, False, 0, 'male', 'given name')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsdesk.io.articles import Article
from newsdesk.records import Person, Quote
from newsdesk.speakers.entities import clean_name, entity_text, plausible_person
from newsdesk.speakers.gender import PRONOUN_GENDER, GenderClues, known_given_name
from newsdesk.speakers.mentions import INDEX_KEY, MentionIndex
from newsdesk.speakers.names import mislabelled_names
from newsdesk.stages import OnError, Stage

__all__ = ["PEOPLE_FACTORY", "PeopleStage", "find_people", "make_people_stage"]

#: The registered name of the component's factory.
PEOPLE_FACTORY = "newsdesk_people"


@dataclass(slots=True)
class _Tally:
    """What one article says about one person, gathered before the row is made."""

    spans: list[tuple[int, int]] = field(default_factory=list)  # name mentions and resolved pronouns
    quotes: int = 0
    words: int = 0
    role: str | None = None
    clues: GenderClues = field(default_factory=GenderClues)


def _index_of(doc: Doc, quotes: Sequence[Quote], article: Article | None) -> MentionIndex:
    """The index the quote stage built for ``doc``, else a new one (quoted words: the direct quotes)."""
    index = doc.user_data.get(INDEX_KEY)
    if isinstance(index, MentionIndex):
        return index
    quoted = sorted({(q.start, q.end) for q in quotes if q.kind == "direct"})
    return MentionIndex(doc, quoted=quoted, media=article.credits if article is not None else ())


def _speakers(quote: Quote) -> list[str]:
    """The persons a quote is attributed to ("Tore Lund and Lena Berg" is two)."""
    if quote.speaker_type != "person" or not quote.speaker or not quote.speaker[:1].isupper():
        return []
    names = quote.speaker.replace(" and ", ", ").split(", ")
    return [name for name in names if name]


def _credit(text: str, start: int, end: int) -> bool:
    """Whether a name at ``text[start:end]`` credits a photo or a report rather than mentioning a person
    ("Ann Lee/Reuters", "Ann Lee / The Canadian Press", "With files from Ann Lee")."""
    return bool(_CREDIT_AFTER.match(text, end) or _CREDIT_BEFORE.search(text[max(0, start - 20) : start]))


_CREDIT_AFTER = re.compile(r"[ \t]*/")
#: A byline or reporting credit on a line of its own ("By Ann Lee", "Reporting by Ann Lee; editing by Tom Roe").
_BYLINE = re.compile(r"^[ \t]*(?:by|written by|reporting by|additional reporting by)[ \t]+[^\n]{1,120}$", re.I | re.M)
_CREDIT_BEFORE = re.compile(r"(?:/|\bfiles from|\bphotos? by)[ \t]*\Z", re.IGNORECASE)


def _name_end(token: Token) -> int:
    """Where the run of proper nouns starting at ``token`` ends (a character offset)."""
    doc = token.doc
    end = token.i
    while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and doc[end].whitespace_:
        end += 1
    return doc[end].idx + len(doc[end].text)


def _name_mentions(index: MentionIndex) -> list[tuple[str, int, int]]:
    """(full name, start, end) of every person's name outside captions, credits and bylines: the entities NER tagged
    (also inside quotes: a person a speaker talks about is mentioned) and the names the index found besides."""
    found: dict[int, tuple[str, int, int]] = {}
    text = index.doc.text
    bylines = [(m.start(), m.end()) for m in _BYLINE.finditer(text)]
    for ent in dict.fromkeys(index.person_ents.values()):
        if index.in_caption(ent.start_char) or _credit(text, ent.start_char, ent.end_char):
            continue
        name = index.person_name(entity_text(ent), ent.start_char)
        if plausible_person(name, ent) or (index.inside_quote(ent.start_char) and len(name.split()) >= 2):
            found[ent.start_char] = (name, ent.start_char, ent.end_char)
    for ent in mislabelled_names(tuple(index.doc.ents)):  # names NER labelled otherwise (not known to the index)
        if ent.start_char not in found and not index.in_caption(ent.start_char) \
                and not _credit(text, ent.start_char, ent.end_char):
            found[ent.start_char] = (index.person_name(ent.text, ent.start_char), ent.start_char, ent.end_char)
    for m in index.mentions:
        token = index.doc.char_span(m.start, m.start + 1, alignment_mode="expand")
        end = m.start + len(m.name) if token is None else _name_end(token[0])
        if m.kind == "person" and m.start not in found and not index.in_caption(m.start) \
                and not _credit(text, m.start, end):
            found[m.start] = (m.name, m.start, end)
    kept = (item for item in found.values() if not any(a <= item[1] < b for a, b in bylines))
    return sorted(kept, key=lambda item: item[1])


def _shared_surnames(names: Sequence[str]) -> dict[str, str]:
    """For each full name whose surname another full name of the article shares, those other names."""
    by_surname: dict[str, list[str]] = {}
    for name in names:
        words = name.split()
        if len(words) >= 2:
            by_surname.setdefault(words[-1].lower(), []).append(name)
    return {
        name: "; ".join(other for other in group if other != name)
        for group in by_surname.values()
        if len(group) > 1
        for name in group
    }


def _reads_as_person(name: str, tally: _Tally, clues: GenderClues, role: str | None) -> bool:
    """Whether a name NER took for a person reads as one: no digit or "/" (a photo credit, "Ann Lee/AP"), no
    acronym ("UCP MLA"), and a sign of a person: quoted as one, a role, a pronoun, an honorific or title,
    or a first word the name table knows as a given name ("Overstating Surrey" has none)."""
    words = name.split()
    if not words or any(c.isdigit() or c == "/" for c in name):
        return False
    if any(len(w) >= 2 and w.isalpha() and w.isupper() for w in words):
        return False
    if tally.quotes or role or clues.pronouns or clues.titles:
        return True
    return known_given_name(words[0])


def find_people(doc: Doc, quotes: Sequence[Quote], *, article_id: str | None = None) -> list[Person]:
    """The people of one parsed article, in order of first mention (see the module docstring).

    ``quotes`` are the article's quotes (`newsdesk.find_quotes`, or ``doc._.quotes``); the index is the
    one the quote stage left on the Doc when there is one, else built here.
    """
    article = doc._.article
    index = _index_of(doc, quotes, article)
    tallies: dict[str, _Tally] = {}
    for name, start, end in _name_mentions(index):
        tallies.setdefault(name, _Tally()).spans.append((start, end))
    for quote in quotes:
        speakers = _speakers(quote)
        for name in speakers:
            tally = tallies.setdefault(name, _Tally())
            tally.quotes += 1
            tally.words += len(quote.text.split()) // len(speakers)
            tally.role = tally.role or quote.speaker_role
            mention = (quote.speaker_mention or "").lower()
            if mention in PRONOUN_GENDER and quote.speaker_start is not None and len(speakers) == 1:
                tally.clues.add_pronoun(mention)
                tally.spans.append((quote.speaker_start, quote.speaker_end or quote.speaker_start))
            elif not tally.spans and quote.speaker_start is not None:  # a speaker named nowhere else
                tally.spans.append((quote.speaker_start, quote.speaker_end or quote.speaker_start))
            if len(speakers) == 1:
                tally.clues.add_title(quote.speaker_role)
    shared = _shared_surnames(list(tallies))  # before the filter below: a name dropped there still names someone
    people = []
    for name, tally in tallies.items():
        clues = GenderClues()
        clues.update(index.gender_clues.get(name, GenderClues()))
        clues.update(tally.clues)
        role = index.roles.get(name) or tally.role
        if not _reads_as_person(name, tally, clues, role):
            continue
        call = clues.decide(name)
        first = min(tally.spans) if tally.spans else (0, 0)
        people.append(
            Person(
                article_id=article_id or (article.id if article is not None else "doc"),
                name=clean_name(name),
                mentions=len(set(tally.spans)),
                first_start=first[0],
                first_end=first[1],
                role=role,
                quoted=tally.quotes > 0,
                quotes=tally.quotes,
                words_quoted=tally.words,
                gender=call.gender,
                gender_evidence=call.evidence,
                shares_surname_with=shared.get(name),
            )
        )
    return sorted(people, key=lambda p: (p.first_start, p.name))


class PeopleStage(Stage):
    """The people stage: `find_people` on each Doc, with the quotes the quote stage attached."""

    stage_name = "people"
    key = "people"
    span_attribute = "person"

    def find(self, doc: Doc, article: Article) -> list[Person]:
        people = find_people(doc, doc._.quotes or (), article_id=article.id)
        doc.user_data.pop(INDEX_KEY, None)  # the quote stage's index is not needed after this
        return people


@Language.factory(
    PEOPLE_FACTORY,
    default_config={"on_error": "raise"},
    requires=["doc._.quotes", "doc.ents"],
    assigns=["doc._.people", "doc.spans"],
)
def make_people_stage(nlp: Language, name: str, on_error: OnError) -> PeopleStage:
    """Factory of ``nlp.add_pipe("newsdesk_people")`` (after ``newsdesk_quotes``)."""
    return PeopleStage(on_error=on_error)
