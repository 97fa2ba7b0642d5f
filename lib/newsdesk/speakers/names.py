"""Person names NER labelled as something else, taken back as PERSON spans (for the people table).

The small spaCy model tags some names as organisations or works ("Nikola Mirotic" as ORG, "Logan Couture"
as WORK_OF_ART). `mislabelled_names` finds such an entity, or the part of it before or after a
possessive ("Golf Channel's Jaime Diaz"), that reads as a person's name: two or three capitalised words,
the first a given name whose gender the name table decides (`newsdesk.speakers.gender`), the last no
organisation word, and that last word standing alone elsewhere in the article where a person stands (a
subject or a possessive: "Couture scored"); "Goldman Sachs" has no "Sachs said". The mention index keeps
NER's labels (relabelling there changed quote spans on PolNeAR train for no gain on GGT dev).

>>> from newsdesk.nlp import parse_text
>>> doc = parse_text("Logan Couture, 29, was hurt. Couture said he was fine.")
>>> [(e.text, e.label_) for e in doc.ents]
[('Logan Couture', 'ORG'), ('29', 'DATE')]
>>> [(e.text, e.label_) for e in mislabelled_names(tuple(doc.ents))]
[('Logan Couture', 'PERSON')]
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc, Span, Token

from newsdesk.speakers.entities import ORG_NAME_ENDINGS
from newsdesk.speakers.gender import given_name_gender

__all__ = ["MISLABELLED", "mislabelled_names"]

#: Entity labels NER sometimes gives a person's name.
MISLABELLED = frozenset({"ORG", "WORK_OF_ART", "EVENT", "PRODUCT"})


def _lone_surnames(doc: Doc) -> dict[str, set[int]]:
    """Capitalised proper nouns standing alone (no compound name word on them) as a subject or a possessive,
    tagged PERSON or not tagged: their token indices, by text."""
    found: dict[str, set[int]] = defaultdict(set)
    for token in doc:
        if token.pos_ != "PROPN" or not token.text[:1].isupper() or token.ent_type_ not in ("", "PERSON"):
            continue
        if token.dep_ in ("nsubj", "nsubjpass", "poss") and not any(c.dep_ == "compound" for c in token.children):
            found[token.text].add(token.i)
    return found


def _name_shaped(part: list[Token], surnames: dict[str, set[int]]) -> bool:
    """Whether tokens read as a person's name by the rules of the module docstring."""
    words = [t.text for t in part]
    return (
        2 <= len(words) <= 3
        and all(w.isalpha() and w[:1].isupper() and not w.isupper() for w in words)
        and words[-1].lower() not in ORG_NAME_ENDINGS
        and bool(surnames.get(words[-1], set()) - {part[-1].i})
        and given_name_gender(" ".join(words)) is not None
    )


def _split(ent: Span) -> list[list[Token]]:
    """The parts of an entity around possessive markers ("Golf Channel" and "Jaime Diaz")."""
    parts: list[list[Token]] = [[]]
    for token in ent:
        if token.tag_ == "POS" or token.text in ("'", "’"):
            parts.append([])
        else:
            parts[-1].append(token)
    return [part for part in parts if part]


def mislabelled_names(ents: tuple[Span, ...]) -> list[Span]:
    """The person names among entities NER labelled otherwise, as new PERSON spans, in text order."""
    if not any(ent.label_ in MISLABELLED for ent in ents):
        return []
    surnames = _lone_surnames(ents[0].doc)
    return [
        Span(ent.doc, part[0].i, part[-1].i + 1, label="PERSON")
        for ent in ents
        if ent.label_ in MISLABELLED
        for part in _split(ent)
        if _name_shaped(part, surnames)
    ]
