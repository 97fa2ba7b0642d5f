"""Which tokens of a parsed article are cues: lexicon look-ups checked against the parse.

A verb is a cue when its lemma is in the lexicon ("call" only with what is called for, "point" only
with "out"), or when it is an evidential verb whose subject is a document ("A new poll shows ...").
With ``nouns_and_adjectives`` (the wide scope) a noun ("her call for") and an adjective after a copula
("was critical of") can be cues too.

>>> from newsdesk.nlp import parse_text
>>> doc = parse_text("Kirby said a new poll shows support is falling.")
>>> [(doc[i].text, entry.cls) for i, entry in sorted(CueReader(load_lexicon()).read(doc).items())]
[('said', 'speech'), ('shows', 'evidential')]
"""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Doc, Token

from newsdesk.quotes.lexicon import ALL_CLASSES, Lexicon, ReportingVerb, load_lexicon
from newsdesk.quotes.syntax import call_content
from newsdesk.speakers.words import REPORT_NOUNS

__all__ = ["CueReader"]

_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBG", "VBN", "VB"})
_ALL_CUES = load_lexicon(classes=ALL_CLASSES)  # evidential cues count with a document subject in any scope
#: Lemmas that are cues only with this particle ("pointed out", "went on").
_PARTICLE_NEEDED = {"point": "out", "go": "on"}
#: Particles that make a verb of these classes no cue ("ruled out", "snapped up", "sighed off").
_PARTICLES_BARRED = {
    "manner": frozenset({"up", "off", "down", "in", "away"}),
    "ruling": frozenset({"out", "over"}),
}


class CueReader:
    """Reads the cues of a Doc with ``lexicon``; ``nouns_and_adjectives`` adds noun and adjective cues."""

    def __init__(self, lexicon: Lexicon, *, nouns_and_adjectives: bool = False) -> None:
        self.lexicon = lexicon
        self.nouns_and_adjectives = nouns_and_adjectives

    def __repr__(self) -> str:
        return f"CueReader({self.lexicon!r}, nouns_and_adjectives={self.nouns_and_adjectives})"

    def entry(self, token: Token) -> ReportingVerb | None:
        """The lexicon entry that makes ``token`` a cue, or None."""
        if token.pos_ == "NOUN":
            return self.lexicon.get(token.lemma_) if self.nouns_and_adjectives else None
        if token.pos_ == "ADJ":
            return self.lexicon.get(token.lemma_) if self.nouns_and_adjectives and token.dep_ == "acomp" else None
        if token.pos_ not in ("VERB", "AUX") and token.tag_ not in _VERB_TAGS:
            return None
        entry = self.lexicon.for_token(token) or _document_evidence(token)
        if entry is None:
            return None
        if entry.lemma == "call" and call_content(token) is None and not any(
            c.dep_ in ("oprd", "xcomp") for c in token.children
        ):
            return None
        particles = {c.lower_ for c in token.children if c.dep_ == "prt"}
        needed = _PARTICLE_NEEDED.get(entry.lemma)
        if needed is not None and needed not in particles | {c.lower_ for c in token.children}:
            return None  # "pointed out", "went on"
        if particles & _PARTICLES_BARRED.get(entry.cls, frozenset()):
            return None  # "ruled out", "snapped up"
        if entry.lemma == "go" and any(c.dep_ == "xcomp" for c in token.children):
            return None  # "went on to win": the next verb is what happened
        return entry

    def read(self, doc: Doc, skip: Container[int] = ()) -> dict[int, ReportingVerb]:
        """Every cue of ``doc`` by token index (nouns included, when read), except tokens in ``skip``."""
        cues: dict[int, ReportingVerb] = {}
        for token in doc:
            if token.i in skip:
                continue
            entry = self.entry(token)
            if entry is not None:
                cues[token.i] = entry
        return cues


def _document_evidence(token: Token) -> ReportingVerb | None:
    """An evidential cue ("show", "find") whose subject is a poll, study or report ("A new poll shows
    ..."): the document reports a finding, so it counts even when evidential cues are off."""
    entry = _ALL_CUES.get(token.lemma_)
    if entry is None or entry.cls != "evidential":
        return None
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    return entry if subject is not None and subject.lemma_.lower() in REPORT_NOUNS else None
