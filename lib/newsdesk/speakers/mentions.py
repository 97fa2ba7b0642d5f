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

from newsdesk.nlp import SUBJECT_DEPS
from newsdesk.records import SpeakerType
from newsdesk.speakers.coref import caption_lines
from newsdesk.speakers.entities import (
    ORG_LABELS,
    ORG_NAME_ENDINGS,
    after_title,
    author_subject,
    clean_name,
    entity_text,
    is_main,
    is_subject,
    name_word,
    one_type_per_name,
    org_items,
    org_shaped_persons,
    plausible_person,
    subject_token,
)
from newsdesk.speakers.gender import PRONOUN_GENDER, Gender, GenderClues, title_gender
from newsdesk.speakers.roles import role_noun, role_of, span_text, strip_det
from newsdesk.speakers.words import (
    GENERIC_ORG_NOUNS,
    MEDIA_WORDS,
)

__all__ = ["INDEX_KEY", "Mention", "MentionIndex"]

#: The ``doc.user_data`` key under which `SpeakerResolver.from_doc` leaves an article's index for later stages.
INDEX_KEY = "newsdesk.mention_index"


_FAR = 1 << 62  # an offset beyond any text
_OBJECT_DEPS = frozenset({"dobj", "pobj", "iobj", "dative"})  # "thanked him": someone else
_FUNCTION_WORDS = frozenset({"of", "and", "for", "the", "&", "de", "du", "des", "la", "le"})


@dataclass(frozen=True, slots=True)
class Mention:
    """A mention of a person, organisation or outlet, by the full name it stands for."""

    start: int  # char offset
    name: str  # canonical full name
    subject: bool
    kind: SpeakerType  # "person" | "organisation" | "media"
    main: bool = False  # the subject of its sentence's main clause ("The committee said ...")




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
        self.person_ents: dict[int, Span] = {}  # token index -> PERSON entity
        # doc.ents: new spans per access
        self._ents: tuple[Span, ...] = one_type_per_name(org_shaped_persons(tuple(doc.ents)))
        self._ent_starts = [e.start for e in self._ents]
        self._ents_in_order = self._ent_starts == sorted(self._ent_starts)  # as the Doc's entities are
        self._tokens: list[Token] = list(doc)  # built once: iterating a Doc creates new tokens
        self._index_persons()
        self._full_names += self._untagged_full_names()
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
        self._add_entity_mentions()
        self._mention_starts = [m.start for m in self.mentions]
        self.entity_tokens = {token.i for ent in self._ents for token in ent}
        self._add_org_phrases()
        self._add_untagged_names()
        self._sentence_starts = [sent.start_char for sent in doc.sents]
        # sentences, and quotations within them, as units for finding antecedents
        self.unit_starts = sorted({*self._sentence_starts, *self._quoted_starts})
        self._caption_lines = caption_lines(doc.text)
        self.first_mentions: dict[str, int] = {}  # name -> offset of its first mention outside captions
        for m in self.mentions:
            if not self.in_caption(m.start):
                self.first_mentions.setdefault(m.name, m.start)
        #: The nouns that head the roles the article gives people ("nurse" of "a nurse", "goalie" of "veteran goalie").
        self.role_nouns = frozenset(role_noun(role) for role in self.roles.values()) - {""}
        self.gender_clues = self._gender_clues()
        self.genders = self._genders()

    def _index_persons(self) -> None:
        """PERSON entities by token, and the full names (two words or more) NER tagged."""
        for ent in self._ents:
            if ent.label_ == "PERSON" and ent[0].lower_ not in ("the", "a", "an"):  # not "The Silent Knight"
                name = clean_name(entity_text(ent))
                for token in ent:
                    self.person_ents[token.i] = ent
                if len(name.split()) >= 2:
                    self._full_names.append((ent.start_char, name))

    def _untagged_full_names(self) -> list[tuple[int, str]]:
        """Two- or three-word names NER left untagged ("Kerstin Aldous"), with their offsets."""
        named = {token.i for ent in self._ents for token in ent}
        found: list[tuple[int, str]] = []
        doc = self.doc
        run: list[Token] = []
        padded: list[Token | None] = [*self._tokens, None]
        for word in padded:  # untagged two- or three-word names ("Kerstin Aldous")
            if word is not None and name_word(word) and word.i not in named and word.text[:1].isupper() \
                    and word.text.isalpha() and (not run or run[-1].i == word.i - 1):
                run.append(word)
                continue
            if run and run[0].i > 0 and doc[run[0].i - 1].text == "-" and not doc[run[0].i - 1].whitespace_:
                run = run[1:]  # "Sergeant-at-Arms Paul Mercier": "Arms" ends a hyphenated title
            run = after_title(run)
            if 2 <= len(run) <= 3:
                name = clean_name(doc[run[0].i : run[-1].i + 1].text)
                if all(full != name for _, full in self._full_names + found):
                    found.append((run[0].idx, name))
            run = [word] if word is not None and name_word(word) and word.i not in named \
                and word.text[:1].isupper() and word.text.isalpha() else []
        return found

    def _add_entity_mentions(self) -> None:
        """A mention for each person, organisation and outlet entity outside quotes."""
        for ent in self._ents:
            if self.inside_quote(ent.start_char):
                continue
            subject_word = subject_token(ent)
            subject = subject_word is not None and not self.inside_reported(ent.start_char)
            main = subject and subject_word is not None and is_main(subject_word)
            if ent.label_ in ORG_LABELS and clean_name(ent.text) in self._surnames:
                # "Mercier said": a surname NER took for an organisation
                name = self.person_name(entity_text(ent), ent.start_char)
                if name != clean_name(ent.text):
                    self.mentions.append(Mention(ent.start_char, name, subject, "person", main))
                    continue
            if ent.label_ == "PERSON":
                name = self.person_name(entity_text(ent), ent.start_char)
                if not plausible_person(name, ent):
                    continue
                self.mentions.append(Mention(ent.start_char, name, subject, "person", main))
                role = role_of(ent, self.person_ents)
                if role and name not in self.roles:
                    self.roles[name] = role
            elif ent.label_ in ORG_LABELS:
                name = self.org_name(clean_name(ent.text))
                kind: SpeakerType = "media" if self.is_media(name) else "organisation"
                if ent.label_ == "ORG" or kind == "media":
                    self.mentions.append(Mention(ent.start_char, name, subject, kind, main))

    def inside_reported(self, char: int) -> bool:
        """Whether an offset lies in reported content."""
        index = bisect.bisect_right(self._reported, (char, _FAR)) - 1
        return any(start <= char < end for start, end in self._reported[max(0, index - 3) : index + 1])

    def org_phrase(self, head: Token) -> str | None:
        """The name of an organisation a common-noun phrase names itself ("the Senate farm and fisheries
        committee", "the Canadian government", "the aid group Lumen"): a named modifier or a name right
        after the noun, or None for a description."""
        after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
        if after is not None and after.head == head and after.dep_ in ("appos", "compound") and after.pos_ == "PROPN":
            return clean_name(self.doc[after.i : after.right_edge.i + 1].text)  # "the aid group Lumen"
        modifiers = [c for c in head.lefts if c.dep_ in ("compound", "nmod", "amod")]
        if not any(c.i in self.entity_tokens and c.text[:1].isupper() for c in modifiers):
            return None
        start = min(c.left_edge.i for c in modifiers)
        return span_text(strip_det(list(self.doc[start : head.i + 1]))) or None

    def described(self, head: Token, *, fallback: bool = True) -> str | None:
        """The organisation a definite description ("the committee", "The High Street retailer") refers
        back to: the last one whose name has the same head noun, else (for a description with modifiers,
        or "the company"-like nouns) the last organisation put forward as a main-clause subject."""
        position = head.idx
        recent = self.recent(position, {"organisation", "media"})
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
            if token.pos_ != "NOUN" or token.i in self.entity_tokens or token.lemma_.lower() not in GENERIC_ORG_NOUNS:
                continue
            if self.inside_quote(token.idx):
                continue
            subject = token.dep_ in SUBJECT_DEPS or author_subject(token)
            if subject and self.inside_reported(token.idx):
                subject = False
            name = self.org_phrase(token)
            if name is not None:
                self._drop_named_modifiers(token)
            if name is None:
                determiner = next((c.lower_ for c in token.children if c.dep_ == "det"), "")
                if not subject or determiner not in ("the", "this"):
                    continue
                bare = all(c.dep_ in ("det", "punct") for c in token.lefts)
                name = self.described(token, fallback=not bare)  # "the agency" only by its own noun
                if name is None:
                    continue
            main = subject and (is_main(token) if token.dep_ in SUBJECT_DEPS else is_main(token.head.head))
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
                for name in org_items(ent):
                    known.setdefault(name, "media" if self.is_media(name) else "organisation")
        for token in self._tokens:
            if token.pos_ != "PROPN" or token.i in self.entity_tokens or self.inside_quote(token.idx):
                continue
            kind = known.get(token.text)
            name = self.org_name(token.text)
            if token.text in self._surnames and not token.text.isupper():  # "For Okafor, who ..."; NER's ORG "Green"
                kind, name = "person", self.person_name(token.text, token.idx)
            if kind is None:
                continue
            subject = token.dep_ in SUBJECT_DEPS and not self.inside_reported(token.idx)
            main = subject and is_main(token)
            index = bisect.bisect_left(self._mention_starts, token.idx)
            self.mentions.insert(index, Mention(token.idx, name, subject, kind, main))
            self._mention_starts.insert(index, token.idx)

    def _gender_clues(self) -> dict[str, GenderClues]:
        """What the article says about each person's gender (`newsdesk.speakers.gender` decides): the
        honorific before each mention and the role it gives the person; and the he/she that follows a
        mention as sentence subject, in the same sentence before any other person, or as the subject that
        opens the next sentence."""
        clues: dict[str, GenderClues] = {}
        for ent in self._ents:
            if ent.label_ != "PERSON" or self.inside_quote(ent.start_char):
                continue
            found = clues.setdefault(self.person_name(entity_text(ent), ent.start_char), GenderClues())
            before = self.doc[ent.start - 1].lower_ if ent.start > 0 else ""
            honorific = before if title_gender(before) else ent[0].lower_
            if title_gender(honorific):
                found.add_title(honorific)
            elif is_subject(ent):
                found.add_pronoun(self._pronoun_after(ent))
        for name, role in self.roles.items():
            clues.setdefault(name, GenderClues()).add_title(role)
        return clues

    def _pronoun_after(self, ent: Span) -> str:
        """The he/she/his/her that refers back to a subject mention (see `_gender_clues`), or ""."""
        aside = {t.i for c in ent.root.children if c.dep_ in ("appos", "relcl") for t in c.subtree}
        for token in self.doc[ent.end : min(len(self.doc), ent.end + 25)]:
            if token.sent != ent.sent or self.inside_quote(token.idx) or token.i in self.person_ents:
                break
            if token.lower_ in PRONOUN_GENDER and token.i not in aside and token.dep_ not in _OBJECT_DEPS:
                return token.lower_  # not "Laura Diaz, his deputy," nor "thanked him"
        if ent.sent.end < len(self.doc):
            for token in self.doc[ent.sent.end].sent[:6]:
                if token.i in self.person_ents or self.inside_quote(token.idx):
                    break
                if token.lower_ in ("he", "she") and token.dep_ in SUBJECT_DEPS:
                    return token.lower_
        return ""

    def _genders(self) -> dict[str, Gender]:
        """The gender of each person whose gender the evidence decides (`GenderClues.decide`)."""
        names = dict.fromkeys([*self.gender_clues, *(m.name for m in self.mentions if m.kind == "person")])
        genders: dict[str, Gender] = {}
        for name in sorted(names):
            call = self.gender_clues.get(name, GenderClues()).decide(name)
            if call.gender != "unknown":
                genders[name] = call.gender
        return genders

    def __repr__(self) -> str:
        people = sorted({m.name for m in self.mentions if m.kind == "person"})
        return f"{type(self).__name__}({len(people)} people, {len(self.mentions)} mentions)"

    # -- names -------------------------------------------------------------------------------------

    def inside_quote(self, char: int) -> bool:
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
        """The name an acronym stands for in the article ("Northern Trade Finance" for "NTF"), or the one
        organisation name a first word shortens when the rest only says what kind of body it is ("Northgate"
        for "Northgate Rail Corporation", "Suncor" for "Suncor Energy"); a word that starts two names, starts
        a name of something else ("Facebook" beside "Facebook Research") or is a person's surname is kept."""
        if name.isalpha() and name.istitle() and name not in self._surnames:
            longer = {full for full in self._org_names if full.split()[0] == name}
            full = longer.pop() if len(longer) == 1 else name
            return full if full.split()[-1].lower().rstrip(".") in ORG_NAME_ENDINGS else name
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

    def ents_in(self, span: Span) -> list[Span]:
        """The entities inside a span (like ``span.ents``, without rebuilding the document's)."""
        if not self._ents_in_order:
            return [e for e in self._ents if e.start >= span.start and e.end <= span.end]
        first, last = bisect.bisect_left(self._ent_starts, span.start), bisect.bisect_left(self._ent_starts, span.end)
        return [e for e in self._ents[first:last] if e.end <= span.end]

    def recent(self, position: int, kinds: set[str], *, window: int = 4000) -> list[Mention]:
        """The mentions of ``kinds`` up to ``window`` characters before ``position``, nearest first."""
        begin = bisect.bisect_left(self._mention_starts, position - window)  # nothing earlier is in the window
        end = bisect.bisect_left(self._mention_starts, position)
        found = [m for m in self.mentions[begin:end] if m.kind in kinds]
        return found[::-1]

    def in_caption(self, char: int) -> bool:
        """Whether an offset lies in a photo or video caption (a line ending in a credit or a duration)."""
        index = bisect.bisect_right(self._caption_lines, (char, _FAR)) - 1
        return index >= 0 and self._caption_lines[index][0] <= char < self._caption_lines[index][1]
