"""The entities one parsed article names, indexed: its people, organisations and media.

`MentionIndex` lists every mention of them in text order (with whether it is a sentence subject),
the full names behind surnames and acronyms ("Blinken", "NTF"), the role and gender the article gives
each person, and which offsets lie in quotes, reported content or captions. `newsdesk.speakers.resolver`
resolves speaker mentions against it.

>>> from newsdesk.nlp import parse_text
>>> doc = parse_text("Ukrainian President Volodymyr Zelenskyy spoke. Zelenskyy said peace was near.")
>>> index = MentionIndex(doc)
>>> index.person_name("Zelenskyy", 48), index.roles
('Volodymyr Zelenskyy', {'Volodymyr Zelenskyy': 'Ukrainian President'})
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsdesk.data import words
from newsdesk.nlp import SUBJECT_DEPS
from newsdesk.records import SpeakerType
from newsdesk.speakers.coref import caption_lines, name_gender
from newsdesk.speakers.roles import role_of, span_text, strip_det
from newsdesk.speakers.words import (
    EDGE_JUNK,
    GENERIC_ORG_NOUNS,
    HONORIFIC_GENDERS,
    HONORIFIC_WORDS,
    HONORIFICS,
    MEDIA_WORDS,
    POSSESSIVE,
    REPORT_NOUNS,
    ROLE_MARKERS,
)

__all__ = ["ORG_LABELS", "PRONOUN_GENDER", "Mention", "MentionIndex", "clean_name", "entity_text"]


ORG_LABELS = frozenset({"ORG", "GPE", "NORP"})
_NAME_PARTICLES = frozenset({"van", "von", "den", "der", "de", "da", "di", "del", "la", "le", "bin", "al", "du"})
_FAR = 1 << 62  # an offset beyond any text
_FUNCTION_WORDS = frozenset({"of", "and", "for", "the", "&", "de", "du", "des", "la", "le"})
#: Organisation nouns that are also surnames (Court, Carrier, Maker, Body, League): no sign of an organisation.
_SURNAME_NOUNS = frozenset({"court", "carrier", "maker", "body", "league"})
#: Last words of organisation names that NER sometimes tags PERSON.
_ORG_NAME_ENDINGS = (GENERIC_ORG_NOUNS - _SURNAME_NOUNS) | words("organisation_name_endings")
PRONOUN_GENDER = {
    "he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"
}  # fmt: skip


def clean_name(text: str) -> str:
    """A name without possessive, honorific or stray punctuation.

    >>> clean_name("Mr. Blair's")
    'Blair'
    """
    text = POSSESSIVE.sub("", text.strip(EDGE_JUNK + ".")).strip()
    words = text.split()
    while len(words) > 1 and (words[0].lower() in HONORIFICS or words[0][:1].islower()):
        words.pop(0)
    while len(words) > 2 and words[0].lower() in ROLE_MARKERS:  # "Author Nadia Holt"
        words.pop(0)
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class Mention:
    """A mention of a person, organisation or outlet, by the full name it stands for."""

    start: int  # char offset
    name: str  # canonical full name
    subject: bool
    kind: SpeakerType  # "person" | "organisation" | "media"
    main: bool = False  # the subject of its sentence's main clause ("The committee said ...")


def _name_word(word: Token) -> bool:
    """A word of a proper name: a proper noun, or a capitalised word the tagger read as a verb or
    auxiliary that the parser still joins to the proper noun after it ("Will" or "Mark" before a surname)."""
    if word.pos_ == "PROPN":
        return True
    return (
        word.pos_ in ("AUX", "VERB")
        and word.is_title
        and word.dep_ == "compound"
        and word.head.i == word.i + 1
        and word.head.pos_ == "PROPN"
    )


def _after_title(run: list[Token]) -> list[Token]:
    """The proper nouns of ``run`` after its last title word: a title and what modifies it ("Acting
    Chief", "Hereditary Chief") are no part of the name that follows. A title word that ends the run
    is kept (it may be a surname: "Carole King")."""
    titles = [k for k, word in enumerate(run[:-1]) if word.lower_ in ROLE_MARKERS]
    return run[titles[-1] + 1 :] if titles else run


def _org_items(ent: Span) -> list[str]:
    """The one-word names of an organisation entity, each item of a list NER tagged as one
    ("Zoom, Slack")."""
    names = (clean_name(part.strip().removeprefix("and ")) for part in ent.text.split(","))
    return [name for name in names if name and " " not in name and name[:1].isupper()]


def _one_type_per_name(ents: tuple[Span, ...]) -> tuple[Span, ...]:
    """The entities with a one-word PERSON that the article also names as an organisation relabelled
    ORG: a name keeps one sense within an article, and a lone word tagged PERSON once is weaker
    evidence than an organisation list. A word of any person's full name stays a person."""
    orgs = {name for ent in ents if ent.label_ == "ORG" for name in _org_items(ent)}
    if not orgs:
        return ents
    full_names = (clean_name(ent.text).split() for ent in ents if ent.label_ == "PERSON")
    person_words = {word for words in full_names if len(words) > 1 for word in words}
    return tuple(
        Span(ent.doc, ent.start, ent.end, label="ORG")
        if ent.label_ == "PERSON" and len(ent) == 1 and ent.text in orgs and ent.text not in person_words
        else ent
        for ent in ents
    )


def _org_shaped_persons(ents: tuple[Span, ...]) -> tuple[Span, ...]:
    """PERSON entities whose last word names a kind of organisation ("Riverside Transit", "Harbour
    Authority", "Acme Corp") relabelled ORG: no person's name ends that way."""
    return tuple(
        Span(ent.doc, ent.start, ent.end, label="ORG")
        if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].lower_.rstrip(".") in _ORG_NAME_ENDINGS
        else ent
        for ent in ents
    )


def entity_text(ent: Span) -> str:
    """A PERSON entity's text without a first word glued to a hyphen ("Sergeant-at-Arms Paul Mercier" is
    tagged from "Arms"), and with a given name NER left out ("Ibrahima Ndiaye" tagged from "Ndiaye")."""
    doc = ent.doc
    if len(ent) > 2 and ent.start > 0 and doc[ent.start - 1].text == "-" and not doc[ent.start - 1].whitespace_:
        return doc[ent.start + 1 : ent.end].text
    if ent.label_ == "PERSON" and len(ent) == 1 and ent.start > 0 and _left_out_given_name(doc[ent.start - 1], ent):
        return doc[ent.start - 1 : ent.end].text
    return ent.text


def _left_out_given_name(token: Token, ent: Span) -> bool:
    """Whether the word before a one-word PERSON entity is a given name NER left out: a capitalised
    proper noun in compound with it, not a title, honorific or part of another entity."""
    return (
        token.tag_ == "NNP"
        and token.dep_ == "compound"
        and token.head.i == ent.root.i
        and token.text.isalpha()
        and token.text[:1].isupper()
        and not token.ent_type_
        and token.lower_ not in ROLE_MARKERS
        and token.lower_ not in HONORIFIC_WORDS
    )


def _plausible_person(name: str, ent: Span) -> bool:
    """Whether a PERSON entity looks like a person's name (spaCy also tags titles and products)."""
    words = name.split()
    if (
        not words
        or words[0].lower() in ("the", "a", "an")
        or not all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words)
    ):
        return False
    return len(words) >= 2 or any(t.dep_ in SUBJECT_DEPS for t in ent)


def _is_subject(ent: Span) -> bool:
    """Whether an entity mention is (part of) its sentence's subject ("retiree Bill Norton said")."""
    root = ent.root
    return (
        root.dep_ in SUBJECT_DEPS
        or root.dep_ == "ROOT"
        or (root.dep_ in ("compound", "appos") and root.head.dep_ in SUBJECT_DEPS)
        or (root.head.dep_ in SUBJECT_DEPS and root.head.i < ent.start)
    )


def _subject_token(ent: Span) -> Token | None:
    """The subject token an entity mention is (part of), if it is one."""
    root = ent.root
    if root.dep_ in SUBJECT_DEPS or root.dep_ == "ROOT":
        return root
    if root.dep_ in ("compound", "appos") and root.head.dep_ in SUBJECT_DEPS:
        return root.head
    if root.head.dep_ in SUBJECT_DEPS and root.head.i < ent.start:
        return root.head
    return None


def _is_main(subject: Token) -> bool:
    """Whether a subject belongs to its sentence's main clause (not a reported or relative clause)."""
    if subject.dep_ == "ROOT":
        return True
    verb = subject.head
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _author_subject(token: Token) -> bool:
    """ "A report by the committee called for ...": the author of a report that is the sentence subject."""
    if token.dep_ != "pobj" or token.head.lower_ != "by":
        return False
    report = token.head.head
    return report.lemma_.lower() in REPORT_NOUNS and (report.dep_ in SUBJECT_DEPS or report.dep_ == "ROOT")


class MentionIndex:
    """The people, organisations and media of one parsed article, with their mentions, roles and genders.

    ``quoted`` are (start, end) character ranges of quoted speech; names inside them are not
    antecedents for pronouns. ``media`` are outlet names the article credits (`Article.credits`).
    ``reported`` are ranges of reported content; a subject inside one is not put forward as a subject.
    """

    def __init__(
        self,
        doc: Doc,
        *,
        quoted: Sequence[tuple[int, int]] = (),
        media: Sequence[str] = (),
        reported: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.doc = doc
        self._reported = sorted(reported)
        self._quoted_starts = [start for start, _ in quoted]
        self._quoted = list(quoted)
        self._credit_media = {m.lower() for m in media}
        self._full_names: list[tuple[int, str]] = []  # (char start, full name) in text order
        self.roles: dict[str, str] = {}
        self.mentions: list[Mention] = []
        self._person_ents: dict[int, Span] = {}  # token index -> PERSON entity
        # doc.ents: new spans per access
        self._ents: tuple[Span, ...] = _one_type_per_name(_org_shaped_persons(tuple(doc.ents)))
        for ent in self._ents:
            if ent.label_ == "PERSON" and ent[0].lower_ not in ("the", "a", "an"):  # not "The Silent Knight"
                name = clean_name(entity_text(ent))
                for token in ent:
                    self._person_ents[token.i] = ent
                if len(name.split()) >= 2:
                    self._full_names.append((ent.start_char, name))
        named = {token.i for ent in self._ents for token in ent}
        run: list[Token] = []
        self._tokens: list[Token] = list(doc)  # built once: iterating a Doc creates new tokens
        padded: list[Token | None] = [*self._tokens, None]
        for word in padded:  # untagged two- or three-word names ("Kerstin Aldous")
            if word is not None and _name_word(word) and word.i not in named and word.text[:1].isupper() \
                    and word.text.isalpha() and (not run or run[-1].i == word.i - 1):
                run.append(word)
                continue
            if run and run[0].i > 0 and doc[run[0].i - 1].text == "-" and not doc[run[0].i - 1].whitespace_:
                run = run[1:]  # "Sergeant-at-Arms Paul Mercier": "Arms" ends a hyphenated title
            run = _after_title(run)
            if 2 <= len(run) <= 3:
                name = clean_name(doc[run[0].i : run[-1].i + 1].text)
                if all(full != name for _, full in self._full_names):
                    self._full_names.append((run[0].idx, name))
            run = [word] if word is not None and _name_word(word) and word.i not in named \
                and word.text[:1].isupper() and word.text.isalpha() else []
        self._full_names.sort()
        self._org_names = [  # multi-word organisation names, in text order
            name
            for name in dict.fromkeys(clean_name(e.text) for e in self._ents if e.label_ == "ORG")
            if len(name.split()) >= 2 and all(w[:1].isupper() or w.lower() in _FUNCTION_WORDS for w in name.split())
        ]
        self._surnames: set[str] = {  # of persons NER tagged with a full name (or one whose given name it left out)
            words[-1]
            for ent in self._ents
            if ent.label_ == "PERSON" and len(words := clean_name(entity_text(ent)).split()) >= 2
        }
        for ent in self._ents:
            if self._inside_quote(ent.start_char):
                continue
            subject_token = _subject_token(ent)
            subject = subject_token is not None and not self._inside_reported(ent.start_char)
            main = subject and subject_token is not None and _is_main(subject_token)
            if ent.label_ in ORG_LABELS and clean_name(ent.text) in self._surnames:
                # "Mercier said": a surname NER took for an organisation
                name = self.person_name(entity_text(ent), ent.start_char)
                if name != clean_name(ent.text):
                    self.mentions.append(Mention(ent.start_char, name, subject, "person", main))
                    continue
            if ent.label_ == "PERSON":
                name = self.person_name(entity_text(ent), ent.start_char)
                if not _plausible_person(name, ent):
                    continue
                self.mentions.append(Mention(ent.start_char, name, subject, "person", main))
                role = role_of(ent, self._person_ents)
                if role and name not in self.roles:
                    self.roles[name] = role
            elif ent.label_ in ORG_LABELS:
                name = self.org_name(clean_name(ent.text))
                kind: SpeakerType = "media" if self.is_media(name) else "organisation"
                if ent.label_ == "ORG" or kind == "media":
                    self.mentions.append(Mention(ent.start_char, name, subject, kind, main))
        self._mention_starts = [m.start for m in self.mentions]
        self._entity_tokens = {token.i for ent in self._ents for token in ent}
        self._add_org_phrases()
        self._add_untagged_names()
        self._sentence_starts = [sent.start_char for sent in doc.sents]
        # sentences, and quotations within them, as units for finding antecedents
        self._unit_starts = sorted({*self._sentence_starts, *self._quoted_starts})
        self._caption_lines = caption_lines(doc.text)
        self._first: dict[str, int] = {}  # name -> offset of its first mention outside captions
        for m in self.mentions:
            if not self._in_caption(m.start):
                self._first.setdefault(m.name, m.start)
        self.genders = self._genders()

    def _inside_reported(self, char: int) -> bool:
        """Whether an offset lies in reported content."""
        index = bisect.bisect_right(self._reported, (char, _FAR)) - 1
        return any(start <= char < end for start, end in self._reported[max(0, index - 3) : index + 1])

    def _org_phrase(self, head: Token) -> str | None:
        """The name of an organisation a common-noun phrase names itself ("the Senate farm and fisheries
        committee", "the Canadian government", "the aid group Lumen"): a named modifier or a name right
        after the noun, or None for a description."""
        after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
        if after is not None and after.head == head and after.dep_ in ("appos", "compound") and after.pos_ == "PROPN":
            return clean_name(self.doc[after.i : after.right_edge.i + 1].text)  # "the aid group Lumen"
        modifiers = [c for c in head.lefts if c.dep_ in ("compound", "nmod", "amod")]
        if not any(c.i in self._entity_tokens and c.text[:1].isupper() for c in modifiers):
            return None
        start = min(c.left_edge.i for c in modifiers)
        return span_text(strip_det(list(self.doc[start : head.i + 1]))) or None

    def _described(self, head: Token, *, fallback: bool = True) -> str | None:
        """The organisation a definite description ("the committee", "The High Street retailer") refers
        back to: the last one whose name has the same head noun, else (for a description with modifiers,
        or "the company"-like nouns) the last organisation put forward as a main-clause subject."""
        position = head.idx
        recent = self._recent(position, {"organisation", "media"})
        kinds = [c.lower_ for c in head.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]  # "the railway company"
        for noun in (head.lower_, *kinds):
            for m in recent:
                if noun in m.name.lower().split():
                    return m.name
        if not fallback:
            return None
        near = [m for m in recent if position - m.start <= 1500]
        for m in near:
            if m.main:
                return m.name
        return None

    def _add_org_phrases(self) -> None:
        """Organisations named by common-noun phrases, as mentions (sentence subjects resolved)."""
        for token in self._tokens:
            if token.pos_ != "NOUN" or token.i in self._entity_tokens or token.lemma_.lower() not in GENERIC_ORG_NOUNS:
                continue
            if self._inside_quote(token.idx):
                continue
            subject = token.dep_ in SUBJECT_DEPS or _author_subject(token)
            if subject and self._inside_reported(token.idx):
                subject = False
            name = self._org_phrase(token)
            if name is not None:
                self._drop_named_modifiers(token)
            if name is None:
                determiner = next((c.lower_ for c in token.children if c.dep_ == "det"), "")
                if not subject or determiner not in ("the", "this"):
                    continue
                bare = all(c.dep_ in ("det", "punct") for c in token.lefts)
                name = self._described(token, fallback=not bare)  # "the agency" only by its own noun
                if name is None:
                    continue
            main = subject and (_is_main(token) if token.dep_ in SUBJECT_DEPS else _is_main(token.head.head))
            index = bisect.bisect_left(self._mention_starts, token.idx)
            self.mentions.insert(index, Mention(token.idx, name, subject, "organisation", main))
            self._mention_starts.insert(index, token.idx)

    def _drop_named_modifiers(self, head: Token) -> None:
        """Forget the mentions of organisations that only modify ``head`` in a name of its own: in "the
        Senate farm and fisheries committee" the phrase names the committee, not the Senate."""
        starts = {
            ent.start_char
            for ent in self._ents
            if ent.label_ in ORG_LABELS and ent.root.head.i == head.i and ent.root.dep_ in ("compound", "nmod", "amod")
        }
        if not starts:
            return
        kept = [m for m in self.mentions if not (m.start in starts and m.kind != "person")]
        self.mentions[:] = kept
        self._mention_starts[:] = [m.start for m in kept]

    def _add_untagged_names(self) -> None:
        """Single-word names NER tagged once but missed elsewhere, as mentions: a proper noun outside
        entities and quotes that equals a tagged organisation's name (or one item of a tagged list,
        "Facebook, Workplace, Instagram": "Facebook said"), or the surname of a person named in full."""
        known: dict[str, SpeakerType] = {}
        for ent in self._ents:
            if ent.label_ == "ORG":
                for name in _org_items(ent):
                    known.setdefault(name, "media" if self.is_media(name) else "organisation")
        for token in self._tokens:
            if token.pos_ != "PROPN" or token.i in self._entity_tokens or self._inside_quote(token.idx):
                continue
            kind = known.get(token.text)
            name = self.org_name(token.text)
            if token.text in self._surnames and not token.text.isupper():  # "For Okafor, who ..."; NER's ORG "Green"
                kind, name = "person", self.person_name(token.text, token.idx)
            if kind is None:
                continue
            subject = token.dep_ in SUBJECT_DEPS and not self._inside_reported(token.idx)
            main = subject and _is_main(token)
            index = bisect.bisect_left(self._mention_starts, token.idx)
            self.mentions.insert(index, Mention(token.idx, name, subject, kind, main))
            self._mention_starts.insert(index, token.idx)

    def _genders(self) -> dict[str, str]:
        """A gender per person, read from the article: honorifics, and the first he/she/his/her that
        follows a mention of the person as a sentence subject in the same sentence."""
        votes: dict[str, list[int]] = {}
        for ent in self._ents:
            if ent.label_ != "PERSON" or self._inside_quote(ent.start_char):
                continue
            name = self.person_name(entity_text(ent), ent.start_char)
            tally = votes.setdefault(name, [0, 0])
            before = self.doc[ent.start - 1].lower_ if ent.start > 0 else ""
            word = HONORIFIC_GENDERS.get(before) or HONORIFIC_GENDERS.get(ent[0].lower_)
            is_subject = _is_subject(ent)
            if word is None and is_subject:
                for token in self.doc[ent.end : min(len(self.doc), ent.end + 25)]:
                    if token.sent != ent.sent or self._inside_quote(token.idx):
                        break
                    if token.lower_ in PRONOUN_GENDER:
                        word = PRONOUN_GENDER[token.lower_]
                        break
                    if token.i in self._person_ents:
                        break
            if word is None and is_subject and ent.sent.end < len(self.doc):
                opener = self.doc[ent.sent.end]
                for token in opener.sent[:6]:
                    if token.i in self._person_ents or self._inside_quote(token.idx):
                        break
                    if token.lower_ in ("he", "she") and token.dep_ in SUBJECT_DEPS:
                        word = PRONOUN_GENDER[token.lower_]
                        break
            if word is not None:
                tally[0 if word == "m" else 1] += 1
        genders = {name: ("m" if m > f else "f") for name, (m, f) in sorted(votes.items()) if m != f}
        for mention in self.mentions:  # no evidence in the article: a common given name
            if mention.kind == "person" and mention.name not in genders and (guess := name_gender(mention.name)):
                genders[mention.name] = guess
        return genders

    def __repr__(self) -> str:
        people = sorted({m.name for m in self.mentions if m.kind == "person"})
        return f"{type(self).__name__}({len(people)} people, {len(self.mentions)} mentions)"

    # -- names -------------------------------------------------------------------------------------

    def _inside_quote(self, char: int) -> bool:
        """Whether an offset lies in quoted speech."""
        index = bisect.bisect_right(self._quoted_starts, char) - 1
        return index >= 0 and self._quoted[index][0] <= char < self._quoted[index][1]

    def person_name(self, text: str, position: int) -> str:
        """The full name a (partial) person name at ``position`` stands for.

        The nearest earlier full name with the same surname (or first name) wins; failing that the
        first later one (a headline often names "Blinken" before the body says "Antony Blinken").
        """
        name = clean_name(text)
        words = name.split()
        if not words:
            return name
        if len(words) >= 2 and not any(full != name and full.endswith(" " + name) for _, full in self._full_names):
            return name

        def matches(full: str) -> bool:
            parts = full.split()
            if len(words) == 1:
                return (words[0] in (parts[-1], parts[0]) or words[0] in parts[-1].split("-")) and full != name
            return full != name and full.endswith(" " + name)

        before = [full for start, full in self._full_names if start < position and matches(full)]
        if before:
            return before[-1]
        after = [full for start, full in self._full_names if start >= position and matches(full)]
        return after[0] if after else name

    def org_name(self, name: str) -> str:
        """The name an acronym stands for in the article ("Northern Trade Finance" for "NTF"); a
        shorter name ("Siemens" beside "Siemens Energy") may be another body, so it is kept."""
        if not (name.isalpha() and name.isupper() and 2 <= len(name) <= 6):
            return name
        for full in self._org_names:
            if "".join(w[0] for w in full.split() if w.lower() not in _FUNCTION_WORDS) == name:
                return full
        return name

    def is_media(self, name: str) -> bool:
        """Whether an organisation name is a news outlet (by its words or the article's credits)."""
        lowered = name.lower()
        return lowered in self._credit_media or any(w in MEDIA_WORDS for w in lowered.replace(".", " ").split())

    # -- lookups -----------------------------------------------------------------------------------

    def _ents_in(self, span: Span) -> list[Span]:
        """The entities inside a span (like ``span.ents``, without rebuilding the document's)."""
        return [e for e in self._ents if e.start >= span.start and e.end <= span.end]

    def _recent(self, position: int, kinds: set[str], *, window: int = 4000) -> list[Mention]:
        """The mentions of ``kinds`` up to ``window`` characters before ``position``, nearest first."""
        end = bisect.bisect_left(self._mention_starts, position)
        found = [m for m in self.mentions[:end] if m.kind in kinds and position - m.start <= window]
        return found[::-1]

    def _in_caption(self, char: int) -> bool:
        """Whether an offset lies in a photo or video caption (a line ending in a credit or a duration)."""
        index = bisect.bisect_right(self._caption_lines, (char, _FAR)) - 1
        return index >= 0 and self._caption_lines[index][0] <= char < self._caption_lines[index][1]
