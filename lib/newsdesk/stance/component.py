"""Stance detection as a spaCy component, and `find_stances` for one text.

``nlp.add_pipe("newsdesk_stance", config={"targets": [...]})`` (after ``newsdesk_quotes``, whose rows give
speakers; it also runs without them) sets ``doc._.stances`` (the `Stance` rows) and ``doc.spans["stances"]``:
one span per piece of evidence and label, ``span._.stances`` holding every row over it (one per holder and
target; spaCy keys span extensions by offsets, so rows over the same words share one span) and
``span._.stance`` the first. ``targets`` are names or mappings with ``name``, ``aliases``, ``description``;
none gives open targets (`newsdesk.stance.finder`).

>>> from newsdesk.nlp import load_model
>>> nlp = load_model(fresh=True)
>>> _ = nlp.add_pipe("newsdesk_quotes")
>>> _ = nlp.add_pipe("newsdesk_stance", config={"targets": [{"name": "the new stadium", "aliases": ["stadium"]}]})
>>> doc = nlp("Residents oppose the stadium, the council said.")
>>> [(s.text, s.label_, s._.stance.holder, s._.stance.target) for s in doc.spans["stances"]]
[('oppose the stadium', 'against', 'Residents', 'the new stadium')]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsdesk.io.articles import Article, read_text
from newsdesk.nlp import load_model
from newsdesk.quotes.finder import Attributions, QuoteFinder
from newsdesk.records import Stance
from newsdesk.stages import OnError, Stage
from newsdesk.stance.finder import StanceFinder
from newsdesk.stance.targets import Target

__all__ = ["STANCE_FACTORY", "StanceStage", "find_stances", "make_stance_stage"]

#: The registered name of the component's factory.
STANCE_FACTORY = "newsdesk_stance"

if not Span.has_extension("stances"):
    Span.set_extension("stances", default=None)


class StanceStage(Stage):
    """The stance stage: `StanceFinder.find` on each Doc, with the quotes in ``doc._.quotes``."""

    stage_name = "stances"
    key = "stances"
    span_attribute = "stance"

    def __init__(self, finder: StanceFinder, *, on_error: OnError = "raise") -> None:
        super().__init__(on_error=on_error)
        self.finder = finder

    def __repr__(self) -> str:
        return f"StanceStage({self.finder!r}, on_error={self.on_error!r})"

    def find(self, doc: Doc, article: Article) -> list[Stance]:
        return self.finder.find(article, doc)

    def __call__(self, doc: Doc) -> Doc:
        doc = super().__call__(doc)
        rows: dict[tuple[int, int, str], list[Stance]] = {}
        for row in doc._.stances or ():
            rows.setdefault((row.start, row.end, row.label), []).append(row)
        spans = []
        for (start, end, label), group in rows.items():
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None:
                span._.stances = tuple(group)
                span._.stance = group[0]
                spans.append(span)
        doc.spans[self.key] = spans
        return doc


@Language.factory(
    STANCE_FACTORY,
    default_config={"targets": [], "similarity": "overlap", "on_error": "raise"},
    requires=["token.dep", "token.lemma", "doc.ents", "doc._.quotes"],
    assigns=["doc._.stances", "doc.spans"],
)
def make_stance_stage(
    nlp: Language, name: str, targets: list[Any], similarity: str, on_error: OnError
) -> StanceStage:
    """Factory of ``nlp.add_pipe("newsdesk_stance", config={"targets": [...], "similarity": "overlap"})``."""
    return StanceStage(StanceFinder(targets, similarity=similarity), on_error=on_error)


def find_stances(
    article_or_text: Article | str,
    targets: Iterable[Target | dict[str, Any] | str] = (),
    *,
    nlp: Language | None = None,
    attributions: Attributions = "all",
) -> list[Stance]:
    """The stance rows of an Article or a plain text (parsed here), its quotes found in the ``attributions``
    scope first (wide by default: positions are stance evidence).

    >>> [(s.holder, s.label, s.target) for s in find_stances("Germany and Chile support the treaty.")]
    [('Chile', 'favor', 'the treaty'), ('Germany', 'favor', 'the treaty')]
    """
    article = read_text(article_or_text, id="text") if isinstance(article_or_text, str) else article_or_text
    doc = (nlp or load_model())(article.text)
    quotes: Sequence[Any] = QuoteFinder(attributions=attributions).find(article, doc)
    return StanceFinder(targets).find(article, doc, quotes)
