"""Attributions marked by fixed wording instead of a reporting verb: "according to X", the headline
"Name: statement" and a transcript's "MR. LEE: statement".

Each is a pass over a whole parsed article.

>>> from newsdesk.nlp import parse_text
>>> from newsdesk.quotes.context import build_context
>>> text = "Rosa Kent: Our union will not give up\\nTurnout was low, according to officials."
>>> context = build_context(parse_text(text))
>>> [(f.speaker.text, context.text[f.start : f.end]) for f in according_to(context)]
[('officials', 'Turnout was low')]
>>> [(f.speaker.text, context.text[f.start : f.end]) for f in name_colon(context)]
[('Kent', 'Our union will not give up')]
"""

from __future__ import annotations

from spacy.tokens import Span

from newsdesk.quotes.context import PassContext
from newsdesk.quotes.found import Found, content_span, trim
from newsdesk.records import QuoteKind
from newsdesk.speakers.words import GENERIC_ORG_NOUNS, HONORIFIC_WORDS

__all__ = ["according_to", "name_colon"]

HEADLINE_CONFIDENCE = 0.6  # "Name: statement"
ACCORDING_TO_CONFIDENCE = 0.8


def _is_known_name(name: Span, known: frozenset[str]) -> bool:
    """Whether a short capitalised stretch names a person or organisation: it is one, or its last
    word is part of a person or organisation named elsewhere in the article (headlines are often
    mis-tagged: "Okafor: ..."). A trailing organisation noun is allowed ("Okafor campaign")."""
    words = list(name)
    if len(words) > 1 and words[-1].lower_ in GENERIC_ORG_NOUNS | {"camp"}:
        words = words[:-1]
    if not 1 <= len(words) <= 4 or not all(t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper() for t in words):
        return False
    if any(e.label_ in ("PERSON", "ORG") for e in name.ents):
        return all(t.pos_ == "PROPN" for t in words)
    return words[-1].lower_ in known


def _transcript_label(name: Span) -> bool:
    """A transcript's speaker label: an honorific and one or two capitalised words ("MR. LEE", "Ms. Ortiz")."""
    words = [t for t in name if t.text != "."]
    if not 2 <= len(words) <= 3 or words[0].lower_.rstrip(".") not in HONORIFIC_WORDS:
        return False
    return all(t.text[:1].isupper() and t.is_alpha for t in words[1:])


def name_colon(context: PassContext) -> list[Found]:
    """Headline-style "John McCain: Populist anger appeals to ..." (a name, a colon, the statement)."""
    doc, text, in_quote = context.doc, context.text, context.in_quote
    found = []
    known: frozenset[str] | None = None
    for token in doc:
        if token.text != ":" or in_quote[token.i] >= 0 or token.i == 0:
            continue
        line_start = text.rfind("\n", 0, token.idx) + 1
        first = token.i
        while first > 0 and doc[first - 1].idx >= line_start:
            first -= 1
        if known is None:
            known = frozenset(t.lower_ for e in doc.ents if e.label_ in ("PERSON", "ORG") for t in e)
        transcript = not _is_known_name(doc[first : token.i], known)
        if transcript and not _transcript_label(doc[first : token.i]):
            continue
        line_end = text.find("\n", token.idx)
        line_end = len(text) if line_end < 0 else line_end
        start, end = trim(text, token.idx + 1, line_end)
        if end - start < 10 or (transcript and not text[start : start + 1].isupper()):
            continue  # a transcript's statement is a sentence ("Mr. Big: a review" is a title)
        last = context.token_at(end - 1)
        kind: QuoteKind = "mixed" if any(in_quote[i] >= 0 for i in range(token.i + 1, last + 1)) else "indirect"
        cue = (token.i, token.i + 1)
        name = doc[first : token.i]
        found.append(Found(start, end, kind, cue, name.root, HEADLINE_CONFIDENCE, mention=(first, token.i)))
    return found


def according_to(context: PassContext) -> list[Found]:
    """ "According to X, ..." attributions."""
    doc, text, in_quote = context.doc, context.text, context.in_quote
    found = []
    for token in doc:
        if token.lower_ != "according" or in_quote[token.i] >= 0 or token.i + 1 >= len(doc):
            continue
        to = doc[token.i + 1]
        if to.lower_ != "to":
            continue
        objects = [c for c in to.children if c.dep_ == "pobj"]
        if not objects:
            continue
        speaker = objects[0]
        sent = token.sent
        lo, hi = token.i, to.right_edge.i
        before = (sent.start, lo - 1)
        after = (hi + 1, sent.end - 1)
        first, last = after if after[1] - after[0] >= before[1] - before[0] else before
        if last - first < 2:
            continue
        span = content_span(text, doc, first, last)
        if span is None:
            continue
        kind: QuoteKind = "mixed" if any(in_quote[i] >= 0 for i in range(first, last + 1)) else "indirect"
        found.append(Found(span[0], span[1], kind, (token.i, token.i + 2), speaker, ACCORDING_TO_CONFIDENCE))
    return found
