"""The direct pass: quoted speech and who said it.

A quoted stretch that reads as speech is tied to the reporting verb right after it (``"...," Kirby
said``) or right before it (``Kirby said: "..."``); a quote a colon introduces takes the subject of the
introducing clause ('Martell is more blunt: "..."'); a quoted sentence with no cue inherits the speaker
of the quote just before it (news "floating" quotes, resolved by `newsdesk.quotes.build`).

>>> from newsdesk.nlp import parse_text
>>> from newsdesk.quotes.context import build_context
>>> context = build_context(parse_text('"We are ready," Kirby said. "It will be hard."'))
>>> [(context.text[f.start : f.end], f.speaker and f.speaker.text, f.follows) for f in direct_quotes(context)]
[('We are ready,', 'Kirby', False), ('It will be hard.', None, True)]
"""

from __future__ import annotations

from spacy.tokens import Token

from newsdesk.quotes.context import PassContext
from newsdesk.quotes.found import Found
from newsdesk.quotes.marks import QuotedSpan
from newsdesk.quotes.syntax import NOT_SPEAKERS, capitalised_word, cue_range, human, speaker_token

__all__ = ["direct_quotes"]

#: How many tokens may separate a quote from its cue.
MAX_GAP_TOKENS = 14
CUE_AFTER_CONFIDENCE = 0.9  # '"...," Kirby said'
CUE_BEFORE_CONFIDENCE = 0.85  # 'Kirby said: "..."'
NO_SPEAKER_CONFIDENCE = 0.5  # a cue, but no speaker found for it
UNCUED_CONFIDENCE = 0.6  # a colon's subject, or a quote continuing the previous speaker's
ADJACENT_CONFIDENCE = 0.55  # '"...," Tomas grinned': a verb outside the lexicon with a human subject
#: Tags of a finite verb in a narrative sentence ("Tomas grinned", "she shrugs").
_NARRATIVE_TAGS = frozenset({"VBD", "VBZ"})


def direct_quotes(context: PassContext) -> list[Found]:
    """The direct quotes of an article, in text order."""
    found: list[Found] = []
    for span in context.speech:
        attribution = _cue_and_speaker(span, context)
        if attribution is not None:
            cue, speaker, confidence = attribution
            record = Found(
                span.content_start, span.content_end, "direct", cue_range(context.doc[cue]), speaker, confidence
            )
        elif (adjacent := _adjacent_verb(span, context)) is not None:
            verb, speaker = adjacent
            record = Found(
                span.content_start, span.content_end, "direct", cue_range(context.doc[verb]), speaker,
                ADJACENT_CONFIDENCE, cue_class="adjacent",
            )
        elif (introducer := _colon_subject(span, context)) is not None:
            record = Found(span.content_start, span.content_end, "direct", None, introducer, UNCUED_CONFIDENCE)
        elif span.closed and _starts_sentence(context.text, span.start):
            record = Found(span.content_start, span.content_end, "direct", None, None, UNCUED_CONFIDENCE, follows=True)
        else:
            continue
        found.append(record)
    return found


def _adjacent_verb(span: QuotedSpan, context: PassContext) -> tuple[int, Token] | None:
    """ '"You are late," Tomas grinned.' / '"Never," sighed Ana.': a quote ending in a comma, question or
    exclamation mark, then a sentence made of a human subject and one verb outside the lexicon (an adverb or
    particle at most besides), has that verb as its cue; its own class, "adjacent", says so."""
    doc, in_quote = context.doc, context.in_quote
    if not span.content.endswith((",", "?", "!", "—", "–")):
        return None
    first = context.token_at(span.end)
    if first < len(doc) and doc[first].idx < span.end:
        first += 1
    last = first
    while last < len(doc) and last - first < 8 and not (doc[last].is_punct or "\n" in doc[last].text):
        last += 1
    if last >= len(doc) or last == first or doc[last].text not in (".", ",", "!", "?") or in_quote[first] >= 0:
        return None
    verbs = [t for t in doc[first:last] if t.pos_ == "VERB" and t.tag_ in _NARRATIVE_TAGS]
    if len(verbs) != 1 or verbs[0].i in context.cues:
        return None
    verb = verbs[0]
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "dative") and c.i > verb.i for c in verb.children):
        return None  # "Lee plays a prince": the verb has its own object
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and first <= c.i < last), None)
    if subject is None or not human(subject):
        return None
    others = [t for t in doc[first:last] if t != verb and t.dep_ not in ("advmod", "prt", "npadvmod", "neg")]
    if any(t.i not in range(subject.left_edge.i, subject.right_edge.i + 1) for t in others):
        return None  # more than a subject and a verb: a sentence of its own
    return verb.i, subject


def _starts_sentence(text: str, start: int) -> bool:
    """Whether a quote opens a sentence (so it can stand alone as a "floating" quote)."""
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in ".!?\n:" or before[-2:] in (".”", '."', "?”", '?"', "!”", '!"')


def _colon_subject(span: QuotedSpan, context: PassContext) -> Token | None:
    """ 'Martell, the addictions doctor, is more blunt: "..."': a quote a colon introduces, with no
    cue, is the statement of the introducing clause's subject when that is a person."""
    doc, in_quote = context.doc, context.in_quote
    before = context.text[: span.start].rstrip(" \t")
    if not before.endswith(":") or span.start == 0:
        return None
    colon = context.token_at(len(before) - 1)
    if doc[colon].text != ":" or in_quote[colon] >= 0:
        return None
    if colon == 0 or doc[colon - 1].sent != doc[colon].sent:
        return None
    verb = doc[colon - 1]  # the clause before the colon (the parser may hang it on the quote)
    while verb.head.i < colon and verb.head.i != verb.i and in_quote[verb.head.i] < 0:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < colon), None)
    if subject is None or in_quote[subject.i] >= 0:
        return None
    if subject.pos_ == "PROPN" or subject.lower_ in ("he", "she"):
        return subject
    return None


def _cue_and_speaker(span: QuotedSpan, context: PassContext) -> tuple[int, Token | None, float] | None:
    """The cue (token index), speaker and confidence for a direct quote, or None."""
    return _cue_after(span, context) or _cue_before(span, context)


def _cue_after(span: QuotedSpan, context: PassContext) -> tuple[int, Token | None, float] | None:
    """'"...," Kirby said' / '"...," said Kirby, a spokesman.'"""
    doc, text, in_quote = context.doc, context.text, context.in_quote
    after = context.token_at(span.end)
    if after < len(doc) and doc[after].idx < span.end:
        after += 1
    if span.content.endswith(".") and not span.content.endswith(".."):
        after = len(doc)  # '"... well within the comfort zone." However, ...': a full stop ends the sentence
    for i in range(after, min(len(doc), after + MAX_GAP_TOKENS)):
        if in_quote[i] >= 0 or "\n" in doc[i].text:
            break
        # a sentence end between quote and cue: a full stop the tokenizer split off, not the one of an
        # abbreviation it keeps in its token ('"...," Mr. Kemp said', 'Gov. Lund said')
        if "\n" in text[span.end : doc[i].idx] or (i > after and doc[i - 1].text in (".", "?", "!")):
            break
        if i in context.cues and doc[i].dep_ != "relcl":  # "a neighbour, who gave no name, told ..."
            cue = doc[i]
            if any(c.dep_ == "ccomp" and c.i > i and in_quote[c.i] < 0 for c in cue.children):
                break  # the cue reports a clause of its own
            speaker = speaker_token(cue)
            if speaker is not None and in_quote[speaker.i] >= 0:
                speaker = None
            if speaker is None:  # a mis-parsed '"...," DeBoer said': the nominal right before the cue
                speaker = next(
                    (
                        doc[k]
                        for k in range(i - 1, after - 1, -1)
                        if (doc[k].pos_ in ("PROPN", "PRON", "NOUN") or capitalised_word(doc[k]))
                        and doc[k].ent_type_ not in NOT_SPEAKERS
                    ),
                    None,
                )
            return i, speaker, CUE_AFTER_CONFIDENCE if speaker is not None else NO_SPEAKER_CONFIDENCE
    return None


def _cue_before(span: QuotedSpan, context: PassContext) -> tuple[int, Token | None, float] | None:
    """'Kirby said: "..."' / '..., he said, "..."'"""
    doc, in_quote = context.doc, context.in_quote
    before = context.token_at(span.start - 1) if span.start > 0 else -1
    lowest = max(-1, before - MAX_GAP_TOKENS)
    for i in range(before, lowest, -1):
        if i < 0 or in_quote[i] >= 0 or doc[i].idx >= span.start:
            if i >= 0 and doc[i].idx >= span.start:
                continue
            break
        if "\n" in doc[i].text or doc[i].text in (".", "?", "!"):
            break
        if i in context.cues:
            gap = context.text[doc[i].idx + len(doc[i].text) : span.start]
            if not gap.strip() or gap.rstrip().endswith((":", ",")):
                speaker = speaker_token(doc[i])
                if speaker is not None and in_quote[speaker.i] >= 0:
                    speaker = None
                return i, speaker, CUE_BEFORE_CONFIDENCE if speaker is not None else NO_SPEAKER_CONFIDENCE
            break
    return None
