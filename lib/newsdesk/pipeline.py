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

import os
import sys
import warnings
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd
from spacy.language import Language

from newsdesk.cache import ResultCache
from newsdesk.errors import ArticleError
from newsdesk.io.articles import Article
from newsdesk.io.readers import Source, iter_articles
from newsdesk.quotes.finder import Attributions, check_attributions
from newsdesk.records import (
    TABLE_NAMES,
    ArticleResult,
    ArticleRow,
    ErrorRow,
    Figure,
    Person,
    Quote,
    Record,
    Stance,
    to_frame,
)
from newsdesk.runner import Executor, Options, local_executor, results, stage_factories
from newsdesk.stance.targets import Target, check_targets

if TYPE_CHECKING:
    from newsdesk.dask import DaskTables

__all__ = ["PROGRESS_ENV", "TABLES", "TABLE_NAMES", "Analysis", "analyze", "stage_factories"]

#: Which Doc extension feeds which table.
TABLES: dict[str, type[Record]] = {"quotes": Quote, "figures": Figure, "stances": Stance, "people": Person}
#: Environment variable that turns the default progress bar off ("0") or on ("1") everywhere.
PROGRESS_ENV = "NEWSDESK_PROGRESS"
Engine = Literal["local", "dask"]


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

    def to_dask(self, npartitions: int = 1) -> DaskTables:
        """The tables as Dask DataFrames (`newsdesk.dask.DaskTables`), for code that expects Dask's API."""
        from newsdesk.dask import DaskTables

        return DaskTables.from_pandas({name: getattr(self, name) for name in TABLE_NAMES}, npartitions)


def _show_progress(progress: bool | None) -> bool:
    """``progress``, or by default: ``$NEWSDESK_PROGRESS`` when set, else whether someone watches (a terminal or
    a Jupyter kernel)."""
    if progress is not None:
        return progress
    setting = os.environ.get(PROGRESS_ENV, "").strip().lower()
    if setting:
        return setting not in ("0", "false", "no", "off")
    return sys.stderr.isatty() or "ipykernel" in sys.modules


def _bar(total: int | None) -> Any:
    """A tqdm bar over articles (a notebook widget where ipywidgets is installed, text on stderr otherwise) that
    appears only after a second, so that quick analyses print nothing.

    tqdm.auto is imported here, not at module level: in a kernel without ipywidgets, importing it warns on stderr.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="IProgress not found")
        from tqdm.auto import tqdm
    return tqdm(total=total, unit="article", delay=1.0, dynamic_ncols=True, file=sys.stderr)


def _cache_for(cache: bool | str | Path | None, nlp: Language | None, options: Options) -> ResultCache | None:
    """The result cache to use: by default the user cache, except for a caller's own ``nlp`` (whose components the
    cache cannot know); ``cache=True`` insists, a path moves it, False turns it off."""
    if cache is False or (cache is None and nlp is not None):
        return None
    config = options.to_config()
    if nlp is not None:
        config["nlp"] = nlp.config.to_str()
    folder = None if isinstance(cache, bool) or cache is None else Path(cache)
    return ResultCache(folder, options=config)


def _total(items: object) -> int | None:
    """How many articles ``items`` holds, when that is known without reading them."""
    if isinstance(items, pd.DataFrame):
        return len(items)
    if isinstance(items, (list, tuple)) and all(isinstance(item, Article) for item in items):
        return len(items)
    return None


def _executor(engine: Engine, n_process: int, nlp: Language | None, scheduler: object, stack: ExitStack) -> Any:
    """What runs the batches: None (this process), worker processes, or a Dask client; closed by ``stack``."""
    if engine == "dask":
        if nlp is not None:
            raise ValueError("engine='dask' runs newsdesk's own model on the workers; a custom nlp is not sent")
        from newsdesk.dask import connect

        return connect(scheduler, stack)
    if engine != "local":
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
    if n_process < 1:
        raise ValueError(f"n_process must be at least 1, not {n_process}")
    return stack.enter_context(local_executor(n_process, nlp)) if n_process > 1 else None


@dataclass
class _Collected:
    """The rows gathered so far, table by table."""

    articles: list[ArticleRow] = field(default_factory=list)
    errors: list[ErrorRow] = field(default_factory=list)
    found: dict[str, list[Record]] = field(default_factory=lambda: {key: [] for key in TABLES})

    def add(self, result: ArticleResult) -> None:
        self.articles.append(result.article)
        self.errors.extend(result.errors)
        for key in TABLES:
            self.found[key].extend(getattr(result, key))

    def analysis(self) -> Analysis:
        return Analysis(
            articles=to_frame(self.articles, ArticleRow),
            errors=to_frame(self.errors, ErrorRow),
            **{key: to_frame(self.found[key], record_type) for key, record_type in TABLES.items()},
        )


def analyze(
    items: Source | Iterable[Source],
    *,
    nlp: Language | None = None,
    batch_size: int = 32,
    n_process: int = 1,
    progress: bool | None = None,
    attributions: Attributions = "speech",
    evidentials: bool = True,
    targets: Iterable[Target | dict[str, Any] | str] | None = None,
    cache: bool | str | Path | None = None,
    engine: Engine = "local",
    scheduler: object = None,
) -> Analysis:
    """Analyse articles given as Articles, paths (files or folders), DataFrames or text strings.

    Returns an `Analysis` whose tables follow the schemas in `newsdesk.records`. Inputs that cannot
    be read, and articles a stage fails on, are listed in ``errors`` with the reason; the rest go on.
    ``attributions="all"`` fills ``quotes`` with every attribution, not only speech: thoughts, stances,
    impressions and topics too, each row's ``cue_class`` saying which (see `newsdesk.quotes.finder.QuoteFinder`).
    ``evidentials=False`` leaves out what documents and data report ("The study found ...": cue class
    "evidential", speaker type "document"), which ``quotes`` keeps by default.
    ``targets`` (`newsdesk.Target`, or names) fill ``stances`` with who takes which side on them; with
    none, ``stances`` holds open-target rows (the target is what each stance predicate is about, as written;
    ``method`` says "target: open"), which `newsdesk.suggest_targets` groups into candidate targets.

    Articles stream through in batches of ``batch_size``: each batch goes through ``nlp.pipe`` once, with the
    stage components of `stage_factories` in the pipeline, and only its records are kept (never all Docs).
    ``n_process=2`` runs the batches in two worker processes, the whole analysis in each; results keep the
    input order. ``engine="dask"`` sends them to the ``dask.distributed`` scheduler at ``scheduler`` (an address
    or a Client; the current client when None): see `newsdesk.dask`. ``progress`` shows a bar with articles/s
    and the errors so far; by default it shows in terminals and notebooks (``$NEWSDESK_PROGRESS=0`` turns it off).

    ``cache`` (`newsdesk.cache`): results are kept in the user cache and an article seen before with the same
    text, version and options is read back instead of parsed; a path moves the cache, False turns it off. A
    custom ``nlp`` (whose parse and stages are run instead: those it already holds under a stage's name run with
    their own config) is cached only with ``cache=True`` or a path.
    """
    options = Options(check_attributions(attributions), check_targets(targets or ()), evidentials=evidentials)
    store = _cache_for(cache, nlp, options)
    collected = _Collected()
    articles = _read(iter_articles(items), collected)
    with ExitStack() as stack:
        executor = _executor(engine, n_process, nlp, scheduler, stack)
        streamed = results(articles, options, batch_size=batch_size, cache=store, executor=executor, nlp=nlp,
                           in_flight=2 * max(n_process, _workers(executor)))
        bar = stack.enter_context(_bar(_total(items))) if _show_progress(progress) else None
        for result in streamed:
            collected.add(result)
            if bar is not None:
                bar.update()
                bar.set_postfix(errors=len(collected.errors), refresh=False)
    return collected.analysis()


def _workers(executor: Executor | None) -> int:
    """How many batches the executor can run at once (2 for a Dask client we cannot ask)."""
    count = getattr(executor, "_max_workers", None)
    if isinstance(count, int):
        return count
    info = getattr(executor, "nthreads", None)
    if callable(info):
        return max(int(sum(info().values())), 1)
    return 1 if executor is None else 2


def _read(items: Iterable[Article | ArticleError], collected: _Collected) -> Iterator[Article]:
    """The readable articles; each unreadable input becomes an error row."""
    for item in items:
        if isinstance(item, ArticleError):
            collected.errors.append(ErrorRow(source=item.source, stage="read", problem=item.message))
        else:
            yield item
