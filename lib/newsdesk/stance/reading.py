"""Reading stance predicates in a parse: the predicate, its side, who holds it, what it is about, and the
words that change it.

`read_predicates` finds every word of the stance lexicon (`newsdesk.stance.lexicon`) in a Doc and returns a
`Reading` for each: the ``label`` after negation, refusals and withholding ("did not back" -> against,
"refused to rule out" -> neutral, "stopped short of backing" -> neutral, "called for X not to ..." ->
against), the ``object`` it is about, the token of its ``holder`` (subject, possessor, the noun a participle
modifies, the subject of a light verb: "voiced support for"), a ``condition`` ("contingent on ...", "if ...",
"provided ...": the label stays) and whether a modal or adverb ``hedged`` it. ``cues`` are the tokens that
decided the label and ``method`` the rule path, so a reader can check it.

>>> from newsdesk.nlp import parse_text
>>> doc = parse_text("The council refused to rule out closing the library.")
>>> [(r.label, r.cue_text, r.object_text, doc[r.holder].text) for r in read_predicates(doc)]
[('neutral', 'refused rule out', 'closing the library', 'council')]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsdesk.stance.lexicon import LEXICON, Label, Predicate, StanceLexicon

__all__ = ["Reading", "flip", "negate", "read_predicates"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_OBJECTS = frozenset({"dobj", "xcomp", "ccomp", "pobj", "pcomp", "attr", "oprd", "dative", "prt", "acomp"})
#: The dependencies through which a governor reaches its predicate ("refused to back", "stopped short of backing").
_CLIMB = frozenset({"xcomp", "pcomp", "pobj", "prep", "acomp", "advcl", "advmod"})
_LEAD = frozenset({"to", "for", "of", "on", "over", "that", "out", "against", '"', "“", "‘", "'", ","})
_RELATIVE = frozenset({"who", "that", "which"})
_NEGATORS = frozenset({"not", "n't", "never", "no"})
_MAX_GOVERNOR_STEPS = 4


def flip(label: Label) -> Label:
    """favor <-> against (a negated object: "called for X not to ..."); neutral stays."""
    return "against" if label == "favor" else "favor" if label == "against" else "neutral"


def negate(entry: Predicate) -> Label:
    """The label of a negated or refused predicate (the lexicon's ``negated`` column)."""
    return entry.negated


@dataclass(frozen=True)
class Reading:
    """One stance predicate read in a Doc (token indices; ``object`` and ``condition`` are [start, end))."""

    predicate: int
    entry: Predicate
    label: Label
    cues: tuple[int, ...]
    method: tuple[str, ...]
    object: tuple[int, int]
    object_text: str
    holder: int | None
    holder_via: str
    condition: tuple[int, int] | None = None
    hedged: bool = False
    doc: Doc | None = field(default=None, repr=False, compare=False)

    @property
    def cue_text(self) -> str:
        assert self.doc is not None
        return " ".join(self.doc[i].text for i in sorted(self.cues))


def _next_word(token: Token) -> str:
    doc = token.doc
    i = token.i + 1
    while i < len(doc) and doc[i].is_quote:
        i += 1
    return doc[i].lower_ if i < len(doc) else ""


def _entry(token: Token, lexicon: StanceLexicon) -> Predicate | None:
    lemma = token.lemma_.lower()
    if lemma not in lexicon.predicates and token.lower_ not in lexicon.predicates:
        return None
    particles = frozenset(c.lower_ for c in token.children if c.dep_ in ("prt", "prep"))
    entry = None
    if token.lower_ != lemma:  # "opposed to", "committed to", "divided on": participles read as adjectives
        entry = lexicon.predicate(token.lower_, "ADJ", following=_next_word(token), particles=particles)
    pos = token.pos_
    if pos != "VERB" and token.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in token.children):
        pos = "VERB"  # a short headline-like sentence: "Unions back the plan" tags "back" as a particle
    if entry is None:
        entry = lexicon.predicate(lemma, pos, following=_next_word(token), particles=particles)
    if entry is not None and entry.pos == "adp" and token.head.lemma_ != "be":
        return None  # "against" is a stance only after a copula: "they are against it"
    return entry


def _contiguous_from(doc: Doc, start: int, limit: int) -> int:
    """The end of the largest phrase starting at ``start`` (the parse may hang it elsewhere)."""
    token = doc[start]
    while token.head.i != token.i and token.head.left_edge.i == start and token.head.i < limit:
        token = token.head
    return token.right_edge.i + 1


#: Prepositions that start an adjunct of the object's verb ("... as part of", "... in May"), not its content.
_ADJUNCT_PREPS = frozenset({"as", "in", "during", "amid", "after", "before", "since", "despite", "at", "until"})


def _core_end(doc: Doc, start: int, end: int) -> int:
    """The end of the object without the adjuncts of its head verb ("accelerate training as part of ...")."""
    heads = [t for t in doc[start:end] if not (start <= t.head.i < end) or t.head.i == t.i]
    if not heads or heads[0].pos_ not in ("VERB", "AUX"):
        return end
    for child in heads[0].rights:
        if (child.dep_ == "prep" and child.lower_ in _ADJUNCT_PREPS) or child.dep_ in ("advcl", "npadvmod"):
            return min(end, child.left_edge.i)
    return end


def _object_range(token: Token, entry: Predicate) -> tuple[int, int]:
    sent_end = token.sent.end
    passive = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if entry.pos == "verb" and not entry.marker and passive is not None:  # "the plan was backed by ..."
        return passive.left_edge.i, passive.right_edge.i + 1
    parts = [
        c for c in token.rights
        if c.dep_ in _OBJECTS
        or (c.dep_ == "prep" and (c.lower_ == entry.marker or c.i == token.i + 1))
        or (c.dep_ == "advcl" and c.left_edge.i <= token.i + 2)
    ]
    start = token.i + 1
    end = max((c.right_edge.i + 1 for c in parts), default=start)
    shared = next((c for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
    if end == start and shared is not None and start < sent_end and token.doc[start].dep_ == "cc":
        return _object_range(shared, entry)  # "supports and opposes the plan": the object they share
    if end == start and start < sent_end:
        end = _contiguous_from(token.doc, start, sent_end)
    end = min(end, sent_end)
    return start, _core_end(token.doc, *_trim_range(token.doc, start, end, entry))


def _trim_range(doc: Doc, start: int, end: int, entry: Predicate) -> tuple[int, int]:
    while start < end and (doc[start].lower_ in _LEAD or doc[start].lower_ == entry.marker):
        start += 1
    while end > start and ((doc[end - 1].is_punct and not doc[end - 1].is_quote) or doc[end - 1].is_space):
        end -= 1
    if end > start and doc[end - 1].is_quote and sum(t.is_quote for t in doc[start:end]) % 2:
        end -= 1  # a closing mark whose opening mark is before the object
    return start, end


def _governors(token: Token) -> Iterator[Token]:
    """The words that govern the predicate through complements ("refused to back", "stopped short of backing")."""
    current = token
    for _ in range(_MAX_GOVERNOR_STEPS):
        if current.dep_ not in _CLIMB or current.head.i == current.i:
            return
        current = current.head
        yield current


def _negated(token: Token) -> Token | None:
    """The negating word of a predicate (or of the copula an adjective hangs on)."""
    places = [token] + ([token.head] if token.dep_ in ("acomp", "attr") else [])
    for place in places:
        for child in place.children:
            if child.dep_ == "neg" or (child.lower_ in _NEGATORS and child.dep_ in ("advmod", "det")):
                return child
    return None


def _subject(token: Token, *, passive_is_holder: bool) -> Token | None:
    """The subject of a word, also when the parse hangs it on the word's auxiliary ("Germany ... are opposed")."""
    deps = _SUBJECTS if passive_is_holder else _SUBJECTS - {"nsubjpass"}
    places = [token, *(c for c in token.children if c.dep_ in ("aux", "auxpass"))]
    if token.dep_ in ("acomp", "attr"):
        places.append(token.head)
    for place in places:
        subject = next((c for c in place.children if c.dep_ in deps), None)
        if subject is not None:
            return subject
    return None


def _holder(token: Token, entry: Predicate) -> tuple[int | None, str]:
    """The token naming who takes the side, and how it was found."""
    for child in token.children:
        if child.dep_ == "poss" or (token.pos_ == "NOUN" and child.dep_ == "compound" and child.ent_type_):
            return child.i, "possessor"
    for child in token.children:
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None) if child.dep_ == "agent" else None
        if pobj is not None:
            return pobj.i, "agent"
    subject = _subject(token, passive_is_holder=entry.pos != "verb" or bool(entry.marker))
    if subject is not None:
        if subject.lower_ in _RELATIVE and token.dep_ == "relcl":
            return token.head.i, "relative clause"
        return subject.i, "subject"
    if token.pos_ == "NOUN" and token.dep_ in ("dobj", "attr") and LEXICON.role(token.head.lemma_) in (
        "light", "endorse"
    ):
        return _holder(token.head, entry)[0], "light verb"
    if token.dep_ == "acl" and token.tag_ == "VBG":
        return token.head.i, "modified noun"
    clause = token.head if token.dep_ in ("acomp", "attr") else token
    if clause.dep_ == "conj" and clause.head.i != clause.i:  # "... but is not ready to ..."
        return _holder(clause.head, entry)[0], "coordinated predicate"
    for governor in _governors(token):
        subject = _subject(governor, passive_is_holder=True)
        if subject is not None:
            return subject.i, "governing clause"
    return None, "none"


def _clause_head(token: Token) -> Token:
    """The nearest word at or above the predicate that has a subject of its own (else the sentence root)."""
    current = token
    while current.head.i != current.i:
        if any(c.dep_ in _SUBJECTS for c in current.children):
            return current
        current = current.head
    return current


def _anaphoric_subject(token: Token) -> bool:
    """ "such a move depends on ...", "this depends on ...": the condition's subject points back."""
    subject = next((c for c in token.children if c.dep_ in _SUBJECTS), None)
    if subject is None:
        return False
    if subject.lower_ in ("this", "that", "it"):
        return True
    determiners = {c.lower_ for c in subject.children if c.dep_ in ("det", "predet", "amod")}
    return bool(determiners & {"such", "this", "that", "the"}) and LEXICON.role(subject.lemma_) == "anaphor"


def _condition(token: Token, after: int) -> tuple[int, int] | None:
    """The span of a condition on the predicate: a condition word after it in its clause, or later in the
    sentence with a subject pointing back ("..., noting that such a move depends on ...")."""
    clause = _clause_head(token)
    inside = range(clause.left_edge.i, clause.right_edge.i + 1)
    for word in token.sent:
        if word.i < after or "condition" not in (LEXICON.role(word.lemma_), LEXICON.role(word.lower_)):
            continue
        if word.i in inside or _anaphoric_subject(word):
            head = word.head if word.dep_ == "mark" else word
            first = word.i if word.dep_ == "mark" else min(word.i, head.left_edge.i)
            if word.pos_ == "VERB" and any(c.dep_ in _SUBJECTS for c in word.children):
                first = head.left_edge.i
            return first, head.right_edge.i + 1
    return None


def _hedge(token: Token) -> Token | None:
    places = [token, *(_governors(token))] + ([token.head] if token.dep_ in ("acomp", "attr") else [])
    for place in places:
        for child in place.children:
            if child.dep_ in ("aux", "advmod") and LEXICON.role(child.lower_) == "hedge":
                return child
        if place is not token and LEXICON.role(place.lemma_) == "hedge":
            return place
    return None


def _object_negation(doc: Doc, start: int, end: int) -> Token | None:
    """A negation on the head of the object ("called for NATO not to invite ..."), if any."""
    heads = [t for t in doc[start:end] if not (start <= t.head.i < end) or t.head.i == t.i]
    for head in heads[:1]:
        for child in head.children:
            if child.dep_ == "neg" and start <= child.i < end:
                return child
    return None


def _polarity(token: Token, entry: Predicate) -> tuple[Label, list[int], list[str]]:
    """The label after negation, refusal and withholding, the tokens that decided it and the rule path."""
    label: Label = entry.polarity
    cues, method = [token.i], [f"{entry.kind}:{entry.words}"]
    negation = _negated(token)
    if negation is not None:
        label = negate(entry)
        cues.append(negation.i)
        method.append("negated")
    for governor in _governors(token):
        role = LEXICON.role(governor.lemma_)
        if role == "refuse":
            label = negate(entry) if negation is None else entry.polarity
            cues.append(governor.i)
            method.append(f"refused:{governor.lemma_}")
        elif role == "withhold":
            label = "neutral"
            cues.append(governor.i)
            method.append(f"withheld:{governor.lemma_}")
    return label, cues, method


def read_predicate(token: Token, entry: Predicate, lexicon: StanceLexicon = LEXICON) -> Reading | None:
    """The `Reading` of one stance word (None when it has nothing it is about)."""
    doc = token.doc
    start, end = _object_range(token, entry)
    condition = _condition(token, token.i + 1)
    if condition is not None and start < condition[0] < end:
        end = condition[0]
    start, end = _trim_range(doc, start, end, entry)
    if start >= end:
        return None
    label, cues, method = _polarity(token, entry)
    negated_object = _object_negation(doc, start, end)
    words = [t for t in doc[start:end] if negated_object is None or t.i != negated_object.i]
    if negated_object is not None:
        label = flip(label)
        cues.append(negated_object.i)
        method.append("negated object")
    if entry.marker and _next_word(token) == entry.marker:
        cues.append(next(t.i for t in doc[token.i + 1 : start + 1] if t.lower_ == entry.marker))
    hedge = _hedge(token)
    if hedge is not None:
        cues.append(hedge.i)
        method.append(f"hedged:{hedge.lower_}")
    if condition is not None:
        method.append("conditional")
    holder, via = _holder(token, entry)
    return Reading(
        predicate=token.i, entry=entry, label=label, cues=tuple(sorted(set(cues))), method=tuple(method),
        object=(start, end), object_text="".join(t.text_with_ws for t in words).strip(),
        holder=holder, holder_via=via, condition=condition, hedged=hedge is not None, doc=doc,
    )


def read_predicates(doc: Doc, lexicon: StanceLexicon = LEXICON) -> list[Reading]:
    """Every stance predicate of ``doc`` that is about something, in text order."""
    readings = []
    for token in doc:
        entry = _entry(token, lexicon)
        if entry is not None:
            reading = read_predicate(token, entry, lexicon)
            if reading is not None:
                readings.append(reading)
    return readings


def read_deontic(doc: Doc, content: Span) -> list[Reading]:
    """What a quoted speaker says should (or must) happen: favor of the clause; "should not" -> against.
    The holder is left to the caller (the quote's speaker)."""
    readings = []
    for token in content:
        if token.dep_ != "aux" or LEXICON.role(token.lower_) != "deontic":
            continue
        verb = token.head
        start = max(verb.left_edge.i, content.start)
        end = min(verb.right_edge.i + 1, content.end)
        while end > start and doc[end - 1].is_punct:
            end -= 1
        negation = next((c for c in verb.children if c.dep_ == "neg"), None)
        label: Label = "against" if negation is not None else "favor"
        cues = (token.i,) if negation is None else (token.i, negation.i)
        entry = Predicate(token.lower_, "aux", "", label, "neutral", "deontic")
        readings.append(Reading(
            predicate=token.i, entry=entry, label=label, cues=cues,
            method=(f"deontic:{token.lower_}",) + (("negated",) if negation is not None else ()),
            object=(start, end), object_text=doc[start:end].text, holder=None, holder_via="quote speaker",
            doc=doc,
        ))
    return readings
