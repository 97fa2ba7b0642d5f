"""`analyze`: articles in, tidy tables out.

Each article is read, parsed once by spaCy, and its Doc handed to the stage components (quotes, then
figures: `newsdesk.stages`), which attach their records to it; the records are gathered into one
`Analysis` of sorted DataFrames. A bad input, or an article a stage fails on, is reported in
``Analysis.errors`` and the rest go on.

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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from newsdesk.errors import ArticleError
from newsdesk.figures.component import FIGURES_FACTORY
from newsdesk.io.articles import Article
from newsdesk.io.readers import Source, iter_articles
from newsdesk.nlp import load_model, parse
from newsdesk.quotes.component import QUOTES_FACTORY
from newsdesk.quotes.finder import Attributions, check_attributions
from newsdesk.records import ArticleRow, ErrorRow, Figure, Person, Quote, Record, Stance, to_frame
from newsdesk.speakers.people import PEOPLE_FACTORY
from newsdesk.stance.component import STANCE_FACTORY
from newsdesk.stance.targets import Target, check_targets

__all__ = ["TABLES", "Analysis", "analyze", "stage_factories"]

#: Which Doc extension feeds which table.
TABLES: dict[str, type[Record]] = {"quotes": Quote, "figures": Figure, "stances": Stance, "people": Person}


def stage_factories(
    attributions: Attributions = "speech", targets: Iterable[Target] = (), *, evidentials: bool = True
) -> list[tuple[str, dict[str, Any]]]:
    """The stages `analyze` runs, in order, as (factory, config): quotes first, so that the people table can
    count each person's quotes, figures can credit the quote they sit in and stance can take speakers from
    them; stance last, with the ``targets``.

    >>> [name for name, _ in stage_factories()]
    ['newsdesk_quotes', 'newsdesk_people', 'newsdesk_figures', 'newsdesk_stance']
    """
    return [
        (QUOTES_FACTORY, {"attributions": attributions, "evidentials": evidentials, "on_error": "record"}),
        (PEOPLE_FACTORY, {"on_error": "record"}),
        (FIGURES_FACTORY, {"on_error": "record"}),
        (STANCE_FACTORY, {"targets": [t.to_config() for t in targets], "on_error": "record"}),
    ]


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
    """The tables of one analysis run: ``articles``, ``quotes``, ``figures``, ``stances``, ``errors``, and
    ``people`` (one row per person an article names: `newsdesk.records.Person`)."""

    articles: pd.DataFrame = field(default_factory=lambda: to_frame([], ArticleRow))
    quotes: pd.DataFrame = field(default_factory=lambda: to_frame([], Quote))
    figures: pd.DataFrame = field(default_factory=lambda: to_frame([], Figure))
    stances: pd.DataFrame = field(default_factory=lambda: to_frame([], Stance))
    errors: pd.DataFrame = field(default_factory=lambda: to_frame([], ErrorRow))
    people: pd.DataFrame = field(default_factory=lambda: to_frame([], Person))

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


def _stages(
    nlp: Language, attributions: Attributions, targets: Iterable[Target], *, evidentials: bool = True
) -> list[Callable[[Doc], Doc]]:
    """The stage components to run after ``nlp``: those its own pipeline does not already hold."""
    return [
        nlp.create_pipe(factory, name=factory, config=config)
        for factory, config in stage_factories(attributions, targets, evidentials=evidentials)
        if factory not in nlp.pipe_names
    ]


def analyze(
    items: Source | Iterable[Source],
    *,
    nlp: Language | None = None,
    batch_size: int = 32,
    n_process: int = 1,
    progress: bool = False,
    attributions: Attributions = "speech",
    evidentials: bool = True,
    targets: Iterable[Target | dict[str, Any] | str] | None = None,
) -> Analysis:
    """Analyse articles given as Articles, paths (files or folders), DataFrames or text strings.

    Returns an `Analysis` whose tables follow the schemas in `newsdesk.records`. Inputs that cannot
    be read, and articles a stage fails on, are listed in ``errors`` with the reason; the rest go on.
    ``progress=True`` shows a progress bar over the articles (on stderr). ``attributions="all"``
    fills ``quotes`` with every attribution, not only speech: thoughts, stances, impressions and
    topics too, each row's ``cue_class`` saying which (see `newsdesk.quotes.finder.QuoteFinder`).
    ``evidentials=False`` leaves out what documents and data report ("The study found ...": cue class
    "evidential", speaker type "document"), which ``quotes`` keeps by default.
    ``targets`` (`newsdesk.Target`, or names) fill ``stances`` with who takes which side on them; with
    none, ``stances`` holds open-target rows (the target is what each stance predicate is about, as written;
    ``method`` says "target: open"), which `newsdesk.suggest_targets` groups into candidate targets.

    Each article is parsed by ``nlp`` (newsdesk's model by default) and handed, as a Doc, to the stage
    components of `stage_factories`; those ``nlp`` already holds under the same name run with their own
    config instead. Every record a stage attaches to the Doc lands in its table.
    """
    model = nlp or load_model()
    stages = _stages(model, check_attributions(attributions), check_targets(targets or ()), evidentials=evidentials)
    errors: list[ErrorRow] = []
    readable: list[Article] = []
    for item in iter_articles(items):
        if isinstance(item, ArticleError):
            errors.append(ErrorRow(source=item.source, stage="read", problem=item.message))
        else:
            readable.append(item)

    rows: list[ArticleRow] = []
    found: dict[str, list[Record]] = {key: [] for key in TABLES}
    parsed = parse(readable, nlp=model, batch_size=batch_size, n_process=n_process)
    if progress:
        parsed = _with_progress(parsed, total=len(readable))
    for article, doc in parsed:
        for stage in stages:
            doc = stage(doc)
        rows.append(_article_row(article, doc))
        for key in TABLES:
            found[key].extend(doc._.get(key) or ())
        source = article.source_path or article.id
        failures = doc._.stage_errors or ()
        errors.extend(ErrorRow(source=source, stage=name, problem=problem) for name, problem in failures)

    return Analysis(
        articles=to_frame(rows, ArticleRow),
        errors=to_frame(errors, ErrorRow),
        **{key: to_frame(found[key], record_type) for key, record_type in TABLES.items()},
    )
