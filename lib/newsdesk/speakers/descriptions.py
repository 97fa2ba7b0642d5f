"""What the descriptions in an article refer to: the antecedent of a he/she, who "the mayor" or "his
father" is, the author a document stands for, the persons named beside "the owners", what "they" are.

`Descriptions` reads them against the article's `newsdesk.speakers.mentions.MentionIndex`;
`newsdesk.speakers.resolver` calls on it while resolving a speaker mention.

>>> from newsdesk.nlp import parse_text
>>> from newsdesk.speakers.mentions import MentionIndex
>>> doc = parse_text("Mayor Frank Delaney spoke first. The mayor said the road would reopen.")
>>> Descriptions(MentionIndex(doc)).described_person(doc[7], None)
Speaker('Frank Delaney', role='Mayor', type='person')
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsdesk.nlp import SUBJECT_DEPS
from newsdesk.records import SpeakerType
from newsdesk.speakers.coref import Candidate, pick_antecedent
from newsdesk.speakers.entities import clean_name, entity_text
from newsdesk.speakers.mentions import Mention, MentionIndex
from newsdesk.speakers.roles import mention_role, role_noun
from newsdesk.speakers.words import (
    ANONYMOUS_NOUNS,
    EDGE_JUNK,
    GENERIC_MEDIA_NOUNS,
    GENERIC_ORG_NOUNS,
    KIN_NOUNS,
    REPORT_NOUNS,
    ROLE_MARKERS,
)

__all__ = [
    "ANTECEDENT_WINDOW",
    "Descriptions",
    "Speaker",
    "has_capital",
    "is_document",
    "names_owner",
    "person_noun",
    "source_text",
]

_WORK_NOUNS = frozenset({"book", "memoir", "biography", "novel", "essay", "thesis"})  # stand for their authors
_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our", "my", "your"})
_SITE_NOUNS = frozenset({"website", "site", "blog", "account", "page"})  # "on the company's website"
_PAPER_KINDS = frozenset({"white", "green", "policy", "discussion", "position", "working", "research"})
_MODIFIER_DEPS = frozenset({"compound", "poss", "nmod", "amod"})
#: Characters: how far back a pronoun's antecedent (or "the mayor"'s) may be.
ANTECEDENT_WINDOW = 1500
#: Tokens: how far back an unnamed source ("a justice official") can be "the official".
INDEFINITE_REACH = 400
#: Tokens: how far back a document named with its author can be "the report".
DOCUMENT_REACH = 600
#: Tokens: how far back "his father" can have been named ("Moreau's father, Henri").
RELATIVE_REACH = 300
#: Tokens: how far back a "they" looks for a plural subject.
PLURAL_REACH = 80
_PERSON_SUFFIXES = ("man", "woman", "person", "ist", "ian", "eer", "ster", "er", "or", "ant", "ent")


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved speaker: ``name`` (full name, or the mention for unnamed sources), ``role``, ``type``."""

    name: str | None
    role: str | None = None
    type: SpeakerType = "unknown"

    def __repr__(self) -> str:
        return f"Speaker({self.name!r}, role={self.role!r}, type={self.type!r})"


def names_owner(modifier: Token) -> bool:
    """Whether a modifier of a media noun names who runs it: an organisation or person, or a proper
    noun NER left untagged ("the Verdant website", parsed as compound or amod); not a place."""
    if modifier.dep_ not in ("compound", "amod", "nmod"):
        return False
    return modifier.ent_type_ in ("ORG", "PERSON") or (
        modifier.pos_ == "PROPN" and not modifier.ent_type_ and modifier.text[:1].isupper()
    )


def is_document(head: Token) -> bool:
    """Whether a noun names a document that can stand for its author ("the report", "the white paper")."""
    lemma = head.lemma_.lower()
    if lemma in REPORT_NOUNS or lemma in _WORK_NOUNS:
        return True
    return lemma == "paper" and any(c.dep_ in ("amod", "compound") and c.lower_ in _PAPER_KINDS for c in head.children)


def _group(text: str) -> Speaker:
    """An unnamed group speaker from its noun phrase's text."""
    name = text.strip(EDGE_JUNK)
    return Speaker(name, None, "anonymous") if name else Speaker(None)


def source_text(head: Token, mention: Span) -> str:
    """How an unnamed source is described: the noun phrase with its participle or adjective phrase
    ("an expert cited in the report", "people arrested last week", "someone close to the negotiations")
    but not a relative clause, a coordinated afterthought or what follows a comma."""
    dropped: set[int] = set()
    for token in head.subtree:
        if token.i != head.i and (token.dep_ in ("relcl", "appos", "cc", "conj") or token.lower_ in ("who", "which")):
            dropped.update(t.i for t in token.subtree)
    end = head.i
    for token in mention.doc[head.i : mention.end]:
        if token.text == "," or token.i in dropped:
            break
        end = token.i
    start = mention.start
    while start < head.i and mention.doc[start].is_punct:
        start += 1
    return mention.doc[start : end + 1].text.strip(EDGE_JUNK)


def _refers_to_person(token: Token) -> bool:
    """Whether a subject is a personal pronoun or a definite description of a person ("the mayor",
    "The 31-year-old")."""
    if token.lower_ in ("he", "she"):
        return True
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return False
    return token.lower_ == "old" or (token.pos_ == "NOUN" and person_noun(token.lemma_.lower()))


def has_capital(ent: Span) -> bool:
    """Whether an entity has a capitalised word after its article (NER tags "the rookie defenceman")."""
    return any(t.text[:1].isupper() for t in ent if t.lower_ not in ("the", "a", "an"))


def person_noun(lemma: str) -> bool:
    """Whether a common noun names a person ("the mayor", "the rookie defenceman", "the professor")."""
    if lemma in GENERIC_ORG_NOUNS or lemma in GENERIC_MEDIA_NOUNS or lemma in REPORT_NOUNS:
        return False
    return lemma in ROLE_MARKERS or lemma in ANONYMOUS_NOUNS or lemma.endswith(_PERSON_SUFFIXES)


class Descriptions:
    """What the descriptions of one article refer to, read against its ``index``."""

    def __init__(self, index: MentionIndex) -> None:
        self.index = index
        self.doc = index.doc

    def __repr__(self) -> str:
        return f"Descriptions({self.index!r})"

    def role_in(self, mention: Span) -> str | None:
        """A role given inside the mention itself, if any (see `newsdesk.speakers.roles.mention_role`)."""
        return mention_role(mention, self.index.ents_in(mention), self.index.person_ents)

    def antecedent(
        self, position: int, *, last_speaker: tuple[str, int] | None = None, gender: str | None = None
    ) -> str | None:
        """The person a he/she (or "the mayor") at ``position`` most likely is.

        Persons mentioned outside quotes before the pronoun, plus the last person quoted, of the
        pronoun's gender when known; `newsdesk.speakers.coref.pick_antecedent` chooses among them by sentence.
        """
        candidates = [
            Candidate(m.start, m.name, m.subject or self._has_relative_subject(m), m.main, self._introduces(m))
            for m in self.index.recent(position, {"person"}, window=ANTECEDENT_WINDOW)[::-1]
            if self._compatible(m.name, gender) and not self.index.in_caption(m.start)
        ]
        if (
            last_speaker is not None
            and 0 <= position - last_speaker[1] <= ANTECEDENT_WINDOW
            and self._compatible(last_speaker[0], gender)
        ):
            index = bisect.bisect_left([c.start for c in candidates], last_speaker[1])
            candidates.insert(index, Candidate(last_speaker[1], last_speaker[0], True, True, False))
        chosen = pick_antecedent(candidates, self.index.unit_starts, position)
        return chosen.name if chosen is not None else None

    def named_by_head(self, head: Token) -> Mention | None:
        """The last organisation whose name ends in the noun of a description ("the railway"), and has
        any nationality the description gives ("The Italian airline" is not British Airways)."""
        nationalities = {c.lower_ for c in head.lefts if c.ent_type_ == "NORP"}
        for m in self.index.recent(head.idx, {"organisation", "media"}):
            if not nationalities <= set(m.name.lower().split()):
                continue
            words = m.name.lower().split()
            if len(words) > 1 and words[-1] == head.lower_:
                return m
        return None

    def described_person(self, head: Token, last_speaker: tuple[str, int] | None) -> Speaker | None:
        """Who "the official", "the mayor" or "the rookie defenceman" is.

        An unnamed source introduced earlier with the same noun ("a justice official ... the official")
        first; then the last person the article gave a role with that noun ("Mayor Frank Delaney ... the
        mayor"); then the antecedent a pronoun there would have.
        """
        position = head.idx
        introduced = self._indefinite_before(head)
        if introduced is not None:
            return Speaker(introduced, None, "anonymous")
        noun = head.lower_
        titled = [
            m.name
            for m in self.index.recent(position, {"person"}, window=ANTECEDENT_WINDOW * 2)
            if noun in self.index.roles.get(m.name, "").lower().split()
        ]
        if titled:
            return Speaker(titled[0], self.index.roles.get(titled[0]), "person")
        if head.lemma_.lower() in KIN_NOUNS:
            return None  # "the father" of someone, not the last person named
        found = self.antecedent(position, last_speaker=last_speaker)
        if found and role_noun(self.index.roles.get(found, "")) not in ("", noun):
            return None  # "Mara Quinn, a nurse" is not "the doctor"
        return Speaker(found, self.index.roles.get(found), "person") if found else None

    def _indefinite_before(self, head: Token) -> str | None:
        """The text of an earlier indefinite noun phrase with the same head noun ("a justice official",
        "one senior official"), outside quotes, if any."""
        lemma = head.lemma_.lower()
        for token in reversed(self.doc[max(0, head.i - INDEFINITE_REACH) : head.i]):
            if token.lemma_.lower() != lemma or token.tag_ != "NN" or self.index.inside_quote(token.idx):
                continue
            if token.dep_ == "appos" and token.head.i in self.index.person_ents:
                continue  # "Mara Quinn, a nurse,": a named person's role, not an unnamed source
            indefinite = any(
                (c.dep_ == "det" and c.lower_ in ("a", "an")) or (c.dep_ == "nummod" and c.lower_ == "one")
                for c in token.children
            )
            if indefinite:
                return self.core(self.doc[token.left_edge.i : token.right_edge.i + 1]).text.strip(EDGE_JUNK)
        return None

    def author_in(self, head: Token) -> Span | None:
        """The author a document's noun phrase names: "a report by the committee", "the union's
        release", "a document ... on Northern Rail Corporation's website"."""
        for token in head.sent[head.i - head.sent.start + 1 :]:  # "a document ... on the railway's website"
            site = token.head.lemma_.lower() in _SITE_NOUNS
            if token.dep_ == "poss" and site and token.i in self.index.entity_tokens:
                return self.doc[token.left_edge.i : token.i + 1]
        for token in head.subtree:
            by = (
                token.dep_ == "pobj"
                and token.head.lower_ in ("by", "from", "of")
                and (token.head.head == head or token.head.head.head == head)
            )
            own = token.dep_ == "poss" and token.head == head and token.lower_ not in _POSSESSIVE_PRONOUNS
            if by or own:
                return self.doc[token.left_edge.i : token.right_edge.i + 1]
        return None

    def earlier_document_author(self, head: Token) -> Span | None:
        """The author of the last document the article named with its author, before ``head``."""
        for token in reversed(self.doc[max(0, head.i - DOCUMENT_REACH) : head.i]):
            if is_document(token) and not self.index.inside_quote(token.idx):
                author = self.author_in(token)
                if author is not None and author.root.i != head.i:
                    return author
        return None

    def _compatible(self, name: str, gender: str | None) -> bool:
        """Whether a person can be the referent of a singular pronoun or description of ``gender`` (None:
        any); persons named jointly ("Tore Lund and Lena Berg") are not a he, she or "the lawyer"."""
        if " and " in name:
            return False
        return gender is None or self.index.genders.get(name, gender) == gender

    def _mention_root(self, mention: Mention) -> Token | None:
        """The head token of a person mention."""
        span = self.doc.char_span(mention.start, mention.start + 1, alignment_mode="expand")
        if span is None:
            return None
        ent = self.index.person_ents.get(span.start)
        return ent.root if ent is not None else span.root

    def _introduces(self, mention: Mention) -> bool:
        """Whether a mention is the article's first of its person, as a noun phrase of its own (not a
        modifier: "the Redwater Energy pipeline"), in a sentence whose subject is not already a person
        ("The 24-year-old finished second behind Anna Berg": the subject is still the topic)."""
        root = self._mention_root(mention)
        if self.index.first_mentions.get(mention.name) != mention.start or root is None or root.dep_ in _MODIFIER_DEPS:
            return False
        return not any(_refers_to_person(t) for t in root.sent if t.dep_ in SUBJECT_DEPS and t.head.dep_ == "ROOT")

    def _has_relative_subject(self, mention: Mention) -> bool:
        """ "For Okafor, who knows the trade ...": a person a relative clause is about is a subject too."""
        root = self._mention_root(mention)
        if root is None:
            return False
        return any(
            child.dep_ == "relcl" and any(g.lower_ == "who" and g.dep_ in SUBJECT_DEPS for g in child.children)
            for child in root.children
        )

    def plural_antecedent(self, position: int) -> Speaker:
        """What a "they" at ``position`` stands for: the nearest earlier plural subject outside quotes
        (persons named jointly, or an unnamed group)."""
        start = self.doc.char_span(position, position + 1, alignment_mode="expand")
        if start is None:
            return Speaker(None)
        for token in reversed(self.doc[max(0, start.start - PLURAL_REACH) : start.start]):
            if self.index.inside_quote(token.idx) or self.index.inside_reported(token.idx):
                continue  # "Most of the money, they insist, will go back to families": not what is reported
            if token.dep_ in SUBJECT_DEPS:
                joint = self.joint_names(token) or self.named_group(token)
                if joint is not None:  # "The owners, Tore Lund and Lena Berg, said ... they said"
                    return Speaker(joint, None, "person")
            if token.dep_ in SUBJECT_DEPS and token.tag_ in ("NNS", "NNPS"):
                lo = token.left_edge.i
                return _group(self.doc[lo : token.i + 1].text)
            if token.dep_ in SUBJECT_DEPS and token.tag_ in ("NNP", "NN") and any(
                c.dep_ == "conj" for c in token.children
            ):
                return _group(self.doc[token.left_edge.i : token.right_edge.i + 1].text)
        return Speaker(None)

    def relative_named(self, head: Token) -> str | None:
        """The name of someone described through another person ("Moreau's father, Henri", "her
        lawyer, Ann Roe"), given right there or, for "his father", where the article named him so."""
        lemma = head.lemma_.lower()
        if head.pos_ != "NOUN" or not any(c.dep_ == "poss" for c in head.children):
            return None
        if lemma not in KIN_NOUNS and not person_noun(lemma):
            return None  # "Fans' group Red Voice" is an organisation
        named = self._appositive_name(head)
        if named is not None:
            return named
        if not any(c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS for c in head.children):
            return None
        for token in reversed(self.doc[max(0, head.i - RELATIVE_REACH) : head.i]):
            if token.lemma_ == head.lemma_ and token.pos_ == "NOUN" and not self.index.inside_quote(token.idx):
                named = self._appositive_name(token) if any(c.dep_ == "poss" for c in token.children) else None
                if named is not None:
                    return named
        return None

    def _appositive_name(self, head: Token) -> str | None:
        """A name in apposition to a noun ("father, Joseph"): kept as given when it is one word (a
        relative's first name is not the surname of someone else in the article)."""
        for child in head.rights:
            if child.dep_ != "appos" or child.pos_ != "PROPN" or not child.text[:1].isupper():
                continue
            ent = self.index.person_ents.get(child.i)
            if ent is not None:
                text = clean_name(entity_text(ent))
                return text if " " not in text else self.index.person_name(text, ent.start_char)
            lemma = head.lemma_.lower()
            if not child.ent_type_ or lemma in KIN_NOUNS or person_noun(lemma):  # NER: "Darrin" as a place
                return clean_name(self.doc[child.left_edge.i : child.i + 1].text)
        return None

    def named_group(self, head: Token) -> str | None:
        """ "The owners, Tore Lund and Lena Berg": the persons a plural noun is put beside (the parser
        attaches them as an appositive or as conjuncts)."""
        if head.tag_ != "NNS":
            return None
        for child in head.rights:
            if child.dep_ in ("appos", "conj") and child.i in self.index.person_ents:
                return self.joint_names(child)
        return None

    def joint_names(self, token: Token) -> str | None:
        """ "Tore Lund and Lena Berg": the full names of persons coordinated from ``token`` on, joined
        as one speaker, or None unless every conjunct is a person."""
        if token.i not in self.index.person_ents:
            return None
        ents = [self.index.person_ents.get(t.i) for t in (token, *(c for c in token.conjuncts if c.i > token.i))]
        people = [e for e in ents if e is not None]
        if len(people) < 2 or len(people) != len(ents):
            return None
        names = [self.index.person_name(entity_text(e), e.start_char) for e in people]
        return ", ".join(names[:-1]) + " and " + names[-1]

    def core(self, mention: Span) -> Span:
        """The mention without relative clauses, appositives or other material after a comma."""
        head = mention.root
        end = head.i + 1
        for child in head.rights:
            if child.i >= mention.end or child.dep_ in ("relcl", "appos", "punct", "cc", "conj", "acl"):
                break
            end = max(end, min(child.right_edge.i + 1, mention.end))
        start = mention.start
        while start < head.i and self.doc[start].is_punct:
            start += 1
        return self.doc[start:end]

    def subject_between(self, start: int, end: int) -> bool:
        """Whether a noun or name is a sentence subject between two offsets, outside quotes and reported
        content."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return True
        return any(
            t.dep_ in SUBJECT_DEPS
            and t.pos_ in ("NOUN", "PROPN")
            and t.idx > start
            and not self.index.inside_quote(t.idx)
            and not self.index.inside_reported(t.idx)
            for t in span
        )
