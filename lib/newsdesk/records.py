"""The records newsdesk returns and the one definition of each table's columns.

Each record is a frozen dataclass; its fields, in order, are the columns of its DataFrame in
`newsdesk.Analysis`, with dtypes derived from the field types. Tables are sorted by article id and
offset so the same input always gives the same table.

>>> Quote.columns()[:4]
('article_id', 'start', 'end', 'text')
>>> to_frame([], Figure).shape
(0, 13)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields
from typing import Any, ClassVar, Literal

import pandas as pd

__all__ = [
    "ArticleResult",
    "ArticleRow",
    "ErrorRow", "Figure", "Gender", "GenderEvidence", "Person", "Quote", "Stance",
    "to_frame",
]

QuoteKind = Literal["direct", "mixed", "indirect"]
SpeakerType = Literal["person", "organisation", "media", "anonymous", "document", "unknown"]
StanceLabel = Literal["favor", "against", "neutral"]
Gender = Literal["female", "male", "unknown"]
GenderEvidence = Literal["pronoun", "honorific", "given name", "none"]

_DTYPES = {
    "str": "string",
    "str | None": "string",
    "int": "int64",
    "int | None": "Int64",
    "float": "float64",
    "float | None": "Float64",
    "QuoteKind": "string",
    "SpeakerType": "string",
    "StanceLabel": "string",
    "Gender": "string",
    "GenderEvidence": "string",
    "bool": "bool",
}


class Record:
    """Shared behaviour: ``to_dict()``, ``columns()``, ``dtypes()`` and a compact repr."""

    sort_keys: ClassVar[tuple[str, ...]] = ("article_id", "start", "end")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload, no-any-return]

    @classmethod
    def columns(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))  # type: ignore[arg-type]

    @classmethod
    def dtypes(cls) -> dict[str, str]:
        return {f.name: _DTYPES[str(f.type)] for f in fields(cls)}  # type: ignore[arg-type]

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in self.to_dict().items() if v is not None)
        return f"{type(self).__name__}({shown})"


@dataclass(frozen=True, repr=False)
class ArticleRow(Record):
    """One article in `Analysis.articles`; ``encoding`` and ``repairs`` say how its file was read (None for
    text given as a string; `newsdesk.io.encoding`)."""

    sort_keys: ClassVar[tuple[str, ...]] = ("article_id",)
    article_id: str
    headline: str | None
    byline: str | None
    credits: str | None
    published: str | None
    site_name: str | None
    url: str | None
    source_path: str | None
    paragraphs: int
    characters: int
    sentences: int
    tokens: int
    encoding: str | None = None
    repairs: str | None = None


@dataclass(frozen=True, repr=False)
class Quote(Record):
    """Who said what: one attributed statement. ``text`` is the content (for indirect speech, the
    reported clause); every ``*_start``/``*_end`` indexes ``Article.text``. ``cue_class`` is the
    lexicon class of the cue (speech, assert, inform, ...; position, cognition, topic ... only with
    ``attributions="all"``); "speech" for "according to" and for quoted words with no cue of their own."""

    article_id: str
    start: int
    end: int
    text: str
    kind: QuoteKind
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    cue_class: str
    speaker: str | None
    speaker_mention: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_role: str | None
    speaker_type: SpeakerType
    paragraph: int | None
    confidence: float


@dataclass(frozen=True, repr=False)
class Figure(Record):
    """A number the article cites, normalised: ``value`` (``value_max`` for ranges) in ``unit``."""

    article_id: str
    start: int
    end: int
    text: str
    kind: str
    value: float | None
    value_max: float | None
    unit: str | None
    qualifier: str | None
    period: str | None
    noun: str | None
    quote_start: int | None
    speaker: str | None


@dataclass(frozen=True, repr=False)
class Person(Record):
    """One distinct person an article names: ``name`` in the fullest form the article gives, how often it is
    mentioned (names, and pronouns resolved to the person), where first (``first_start``/``first_end``), the
    ``role``, whether and how much it is quoted, and ``gender`` with the ``gender_evidence`` it rests on
    (`newsdesk.speakers.gender`). ``shares_surname_with`` names the other people of the article with the
    same surname: they are kept apart, and a bare surname went to the nearest person named before it."""

    sort_keys: ClassVar[tuple[str, ...]] = ("article_id", "first_start", "name")
    article_id: str
    name: str
    mentions: int
    first_start: int
    first_end: int
    role: str | None
    quoted: bool
    quotes: int
    words_quoted: int
    gender: Gender
    gender_evidence: GenderEvidence
    shares_surname_with: str | None

    @property
    def start(self) -> int:
        return self.first_start

    @property
    def end(self) -> int:
        return self.first_end

    @property
    def kind(self) -> str:
        return "person"


@dataclass(frozen=True, repr=False)
class Stance(Record):
    """Which side ``holder`` takes on ``target`` (favor | against | neutral), and the evidence it rests on.

    One row per (holder, target, evidence). ``evidence`` is the text from the deciding cue to the end of what
    it is about (``evidence_start``/``evidence_end`` index ``Article.text``); ``cue`` the words that decided
    the label and ``method`` the rule path (see `newsdesk.stance`); ``condition`` the condition the stance is
    put under, if any; ``quote_start`` the start of the quote the evidence lies in (or whose cue it is).
    """

    sort_keys: ClassVar[tuple[str, ...]] = ("article_id", "evidence_start", "holder", "target", "label")
    article_id: str
    holder: str
    holder_type: SpeakerType
    holder_start: int | None
    holder_end: int | None
    target: str
    label: StanceLabel
    score: float
    evidence: str
    evidence_start: int
    evidence_end: int
    cue: str
    method: str
    condition: str | None
    quote_start: int | None

    @property
    def start(self) -> int:
        """The evidence's start (what a stage marks as a span)."""
        return self.evidence_start

    @property
    def end(self) -> int:
        return self.evidence_end

    @property
    def kind(self) -> str:
        """The label (a span's label in ``doc.spans["stances"]``)."""
        return self.label


@dataclass(frozen=True, repr=False)
class ErrorRow(Record):
    """An input that was reported and skipped: where it is and what is wrong with it."""

    sort_keys: ClassVar[tuple[str, ...]] = ()
    source: str
    stage: str
    problem: str


def to_frame(records: Iterable[Record], record_type: type[Record]) -> pd.DataFrame:
    """A DataFrame with ``record_type``'s columns and dtypes, sorted by its sort keys."""
    rows: Sequence[dict[str, Any]] = [r.to_dict() for r in records]
    frame = pd.DataFrame(rows, columns=list(record_type.columns()))
    frame = frame.astype(record_type.dtypes())
    if record_type.sort_keys and len(frame):
        frame = frame.sort_values(list(record_type.sort_keys), kind="stable", na_position="first")
    return frame.reset_index(drop=True)


#: The tables of an analysis, in order (`newsdesk.Analysis`).
TABLE_NAMES = ("articles", "quotes", "figures", "stances", "errors", "people")
#: The per-article tables of `ArticleResult`, with their record types, in the order `Analysis` shows them.
RESULT_TABLES: dict[str, type[Record]] = {
    "quotes": Quote,
    "figures": Figure,
    "stances": Stance,
    "people": Person,
    "errors": ErrorRow,
}


@dataclass(frozen=True)
class ArticleResult:
    """Everything one article gives: its row of ``Analysis.articles`` and its records for every other table.

    ``to_plain()`` turns it into lists of plain values (JSON- and msgpack-friendly; the cache stores it and worker
    processes send it back) and ``from_plain`` reads that back into equal records.

    >>> row = ArticleRow("a1", None, None, None, None, None, None, None, 1, 9, 1, 2)
    >>> result = ArticleResult(row, errors=(ErrorRow("a1", "quotes", "ValueError: no"),))
    >>> result
    ArticleResult('a1': 0 quotes, 0 figures, 0 stances, 0 people, 1 errors)
    >>> ArticleResult.from_plain(result.to_plain()) == result
    True
    """

    article: ArticleRow
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    stances: tuple[Stance, ...] = ()
    people: tuple[Person, ...] = ()
    errors: tuple[ErrorRow, ...] = ()

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(getattr(self, name))} {name}" for name in RESULT_TABLES)
        return f"ArticleResult({self.article.article_id!r}: {counts})"

    def to_plain(self) -> dict[str, list[list[Any]]]:
        """Each table as a list of rows, each row its values in column order."""
        plain = {"articles": [list(self.article.to_dict().values())]}
        for name in RESULT_TABLES:
            plain[name] = [list(record.to_dict().values()) for record in getattr(self, name)]
        return plain

    @classmethod
    def from_plain(cls, plain: dict[str, list[list[Any]]]) -> ArticleResult:
        """The result `to_plain` gave; raises (KeyError, TypeError, ValueError) on anything else."""
        (article,) = plain["articles"]
        tables = {name: tuple(kind(*row) for row in plain[name]) for name, kind in RESULT_TABLES.items()}
        return cls(ArticleRow(*article), **tables)  # type: ignore[arg-type]
