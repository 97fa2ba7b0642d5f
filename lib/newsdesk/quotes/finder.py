"""Quote attribution: who said what, as `Quote` records with offsets into `Article.text`.

`QuoteFinder` looks up the cues of one parsed article in its lexicon and makes three passes:

1. **Direct quotes.** Quoted stretches (`newsdesk.quotes.marks`) that read as speech are tied to the
   reporting verb right after them (``"...," Kirby said``) or right before them (``Kirby said: "..."``).
   A quoted sentence with no cue inherits the speaker of the quote just before it (news "floating"
   quotes). Short capitalised stretches ("Victory Plan") are titles or scare quotes, not speech.
2. **Indirect and mixed speech.** A reporting verb from the lexicon with a reported clause
   ("Miller emphasized that ...", "said in a statement that ..."), an infinitive or object content
   ("urging unity ...", "criticized the plan", "accused X of ..."), "according to X", a poll or study
   that "found" or "shows" something, or a headline "Name: statement" (`newsdesk.quotes.fixed`); in the
   wide scope also noun cues and impressions (`newsdesk.quotes.wide`). Content holding a quoted
   fragment is ``mixed``.
3. **Speakers.** The cue's subject (or the subject of the clause a participial cue hangs on, found by
   `newsdesk.quotes.syntax`) is resolved by `newsdesk.speakers.ArticleEntities` to a full name, role and type
   when `newsdesk.quotes.build` builds the `Quote` records.

`quote_stage` is the pipeline stage; `find_quotes` parses and attributes a text or Article; the spaCy
factory ``"newsdesk_quotes"`` sets ``doc.spans["quotes"]`` (label = kind, ``span._.quote`` = the Quote)
and ``doc._.quotes``.

>>> quotes = find_quotes('"We are ready to help," Kirby said. Miller emphasized that the talks went well.')
>>> [(q.kind, q.speaker, q.cue, q.text) for q in quotes]
[('direct', 'Kirby', 'said', 'We are ready to help'), ('indirect', 'Miller', 'emphasized', 'the talks went well')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Literal

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsdesk.io.articles import Article, read_text
from newsdesk.quotes.build import Found, build_records, content_span
from newsdesk.quotes.fixed import according_to, name_colon
from newsdesk.quotes.lexicon import ALL_CLASSES, Lexicon, ReportingVerb, load_lexicon
from newsdesk.quotes.marks import SENTENCE_END, QuotedSpan, find_quoted, paragraph_spans
from newsdesk.quotes.syntax import (
    NOT_SPEAKERS,
    as_saying,
    asks,
    call_content,
    capitalised_word,
    channel_clause,
    clause_extent,
    cue_range,
    directive,
    name_before,
    own_clause,
    small_clause,
    speaker_token,
    topic,
    unstated_source,
)
from newsdesk.quotes.wide import impression, nominal_attribution
from newsdesk.records import Quote, QuoteKind, Record
from newsdesk.speakers.words import REPORT_NOUNS

#: What a `QuoteFinder` reports: quotes and reported speech, or every attribution (thoughts, stances ...).
Attributions = Literal["speech", "all"]

__all__ = ["Attributions", "QuoteFinder", "find_quotes", "quote_stage", "quotes_component"]

#: A line that links to another story ("READ MORE: Minister says ...", "WATCH: ..."): page furniture whose
#: statements are other articles' headlines, not this article's attributions.
_LINK_LINE = re.compile(r"(?m)^[ \t]*(?:READ|WATCH|LISTEN|RELATED|MORE|SEE|ALSO)\b[A-Z ]{0,20}:[^\n]*")
_REL_PRONOUNS = frozenset({"who", "that", "which", "whom"})
_MAX_GAP_TOKENS = 14
_NAMING = frozenset({"call", "describe", "label", "dub"})
#: Evaluative cues whose object is what the statement was about ("criticized the plan", "praised her rival"):
#: a noun-phrase content is reported for them even without quotation marks.
_NOMINAL_LEMMAS = frozenset(
    {"criticize", "criticise", "describe", "portray", "praise", "denounce", "welcome", "tout", "lambaste", "decry",
     "accuse"}
)
_NOMINAL_CLASSES = frozenset({"emphasis", "request"})
_ALL_CUES = load_lexicon(classes=ALL_CLASSES)  # take "highlighted the need ..." by default
_ANONYMITY = frozenset({"name", "identify", "quote"})  # "who asked not to be named" reports nothing
_ADJACENT_ONLY = frozenset({"continue", "post", "publish", "email", "answer", "recall"})


def _is_speech(span: QuotedSpan) -> bool:
    """Whether a quoted stretch reads as speech rather than a title or scare quote."""
    content = span.content.strip()
    words = span.words
    if words == 0:
        return False
    ends_sentence = bool(SENTENCE_END.search(content)) or content.endswith((",", "—", "–"))
    titled = all(
        w[:1].isupper() or w.lower() in ("of", "the", "and", "a", "in", "for", "to", "on") for w in content.split()
    )
    if titled and words <= 6 and not content.endswith((".", "!", "?", ",")):
        return False
    if words >= 2 and ends_sentence and span.closed:
        return True
    return words >= 4 and (ends_sentence or words >= 8 or span.paragraphs > 1)


def _starts_sentence(text: str, start: int) -> bool:
    """Whether a quote opens a sentence (so it can stand alone as a "floating" quote)."""
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in ".!?\n:" or before[-2:] in (".”", '."', "?”", '?"', "!”", '!"')


class QuoteFinder:
    """Finds quotes in parsed articles; holds the lexicon and options.

    ``attributions="speech"`` (the default) finds quotes and reported speech: who *said* what.
    ``attributions="all"`` finds every attribution in the sense of corpora such as PolNeAR: also
    thoughts, stances, impressions and topics ("X endorsed Y", "X is critical of Y", "her call for Z",
    "X is expected to win" with no stated source), noun-phrase contents for every cue and negated cues;
    the ``cue_class`` column tells them apart. ``classes`` overrides the cue classes of the lexicon
    (default `newsdesk.quotes.lexicon.DEFAULT_CLASSES` for speech, every class for all). ``unattributed=True``
    also returns quoted speech whose speaker could not be found (speaker None).

    >>> QuoteFinder(attributions="all").lexicon.get("think").cls
    'cognition'
    >>> QuoteFinder().lexicon.get("think") is None
    True
    """

    def __init__(
        self,
        *,
        attributions: Attributions = "speech",
        classes: Iterable[str] | None = None,
        unattributed: bool = False,
    ) -> None:
        if attributions not in ("speech", "all"):
            raise ValueError(f"attributions must be 'speech' or 'all', not {attributions!r}")
        self.attributions: Attributions = attributions
        if classes is None and attributions == "all":
            classes = ALL_CLASSES
        self.lexicon: Lexicon = load_lexicon(classes=classes)
        self.unattributed = unattributed

    @property
    def wide(self) -> bool:
        """Whether every attribution is reported, not only speech."""
        return self.attributions == "all"

    def __repr__(self) -> str:
        return f"QuoteFinder(attributions={self.attributions!r}, {self.lexicon!r}, unattributed={self.unattributed})"

    # -- cues ----------------------------------------------------------------------------------------

    def _cue(self, token: Token) -> ReportingVerb | None:
        """The lexicon entry that makes ``token`` a cue, or None."""
        if token.pos_ == "NOUN":
            return self.lexicon.get(token.lemma_) if self.wide else None
        if token.pos_ == "ADJ":
            return self.lexicon.get(token.lemma_) if self.wide and token.dep_ == "acomp" else None
        if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB"):
            return None
        entry = self.lexicon.for_token(token) or self._document_evidence(token)
        if entry is None:
            return None
        if entry.lemma == "call" and call_content(token) is None and not any(
            c.dep_ in ("oprd", "xcomp") for c in token.children
        ):
            return None
        if entry.lemma == "point" and not any(c.lower_ == "out" for c in token.children):
            return None
        return entry

    def _document_evidence(self, token: Token) -> ReportingVerb | None:
        """An evidential cue ("show", "find") whose subject is a poll, study or report ("A new poll shows
        ..."): the document reports a finding, so it counts even when evidential cues are off."""
        entry = _ALL_CUES.get(token.lemma_)
        if entry is None or entry.cls != "evidential":
            return None
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        return entry if subject is not None and subject.lemma_.lower() in REPORT_NOUNS else None

    # -- the passes ---------------------------------------------------------------------------------

    def find(self, article: Article, doc: Doc) -> list[Quote]:
        """All quotes of ``article`` from its parse ``doc`` (``doc.text == article.text``)."""
        text = article.text
        spans = find_quoted(text, paragraph_spans(text))
        speech = [s for s in spans if _is_speech(s)]
        starts = [t.idx for t in doc]

        def token_at(char: int) -> int:
            return max(0, bisect.bisect_right(starts, char) - 1)

        in_quote = [-1] * len(doc)
        for number, span in enumerate(spans):
            first = token_at(span.start)
            for i in range(first, len(doc)):
                if doc[i].idx >= span.end:
                    break
                if doc[i].idx >= span.start:
                    in_quote[i] = number
        speech_ids = {id(s) for s in speech}
        speech_numbers = {n for n, s in enumerate(spans) if id(s) in speech_ids}

        cues: dict[int, ReportingVerb] = {}
        for token in doc:
            if in_quote[token.i] in speech_numbers:
                continue
            entry = self._cue(token)
            if entry is not None:
                cues[token.i] = entry

        found: list[Found] = []
        used_cues: set[int] = set()
        claimed: list[tuple[int, int]] = []

        nominal = {i: entry for i, entry in cues.items() if doc[i].pos_ == "NOUN"}
        cues = {i: entry for i, entry in cues.items() if i not in nominal}

        # pass 1: direct quotes
        for span in speech:
            attribution = self._direct(span, doc, text, cues, in_quote, token_at)
            if attribution is not None:
                cue, speaker, confidence = attribution
                record = Found(
                    span.content_start, span.content_end, "direct", cue_range(doc[cue]), speaker, confidence
                )
                used_cues.add(cue)
            elif (introducer := self._colon_subject(span, doc, text, in_quote, token_at)) is not None:
                record = Found(span.content_start, span.content_end, "direct", None, introducer, 0.6)
            elif span.closed and _starts_sentence(text, span.start):
                record = Found(span.content_start, span.content_end, "direct", None, None, 0.6, follows=True)
            else:
                continue
            found.append(record)
            claimed.append((span.start, span.end))

        # pass 2: indirect and mixed speech
        heirs: dict[int, Token] = {}  # participial cues cut off a reported clause -> that clause's speaker
        for i, entry in sorted(cues.items()):
            cue_token = doc[i]
            if i in used_cues and not any(c.dep_ == "ccomp" and in_quote[c.i] < 0 for c in cue_token.children):
                continue
            if entry.lemma in _ADJACENT_ONLY:
                continue
            for record in self._indirect(cue_token, entry, doc, text, in_quote, heirs) or ():
                size = record.end - record.start
                if not any(
                    record.start < e and s < record.end and min(e, record.end) - max(s, record.start) > 0.5 * size
                    for s, e in claimed
                ):
                    found.append(record)
        for i in sorted(nominal):
            noun_record = nominal_attribution(doc[i], text, in_quote)
            if noun_record is not None and not any(noun_record.start < e and s < noun_record.end for s, e in claimed):
                found.append(noun_record)
        found.extend(according_to(doc, text, in_quote))
        found.extend(name_colon(doc, text, in_quote, token_at))

        # nested attributions: keep the outer one (a cue inside another statement's content is dropped)
        contents = [(f.start, f.end) for f in found if f.kind != "direct"]
        kept = []
        for f in found:
            if f.cue is not None and f.kind != "direct":
                cue_char = doc[f.cue[0]].idx
                if any(s <= cue_char < e for s, e in contents if (s, e) != (f.start, f.end)):
                    continue
            kept.append(f)
        links = [m.span() for m in _LINK_LINE.finditer(text)]
        kept = [f for f in kept if not any(s <= f.start < e for s, e in links)]
        return build_records(article, doc, kept, speech, unattributed=self.unattributed)

    @staticmethod
    def _colon_subject(
        span: QuotedSpan, doc: Doc, text: str, in_quote: list[int], token_at: Callable[[int], int]
    ) -> Token | None:
        """ 'Martell, the addictions doctor, is more blunt: "..."': a quote a colon introduces, with no
        cue, is the statement of the introducing clause's subject when that is a person."""
        before = text[: span.start].rstrip(" \t")
        if not before.endswith(":") or span.start == 0:
            return None
        colon = token_at(len(before) - 1)
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

    def _direct(
        self,
        span: QuotedSpan,
        doc: Doc,
        text: str,
        cues: dict[int, ReportingVerb],
        in_quote: list[int],
        token_at: Callable[[int], int],
    ) -> tuple[int, Token | None, float] | None:
        """The cue (token index), speaker and confidence for a direct quote, or None."""
        # after: '"...," Kirby said' / '"...," said Kirby, a spokesman.'
        after = token_at(span.end)
        if after < len(doc) and doc[after].idx < span.end:
            after += 1
        if span.content.endswith(".") and not span.content.endswith(".."):
            after = len(doc)  # '"... well within the comfort zone." However, ...': a full stop ends the sentence
        for i in range(after, min(len(doc), after + _MAX_GAP_TOKENS)):
            if in_quote[i] >= 0 or "\n" in doc[i].text:
                break
            # a sentence end between quote and cue: a full stop the tokenizer split off, not the one of an
            # abbreviation it keeps in its token ('"...," Mr. Kemp said', 'Gov. Lund said')
            if "\n" in text[span.end : doc[i].idx] or (i > after and doc[i - 1].text in (".", "?", "!")):
                break
            if i in cues and doc[i].dep_ != "relcl":  # "a neighbour, who gave no name, told ..."
                cue = doc[i]
                clause_after = any(c.dep_ == "ccomp" and c.i > i and in_quote[c.i] < 0 for c in cue.children)
                if clause_after:
                    break
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
                return i, speaker, 0.9 if speaker is not None else 0.5
        # before: 'Kirby said: "..."' / '..., he said, "..."'
        before = token_at(span.start - 1) if span.start > 0 else -1
        lowest = max(-1, before - _MAX_GAP_TOKENS)
        for i in range(before, lowest, -1):
            if i < 0 or in_quote[i] >= 0 or doc[i].idx >= span.start:
                if i >= 0 and doc[i].idx >= span.start:
                    continue
                break
            if "\n" in doc[i].text or doc[i].text in (".", "?", "!"):
                break
            if i in cues:
                gap = text[doc[i].idx + len(doc[i].text) : span.start]
                if not gap.strip() or gap.rstrip().endswith((":", ",")):
                    speaker = speaker_token(doc[i])
                    if speaker is not None and in_quote[speaker.i] >= 0:
                        speaker = None
                    return i, speaker, 0.85 if speaker is not None else 0.5
                break
        return None

    def _indirect(
        self,
        cue: Token,
        entry: ReportingVerb,
        doc: Doc,
        text: str,
        in_quote: list[int],
        heirs: dict[int, Token],
    ) -> list[Found] | None:
        """What a verb (or, in the wide scope, adjective) cue reports: its clause, infinitive, object or
        topic, or the sentence around a parenthetical cue; None when it reports nothing. ``heirs`` maps a
        participial cue that ends a reported clause to that clause's speaker (filled here, read later)."""
        if entry.takes == "raising":
            return impression(cue, text, in_quote)
        if as_saying(cue) and any(c.dep_ == "ccomp" for c in doc[cue.i + 2].children):
            return None  # "was described as saying X": the participle reports its clause X, for the subject
        speaker = heirs.get(cue.i) or speaker_token(cue.head if cue.pos_ == "ADJ" else cue) or name_before(cue)
        if speaker is None and self.wide and cue.dep_ == "acl" and cue.tag_ == "VBG" and cue.head.i < cue.i:
            speaker = cue.head  # "the groups backing the bill"
        if speaker is None:
            if not (self.wide and unstated_source(cue)):
                return None
        elif in_quote[speaker.i] >= 0 or speaker.lower_ == "you":
            return None
        elif not self.wide and (
            any(c.dep_ == "neg" for c in cue.children)
            or any(c.dep_ in ("det", "preconj") and c.lower_ in ("neither", "no") for c in speaker.children)
        ):
            return None  # "did not say", "Neither the palace nor ... confirmed"
        nominal = self.wide or entry.cls in _NOMINAL_CLASSES or entry.lemma in _NOMINAL_LEMMAS
        content: Token | None = None
        confidence = 0.75
        for child in cue.children:
            if child.dep_ == "ccomp" and not (entry.cls == "cognition" and small_clause(child)):
                content = child
                break
        if content is None:
            content = channel_clause(cue)
        if content is None:
            for child in cue.children:
                if (
                    child.dep_ == "xcomp"
                    and child.i > cue.i
                    and child.lemma_ not in _ANONYMITY
                    and (nominal or (child.pos_ in ("VERB", "AUX") and child.tag_ != "VB") or directive(cue, child))
                ):
                    content, confidence = child, 0.65
                    break
                if (
                    (nominal or self._has_quote(child, in_quote))
                    and entry.takes == "object"
                    and child.dep_ == "dobj"
                    and child.i > cue.i
                ):
                    content, confidence = child, 0.6
                    break
                if entry.lemma == "call" and call_content(cue) is not None:
                    content, confidence = call_content(cue), 0.6
                    break
                names_it = (child.dep_ in ("oprd", "xcomp", "ccomp") and child.i > cue.i) or (
                    child.dep_ == "prep" and child.lower_ == "as"
                )  # "called it "the loneliest moment"", "described the move as ..."
                if entry.lemma in _NAMING and names_it and (nominal or self._has_quote(child, in_quote)):
                    content, confidence = child, 0.6
                    break
        if content is None and (self.wide or entry.takes == "topic"):
            content = topic(cue)  # "talked about the economy", "responded to the charges"
            confidence = 0.55
        if content is None:
            return self._parenthetical(cue, speaker, doc, text, in_quote) if speaker is not None else None
        first, last = content.left_edge.i, content.right_edge.i
        if content.dep_ == "ccomp" and content.i > cue.i:
            first, last = clause_extent(cue, content, entry)
            participle = self._participial_cue(doc, first, last, in_quote)
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
        if not self.wide and content.dep_ == "ccomp":
            if not any(t.pos_ in ("VERB", "AUX") for t in doc[first : last + 1]):
                return None  # "READ MORE: ... says"
            if asks(doc[first], entry) and entry.cls in ("speech", "inform", "request"):
                return None  # "would not say why", "asked whether": no statement reported
        if last - first < 1:
            return None
        span = content_span(text, doc, first, last)
        if span is None:
            return None
        start, end = span
        numbers = {in_quote[i] for i in range(first, last + 1) if in_quote[i] >= 0}
        quoted = sum(1 for i in range(first, last + 1) if in_quote[i] >= 0)
        kind: QuoteKind = "mixed" if numbers else "indirect"
        opening = next((i for i in range(first, last + 1) if not (doc[i].is_punct or doc[i].lower_ == "that")), first)
        if numbers and quoted >= 0.8 * (last - first + 1) and in_quote[opening] >= 0:
            kind = "direct"  # 'said that "we will win"': a quote introduced by "that" (pass 1 takes most)
        return [Found(start, end, kind, cue_range(cue), speaker, confidence + (0.05 if numbers else 0.0))]

    def _participial_cue(self, doc: Doc, first: int, last: int, in_quote: list[int]) -> Token | None:
        """A participial cue after a comma inside a reported clause's parse ("announced she will step down,
        saying the party needs ..."): the speaker's own next statement, which ends the clause before it."""
        for i in range(first + 2, last + 1):
            token = doc[i]
            if (
                token.tag_ == "VBG"
                and token.dep_ == "advcl"
                and doc[i - 1].text == ","
                and in_quote[i] < 0
                and self.lexicon.for_token(token) is not None
            ):
                return token
        return None

    @staticmethod
    def _has_quote(token: Token, in_quote: list[int]) -> bool:
        """Whether any token of ``token``'s subtree is inside quotation marks."""
        return any(in_quote[i] >= 0 for i in range(token.left_edge.i, token.right_edge.i + 1))

    def _parenthetical(
        self, cue: Token, speaker: Token, doc: Doc, text: str, in_quote: list[int]
    ) -> list[Found] | None:
        """ "The drugs have few uses, he says, and are meant for short use": the sentence around the cue."""
        if cue.dep_ not in ("ROOT", "parataxis", "conj", "ccomp") or speaker.lower_ in _REL_PRONOUNS:
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
            if last - first < 2 or any(in_quote[i] >= 0 for i in range(first, last + 1)):
                continue
            span = content_span(text, doc, first, last)
            if span is not None:
                found.append(Found(span[0], span[1], "indirect", cue_range(cue), speaker, 0.6))
        return found or None


_DEFAULT_FINDER: QuoteFinder | None = None


def _finder() -> QuoteFinder:
    global _DEFAULT_FINDER
    if _DEFAULT_FINDER is None:
        _DEFAULT_FINDER = QuoteFinder()
    return _DEFAULT_FINDER


def quote_stage(
    article: Article, doc: Doc, earlier: Sequence[Record], *, finder: QuoteFinder | None = None
) -> list[Quote]:
    """The pipeline stage: the article's quotes from its one parse, sorted by start.

    >>> from newsdesk.nlp import parse_text
    >>> article = read_text("Prices will rise, the minister said.", id="a")
    >>> [q.speaker_mention for q in quote_stage(article, parse_text(article.text), ())]
    ['the minister']
    """
    return (finder or _finder()).find(article, doc)


def find_quotes(
    article_or_text: Article | str, *, nlp: Language | None = None, attributions: Attributions = "speech"
) -> list[Quote]:
    """Quotes in an Article or a plain text (parsed here with ``nlp`` or newsdesk's model);
    ``attributions="all"`` adds thoughts, stances and topics (see `QuoteFinder`).

    >>> find_quotes('"It is over," she said.')[0].text
    'It is over'
    """
    from newsdesk.nlp import load_model

    article = read_text(article_or_text, id="text") if isinstance(article_or_text, str) else article_or_text
    doc = (nlp or load_model())(article.text)
    finder = QuoteFinder(attributions="all") if attributions == "all" else None
    return quote_stage(article, doc, (), finder=finder)


# ---------------------------------------------------------------------------------------------------
# spaCy component

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=None)
if not Span.has_extension("quote"):
    Span.set_extension("quote", default=None)


@Language.factory(
    "newsdesk_quotes",
    default_config={"attributions": "speech"},
    requires=["token.dep", "token.lemma", "doc.ents"],
    assigns=["doc.spans"],
)
def quotes_component(nlp: Language, name: str, attributions: str = "speech") -> Callable[[Doc], Doc]:
    """A spaCy component: sets ``doc.spans["quotes"]`` (label = kind) and ``doc._.quotes`` (Quote records).

    Each span's ``span._.quote`` is its `Quote` (speaker, role, type, cue, confidence). Paragraphs are
    the lines of ``doc.text``.

    >>> from newsdesk.nlp import load_model
    >>> nlp = load_model()
    >>> _ = nlp.add_pipe("newsdesk_quotes") if "newsdesk_quotes" not in nlp.pipe_names else None
    >>> doc = nlp('"It is over," she said.')
    >>> [(span.text, span.label_) for span in doc.spans["quotes"]]
    [('It is over', 'direct')]
    >>> nlp.remove_pipe("newsdesk_quotes")[0]
    'newsdesk_quotes'

    ``nlp.add_pipe("newsdesk_quotes", config={"attributions": "all"})`` finds every attribution (see
    `QuoteFinder`).
    """
    if attributions not in ("speech", "all"):
        raise ValueError(f"attributions must be 'speech' or 'all', not {attributions!r}")
    finder = QuoteFinder(attributions="all" if attributions == "all" else "speech")

    def annotate(doc: Doc) -> Doc:
        article = read_text(doc.text, id="doc", headline="") if doc.text.strip() else None
        quotes = finder.find(article, doc) if article is not None else []
        spans = []
        for quote in quotes:
            span = doc.char_span(quote.start, quote.end, label=quote.kind, alignment_mode="expand")
            if span is not None:
                span._.quote = quote
                spans.append(span)
        doc.spans["quotes"] = spans
        doc._.quotes = quotes
        return doc

    return annotate
