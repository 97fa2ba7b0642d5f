"""The noun-cue pass of the wide scope: a noun cue with its source ("the mayor's call for an audit",
"criticism from X that ...").

>>> from newsdesk.nlp import parse_text
>>> from newsdesk.quotes.context import build_context
>>> from newsdesk.quotes.cues import CueReader
>>> from newsdesk.quotes.lexicon import ALL_CLASSES, load_lexicon
>>> wide = CueReader(load_lexicon(classes=ALL_CLASSES), nouns_and_adjectives=True)
>>> context = build_context(parse_text("The mayor's call for an independent audit was rejected."), cues=wide)
>>> [(context.text[f.start : f.end], f.kind) for f in noun_cue_quotes(context)]
[('an independent audit', 'indirect')]
"""

from __future__ import annotations

from spacy.tokens import Token

from newsdesk.quotes.context import PassContext
from newsdesk.quotes.found import Found, content_span
from newsdesk.quotes.syntax import topic
from newsdesk.records import QuoteKind

__all__ = ["noun_cue_quotes"]

NOUN_CUE_CONFIDENCE = 0.5


def noun_cue_quotes(context: PassContext) -> list[Found]:
    """What the noun cues attribute, except where a direct quote's marks are."""
    found = []
    for i in sorted(context.noun_cues):
        record = _nominal_attribution(context.doc[i], context)
        if record is not None and not any(record.start < e and s < record.end for s, e in context.claimed):
            found.append(record)
    return found


def _nominal_attribution(cue: Token, context: PassContext) -> Found | None:
    """A noun cue with its source ("the mayor's call for an audit", "criticism from X that ...")."""
    source = next((c for c in cue.children if c.dep_ == "poss"), None)
    if source is None:
        source = next((g for c in cue.rights if c.dep_ == "prep" and c.lower_ in ("from", "by")
                       for g in c.children if g.dep_ == "pobj"), None)
    if source is None or context.in_quote[source.i] >= 0:
        return None
    content = next((c for c in cue.rights if c.dep_ in ("acl", "ccomp")), None) or topic(cue)
    if content is None:
        return None
    first, last = max(content.left_edge.i, cue.i + 1), content.right_edge.i
    if first <= source.i <= last or last - first < 1:
        return None
    span = content_span(context.text, cue.doc, first, last)
    if span is None:
        return None
    kind: QuoteKind = "mixed" if context.any_quoted(first, last) else "indirect"
    mention = (source.left_edge.i, source.i + 1)  # without the possessive "'s"
    return Found(span[0], span[1], kind, (cue.i, cue.i + 1), source, NOUN_CUE_CONFIDENCE, mention=mention)
