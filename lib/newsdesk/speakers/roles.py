"""The role an article gives a person: a title before the name or a phrase set beside it.

"State Department spokesperson Matthew Miller", "Hugh Hill, a doctor,", "Jane Holt, Labour shadow
health secretary, said". Functions here read one mention's surroundings; ``persons`` is the set of
token indices inside PERSON entities (a phrase naming someone else is no role).

>>> from newsdesk.nlp import parse_text
>>> doc = parse_text("Ukrainian President Volodymyr Zelenskyy spoke.")
>>> role_of(doc.ents[-1], {2, 3})
'Ukrainian President'
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from spacy.tokens import Span, Token

from newsdesk.speakers.words import EDGE_JUNK, HONORIFIC_WORDS, ROLE_MARKERS

__all__ = ["description", "mention_role", "role_noun", "role_of", "span_text", "strip_det"]

_ROLE_LIMIT = 14  # tokens


def strip_det(tokens: Sequence[Token]) -> list[Token]:
    """The tokens without leading determiners, possessives or punctuation, nor trailing punctuation."""
    kept = list(tokens)
    while kept and (kept[0].dep_ in ("det", "poss", "punct", "case") or kept[0].is_punct):
        kept.pop(0)
    while kept and (kept[-1].is_punct or kept[-1].dep_ == "case"):
        kept.pop()
    return kept


_ROLE_BREAKS = frozenset({"of", "for", "at", "with", "in", "on", "from", "to", "and", "who", ",", "("})


def role_noun(role: str) -> str:
    """The noun a role is headed by, lower case: its last word before "of", "for", "and" ... ("" for none).

    >>> role_noun("veteran goalie"), role_noun("chief executive of the railway"), role_noun("Raptors' coach")
    ('goalie', 'executive', 'coach')
    """
    words: list[str] = []
    for word in role.replace(",", " , ").split():
        if word.lower() in _ROLE_BREAKS:
            break
        words.append(word)
    last = words[-1].lower() if words else ""
    return last if last.isalpha() else ""


def span_text(tokens: Sequence[Token]) -> str:
    """The document's text from the first token to the last ("" for none)."""
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


def description(span: Span) -> str:
    """A describing noun phrase as a role, without its leading article: "the agency's former chief
    executive" from "The agency's former chief executive"."""
    tokens = [t for t in span if not t.is_space]
    if tokens and tokens[0].dep_ == "det" and tokens[0].lower_ in ("the", "a", "an"):
        tokens = tokens[1:]
    return span_text(tokens).strip(EDGE_JUNK) if tokens else span.text.strip(EDGE_JUNK)


def role_of(ent: Span, persons: Container[int]) -> str | None:
    """The role an entity mention carries: pre-name title or appositive."""
    doc = ent.doc
    root = ent.root
    left = [c for c in root.lefts if c.i < ent.start and c.dep_ in ("compound", "amod", "nmod", "nn")]
    if left:
        start = min(c.left_edge.i for c in left)
        tokens = strip_det(list(doc[start : ent.start]))
        while tokens and tokens[-1].lower_.rstrip(".") in HONORIFIC_WORDS:  # "Chairman Sir Roger Hale"
            tokens.pop()
        marked = any(t.lower_ in ROLE_MARKERS or (t.dep_ == "compound" and t.pos_ == "NOUN") for t in tokens)
        if marked and not any(t.i in persons for t in tokens) and len(tokens) <= _ROLE_LIMIT:
            return span_text(tokens)
    for child in root.rights:
        if child.dep_ == "appos" and child.i >= ent.end and child.i not in persons:
            tokens = strip_det(list(doc[child.left_edge.i : child.right_edge.i + 1]))
            if (
                any(t.pos_ in ("NOUN", "PROPN") for t in tokens)  # "Anna Berg, 34,": an age is not a role
                and child.pos_ not in ("VERB", "AUX")  # "Jo Hart: Rates must fall" is a statement, not a role
                and doc[ent.end].text != ":"
                and not any("\n" in t.text for t in tokens)
                and len(tokens) <= _ROLE_LIMIT
                and not any(t.i in persons for t in tokens)
            ):
                return span_text(tokens)
    head = root.head
    if root.dep_ == "appos" and head.i < ent.start and head.pos_ == "NOUN" and head.i not in persons:
        tokens = strip_det(list(doc[head.left_edge.i : head.i + 1]))  # "The veteran goalie, Pekka Lind"
        if tokens and len(tokens) <= _ROLE_LIMIT and not any(t.i in persons for t in tokens):
            return span_text(tokens)
    return _comma_role(ent, persons)


def _comma_role(name: Span, persons: Container[int]) -> str | None:
    """ "Jane Holt, Labour shadow health secretary, said": a role set off by commas right after the
    name, read from the surface when the parser did not make it an appositive (no verb inside)."""
    doc = name.doc
    if name.end + 2 >= len(doc) or doc[name.end].text != ",":
        return None
    close = next((t.i for t in doc[name.end + 1 : name.end + 2 + _ROLE_LIMIT] if t.text == ","), None)
    if close is None or close + 1 >= len(doc) or doc[close + 1].pos_ not in ("VERB", "AUX"):
        return None
    tokens = strip_det(list(doc[name.end + 1 : close]))
    if not tokens or any(t.pos_ in ("VERB", "AUX", "PRON") or t.i in persons for t in tokens):
        return None
    if tokens[-1].pos_ != "NOUN" and tokens[-1].lower_ not in ROLE_MARKERS:
        return None
    return span_text(tokens)


def mention_role(mention: Span, ents: Sequence[Span], persons: Container[int]) -> str | None:
    """A role given inside the mention itself, if any (``ents``: the entities inside it); when NER
    missed the name ("Theresa May" read as a month), the proper-noun phrase heading the mention stands
    for it."""
    for ent in ents:
        if ent.label_ == "PERSON":
            return role_of(ent, persons)
    doc = mention.doc
    root = mention.root
    if root.pos_ != "PROPN" or root.ent_type_ not in ("", "PERSON", "DATE"):
        return None
    first = root.i
    while first - 1 >= mention.start and doc[first - 1].pos_ == "PROPN" and doc[first - 1].head == root:
        first -= 1
    return role_of(doc[first : root.i + 1], persons)
