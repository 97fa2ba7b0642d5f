"""Labelling verbs: 'called the minister a "coward"', 'described the deal as a betrayal', 'dubbed it
"the needle"'. The label given is the content, with the thing labelled before it (never that thing alone),
and only a speaker who can speak gives one: "a ball called the pin" names a thing, it reports nobody's words.

>>> from newsdesk.nlp import parse_text
>>> from newsdesk.quotes.context import build_context
>>> context = build_context(parse_text('Lee called the minister a "coward".'))
>>> cue = context.doc[1]
>>> found = labelled(cue, context.doc[0], context)
>>> context.text[found.start : found.end], found.kind, found.cue_class
('the minister a "coward', 'mixed', 'label')
"""

from __future__ import annotations

from spacy.tokens import Token

from newsdesk.quotes.context import PassContext
from newsdesk.quotes.found import Found, content_span
from newsdesk.quotes.syntax import cue_range, human, own_clause
from newsdesk.records import QuoteKind
from newsdesk.speakers.words import EVIDENCE_NOUNS

__all__ = ["LABELLING", "label_head", "labelled", "speaks"]

#: Verbs that give a label ("called X Y", "described X as Y", "dubbed X Y").
LABELLING = frozenset({"call", "describe", "portray", "dub", "brand", "label", "term"})
#: Verbs whose label counts without quotation marks ("branded the bill a disgrace"); "call" needs them
#: ("we call it home" gives a name, not a statement).
_UNQUOTED = frozenset({"describe", "portray", "brand"})
LABEL_CONFIDENCE = 0.65
_THING_ENTS = frozenset({"LOC", "FAC", "PRODUCT", "LAW"})


def label_head(cue: Token) -> Token | None:
    """The label: the object predicate ("called him a 'coward'"), a noun the parser hung on the verb after
    the object ("branded the bill a disgrace"), or the object of "as" ("described it as a betrayal")."""
    obj = next((c for c in cue.rights if c.dep_ == "dobj"), None)
    for child in cue.rights:
        if child.dep_ in ("oprd", "xcomp") and child.pos_ in ("NOUN", "ADJ", "PROPN"):
            return child
        if child.dep_ == "npadvmod" and obj is not None and child.i > obj.i:
            return child
        if child.dep_ == "prep" and child.lower_ == "as":
            return next((g for g in child.children if g.dep_ in ("pobj", "amod", "acomp")), None)
    if obj is not None:  # "described the deal as ...", the parser hanging "as" on the object
        prep = next((c for c in obj.rights if c.dep_ == "prep" and c.lower_ == "as"), None)
        if prep is not None:
            return next((g for g in prep.children if g.dep_ in ("pobj", "amod", "acomp")), None)
        return next((c for c in obj.rights if c.dep_ == "appos"), None)  # 'labelled the offer "an insult"'
    return None


def speaks(speaker: Token) -> bool:
    """Whether a stated subject can give a label: anyone or any body, not a document, data or a place
    ("the study called it ..." reports evidence, "the river called ..." names a thing)."""
    if speaker.lemma_.lower() in EVIDENCE_NOUNS or speaker.lower_ in EVIDENCE_NOUNS:
        return False
    return speaker.ent_type_ not in _THING_ENTS and (speaker.pos_ in ("NOUN", "PROPN", "PRON") or human(speaker))


def labelled(cue: Token, speaker: Token | None, context: PassContext) -> Found | None:
    """The label a labelling verb gives, as a Found (cue class "label"); None when there is no label or
    no speaker who can give one."""
    if speaker is None or not speaks(speaker) or cue.lemma_.lower() not in LABELLING:
        return None
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in cue.children):
        return None  # "they are portrayed as heroes": what is labelled, not who labels
    head = label_head(cue)
    if head is None or head.i < cue.i:
        return None
    first, last = head.left_edge.i, head.right_edge.i
    quoted = [i for i in range(first, last + 1) if context.in_quote[i] >= 0]
    if not quoted and cue.lemma_.lower() not in _UNQUOTED:
        return None
    obj = next((c for c in cue.rights if c.dep_ == "dobj" and c.i < head.i), None)
    if obj is not None:  # what is labelled, then the label: 'the minister a "coward"' (never the object alone)
        first = obj.left_edge.i
    elif head.head.lower_ == "as" and head.head.i > cue.i:
        first = head.head.i  # "described it as a 'package ...'"
    # the rest of what the verb says of it stays ('... "a genius" for his tax strategy')
    last = max([last] + [c.right_edge.i for c in cue.rights if c.i > head.i and not own_clause(c)])
    span = content_span(context.text, context.doc, first, last)
    if span is None:
        return None
    kind: QuoteKind = "mixed" if quoted else "indirect"
    return Found(span[0], span[1], kind, cue_range(cue), speaker, LABEL_CONFIDENCE, cue_class="label")
