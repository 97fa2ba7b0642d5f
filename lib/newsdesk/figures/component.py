"""Figure extraction as a spaCy component, linked to the quotes; and `extract_figures` for one text.

``nlp.add_pipe("newsdesk_figures")`` sets ``doc._.figures`` (the `Figure` records) and
``doc.spans["figures"]`` (label = kind, ``span._.figure`` = the Figure). After ``newsdesk_quotes`` each
figure inside a quote carries that quote's start and speaker (read from ``doc._.quotes``).

>>> from newsdesk.nlp import load_model
>>> nlp = load_model(fresh=True)
>>> _ = nlp.add_pipe("newsdesk_quotes")
>>> _ = nlp.add_pipe("newsdesk_figures")
>>> doc = nlp('"It cost £3bn," the minister said.')
>>> [(s.text, s.label_, s._.figure.value, s._.figure.speaker) for s in doc.spans["figures"]]
[('£3bn', 'money', 3000000000.0, 'the minister')]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from newsdesk.figures.extract import figures_from_doc
from newsdesk.io.articles import Article
from newsdesk.nlp import load_model
from newsdesk.records import Figure, Quote
from newsdesk.stages import OnError, Stage

__all__ = [
    "FIGURES_FACTORY","FiguresStage", "extract_figures", "link_quotes", "make_figures_stage"]


def link_quotes(figures: Sequence[Figure], quotes: Sequence[Quote]) -> list[Figure]:
    """Each figure with the start and speaker of the smallest quote it lies in (if any)."""
    ordered = sorted(quotes, key=lambda q: (q.start, q.end))
    if not ordered:
        return list(figures)
    starts = [q.start for q in ordered]
    longest = max(q.end - q.start for q in ordered)
    out = []
    for f in figures:
        near = ordered[bisect_left(starts, f.end - longest) : bisect_right(starts, f.start)]
        inside = [q for q in near if q.start <= f.start and f.end <= q.end]
        if inside:
            q = min(inside, key=lambda q: q.end - q.start)
            f = replace(f, quote_start=q.start, speaker=q.speaker)
        out.append(f)
    return out


#: The registered name of the component's factory.
FIGURES_FACTORY = "newsdesk_figures"


class FiguresStage(Stage):
    """The figure stage: `figures_from_doc`, linked to the quotes in ``doc._.quotes``."""

    stage_name = "figures"
    key = "figures"
    span_attribute = "figure"

    def find(self, doc: Doc, article: Article) -> list[Figure]:
        return link_quotes(figures_from_doc(doc, article_id=article.id), doc._.quotes or ())


@Language.factory(
    FIGURES_FACTORY,
    default_config={"on_error": "raise"},
    requires=["doc.ents", "token.dep", "doc._.quotes"],
    assigns=["doc._.figures", "doc.spans"],
)
def make_figures_stage(nlp: Language, name: str, on_error: OnError) -> FiguresStage:
    """Factory of ``nlp.add_pipe("newsdesk_figures")``."""
    return FiguresStage(on_error=on_error)


def extract_figures(text: str, *, nlp: Language | None = None) -> list[Figure]:
    """The figures in a raw string (parsed with ``nlp`` or newsdesk's model); ``article_id`` is "text".

    >>> [(f.kind, f.value, f.value_max, f.unit) for f in extract_figures("between $500 million and $750 million")]
    [('money', 500000000.0, 750000000.0, 'USD')]
    """
    return figures_from_doc((nlp or load_model())(text), article_id="text")
