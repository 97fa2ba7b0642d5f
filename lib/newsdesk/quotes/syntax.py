"""Syntactic helpers for attribution: pure functions over spaCy's dependency parse.

Who speaks (`speaker_token`, `name_before`, `mention_range`), which tokens make up a cue (`cue_range`),
where a cue's content is (`call_content`, `channel_clause`, `topic`, `clause_extent`, `own_clause`) and
what kind of attribution a cue makes (`asks`, `as_saying`, `unstated_source`). Nothing here holds
state or consults the lexicon beyond the `ReportingVerb` entry it is given.

>>> from newsdesk.nlp import parse_text
>>> doc = parse_text("Miller said the talks went well. The union talked about pay.")
>>> speaker_token(doc[1]).text, topic(doc[9]).text
('Miller', 'pay')
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from newsdesk.data import words
from newsdesk.nlp import SUBJECT_DEPS
from newsdesk.quotes.lexicon import ReportingVerb
from newsdesk.speakers.descriptions import person_noun
from newsdesk.speakers.words import EVIDENCE_NOUNS, KIN_NOUNS

__all__ = [
    "NOT_SPEAKERS",
    "as_saying",
    "asks",
    "call_content",
    "capitalised_word",
    "channel_clause",
    "clause_extent",
    "cue_range",
    "directive",
    "evidence",
    "human",
    "mention_range",
    "name_before",
    "own_clause",
    "singular",
    "small_clause",
    "speaker_token",
    "topic",
    "unstated_source",
]

_SUBJECTS = SUBJECT_DEPS | {"csubj"}  # a clause can be a subject too
_FINITE = frozenset({"VBD", "VBZ", "VBP"})  # finite verb tags (a modal is an aux, not the predicate)
_CLIMB = frozenset({"advcl", "xcomp", "conj", "pcomp", "ccomp"})
# cues whose object is the person spoken to ("told Smith"), never the speaker; not "warn" or "ask", whose
# object can be an inverted speaker ('"It will fail," warned Smith')
_ADDRESSEE_CUES = frozenset({"tell", "inform", "assure", "remind", "brief", "notify"})
_TOPIC_PREPOSITIONS = frozenset({"about", "on", "of", "to", "for", "against", "with", "over", "at"})
_WH = frozenset({"whether", "why", "what", "how", "if", "when", "where", "who", "which"})
#: Entity types that never speak (a date or a sum before a cue is no speaker).
NOT_SPEAKERS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
_DASHES = frozenset({"—", "–", "--"})


# ---------------------------------------------------------------------------------------------------
# The speaker


def speaker_token(cue: Token) -> Token | None:
    """The token naming who speaks: the cue's subject, or that of the clause it hangs on."""
    verb: Token = cue
    for _ in range(4):
        for child in verb.children:
            if child.dep_ == "nsubjpass" and verb is cue and cue.lemma_ != "quote" and not as_saying(cue):
                # "which was described as ...", "who is said to have ...": what is talked about, not
                # who talks; the speaker is the agent, if the sentence names one
                return next((g for a in cue.children if a.dep_ == "agent" for g in a.children
                             if g.dep_ == "pobj"), None)
            if child.dep_ in _SUBJECTS and not child.is_punct:  # a quotation mark parsed as the subject
                return child  # a relative "who" is resolved to the noun it stands for by speakers.py
        if verb is cue and cue.tag_ != "VBG" and cue.lemma_ not in _ADDRESSEE_CUES:
            for child in cue.rights:  # "..., said Smith" parsed as an object; "telling Smith" is the addressee
                if child.dep_ in ("dobj", "attr", "npadvmod", "appos") and child.pos_ == "PROPN" and (
                    child.ent_type_ not in NOT_SPEAKERS
                ):
                    return child
        if verb.dep_ in _CLIMB and verb.head is not verb:
            verb = verb.head
            continue
        if verb.dep_ == "prep" and verb.lower_ == "as" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # "He was quoted as saying ...": the subject of "quoted" says it
            continue
        if verb.dep_ == "acl" and verb.tag_ in _FINITE and verb.head.i < verb.i:
            return verb.head  # "A report by the committee called for ...", parsed as a noun with a clause
        break
    return None


def name_before(cue: Token) -> Token | None:
    """A name right before a main-clause cue that the parser did not take as its subject (a stray
    character after "Traeger" makes it punctuation): 'Traeger said he expects ...'."""
    if cue.dep_ != "ROOT" or cue.i == 0:
        return None
    before = cue.doc[cue.i - 1]
    if before.head.i == cue.i and before.pos_ == "PROPN" and before.dep_ not in ("npadvmod", "nsubj", "dobj"):
        return before
    # the parser ended a sentence between subject and verb: 'Traeger | said he expects ...', the name
    # left as a one-word sentence of its own on the same line
    if before.pos_ == "PROPN" and before.dep_ == "ROOT" and before.is_sent_start and cue.is_sent_start \
            and before.whitespace_ == " " and not any(c.dep_ in SUBJECT_DEPS for c in cue.children):
        return before
    return None


_HUMAN_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "who"})
# (NER often tags a person's name WORK_OF_ART or PRODUCT, so those do not count against a name)
_NOT_HUMAN_ENTS = frozenset({"ORG", "GPE", "LOC", "FAC", "LAW"}) | NOT_SPEAKERS


def human(token: Token) -> bool:
    """Whether a subject names a person (or people): a personal pronoun, a person's name, or a noun for a
    role, a relative or an unnamed source ("the nurse", "his sister", "one resident")."""
    if token.pos_ == "PRON":
        return token.lower_ in _HUMAN_PRONOUNS
    if token.ent_type_ == "PERSON":
        return True
    if token.pos_ == "PROPN":
        return token.ent_type_ not in _NOT_HUMAN_ENTS
    lemma = token.lemma_.lower()
    return person_noun(lemma) or lemma in KIN_NOUNS


_EVIDENCE_VERBS = words("evidence_verbs")


def evidence(cue: Token, speaker: Token) -> bool:
    """A document or data reporting a finding ("The study estimated that ...", "Data suggests ..."): an
    evidential attribution, not speech."""
    lemma = cue.lemma_.lower()
    if lemma not in _EVIDENCE_VERBS and not (cue.lower_.startswith(lemma + "e") and lemma + "e" in _EVIDENCE_VERBS):
        return False
    named = speaker.lemma_.lower() in EVIDENCE_NOUNS or speaker.lower_ in EVIDENCE_NOUNS
    return speaker.pos_ in ("NOUN", "PROPN") and named


def as_saying(cue: Token) -> bool:
    """A passive cue that reports the subject's own words: "was reported as saying", "is quoted as telling"."""
    doc = cue.doc
    return cue.i + 2 < len(doc) and doc[cue.i + 1].lower_ == "as" and doc[cue.i + 2].tag_ == "VBG"


def capitalised_word(token: Token) -> bool:
    """A capitalised word the tagger took for a verb or auxiliary that English does not spell with a
    capital inside a sentence: in '"...," Halvorsen said' the name can be tagged as an auxiliary."""
    return token.text[:1].isupper() and not token.is_sent_start and token.pos_ in ("AUX", "VERB")


def singular(speaker: Token) -> bool:
    """A singular noun, or a relative "who" standing for one ("a man who said"; not "people who said")."""
    if speaker.tag_ == "WP" and speaker.head.dep_ == "relcl":
        return speaker.head.head.tag_ == "NN"
    return speaker.tag_ in ("NN", "WP")


def mention_range(speaker: Token, blocked: Callable[[int], bool]) -> tuple[int, int]:
    """Token range of the speaker's noun phrase, kept clear of quotes, cues and content; it ends before a
    participle set off by a comma ("The coach, speaking after the match,")."""
    left, right = speaker.left_edge.i, _head_phrase_end(speaker)
    doc = speaker.doc
    lo = speaker.i
    while lo - 1 >= left and not blocked(lo - 1) and not _is_dash(doc[lo - 1]):
        lo -= 1  # "DENVER (AP) — Senate hopeful Jane Roe": the dateline is not the speaker
    hi = speaker.i
    while hi + 1 <= right and not blocked(hi + 1):
        hi += 1
    while lo < speaker.i and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > speaker.i and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    return lo, hi + 1


def _head_phrase_end(speaker: Token) -> int:
    """The last token of a speaker's noun phrase before a participle set off by a comma: "The coach,
    speaking after the match, said" (a relative clause stays: corpora keep it in the source's span)."""
    right = speaker.right_edge.i
    for token in speaker.doc[speaker.i + 1 : right + 1]:
        if token.dep_ == "acl" and token.tag_ in ("VBG", "VBN") and token.doc[token.i - 1].text == ",":
            return max(speaker.i, token.left_edge.i - 1)
    return right


def _is_dash(token: Token) -> bool:
    """A dash between words ("WASHINGTON — ", "LONDON - "), not a hyphen inside a word."""
    if token.text in _DASHES:
        return True
    return token.text == "-" and bool(token.whitespace_) and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)


# ---------------------------------------------------------------------------------------------------
# The cue and its content


def cue_range(token: Token) -> tuple[int, int]:
    """The cue's tokens: the verb plus a particle or its "for"/"on"/"out" ("called for", "pointed out")."""
    end = token.i + 1
    for child in token.rights:
        if child.i == end and (
            child.dep_ == "prt"
            or (token.lemma_ == "call" and child.dep_ == "prep" and child.lower_ in ("for", "on"))
        ):
            end += 1
    if token.lemma_ == "call" and end == token.i + 1 and end < len(token.doc) and token.doc[end].lower_ == "for":
        end += 1
    return token.i, end


def call_content(token: Token) -> Token | None:
    """What "call for" / "call on" asks for: the object of "for"/"on", or a clause marked by "for"."""
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in ("for", "on"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return objects[0] if objects else None
        if child.dep_ in ("advcl", "ccomp", "xcomp") and any(
            c.dep_ == "mark" and c.lower_ == "for" and c.i == token.i + 1 for c in child.children
        ):
            return child
    return None


def channel_clause(cue: Token) -> Token | None:
    """The that-clause of "said in a statement that ...", which the parser hangs on the noun."""
    for prep in cue.rights:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "on", "during"):
            continue
        for noun in prep.children:
            for clause in noun.rights:
                if clause.dep_ in ("acl", "relcl", "ccomp") and any(
                    c.dep_ == "mark" and c.lower_ == "that" and c.i == noun.i + 1 for c in clause.children
                ):
                    return clause
    return None


def topic(cue: Token) -> Token | None:
    """The object of a preposition after ``cue`` naming what was spoken of ("talked about the economy")."""
    for child in cue.rights:
        if child.dep_ == "prep" and child.lower_ in _TOPIC_PREPOSITIONS:
            obj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return obj
    return None


def clause_extent(cue: Token, clause: Token, entry: ReportingVerb) -> tuple[int, int]:
    """First and last token of a reported clause, over every clause the parser split it into ("says he
    worked nights, skipped meals and ..." can give two ccomps) and a subject it took for the cue's object
    ("said small farms ... are likely to suffer", when the cue takes no object)."""
    parts = [c for c in cue.rights if c.dep_ == "ccomp"]
    if entry.takes == "clause" and entry.cls in ("speech", "assert", "emphasis"):
        parts += [
            c for c in cue.rights
            if c.dep_ == "dobj" and c.pos_ != "PRON" and c.right_edge.i + 1 == clause.left_edge.i
        ]
    if parts:
        parts += _conjuncts_of_clause(cue, max(parts, key=lambda c: c.i))
    return min(c.left_edge.i for c in parts), max(c.right_edge.i for c in parts)


def _conjuncts_of_clause(cue: Token, clause: Token) -> list[Token]:
    """Predicates the parser coordinated with the cue that continue its reported clause: "says he
    worked nights, took pills ..." hangs "took" on "says". Coordinated predicates share their tense,
    so a subjectless finite verb right after the clause, in the clause verb's form but not the cue's,
    continues the clause (after "said", both past, it could be the speaker's own act: left alone)."""
    found: list[Token] = []
    end = clause.right_edge.i
    for conj in cue.rights:
        if conj.dep_ != "conj" or conj.i <= end:
            continue
        between = cue.doc[end + 1 : conj.left_edge.i]
        if any(not (t.is_punct or t.dep_ == "cc") for t in between):
            break
        if conj.tag_ not in _FINITE or conj.tag_ != clause.tag_ or conj.tag_ == cue.tag_:
            break
        if any(c.dep_ in _SUBJECTS for c in conj.children):
            break
        found.append(conj)
        end = conj.right_edge.i
    return found


def own_clause(child: Token) -> bool:
    """A right dependent of a cue that is a statement of its own, not part of an object content: a
    coordinated or parenthetical clause, or a clause set off by a comma ("praised the deal, telling ...").
    An infinitive the parser hangs on the cue stays ("commitment to "strengthen ..."")."""
    if child.dep_ in ("punct", "conj", "cc", "parataxis"):
        return True
    if child.dep_ in ("advcl", "ccomp", "xcomp"):
        i = child.left_edge.i
        return child.tag_ == "VBG" or (i > 0 and child.doc[i - 1].text in (",", ";", "—", "–"))
    return False


def asks(first: Token, entry: ReportingVerb) -> bool:
    """Whether a reported clause is a question ("asked whether ...", "would not say why ..."): it opens
    with a wh-word. "if" is a question only after "ask"; after "said" it opens a conditional that is
    part of the statement ("said if elected he would ...")."""
    if first.lower_ not in _WH:
        return False
    return first.lower_ != "if" or entry.lemma == "ask"


def unstated_source(cue: Token) -> bool:
    """A passive cue with no agent ("is expected to win", "Asked about the deal, ..."): an attribution
    whose source the sentence does not name."""
    if any(c.dep_ == "agent" for c in cue.children):
        return False
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in cue.children)
    return passive or (cue.tag_ == "VBN" and cue.dep_ == "advcl" and not any(c.dep_ in _SUBJECTS for c in cue.children))


def small_clause(clause: Token) -> bool:
    """ "saw profits slump": after a verb of perception a subject and a bare infinitive is an event perceived,
    not a thought reported (checked for cognition cues only: the tagger also gives VB to present-tense
    verbs, as in 'said the breaks "do nothing"')."""
    return (
        clause.tag_ == "VB"
        and any(c.dep_ in SUBJECT_DEPS for c in clause.children)
        and not any(c.dep_ in ("aux", "auxpass", "mark") for c in clause.children)
    )


def directive(cue: Token, infinitive: Token) -> bool:
    """ "warned the public not to speculate", "told staff to stay home": an addressee, then what they are
    told to do (a to-infinitive), is a directive the speaker gave."""
    to_infinitive = infinitive.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in infinitive.children)
    addressee = any(c.dep_ == "dobj" and c.i < infinitive.i for c in cue.children)
    return to_infinitive and addressee
