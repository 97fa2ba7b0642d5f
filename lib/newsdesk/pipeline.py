"""`analyze`: articles in, tidy tables out.

Each article is read, parsed once by spaCy, and handed to the extraction stages; the results are
gathered into one `Analysis` of sorted DataFrames. A bad input, or an article a stage fails on, is
reported in ``Analysis.errors`` and the rest go on.

>>> from newsdesk.io.articles import read_text
>>> result = analyze([read_text("Prices rose 3% in May, the agency said.", id="a1")])
>>> result
Analysis(1 article, 1 quote, 1 figure, 0 stances, 0 errors)
>>> result.figures[["text", "kind", "value", "speaker"]].to_dict("records")
[{'text': '3%', 'kind': 'percent', 'value': 3.0, 'speaker': 'the agency'}]
>>> list(result.articles["article_id"])
['a1']
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TypeVar

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from newsdesk.errors import ArticleError
from newsdesk.figures.extract import figure_stage
from newsdesk.io.articles import Article
from newsdesk.io.readers import Source, iter_articles
from newsdesk.nlp import load_model, parse
from newsdesk.quotes.finder import Attributions, QuoteFinder, quote_stage
from newsdesk.records import ArticleRow, ErrorRow, Figure, Quote, Record, Stance, to_frame

__all__ = ["STAGES", "Analysis", "Stage", "analyze"]

#: A stage reads one article and its Doc (and the records earlier stages found) and returns records.
Stage = Callable[[Article, Doc, Sequence[Record]], Sequence[Record]]

#: The extraction stages, in order: quotes first, so figures can credit the quote they sit in.
#: Stance detection will register here when it is built; each stage returns Quote, Figure or Stance records.
STAGES: list[tuple[str, Stage]] = [("quotes", quote_stage), ("figures", figure_stage)]


_T = TypeVar("_T")


def _with_progress(items: Iterable[_T], total: int) -> Iterator[_T]:
    """``items`` behind a tqdm bar: a notebook widget where ipywidgets is installed, text otherwise.

    tqdm is imported here, not at module level: in a kernel without ipywidgets, importing
    ``tqdm.auto`` warns on stderr, which would show in every notebook that imports newsdesk.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="IProgress not found")
        from tqdm.auto import tqdm
    yield from tqdm(items, total=total, unit="article")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


@dataclass(frozen=True, eq=False)
class Analysis:
    """The tables of one analysis run: ``articles``, ``quotes``, ``figures``, ``stances``, ``errors``."""

    articles: pd.DataFrame = field(default_factory=lambda: to_frame([], ArticleRow))
    quotes: pd.DataFrame = field(default_factory=lambda: to_frame([], Quote))
    figures: pd.DataFrame = field(default_factory=lambda: to_frame([], Figure))
    stances: pd.DataFrame = field(default_factory=lambda: to_frame([], Stance))
    errors: pd.DataFrame = field(default_factory=lambda: to_frame([], ErrorRow))

    def __repr__(self) -> str:
        counts = ", ".join(
            _plural(len(getattr(self, name)), word)
            for name, word in [
                ("articles", "article"),
                ("quotes", "quote"),
                ("figures", "figure"),
                ("stances", "stance"),
                ("errors", "error"),
            ]
        )
        return f"Analysis({counts})"


def _article_row(article: Article, doc: Doc) -> ArticleRow:
    summary = article.to_dict()
    return ArticleRow(
        **summary,
        sentences=sum(1 for _ in doc.sents),
        tokens=sum(1 for token in doc if not token.is_space),
    )


def analyze(
    items: Source | Iterable[Source],
    *,
    nlp: Language | None = None,
    batch_size: int = 32,
    n_process: int = 1,
    progress: bool = False,
    attributions: Attributions = "speech",
) -> Analysis:
    """Analyse articles given as Articles, paths (files or folders), DataFrames or text strings.

    Returns an `Analysis` whose tables follow the schemas in `newsdesk.records`. Inputs that cannot
    be read, and articles a stage fails on, are listed in ``errors`` with the reason; the rest go on.
    ``progress=True`` shows a progress bar over the articles (on stderr). ``attributions="all"``
    fills ``quotes`` with every attribution, not only speech: thoughts, stances, impressions and
    topics too, each row's ``cue_class`` saying which (see `newsdesk.quotes.QuoteFinder`).
    """
    stages = STAGES
    if attributions != "speech":
        finder = QuoteFinder(attributions=attributions)  # raises on an unknown value
        stages = [(n, partial(quote_stage, finder=finder) if s is quote_stage else s) for n, s in STAGES]
    errors: list[ErrorRow] = []
    readable: list[Article] = []
    for item in iter_articles(items):
        if isinstance(item, ArticleError):
            errors.append(ErrorRow(source=item.source, stage="read", problem=item.message))
        else:
            readable.append(item)

    rows: list[ArticleRow] = []
    found: dict[type[Record], list[Record]] = {Quote: [], Figure: [], Stance: []}
    parsed = parse(readable, nlp=nlp or load_model(), batch_size=batch_size, n_process=n_process)
    if progress:
        parsed = _with_progress(parsed, total=len(readable))
    for article, doc in parsed:
        rows.append(_article_row(article, doc))
        so_far: list[Record] = []
        for stage_name, stage in stages:
            try:
                so_far.extend(stage(article, doc, tuple(so_far)))
            except Exception as error:  # one article's failure must not stop the batch; it is reported
                problem = f"{type(error).__name__}: {error}"
                errors.append(ErrorRow(source=article.source_path or article.id, stage=stage_name, problem=problem))
        for record in so_far:
            found[type(record)].append(record)

    return Analysis(
        articles=to_frame(rows, ArticleRow),
        quotes=to_frame(found[Quote], Quote),
        figures=to_frame(found[Figure], Figure),
        stances=to_frame(found[Stance], Stance),
        errors=to_frame(errors, ErrorRow),
    )
