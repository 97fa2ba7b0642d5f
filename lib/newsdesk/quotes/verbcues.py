"""The verb-cue pass: what a reporting verb (or, in the wide scope, an adjective) reports.

A reporting verb from the lexicon with a reported clause ("Miller emphasized that ..."; "said in a
statement that ..."), an infinitive or object content ("urging unity ...", "criticized the plan",
"accused X of ..."), a topic ("talked about pay"), or the sentence around a parenthetical cue ("The
drugs have few uses, he says, and ..."); a raising verb gives an impression with no stated source
("The plan seems to work"). Content holding a quoted fragment is ``mixed``. `VerbCueRules` says what
else a scope accepts: `SPEECH_RULES` report who *said* what, `WIDE_RULES` every attribution.

>>> from newsdesk.nlp import parse_text
>>> from newsdesk.quotes.context import build_context
>>> context = build_context(parse_text("Miller emphasized that the talks went well."))
>>> [(context.text[f.start : f.end], f.speaker.text) for f in VerbCuePass(SPEECH_RULES)(context)]
[('the talks went well', 'Miller')]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from newsdesk.nlp import SUBJECT_DEPS
from newsdesk.quotes.context import PassContext
from newsdesk.quotes.found import Found, content_span
from newsdesk.quotes.labels import LABELLING, label_head, labelled, speaks
from newsdesk.quotes.lexicon import ReportingVerb
from newsdesk.quotes.syntax import (
    as_saying,
    asks,
    call_content,
    channel_clause,
    clause_extent,
    cue_range,
    directive,
    evidence,
    name_before,
    own_clause,
    small_clause,
    speaker_token,
    topic,
    unstated_source,
)
from newsdesk.records import QuoteKind
from newsdesk.speakers.words import RELATIVE_PRONOUNS

__all__ = ["SPEECH_RULES", "WIDE_RULES", "VerbCuePass", "VerbCueRules", "impression"]

_NAMING = frozenset({"call", "describe", "label", "dub"})
#: Evaluative cues whose object is what the statement was about ("criticized the plan", "praised her rival"):
#: a noun-phrase content is reported for them even without quotation marks.
_NOMINAL_LEMMAS = frozenset(
    {"criticize", "criticise", "describe", "portray", "praise", "denounce", "welcome", "tout", "lambaste", "decry",
     "accuse"}
)
_NOMINAL_CLASSES = frozenset({"emphasis", "request"})
#: Prepositions whose phrase after a reaction's object says what was said of it ("as", "of", "for").
_SPEECH_COMPLEMENTS = frozenset({"as", "of", "for"})
_ANONYMITY = frozenset({"name", "identify", "quote"})  # "who asked not to be named" reports nothing
#: Cues that attribute only the quote right beside them, never a clause of their own.
_ADJACENT_ONLY = frozenset({"continue", "post", "publish", "email", "answer", "recall", "go"})
#: A verb-cue record is dropped when more than this share of it lies in a direct quote's marks.
CLAIMED_SHARE = 0.5
CLAUSE_CONFIDENCE = 0.75  # a reported clause
INFINITIVE_CONFIDENCE = 0.65
OBJECT_CONFIDENCE = 0.6  # a noun-phrase object, "call for X", "called it X"
TOPIC_CONFIDENCE = 0.55
PARENTHETICAL_CONFIDENCE = 0.6
IMPRESSION_CONFIDENCE = 0.45
QUOTED_BONUS = 0.05  # content holding a quoted fragment
#: Share of a content's tokens in quotation marks from which 'said that "we will win"' is direct.
DIRECT_SHARE = 0.8


@dataclass(frozen=True, slots=True)
class VerbCueRules:
    """What a verb cue may report beyond a stated speaker's statement."""

    participle_sources: bool = False  # "the groups backing the bill": the noun the participle hangs on
    unstated_sources: bool = False  # "is expected to win", "Asked about the deal, ...": no source named
    negated_cues: bool = False  # "did not say", "Neither the palace nor ... confirmed"
    noun_phrase_contents: bool = False  # "endorsed the plan": a noun-phrase content for every cue
    topics: bool = False  # "talked about X" for every cue, not only topic cues
    statements_only: bool = True  # a reported clause must hold a verb and not be a question
    #: a reaction ("condemned", "praised") reports speech only with a clause, a quotation or "as ..."
    #: ("condemned the attack as cowardly"), never with a bare noun phrase ("condemned the decision")
    complements_required: bool = False


#: Who *said* what.
SPEECH_RULES = VerbCueRules()
#: Every attribution: thoughts, stances, impressions and topics too.
WIDE_RULES = VerbCueRules(
    participle_sources=True,
    unstated_sources=True,
    negated_cues=True,
    noun_phrase_contents=True,
    topics=True,
    statements_only=False,
)


@dataclass(frozen=True, slots=True)
class VerbCuePass:
    """The pass itself: every verb cue the direct quotes left free, under ``rules``."""

    rules: VerbCueRules

    def __call__(self, context: PassContext) -> list[Found]:
        found: list[Found] = []
        heirs: dict[int, Token] = {}  # participial cues cut off a reported clause -> that clause's speaker
        for i, entry in sorted(context.cues.items()):
            cue = context.doc[i]
            if i in context.used_cues and not _reports_own_clause(cue, context):
                continue
            if entry.lemma in _ADJACENT_ONLY:
                continue
            for record in _reported(cue, entry, context, self.rules, heirs) or ():
                if not _mostly_claimed(record, context.claimed):
                    found.append(record)
        return found


def _reports_own_clause(cue: Token, context: PassContext) -> bool:
    """Whether a cue has a reported clause outside quotation marks (so it reports more than its quote)."""
    return any(c.dep_ == "ccomp" and context.in_quote[c.i] < 0 for c in cue.children)


def _mostly_claimed(record: Found, claimed: Sequence[tuple[int, int]]) -> bool:
    size = record.end - record.start
    return any(
        record.start < e and s < record.end and min(e, record.end) - max(s, record.start) > CLAIMED_SHARE * size
        for s, e in claimed
    )


def _reported(
    cue: Token, entry: ReportingVerb, context: PassContext, rules: VerbCueRules, heirs: dict[int, Token]
) -> list[Found] | None:
    """What one cue reports; None when it reports nothing. ``heirs`` maps a participial cue that ends a
    reported clause to that clause's speaker (filled here, read for later cues)."""
    if entry.takes == "raising":
        return impression(cue, context)
    if as_saying(cue) and any(c.dep_ == "ccomp" for c in context.doc[cue.i + 2].children):
        return None  # "was described as saying X": the participle reports its clause X, for the subject
    attributed, speaker = _source(cue, context, rules, heirs)
    if not attributed:
        return None
    if entry.lemma in LABELLING:
        label = labelled(cue, speaker, context)
        if label is not None:
            return [label] if not _mostly_claimed(label, context.claimed) else None
        if entry.cls == "label" or ((speaker is None or not speaks(speaker)) and label_head(cue) is not None):
            return None  # "a ball called the pin": a name given to a thing
    nominal = rules.noun_phrase_contents or entry.cls in _NOMINAL_CLASSES or (
        entry.lemma in _NOMINAL_LEMMAS and not (rules.complements_required and _evaluative(entry))
    )
    content, confidence = _content(cue, entry, context, rules, nominal=nominal)
    if content is None:
        return _parenthetical(cue, speaker, context) if speaker is not None else None
    extent = _extent(cue, entry, content, context, rules, speaker, heirs)
    if extent is None:
        return None
    first, last = extent
    span = content_span(context.text, context.doc, first, last)
    if span is None:
        return None
    kind, quoted = _kind(first, last, context)
    bonus = QUOTED_BONUS if quoted else 0.0
    cue_class = "evidential" if speaker is not None and evidence(cue, speaker) else None
    return [Found(span[0], span[1], kind, cue_range(cue), speaker, confidence + bonus, cue_class=cue_class)]


def _source(
    cue: Token, context: PassContext, rules: VerbCueRules, heirs: dict[int, Token]
) -> tuple[bool, Token | None]:
    """Whether the cue attributes anything, and who to (None: a source the sentence does not state)."""
    speaker = heirs.get(cue.i) or speaker_token(cue.head if cue.pos_ == "ADJ" else cue) or name_before(cue)
    if speaker is None and rules.participle_sources and cue.dep_ == "acl" and cue.tag_ == "VBG" and cue.head.i < cue.i:
        speaker = cue.head  # "the groups backing the bill"
    if speaker is None:
        return rules.unstated_sources and unstated_source(cue), None
    if context.in_quote[speaker.i] >= 0 or speaker.lower_ == "you":
        return False, None
    negated = any(c.dep_ == "neg" for c in cue.children) or any(
        c.dep_ in ("det", "preconj") and c.lower_ in ("neither", "no") for c in speaker.children
    )
    if negated and not rules.negated_cues:
        return False, None  # "did not say", "Neither the palace nor ... confirmed"
    return True, speaker


def _content(
    cue: Token, entry: ReportingVerb, context: PassContext, rules: VerbCueRules, *, nominal: bool
) -> tuple[Token | None, float]:
    """The head of what the cue reports, and the confidence that shape earns."""
    for child in cue.children:
        if child.dep_ == "ccomp" and not (entry.cls == "cognition" and small_clause(child)):
            return child, CLAUSE_CONFIDENCE
    clause = channel_clause(cue)
    if clause is not None:
        return clause, CLAUSE_CONFIDENCE
    for child in cue.children:
        if (
            child.dep_ == "xcomp"
            and child.i > cue.i
            and child.lemma_ not in _ANONYMITY
            and (
                nominal
                or (child.pos_ in ("VERB", "AUX") and child.tag_ != "VB")
                or (directive(cue, child) and not _evaluative(entry))
            )
        ):
            return child, INFINITIVE_CONFIDENCE
        if (
            (nominal or _has_quote(child, context) or (_evaluative(entry) and _labelled_as(cue, child)))
            and entry.takes == "object"
            and child.dep_ == "dobj"
            and child.i > cue.i
        ):
            return child, OBJECT_CONFIDENCE
        if entry.lemma == "call" and call_content(cue) is not None:
            return call_content(cue), OBJECT_CONFIDENCE
        names_it = (child.dep_ in ("oprd", "xcomp", "ccomp") and child.i > cue.i) or (
            child.dep_ == "prep" and child.lower_ == "as"
        )  # "called it "the loneliest moment"", "described the move as ..."
        if entry.lemma in _NAMING and names_it and (nominal or _has_quote(child, context)):
            return child, OBJECT_CONFIDENCE
    if rules.topics or entry.takes == "topic":
        return topic(cue), TOPIC_CONFIDENCE  # "talked about the economy", "responded to the charges"
    return None, CLAUSE_CONFIDENCE


def _extent(
    cue: Token,
    entry: ReportingVerb,
    content: Token,
    context: PassContext,
    rules: VerbCueRules,
    speaker: Token | None,
    heirs: dict[int, Token],
) -> tuple[int, int] | None:
    """First and last token of the content headed by ``content``; None when it is no statement."""
    doc = context.doc
    first, last = content.left_edge.i, content.right_edge.i
    if content.dep_ == "ccomp" and content.i > cue.i:
        first, last = clause_extent(cue, content, entry)
        participle = _participial_cue(first, last, context)
        if participle is not None:  # "..., saying the party needs ...": the same speaker's next statement
            last = participle.i - 2
            if speaker is not None:
                heirs[participle.i] = speaker
    if entry.lemma == "call" and doc[first].lower_ == "for":
        first += 1
    if content.i > cue.i:
        first = max(first, cue.i + 1)
    else:
        last = min(last, cue.i - 1)
    if content.dep_ == "dobj" or content.dep_ == "pobj":
        last = max(last, max((c.right_edge.i for c in cue.rights if not own_clause(c)), default=last))
    if speaker is not None and first < speaker.i <= last:
        return None
    if rules.statements_only and content.dep_ == "ccomp":
        if not any(t.pos_ in ("VERB", "AUX") for t in doc[first : last + 1]):
            return None  # "READ MORE: ... says"
        if asks(doc[first], entry) and entry.cls in ("speech", "inform", "request"):
            return None  # "would not say why", "asked whether": no statement reported
    if last - first < 1:
        return None
    return first, last


def _kind(first: int, last: int, context: PassContext) -> tuple[QuoteKind, bool]:
    """The kind of a content from ``first`` to ``last``, and whether it holds a quoted fragment."""
    doc, in_quote = context.doc, context.in_quote
    numbers = {in_quote[i] for i in range(first, last + 1) if in_quote[i] >= 0}
    quoted = sum(1 for i in range(first, last + 1) if in_quote[i] >= 0)
    opening = next((i for i in range(first, last + 1) if not (doc[i].is_punct or doc[i].lower_ == "that")), first)
    if numbers and quoted >= DIRECT_SHARE * (last - first + 1) and in_quote[opening] >= 0:
        return "direct", True  # 'said that "we will win"': a quote introduced by "that" (the direct pass takes most)
    return ("mixed" if numbers else "indirect"), bool(numbers)


def _participial_cue(first: int, last: int, context: PassContext) -> Token | None:
    """A participial cue after a comma inside a reported clause's parse ("announced she will step down,
    saying the party needs ..."): the speaker's own next statement, which ends the clause before it."""
    doc = context.doc
    for i in range(first + 2, last + 1):
        token = doc[i]
        if (
            token.tag_ == "VBG"
            and token.dep_ == "advcl"
            and doc[i - 1].text == ","
            and context.in_quote[i] < 0
            and context.lexicon.for_token(token) is not None
        ):
            return token
    return None


def _evaluative(entry: ReportingVerb) -> bool:
    """A reaction that evaluates a thing ("praised", "condemned", "welcomed"), not a speech act with a
    clause ("warned that"): its object is what it is about, not what was said."""
    return entry.cls == "react" and entry.takes == "object"


def _labelled_as(cue: Token, obj: Token) -> bool:
    """ "condemned the attack as cowardly", "accused him of lying", "criticized the plan for ignoring
    renters": an object with a complement saying what was said of it."""
    return any(c.dep_ == "prep" and c.lower_ in _SPEECH_COMPLEMENTS and c.i > obj.i for c in cue.children) or any(
        c.dep_ == "prep"
        and (c.lower_ == "as" or (c.lower_ in _SPEECH_COMPLEMENTS and any(g.tag_ == "VBG" for g in c.children)))
        for c in obj.children
    )  # the parser often hangs "of being", "for being" on the object


def _has_quote(token: Token, context: PassContext) -> bool:
    """Whether any token of ``token``'s subtree is inside quotation marks."""
    return context.any_quoted(token.left_edge.i, token.right_edge.i)


def _parenthetical(cue: Token, speaker: Token, context: PassContext) -> list[Found] | None:
    """ "The drugs have few uses, he says, and are meant for short use": the sentence around the cue."""
    doc = context.doc
    if cue.dep_ not in ("ROOT", "parataxis", "conj", "ccomp") or speaker.lower_ in RELATIVE_PRONOUNS:
        return None
    if any(c.dep_ in ("dobj", "dative", "attr", "oprd") and c != speaker for c in cue.children):
        return None  # "If the judge agrees, Meng can appeal that decision": the cue has its own object
    sent = cue.sent
    lo = min(speaker.left_edge.i, cue.i)
    hi = max(
        [cue.i]
        + [c.right_edge.i for c in cue.rights if not c.is_punct and c.dep_ in ("advmod", "npadvmod", "prep")]
    )
    if lo <= sent.start or doc[lo - 1].text not in (",", "—", "–"):
        return None
    if speaker.i > cue.i and speaker.right_edge.i > hi:
        hi = speaker.right_edge.i
    parts = [(sent.start, lo - 2)]
    if hi + 2 < sent.end and doc[hi + 1].text in (",", "—", "–"):
        parts.append((hi + 2, sent.end - 1))
    elif hi + 1 < sent.end and not all(t.is_punct or t.is_space for t in doc[hi + 1 : sent.end]):
        return None
    found = []
    for first, last in parts:
        if last - first < 2:
            continue
        span = content_span(context.text, doc, first, last)
        if span is None:
            continue
        record = Found(span[0], span[1], "indirect", cue_range(cue), speaker, PARENTHETICAL_CONFIDENCE)
        if context.any_quoted(first, last):  # 'The plan, she said, is "not finished" and ...': mixed
            if _mostly_claimed(record, context.claimed) or any(
                context.in_quote[i] >= 0 and context.quoted[context.in_quote[i]] in context.speech
                for i in range(first, last + 1)
            ):
                continue
            record = Found(span[0], span[1], "mixed", cue_range(cue), speaker, PARENTHETICAL_CONFIDENCE)
        found.append(record)
    return found or None


def impression(cue: Token, context: PassContext) -> list[Found] | None:
    """'The plan seems to work', 'It appears (that) X': an impression whose source is not stated; the
    content runs from the subject to the end of the complement."""
    complement = next((c for c in cue.rights if c.dep_ in ("ccomp", "xcomp")), None)
    if complement is None:
        return None
    subject = next((c for c in cue.lefts if c.dep_ in SUBJECT_DEPS), None)
    if complement.dep_ == "ccomp" or subject is None or subject.lower_ == "it":
        first = complement.left_edge.i
    else:
        first = subject.left_edge.i
    span = content_span(context.text, cue.doc, first, complement.right_edge.i)
    if span is None or context.in_quote[cue.i] >= 0:
        return None
    return [Found(span[0], span[1], "indirect", cue_range(cue), None, IMPRESSION_CONFIDENCE)]
