"""What every extraction stage shares: the Doc extensions it reads and sets, and the base of its component.

A stage is a registered spaCy component (``@Language.factory``, declaring ``requires``/``assigns``) that
reads one parsed article and attaches its records to the Doc: a list in a Doc extension
(``doc._.quotes``, ``doc._.people``, ``doc._.figures``, ``doc._.stances``) and the same records as spans in
``doc.spans`` under the same key (each span's ``span._.quote`` / ``span._.person`` / ``span._.figure`` is its
record). One Doc in, the
Doc with its records out: `newsdesk.analyze` is the model followed by the stages.

The article comes from ``doc._.article`` (set by `newsdesk.parse`); a Doc a plain spaCy user made gets
one read from its text (`article_of`). With ``on_error="record"`` (what `analyze` uses) a stage that
fails on one Doc records ``(stage, problem)`` in ``doc._.stage_errors`` and attaches no records, so an
article is never dropped; with ``on_error="raise"`` (the default for spaCy users) it raises.

>>> import spacy
>>> class Words(Stage):
...     stage_name, key, span_attribute = "words", "quotes", "quote"
...     def find(self, doc, article):
...         raise ValueError("not today")
>>> doc = spacy.blank("en")("Rain is due.")
>>> Words(on_error="record")(doc)._.stage_errors
[('words', 'ValueError: not today')]
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import ClassVar, Literal, Protocol

from spacy.tokens import Doc, Span

from newsdesk.io.articles import Article, read_text

__all__ = ["RECORD_KEYS", "OnError", "Stage", "article_of", "attach_article", "record_error"]

#: What a stage does when it fails on a Doc.
OnError = Literal["raise", "record"]
#: The Doc extensions (and ``doc.spans`` keys) that hold each stage's records.
RECORD_KEYS = ("quotes", "figures", "stances", "people")

for _key in ("article", "stage_errors", *RECORD_KEYS):
    if not Doc.has_extension(_key):
        Doc.set_extension(_key, default=None)
for _key in ("quote", "figure", "stance", "person"):
    if not Span.has_extension(_key):
        Span.set_extension(_key, default=None)


class Located(Protocol):
    """A record with a character span and a kind: what a stage can show as a span."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def kind(self) -> str: ...


def attach_article(doc: Doc, article: Article) -> Doc:
    """``doc`` with ``doc._.article`` set to ``article`` (whose text it was made from)."""
    doc._.article = article
    return doc


def article_of(doc: Doc) -> Article | None:
    """``doc._.article``, else an article read from the Doc's text (id "doc", no headline); None when blank."""
    article: Article | None = doc._.article
    if article is not None:
        return article
    return read_text(doc.text, id="doc", headline="") if doc.text.strip() else None


def record_error(doc: Doc, stage: str, error: Exception) -> None:
    """Note on the Doc that ``stage`` failed on it, as (stage, "ErrorType: message")."""
    errors: list[tuple[str, str]] = doc._.stage_errors or []
    errors.append((stage, f"{type(error).__name__}: {error}"))
    doc._.stage_errors = errors


class Stage(ABC):
    """Base of a newsdesk component: `find` reads one article; calling the component attaches the records.

    Subclasses set ``stage_name`` (the stage in ``Analysis.errors``; spaCy keeps a component's pipeline
    name in ``name``), ``key`` (the Doc extension and
    ``doc.spans`` key of its records) and ``span_attribute`` (the Span extension holding each record).
    """

    stage_name: ClassVar[str]
    key: ClassVar[str]
    span_attribute: ClassVar[str]

    def __init__(self, *, on_error: OnError = "raise") -> None:
        if on_error not in ("raise", "record"):
            raise ValueError(f"on_error must be 'raise' or 'record', not {on_error!r}")
        self.on_error: OnError = on_error

    def __repr__(self) -> str:
        return f"{type(self).__name__}(on_error={self.on_error!r})"

    @abstractmethod
    def find(self, doc: Doc, article: Article) -> Sequence[Located]:
        """The records of one article, from its parse ``doc``."""

    def __call__(self, doc: Doc) -> Doc:
        article = article_of(doc)
        records: list[Located] = []
        try:
            records = list(self.find(doc, article)) if article is not None else []
        except Exception as error:  # one article's failure must not stop a batch; it is recorded
            if self.on_error == "raise":
                raise
            record_error(doc, self.stage_name, error)
        doc._.set(self.key, records)
        spans = []
        for record in records:
            span = doc.char_span(record.start, record.end, label=record.kind, alignment_mode="expand")
            if span is not None:
                span._.set(self.span_attribute, record)
                spans.append(span)
        doc.spans[self.key] = spans
        return doc

