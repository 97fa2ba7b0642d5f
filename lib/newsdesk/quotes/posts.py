"""Quotes with no verb: a pull quote (a quoted or standalone paragraph, then a line with only a name) and
an embedded post (a paragraph signed "— Name (@handle) date"). Both are the named person's own words.

>>> from newsdesk.nlp import parse_text
>>> from newsdesk.quotes.context import build_context
>>> text = ("Lena Ortiz runs the clinic.\\n“Rebuilding takes years.”\\nLena Ortiz\\nThe clinic opened in May.\\n"
...         "We are open again today. — Harbour Clinic (@harbourclinic) May 3, 2024")
>>> context = build_context(parse_text(text))
>>> [(context.text[f.start : f.end], f.cue_class, context.doc[f.mention[0] : f.mention[1]].text)
...  for f in name_line_quotes(context)]
[('Rebuilding takes years.', 'pull', 'Lena Ortiz'), ('We are open again today.', 'post', 'Harbour Clinic')]
"""

from __future__ import annotations

import re

from newsdesk.quotes.context import PassContext
from newsdesk.quotes.found import Found, trim
from newsdesk.quotes.marks import SENTENCE_END, WORD, paragraph_spans

__all__ = ["name_line_quotes"]

_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|da|del|la|le|bin|al)){0,4}"
#: A line holding only a name, after an optional dash ("Lena Ortiz", "— Lena Ortiz").
_NAME_LINE = re.compile(rf"\s*[—–-]?\s*(?P<name>{_NAME})\s*\Z")
#: An embedded post's signature: "— Name (@handle)", then perhaps its date.
_SIGNATURE = re.compile(rf"[—–]\s*(?P<name>{_NAME})\s*\(@\w{{1,30}}\)")
PULL_CONFIDENCE = 0.6
POST_CONFIDENCE = 0.65
_MIN_WORDS, _MAX_WORDS = 3, 80


def name_line_quotes(context: PassContext) -> list[Found]:
    """Pull quotes and signed posts of an article, in text order."""
    text = context.text
    paragraphs = paragraph_spans(text)
    found: list[Found] = []
    for k, (start, end) in enumerate(paragraphs):
        line = text[start:end]
        signature = _SIGNATURE.search(line)
        if signature is not None:
            body = (start, start + signature.start())
            if len(WORD.findall(text[body[0] : body[1]])) < _MIN_WORDS and k > 0:
                body = paragraphs[k - 1]
            record = _record(context, body, start + signature.start("name"), start + signature.end("name"), "post")
        elif k > 0 and (match := _NAME_LINE.match(line)) is not None:
            name = (start + match.start("name"), start + match.end("name"))
            pulled = _pull_quote(context, paragraphs[k - 1], name, last=k == len(paragraphs) - 1)
            if pulled is None:
                continue
            record = _record(context, pulled, *name, "pull")
        else:
            continue
        if record is not None:
            found.append(record)
    return found


def _pull_quote(
    context: PassContext, body: tuple[int, int], name: tuple[int, int], *, last: bool
) -> tuple[int, int] | None:
    """The content of the paragraph ``body`` before a name line when it is that person's pull quote: the
    name is a person's named elsewhere in the article, and the paragraph is quoted whole, or is a sentence
    with no cue of its own and the name line does not end the article (where an author's name stands)."""
    doc, text = context.doc, context.text
    first, last_token = context.token_at(name[0]), context.token_at(name[1] - 1)
    tokens = doc[first : last_token + 1]
    if not all(t.pos_ == "PROPN" for t in tokens) or not any(t.ent_type_ == "PERSON" for t in tokens):
        return None
    if text.count(tokens[-1].text) < 2:  # the surname: named elsewhere too
        return None
    quoted = next((s for s in context.speech if s.start <= body[0] and s.end >= body[1]), None)
    if quoted is not None:
        return quoted.content_start, quoted.content_end
    content = text[body[0] : body[1]].strip()
    if last or not SENTENCE_END.search(content) or '"' in content or "“" in content:
        return None
    lo, hi = context.token_at(body[0]), context.token_at(body[1] - 1)
    return None if any(lo <= i <= hi for i in context.cues) else body


def _record(context: PassContext, body: tuple[int, int], name_start: int, name_end: int, kind: str) -> Found | None:
    """The Found of a quote ``body`` by the name at ``name_start``..``name_end``."""
    start, end = body
    while end > start and context.text[end - 1].isspace():
        end -= 1
    if context.text[end - 1 : end] not in (".", "!", "?"):
        start, end = trim(context.text, start, end)
    words = len(WORD.findall(context.text[start:end]))
    if not _MIN_WORDS <= words <= _MAX_WORDS:
        return None
    first, last = context.token_at(name_start), context.token_at(name_end - 1)
    if any(context.in_quote[i] >= 0 for i in range(first, last + 1)):
        return None
    confidence = POST_CONFIDENCE if kind == "post" else PULL_CONFIDENCE
    speaker = context.doc[last]
    return Found(start, end, "direct", None, speaker, confidence, mention=(first, last + 1), cue_class=kind)
