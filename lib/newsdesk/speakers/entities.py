"""Reading the entities NER found in an article: names cleaned, entities relabelled where NER errs in a
known way, and whether a mention is (part of) a sentence subject.

>>> clean_name("Mr. Blair's")
'Blair'
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsdesk import data
from newsdesk.nlp import SUBJECT_DEPS
from newsdesk.speakers.words import (
    EDGE_JUNK,
    GENERIC_ORG_NOUNS,
    HONORIFIC_WORDS,
    HONORIFICS,
    POSSESSIVE,
    REPORT_NOUNS,
    ROLE_MARKERS,
)

__all__ = [
    "ORG_LABELS",
    "ORG_NAME_ENDINGS",
    "after_title",
    "author_subject",
    "clean_name",
    "entity_text",
    "is_main",
    "is_subject",
    "name_word",
    "one_type_per_name",
    "org_items",
    "org_shaped_persons",
    "plausible_person",
    "subject_token",
]

ORG_LABELS = frozenset({"ORG", "GPE", "NORP"})
_NAME_PARTICLES = frozenset({"van", "von", "den", "der", "de", "da", "di", "del", "la", "le", "bin", "al", "du"})
#: Organisation nouns that are also surnames (Court, Carrier, Maker, Body, League): no sign of an organisation.
_SURNAME_NOUNS = frozenset({"court", "carrier", "maker", "body", "league"})
#: Last words of organisation names that NER sometimes tags PERSON.
ORG_NAME_ENDINGS = (GENERIC_ORG_NOUNS - _SURNAME_NOUNS) | data.words("organisation_name_endings")




def clean_name(text: str) -> str:
    """A name without possessive, honorific or stray punctuation ("Mr. Blair's" -> "Blair")."""
    text = POSSESSIVE.sub("", text.strip(EDGE_JUNK + ".")).strip()
    words = text.split()
    while len(words) > 1 and (words[0].lower() in HONORIFICS or words[0][:1].islower()):
        words.pop(0)
    while len(words) > 2 and words[0].lower() in ROLE_MARKERS:  # "Author Nadia Holt"
        words.pop(0)
    return " ".join(words)



def name_word(word: Token) -> bool:
    """A word of a proper name: a proper noun, or a capitalised word the tagger read as a verb or
    auxiliary that the parser still joins to the proper noun after it ("Will" or "Mark" before a surname)."""
    if word.pos_ == "PROPN":
        return True
    return (
        word.pos_ in ("AUX", "VERB")
        and word.is_title
        and word.dep_ == "compound"
        and word.head.i == word.i + 1
        and word.head.pos_ == "PROPN"
    )


def after_title(run: list[Token]) -> list[Token]:
    """The proper nouns of ``run`` after its last title word: a title and what modifies it ("Acting
    Chief", "Hereditary Chief") are no part of the name that follows. A title word that ends the run
    is kept (it may be a surname: "Carole King")."""
    titles = [k for k, word in enumerate(run[:-1]) if word.lower_ in ROLE_MARKERS]
    return run[titles[-1] + 1 :] if titles else run


def org_items(ent: Span) -> list[str]:
    """The one-word names of an organisation entity, each item of a list NER tagged as one
    ("Zoom, Slack")."""
    names = (clean_name(part.strip().removeprefix("and ")) for part in ent.text.split(","))
    return [name for name in names if name and " " not in name and name[:1].isupper()]


def one_type_per_name(ents: tuple[Span, ...]) -> tuple[Span, ...]:
    """The entities with a one-word PERSON that the article also names as an organisation (or as the first
    word of one, "Talbot Energy") relabelled ORG: a name keeps one sense within an article, and a lone word
    tagged PERSON once is weaker evidence than an organisation list. A word of any person's full name stays
    a person."""
    orgs = {name for ent in ents if ent.label_ == "ORG" for name in org_items(ent)}
    orgs |= {  # "Talbot" of "Talbot Energy": the first word of a name that only adds the kind of body
        words[0]
        for ent in ents
        if ent.label_ == "ORG" and len(words := clean_name(ent.text).split()) == 2
        and words[-1].lower().rstrip(".") in ORG_NAME_ENDINGS
    }
    if not orgs:
        return ents
    full_names = (clean_name(ent.text).split() for ent in ents if ent.label_ == "PERSON")
    person_words = {word for words in full_names if len(words) > 1 for word in words}
    return tuple(
        Span(ent.doc, ent.start, ent.end, label="ORG")
        if ent.label_ == "PERSON" and len(ent) == 1 and ent.text in orgs and ent.text not in person_words
        else ent
        for ent in ents
    )


def org_shaped_persons(ents: tuple[Span, ...]) -> tuple[Span, ...]:
    """PERSON entities whose last word names a kind of organisation ("Riverside Transit", "Harbour
    Authority", "Acme Corp") relabelled ORG: no person's name ends that way."""
    return tuple(
        Span(ent.doc, ent.start, ent.end, label="ORG")
        if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].lower_.rstrip(".") in ORG_NAME_ENDINGS
        else ent
        for ent in ents
    )


def entity_text(ent: Span) -> str:
    """A PERSON entity's text without a first word glued to a hyphen ("Sergeant-at-Arms Paul Mercier" is
    tagged from "Arms"), and with a given name NER left out ("Ibrahima Ndiaye" tagged from "Ndiaye")."""
    doc = ent.doc
    if len(ent) > 2 and ent.start > 0 and doc[ent.start - 1].text == "-" and not doc[ent.start - 1].whitespace_:
        return doc[ent.start + 1 : ent.end].text
    if ent.label_ == "PERSON" and len(ent) == 1 and ent.start > 0 and _left_out_given_name(doc[ent.start - 1], ent):
        return doc[ent.start - 1 : ent.end].text
    return ent.text


def _left_out_given_name(token: Token, ent: Span) -> bool:
    """Whether the word before a one-word PERSON entity is a given name NER left out: a capitalised
    proper noun in compound with it, not a title, honorific or part of another entity."""
    return (
        token.tag_ == "NNP"
        and token.dep_ == "compound"
        and token.head.i == ent.root.i
        and token.text.isalpha()
        and token.text[:1].isupper()
        and not token.ent_type_
        and token.lower_ not in ROLE_MARKERS
        and token.lower_ not in HONORIFIC_WORDS
    )


def plausible_person(name: str, ent: Span) -> bool:
    """Whether a PERSON entity looks like a person's name (spaCy also tags titles and products)."""
    words = name.split()
    if (
        not words
        or words[0].lower() in ("the", "a", "an")
        or not all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words)
    ):
        return False
    return len(words) >= 2 or any(t.dep_ in SUBJECT_DEPS for t in ent)


def is_subject(ent: Span) -> bool:
    """Whether an entity mention is (part of) its sentence's subject ("retiree Bill Norton said")."""
    root = ent.root
    return (
        root.dep_ in SUBJECT_DEPS
        or root.dep_ == "ROOT"
        or (root.dep_ in ("compound", "appos") and root.head.dep_ in SUBJECT_DEPS)
        or (root.head.dep_ in SUBJECT_DEPS and root.head.i < ent.start)
    )


def subject_token(ent: Span) -> Token | None:
    """The subject token an entity mention is (part of), if it is one."""
    root = ent.root
    if root.dep_ in SUBJECT_DEPS or root.dep_ == "ROOT":
        return root
    if root.dep_ in ("compound", "appos") and root.head.dep_ in SUBJECT_DEPS:
        return root.head
    if root.head.dep_ in SUBJECT_DEPS and root.head.i < ent.start:
        return root.head
    return None


def is_main(subject: Token) -> bool:
    """Whether a subject belongs to its sentence's main clause (not a reported or relative clause)."""
    if subject.dep_ == "ROOT":
        return True
    verb = subject.head
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def author_subject(token: Token) -> bool:
    """ "A report by the committee called for ...": the author of a report that is the sentence subject."""
    if token.dep_ != "pobj" or token.head.lower_ != "by":
        return False
    report = token.head.head
    return report.lemma_.lower() in REPORT_NOUNS and (report.dep_ in SUBJECT_DEPS or report.dep_ == "ROOT")
