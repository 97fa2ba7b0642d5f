"""Who a speaker mention refers to, using only the article itself.

`SpeakerResolver` holds the article's `newsdesk.speakers.mentions.MentionIndex` (its people and
organisations, with the roles `newsdesk.speakers.roles` reads: "State Department spokesperson Matthew
Miller", "Hugh Hill, a doctor,") and its `newsdesk.speakers.descriptions.Descriptions`. `resolve` turns a
mention ("Blinken", "he", "The publication", "unnamed US officials") into a `Speaker`: the full name
introduced in the article, a role, and a type. It tries `RULES` in order; the first that decides wins.

>>> from newsdesk.nlp import parse_text
>>> doc = parse_text("Ukrainian President Volodymyr Zelenskyy spoke. Zelenskyy said peace was near.")
>>> resolver = SpeakerResolver.from_doc(doc)
>>> resolver.resolve(doc[6:7])
Speaker('Volodymyr Zelenskyy', role='Ukrainian President', type='person')
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Self

from spacy.tokens import Doc, Span, Token

from newsdesk.speakers.descriptions import (
    Descriptions,
    Speaker,
    has_capital,
    is_document,
    names_owner,
    person_noun,
    source_text,
)
from newsdesk.speakers.entities import ORG_LABELS, clean_name, entity_text
from newsdesk.speakers.gender import PRONOUN_GENDER
from newsdesk.speakers.mentions import INDEX_KEY, MentionIndex
from newsdesk.speakers.roles import description, span_text, strip_det
from newsdesk.speakers.words import (
    ANONYMOUS_NOUNS,
    EDGE_JUNK,
    GENERIC_MEDIA_NOUNS,
    GENERIC_ORG_NOUNS,
    PERSON_PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLE_MARKERS,
)

__all__ = ["RULES", "Speaker", "SpeakerResolver"]

#: Characters: how far back a he/she can still be the unnamed source quoted last ("one dealer ... he said").
SOURCE_PRONOUN_REACH = 600
#: Characters: how far back the organisation that issued "the statement" may have been the subject.
ISSUER_WINDOW = 1500
#: Characters: how far back "it" looks for an organisation that was a sentence subject.
SUBJECT_WINDOW = 400
_POSSESSIVE_PRONOUNS = {"his": "he", "its": "it", "their": "they"}  # "his call for ..." is his
_DEFINITE = ("the", "this", "that")
_OWNER_PRONOUNS = frozenset({*_POSSESSIVE_PRONOUNS, "her"})


@dataclass(frozen=True, eq=False)
class Query:
    """One mention being resolved, with what the rules read about it (computed when first asked)."""

    resolver: SpeakerResolver
    mention: Span
    last_speaker: tuple[str, int] | None
    last_source: tuple[str, int] | None

    @cached_property
    def head(self) -> Token:
        return self.mention.root

    @cached_property
    def lower(self) -> str:
        """The head word in lower case, a possessive pronoun read as its subject form."""
        return _POSSESSIVE_PRONOUNS.get(self.head.lower_, self.head.lower_)

    @cached_property
    def lemma(self) -> str:
        return self.head.lemma_.lower()

    @cached_property
    def role(self) -> str | None:
        return self.resolver.descriptions.role_in(self.mention)

    @cached_property
    def core(self) -> Span:
        return self.resolver.descriptions.core(self.mention)

    @cached_property
    def persons(self) -> list[Span]:
        """PERSON entities in the mention's core that end at or before its head."""
        ents = self.resolver.index.ents_in(self.core)
        return [ent for ent in ents if ent.label_ == "PERSON" and ent.end <= self.head.i + 1]

    @cached_property
    def orgs(self) -> list[Span]:
        """Organisation entities over the head with a capitalised word."""
        head = self.head
        ents = self.resolver.index.ents_in(self.core)
        return [e for e in ents if e.label_ in ORG_LABELS and e.start <= head.i < e.end and has_capital(e)]

    @cached_property
    def determiner(self) -> str:
        return next((c.lower_ for c in self.head.children if c.dep_ == "det"), "")

    @cached_property
    def bare(self) -> bool:
        """No modifier before the head ("the company", not "the Canadian government")."""
        return all(c.dep_ in ("det", "punct") for c in self.head.lefts)

    @cached_property
    def singular(self) -> bool:
        return self.head.tag_ == "NN"

    def name_of(self, ent: Span) -> str:
        """The full name of the person an entity names."""
        return self.resolver.index.person_name(entity_text(ent), ent.start_char)

    def role_given(self, name: str) -> str | None:
        """The role the article gives the person ``name``."""
        return self.resolver.index.roles.get(name)


Spans = Sequence[tuple[int, int]]
#: A rule: the speaker a query resolves to, or None when the rule does not decide.
Rule = Callable[[Query], Speaker | None]


def relative_pronoun(q: Query) -> Speaker | None:
    """ "Petrenko, an expert who said ...": resolve what "who" stands for."""
    head = q.head
    if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl" and head.head.head.i < head.i:
        noun = head.head.head
        return q.resolver.resolve(q.resolver.doc[noun.left_edge.i : noun.i + 1], last_speaker=q.last_speaker)
    return None


def named_person(q: Query) -> Speaker | None:
    """A person NER tagged ("Zelenskyy"), by the full name the article gives; persons named jointly together."""
    ent = q.resolver.index.person_ents.get(q.head.i)
    if ent is None:
        return None
    joint = q.resolver.descriptions.joint_names(ent.root)
    if joint is not None:  # "Tore Lund and Lena Berg said"
        return Speaker(joint, None, "person")
    name = q.name_of(ent)
    return Speaker(name, q.role or q.role_given(name), "person")


def personal_pronoun(q: Query) -> Speaker | None:
    """He or she: the unnamed source just quoted, or the antecedent `Descriptions.antecedent` picks."""
    if q.lower not in PERSON_PRONOUNS:
        return None
    resolver, start = q.resolver, q.mention.start_char
    source, speaker = q.last_source, q.last_speaker
    if (
        source is not None
        and (speaker is None or speaker[1] < source[1])
        and 0 < start - source[1] <= SOURCE_PRONOUN_REACH
        and not resolver.descriptions.subject_between(source[1], start)
    ):
        return Speaker(source[0], None, "anonymous")  # "one dealer ... told Reuters ... he said"
    person = resolver.descriptions.antecedent(start, last_speaker=speaker, gender=PRONOUN_GENDER.get(q.lower))
    if person is None:
        return Speaker(None, None, "unknown")
    return Speaker(person, resolver.index.roles.get(person), "person")


def named_group(q: Query) -> Speaker | None:
    """ "the owners, Tore Lund and Lena Berg"."""
    group = q.resolver.descriptions.named_group(q.head)
    return Speaker(group, description(q.core), "person") if group is not None else None


def named_relative(q: Query) -> Speaker | None:
    """ "Moreau's father, Henri" ... "His father said"."""
    relative = q.resolver.descriptions.relative_named(q.head)
    return Speaker(relative, description(q.core), "person") if relative is not None else None


def person_beside(q: Query) -> Speaker | None:
    """ "His father, Denis Roy" / "Petrenko, an expert who ...": a person in apposition to the head."""
    for child in q.head.rights:
        ent = q.resolver.index.person_ents.get(child.i) if child.dep_ == "appos" else None
        if ent is not None:
            name = q.name_of(ent)
            return Speaker(name, q.role or q.role_given(name) or description(q.core), "person")
    return None


def person_named_further(q: Query) -> Speaker | None:
    """ "The paper's correspondent in Lagos, Ruth Adeyemi": a person in apposition further in; also after a
    capitalised title NER left untagged ("Warden of the Northern Marches, Ruth Adeyemi")."""
    head, index = q.head, q.resolver.index
    untagged_name = head.pos_ == "PROPN" and head.i not in index.entity_tokens
    if not ((person_noun(q.lemma) and head.pos_ == "NOUN") or untagged_name):
        return None
    clauses = {t.i for c in head.rights if c.dep_ in ("relcl", "acl") for t in c.subtree}
    for token in q.core.doc[head.i + 1 : q.mention.end]:  # not a name inside a relative clause
        if token.dep_ == "appos" and token.i in index.person_ents and token.i not in clauses:
            name = q.name_of(index.person_ents[token.i])
            return Speaker(name, q.role or q.role_given(name) or description(q.core), "person")
    return None


def apposition_to_person(q: Query) -> Speaker | None:
    """ "Hill, a doctor,": the head is itself an appositive of a person."""
    ent = q.resolver.index.person_ents.get(q.head.head.i) if q.head.dep_ == "appos" else None
    if ent is None:
        return None
    name = q.name_of(ent)
    return Speaker(name, q.role_given(name), "person")


def they(q: Query) -> Speaker | None:
    """ "they": the nearest earlier plural subject (`Descriptions.plural_antecedent`)."""
    if q.lower == "they" and q.head.pos_ == "PRON":
        return q.resolver.descriptions.plural_antecedent(q.mention.start_char)
    return None


def it(q: Query) -> Speaker | None:
    """ "it": the organisation last put forward as a subject, main clauses first ("The committee said the
    Office should ... It blamed ...": the committee, not the Office)."""
    if q.lower != "it" or q.head.pos_ != "PRON":
        return None
    recent = q.resolver.index.recent(q.mention.start_char, {"organisation", "media"}, window=SUBJECT_WINDOW)
    found = [m for m in recent if m.subject]
    found = [m for m in found if m.main] or found
    return Speaker(found[0].name, None, found[0].kind) if found else Speaker(None)


def role_before_name(q: Query) -> Speaker | None:
    """ "Apple boss Tim Cook" parsed with the role as head."""
    if q.persons and q.head.pos_ != "PROPN" and q.lemma in ROLE_MARKERS:
        name = q.name_of(q.persons[-1])
        return Speaker(name, q.role or q.role_given(name), "person")
    return None


def document(q: Query) -> Speaker | None:
    """ "A report by the railway ... the report said": the document's author; else "The statement said
    ...": the organisation the article last put forward as a subject."""
    head, resolver = q.head, q.resolver
    if not is_document(head):
        return None
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in _OWNER_PRONOUNS), None)
    if owner is not None:  # "her statement said": whoever "her" is
        return resolver.resolve(resolver.doc[owner.i : owner.i + 1], last_speaker=q.last_speaker)
    author = resolver.descriptions.author_in(head)
    definite = any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.children)
    if author is None and definite:
        author = resolver.descriptions.earlier_document_author(head)
    if author is not None:
        return resolver.resolve(author, last_speaker=q.last_speaker)
    recent = resolver.index.recent(q.mention.start_char, {"organisation", "media"}, window=ISSUER_WINDOW)
    issuers = [m for m in recent if m.subject]
    issuers = [m for m in issuers if m.main] or issuers
    if issuers and head.tag_ == "NN":  # not "UK media reports"
        return Speaker(issuers[0].name, None, issuers[0].kind)
    return None


def surname(q: Query) -> Speaker | None:
    """A surname (or a name NER took for an organisation) of a person named in full elsewhere."""
    head = q.head
    if not (head.pos_ == "PROPN" or q.orgs or (head.text[:1].isupper() and head.pos_ == "NOUN")):
        return None
    surface = q.orgs[0].text if q.orgs else head.text
    name = q.resolver.index.person_name(surface, head.idx)
    if name != clean_name(surface):
        return Speaker(name, q.role or q.role_given(name), "person")
    return None


def titled_name(q: Query) -> Speaker | None:
    """A name after a title that NER missed or took for an organisation ("Hereditary Chief Tsakwas")."""
    head, doc = q.head, q.resolver.doc
    if head.pos_ != "PROPN" or head.lower_ in GENERIC_ORG_NOUNS:
        return None
    if q.orgs and not any(t.lower_ in ROLE_MARKERS for t in q.orgs[0] if t.i < head.i):
        return None
    markers = [t.i for t in q.core if t.i < head.i and t.lower_ in ROLE_MARKERS]
    if not markers or any(t.lower_ in GENERIC_ORG_NOUNS for t in doc[markers[-1] + 1 : head.i + 1]):
        return None
    name = clean_name(doc[markers[-1] + 1 : head.i + 1].text)
    title = span_text(strip_det(list(doc[q.core.start : markers[-1] + 1])))
    return Speaker(name, q.role or title or None, "person") if name and name[:1].isupper() else None


def organisation(q: Query) -> Speaker | None:
    """An organisation or outlet by name (an acronym by the name it stands for)."""
    if q.head.pos_ != "PROPN" and not q.orgs:
        return None
    index = q.resolver.index
    ent_text = q.orgs[0].text if q.orgs and q.orgs[0].root == q.head else q.core.text
    name = index.org_name(clean_name(ent_text))
    media = index.is_media(name) or any(t.lemma_.lower() in GENERIC_MEDIA_NOUNS for t in q.core if t.i < q.head.i)
    return Speaker(name, q.role, "media" if media else "organisation")


def definite_organisation(q: Query) -> Speaker | None:
    """ "the publication", "the company": the outlet or organisation named earlier."""
    if q.lower in ANONYMOUS_NOUNS or q.determiner not in _DEFINITE or not q.bare:
        return None
    index = q.resolver.index
    if q.lemma in GENERIC_MEDIA_NOUNS:
        found = index.recent(q.mention.start_char, {"media"})
        if found:
            return Speaker(found[0].name, None, "media")
    if q.lemma in GENERIC_ORG_NOUNS:
        described = index.described(q.head)
        if described:
            return Speaker(described, None, "organisation")
        found = index.recent(q.mention.start_char, {"organisation", "media"})
        if found:
            return Speaker(found[0].name, None, found[0].kind)
    return None


def described_organisation(q: Query) -> Speaker | None:
    """ "the Senate farm and fisheries committee" names itself; "The clothing retailer" refers back."""
    if q.determiner in _DEFINITE and not q.bare and q.lemma in GENERIC_ORG_NOUNS:
        described = q.resolver.index.org_phrase(q.head) or q.resolver.index.described(q.head)
        if described:
            return Speaker(described, None, "organisation")
    return None


def named_by_head_noun(q: Query) -> Speaker | None:
    """ "The Winnipeg-based railway" -> "Prairie Northern Railway"."""
    if q.singular and q.determiner in ("the", "this") and q.head.pos_ == "NOUN" and not person_noun(q.lemma):
        named = q.resolver.descriptions.named_by_head(q.head)
        if named is not None:
            return Speaker(named.name, None, named.kind)
    return None


def described_person(q: Query) -> Speaker | None:
    """ "the mayor", "the rookie defenceman": a person named earlier."""
    role_noun = q.head.pos_ == "NOUN" and q.lemma in q.resolver.index.role_nouns  # "Mara, a nurse" ... "the nurse"
    if q.singular and q.determiner in ("the", "this") and (person_noun(q.lemma) or role_noun):
        return q.resolver.descriptions.described_person(q.head, q.last_speaker)
    return None


def unnamed_source(q: Query) -> Speaker | None:
    """ "unnamed US officials", "a person familiar with the talks": an anonymous source, as described."""
    indefinite = q.determiner in ("a", "an", "another") or any(
        c.dep_ == "nummod" and c.lower_ == "one" for c in q.head.children
    )
    if q.lemma in ANONYMOUS_NOUNS or (indefinite and q.singular and person_noun(q.lemma)):
        return Speaker(source_text(q.head, q.mention) or None, q.role, "anonymous")
    return None


def generic_organisation(q: Query) -> Speaker | None:
    """ "a union", "the local council" not named: the phrase as an organisation."""
    if q.lemma in GENERIC_ORG_NOUNS:
        return Speaker(q.core.text.strip(EDGE_JUNK) or None, None, "organisation")
    return None


def generic_media(q: Query) -> Speaker | None:
    """ "the Verdant website": whoever runs it; else the phrase as an outlet."""
    if q.lemma not in GENERIC_MEDIA_NOUNS:
        return None
    owner = next((c for c in q.head.lefts if names_owner(c)), None)
    if owner is not None:
        index = q.resolver.index
        name = index.org_name(clean_name(q.resolver.doc[owner.left_edge.i : owner.i + 1].text))
        return Speaker(name, None, "media" if index.is_media(name) else "organisation")
    return Speaker(q.core.text.strip(EDGE_JUNK) or None, None, "media")


def other_pronoun(q: Query) -> Speaker | None:
    """Any other pronoun ("we", "you", "someone") names nobody."""
    return Speaker(None, None, "unknown") if q.head.pos_ == "PRON" else None


def as_written(q: Query) -> Speaker:
    """The mention as written, type unknown (the last rule; it always decides)."""
    return Speaker(q.core.text.strip(EDGE_JUNK) or None, q.role, "unknown")


#: The rules, in the order they are tried: names before pronouns before descriptions before nouns.
RULES: tuple[tuple[str, Rule], ...] = (
    ("relative pronoun", relative_pronoun),
    ("named person", named_person),
    ("personal pronoun", personal_pronoun),
    ("group named beside a noun", named_group),
    ("relative named through another person", named_relative),
    ("person in apposition", person_beside),
    ("person named further in", person_named_further),
    ("apposition to a person", apposition_to_person),
    ("they", they),
    ("it", it),
    ("role before a name", role_before_name),
    ("document for its author", document),
    ("surname", surname),
    ("name after a title", titled_name),
    ("organisation or outlet name", organisation),
    ("definite organisation or outlet noun", definite_organisation),
    ("described organisation", described_organisation),
    ("organisation by its head noun", named_by_head_noun),
    ("described person", described_person),
    ("unnamed source", unnamed_source),
    ("generic organisation", generic_organisation),
    ("generic outlet", generic_media),
    ("other pronoun", other_pronoun),
    ("as written", as_written),
)


class SpeakerResolver:
    """Who a speaker mention in one parsed article stands for (`resolve`), read against the article's
    `MentionIndex` (its people, organisations and media, with their roles and genders)."""

    def __init__(self, index: MentionIndex) -> None:
        self.index, self.doc, self.descriptions = index, index.doc, Descriptions(index)

    @classmethod
    def from_doc(cls, doc: Doc, *, quoted: Spans = (), media: Sequence[str] = (), reported: Spans = ()) -> Self:
        """The resolver of ``doc`` with a new `MentionIndex` (as for it), kept in ``doc.user_data[INDEX_KEY]``."""
        doc.user_data[INDEX_KEY] = index = MentionIndex(doc, quoted=quoted, media=media, reported=reported)
        return cls(index)

    def __repr__(self) -> str:
        return f"SpeakerResolver({self.index!r})"

    def resolve(
        self,
        mention: Span,
        *,
        last_speaker: tuple[str, int] | None = None,
        last_source: tuple[str, int] | None = None,
    ) -> Speaker:
        """The speaker a mention stands for: the first of `RULES` that decides.

        ``last_speaker`` is the last person quoted (name, offset); ``last_source`` the last singular
        unnamed source quoted ("one dealer"), an antecedent for a he/she right after it.
        """
        query = Query(self, mention, last_speaker, last_source)
        for _, rule in RULES:
            speaker = rule(query)
            if speaker is not None:
                return speaker
        raise AssertionError("the last rule always decides")  # pragma: no cover
