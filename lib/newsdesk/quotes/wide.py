"""The wide scope's own attribution shapes (``attributions="all"``): noun cues and impressions.

A noun cue with its source ("the mayor's call for an audit", "criticism from X that ...") and an
impression whose source is not stated ("The plan seems to work"). `newsdesk.quotes.QuoteFinder` hands
each the cue token it found in the lexicon; ``in_quote`` maps a token index to the quoted stretch it is
in (-1 for none).

>>> from newsdesk.nlp import parse_text
>>> doc = parse_text("The mayor's call for an independent audit was rejected. The plan seems to work.")
>>> found = nominal_attribution(doc[3], doc.text, [-1] * len(doc))
>>> doc.text[found.start : found.end], found.kind
('an independent audit', 'indirect')
>>> [doc.text[f.start : f.end] for f in impression(doc[13], doc.text, [-1] * len(doc))]
['The plan seems to work']
"""

from __future__ import annotations

from spacy.tokens import Token

from newsdesk.quotes.build import Found, content_span
from newsdesk.quotes.syntax import cue_range, topic

__all__ = ["impression", "nominal_attribution"]


def impression(cue: Token, text: str, in_quote: list[int]) -> list[Found] | None:
    """'The plan seems to work', 'It appears (that) X': an impression whose source is not stated; the
    content runs from the subject to the end of the complement."""
    complement = next((c for c in cue.rights if c.dep_ in ("ccomp", "xcomp")), None)
    if complement is None:
        return None
    subject = next((c for c in cue.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    if complement.dep_ == "ccomp" or subject is None or subject.lower_ == "it":
        first = complement.left_edge.i
    else:
        first = subject.left_edge.i
    span = content_span(text, cue.doc, first, complement.right_edge.i)
    if span is None or in_quote[cue.i] >= 0:
        return None
    return [Found(span[0], span[1], "indirect", cue_range(cue), None, 0.45)]


def nominal_attribution(cue: Token, text: str, in_quote: list[int]) -> Found | None:
    """A noun cue with its source ("the mayor's call for an audit", "criticism from X that ...")."""
    source = next((c for c in cue.children if c.dep_ == "poss"), None)
    if source is None:
        source = next((g for c in cue.rights if c.dep_ == "prep" and c.lower_ in ("from", "by")
                       for g in c.children if g.dep_ == "pobj"), None)
    if source is None or in_quote[source.i] >= 0:
        return None
    content = next((c for c in cue.rights if c.dep_ in ("acl", "ccomp")), None) or topic(cue)
    if content is None:
        return None
    first, last = max(content.left_edge.i, cue.i + 1), content.right_edge.i
    if first <= source.i <= last or last - first < 1:
        return None
    span = content_span(text, cue.doc, first, last)
    if span is None:
        return None
    quoted = any(in_quote[i] >= 0 for i in range(first, last + 1))
    mention = (source.left_edge.i, source.i + 1)  # without the possessive "'s"
    return Found(span[0], span[1], "mixed" if quoted else "indirect", (cue.i, cue.i + 1), source, 0.5, mention=mention)
