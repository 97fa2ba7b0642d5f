"""From found attributions to `Quote` records.

`build_records` turns an article's `newsdesk.quotes.found.Found` list into `Quote` rows: it resolves each
speaker mention with `newsdesk.speakers.resolver.SpeakerResolver` and sets the offsets of cue and mention,
the cue class (`cue_class_of`), the paragraph and the confidence.

>>> from newsdesk.nlp import parse_text
>>> cue_class_of(parse_text("She warned them.")[1])
'react'
"""

from __future__ import annotations

import bisect
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from newsdesk.io.articles import Article
from newsdesk.quotes.found import Found
from newsdesk.quotes.lexicon import ALL_CLASSES, load_lexicon
from newsdesk.quotes.marks import PARAGRAPH_BREAK, QuotedSpan
from newsdesk.quotes.syntax import mention_range, singular
from newsdesk.records import Quote
from newsdesk.speakers.resolver import Speaker, SpeakerResolver

__all__ = ["build_records", "cue_class_of"]

_FLOAT_PARAGRAPHS = 2  # a cue-less quote takes the speaker of a quote at most this many paragraph breaks back
#: Confidence lost by an attribution whose speaker could not be resolved.
UNRESOLVED_PENALTY = 0.15
MIN_CONFIDENCE = 0.05
_ALL_CUES = load_lexicon(classes=ALL_CLASSES)  # every cue class, for the cue_class column


def cue_class_of(token: Token | None) -> str:
    """The lexicon class of a cue word; "speech" for "according to", a headline colon or no cue at all
    (a quote continuing an earlier one is quoted speech)."""
    entry = None if token is None else _ALL_CUES.for_token(token)
    return entry.cls if entry is not None else "speech"


def build_records(
    article: Article, doc: Doc, found: list[Found], speech: Sequence[QuotedSpan], *, unattributed: bool = False
) -> list[Quote]:
    """The `Quote` records of an article's attributions, in text order: speakers resolved (a cue-less quote
    takes the speaker of a quote shortly before it), offsets, paragraph, cue class and confidence set.
    ``unattributed`` keeps a cue-less quote no earlier speaker reaches (speaker None)."""
    resolver = SpeakerResolver.from_doc(
        doc,
        quoted=[(s.start, s.end) for s in speech],
        media=article.credits,
        reported=[(f.start, f.end) for f in found if f.kind != "direct"],
    )
    paragraph_starts = [p.start for p in article.paragraphs]
    contents = sorted((f.start, f.end) for f in found)
    content_starts = [s for s, _ in contents]
    longest = max((e - s for s, e in contents), default=0)

    def in_content(char: int) -> bool:
        near = contents[bisect_left(content_starts, char - longest) : bisect_right(content_starts, char)]
        return any(s <= char < e for s, e in near)

    def blocked_for(f: Found) -> Callable[[int], bool]:
        def blocked(i: int) -> bool:
            token = doc[i]
            if f.cue is not None and f.cue[0] <= i < f.cue[1]:
                return True
            if f.start <= token.idx < f.end or any(s.start <= token.idx < s.end for s in speech):
                return True
            return in_content(token.idx)

        return blocked

    records: list[Quote] = []
    last_speaker: tuple[str, int] | None = None
    last_source: tuple[str, int] | None = None
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        speaker = Speaker(None)
        mention: tuple[int, int] | None = None
        if f.speaker is not None:
            lo, hi = f.mention or mention_range(f.speaker, blocked_for(f))
            mention = (lo, hi)
            speaker = resolver.resolve(doc[lo:hi], last_speaker=last_speaker, last_source=last_source)
        elif f.follows:
            prior = next((r for r in reversed(records) if r.speaker is not None), None)
            breaks = len(PARAGRAPH_BREAK.findall(article.text, prior.end, f.start)) if prior else 0
            if prior is not None and breaks <= _FLOAT_PARAGRAPHS:
                speaker = Speaker(prior.speaker, prior.speaker_role, prior.speaker_type)
            elif not unattributed:
                continue
        if speaker.type == "person" and speaker.name:
            last_speaker = (speaker.name, doc[mention[0]].idx if mention else f.start)
        elif speaker.type == "anonymous" and speaker.name and mention is not None and f.speaker is not None \
                and singular(f.speaker):
            # a singular unnamed source ("one dealer") can be the "he" of the next sentence
            last_source = (speaker.name, doc[mention[1] - 1].idx)
        if f.cue_class == "evidential":  # "The study found ...": the document (or its author) reports evidence
            speaker = _document(resolver, f.speaker, speaker, doc[mention[0] : mention[1]] if mention else None)
        records.append(_quote(article, doc, f, speaker, mention, paragraph_starts))
    records.sort(key=lambda q: (q.start, q.end, q.cue_start if q.cue_start is not None else -1))
    return _lead_ins(records, article.text)


def _document(resolver: SpeakerResolver, head: Token | None, speaker: Speaker, mention: Span | None) -> Speaker:
    """The speaker of an evidential: the document's author when the resolver found one, else its possessor
    ("their research" -> whoever "they" are) or the name in front of it ("Statistics Canada figures"),
    else the mention itself ("A new study"); its type is "document"."""
    if speaker.type not in ("person", "organisation", "media") and head is not None and mention is not None:
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        names = [e for e in mention.ents if e.label_ in ("ORG", "PERSON", "GPE", "NORP") and head not in e]
        if owner is not None and owner.pos_ == "PRON":
            speaker = resolver.resolve(head.doc[owner.i : owner.i + 1])
        elif names:
            speaker = resolver.resolve(names[0])
        if speaker.name is None or speaker.type not in ("person", "organisation", "media"):
            speaker = Speaker(speaker.name or mention.text)
    return replace(speaker, type="document")


def _quote(
    article: Article,
    doc: Doc,
    f: Found,
    speaker: Speaker,
    mention: tuple[int, int] | None,
    paragraph_starts: Sequence[int],
) -> Quote:
    """The `Quote` of one attribution, its speaker resolved to ``speaker`` from the tokens ``mention``."""
    cue_start = cue_end = None
    cue_text = None
    if f.cue is not None:
        cue_start = doc[f.cue[0]].idx
        cue_end = doc[f.cue[1] - 1].idx + len(doc[f.cue[1] - 1].text)
        cue_text = article.text[cue_start:cue_end]
    speaker_start = speaker_end = None
    mention_text = None
    if mention is not None:
        speaker_start = doc[mention[0]].idx
        speaker_end = doc[mention[1] - 1].idx + len(doc[mention[1] - 1].text)
        mention_text = article.text[speaker_start:speaker_end]
    start, end = f.start, f.end
    if f.kind == "direct":
        while end > start and article.text[end - 1] in ", ":
            end -= 1
    index = bisect.bisect_right(paragraph_starts, start) - 1
    paragraph = (
        article.paragraphs[index].index if index >= 0 and start < article.paragraphs[index].end else None
    )
    confidence = f.confidence - (UNRESOLVED_PENALTY if speaker.name is None else 0.0)
    cue_class = f.cue_class or cue_class_of(doc[f.cue[0]] if f.cue is not None else None)
    return Quote(
        article_id=article.id,
        start=start,
        end=end,
        text=article.text[start:end],
        kind=f.kind,
        cue=cue_text,
        cue_start=cue_start,
        cue_end=cue_end,
        cue_class=cue_class,
        speaker=speaker.name,
        speaker_mention=mention_text,
        speaker_start=speaker_start,
        speaker_end=speaker_end,
        speaker_role=speaker.role,
        speaker_type=speaker.type,
        paragraph=paragraph,
        confidence=round(max(MIN_CONFIDENCE, confidence), 2),
    )


def _lead_ins(records: list[Quote], text: str) -> list[Quote]:
    """A cue-less quote right before an attributed one in the same paragraph ("“A.” “B,” she said.")
    belongs to that quote's speaker, not to the previous one."""
    out = list(records)
    for i in range(len(out) - 2, -1, -1):
        quote, following = out[i], out[i + 1]
        if quote.cue is not None or quote.kind != "direct" or following.kind != "direct":
            continue
        if following.speaker_mention is None and following.cue is None:
            continue
        between = text[quote.end : following.start]
        if "\n" in between or len(between.strip(" \t,.;:!?\"“”")) > 0:
            continue
        out[i] = replace(
            quote,
            speaker=following.speaker,
            speaker_role=following.speaker_role,
            speaker_type=following.speaker_type,
        )
    return out
