"""Running the stages over many articles, in batches: here, in worker processes, or on a Dask cluster.

A batch of articles goes through ``nlp.pipe`` once, and the stage components (`stage_factories`) then run on
each article's whole Doc, so the whole analysis of an article (parse, quotes, people, figures, stance) runs
wherever its batch runs, and only its records come back, as an `ArticleResult`. The stages are not part of the
piped model: ``nlp.pipe`` sees the pieces of an article cut by `newsdesk.chunks`, and the stages must see the
article joined again. The model and the stages are made once per process (`analysis_model`), so a worker
process or a Dask worker makes them on its first batch and keeps them.

`results` streams any number of articles: a batch whose articles are all cached (`newsdesk.cache`) is not sent
anywhere, the others go to an executor (anything with ``submit``: a `ProcessPoolExecutor` or a
``dask.distributed.Client``) with at most a few batches in flight, and results come back in input order.

>>> from newsdesk.io.articles import read_text
>>> [r.article.article_id for r in results([read_text("Rain is due.", id="a1")], Options())]
['a1']
"""

from __future__ import annotations

import json
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from itertools import chain, islice
from typing import Any, Protocol

from spacy.language import Language
from spacy.tokens import Doc

from newsdesk.cache import ResultCache
from newsdesk.figures.component import FIGURES_FACTORY
from newsdesk.io.articles import Article
from newsdesk.nlp import MODEL_NAMES, load_model, parse
from newsdesk.quotes.component import QUOTES_FACTORY
from newsdesk.quotes.finder import Attributions
from newsdesk.records import ArticleResult, ArticleRow, ErrorRow
from newsdesk.speakers.people import PEOPLE_FACTORY
from newsdesk.stance.component import STANCE_FACTORY
from newsdesk.stance.targets import Target

__all__ = [
    "Options",
    "analysis_model",
    "analyze_batch",
    "local_executor",
    "model_identity",
    "result_of",
    "results",
    "stage_factories",
]


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


@dataclass(frozen=True)
class Options:
    """What decides an article's records besides its text: hashable, so each process keeps one model per Options.

    >>> Options(targets=(Target("tariffs"),))
    Options(attributions='speech', targets=('tariffs',), evidentials=True)
    """

    attributions: Attributions = "speech"
    targets: tuple[Target, ...] = ()
    evidentials: bool = True

    def __repr__(self) -> str:
        names = tuple(t.name for t in self.targets)
        return f"Options(attributions={self.attributions!r}, targets={names!r}, evidentials={self.evidentials})"

    def to_config(self) -> dict[str, Any]:
        """A JSON-friendly form, with the model's identity: what the cache keys results by."""
        return {
            "attributions": self.attributions,
            "evidentials": self.evidentials,
            "targets": json.dumps([t.to_config() for t in self.targets], sort_keys=True),
            "model": model_identity(),
        }


@lru_cache(maxsize=1)
def model_identity() -> str:
    """spaCy's version and the model package newsdesk loads, found without loading it."""
    for name in MODEL_NAMES:
        try:
            return f"spacy {metadata.version('spacy')}, {name} {metadata.version(name)}"
        except metadata.PackageNotFoundError:
            continue
    return f"spacy {metadata.version('spacy')}, no model"


@lru_cache(maxsize=4)
def analysis_model(options: Options) -> tuple[Language, tuple[Callable[[Doc], Doc], ...]]:
    """newsdesk's model and the stage components to run on each parsed article: made once per process and
    Options."""
    nlp = load_model()
    return nlp, tuple(_stages(nlp, options))


def _stages(nlp: Language, options: Options) -> list[Callable[[Doc], Doc]]:
    """The stage components to run after a caller's ``nlp``: those its own pipeline does not already hold."""
    return [
        nlp.create_pipe(factory, name=factory, config=config)
        for factory, config in stage_factories(options.attributions, options.targets, evidentials=options.evidentials)
        if factory not in nlp.pipe_names
    ]


def result_of(article: Article, doc: Doc) -> ArticleResult:
    """The records the stages attached to ``doc``, and the article's row."""
    row = ArticleRow(
        **article.to_dict(),
        sentences=sum(1 for _ in doc.sents),
        tokens=sum(1 for token in doc if not token.is_space),
    )
    source = article.source_path or article.id
    errors = tuple(ErrorRow(source=source, stage=name, problem=problem) for name, problem in doc._.stage_errors or ())
    return ArticleResult(
        row,
        quotes=tuple(doc._.quotes or ()),
        figures=tuple(doc._.figures or ()),
        stances=tuple(doc._.stances or ()),
        people=tuple(doc._.people or ()),
        errors=errors,
    )


_CALLER_NLP: Language | None = None  # a caller's own pipeline, set in each worker process by `_set_worker_nlp`


def _set_worker_nlp(nlp: Language | None) -> None:
    global _CALLER_NLP
    _CALLER_NLP = nlp


def analyze_batch(
    articles: list[Article], options: Options, batch_size: int = 32, nlp: Language | None = None
) -> list[ArticleResult]:
    """One batch through ``nlp.pipe``, each article's records gathered as it comes out (its Doc is then dropped).

    The model is newsdesk's followed by its stages (`analysis_model`), or a caller's own pipeline followed by the
    stages it lacks. An article whose parse fails (the whole batch is then redone one by one) gets an error row instead.
    """
    own = nlp or _CALLER_NLP
    model, stages = analysis_model(options) if own is None else (own, tuple(_stages(own, options)))
    try:
        return [_finish(article, doc, stages) for article, doc in parse(articles, nlp=model, batch_size=batch_size)]
    except Exception as error:
        if len(articles) == 1:
            row = ArticleRow(**articles[0].to_dict(), sentences=0, tokens=0)
            source = articles[0].source_path or articles[0].id
            return [ArticleResult(row, errors=(ErrorRow(source, "parse", f"{type(error).__name__}: {error}"),))]
        return [result for article in articles for result in analyze_batch([article], options, 1, nlp)]


def _finish(article: Article, doc: Doc, stages: tuple[Callable[[Doc], Doc], ...]) -> ArticleResult:
    for stage in stages:
        doc = stage(doc)
    result = result_of(article, doc)
    # the records' spans refer back to the Doc through its user data: break the cycle so the Doc is freed now, not
    # at the next garbage collection (a worker grew 216 MB over 64 BBC articles without this; with it, 59 MB on the
    # first batch and nothing over the next two)
    doc.spans.clear()
    doc.user_data.clear()
    return result


class Executor(Protocol):
    """What `results` sends batches to: `concurrent.futures.Executor` and ``dask.distributed.Client`` both fit."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any: ...


class _Here:
    """Runs each batch when it is submitted, in this process."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def local_executor(n_process: int, nlp: Language | None = None) -> ProcessPoolExecutor:
    """``n_process`` worker processes (spawned: no state is forked from a notebook or a running cluster); each
    loads the model on its first batch, or receives the caller's ``nlp``."""
    return ProcessPoolExecutor(
        n_process,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_set_worker_nlp,
        initargs=(nlp,),
    )


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


@dataclass
class _Pending:
    """One batch on its way: the cached results in place, and the future of the rest."""

    articles: list[Article]
    found: list[ArticleResult | None]
    future: Any

    def collect(self, cache: ResultCache | None) -> list[ArticleResult]:
        computed = iter(self.future.result() if self.future is not None else ())
        out = []
        for article, found in zip(self.articles, self.found, strict=True):
            if found is None:
                found = next(computed)
                if cache is not None and not found.errors:  # a failure is tried again next time, not served
                    cache.put(article, found)
            out.append(found)
        return out


def results(
    articles: Iterable[Article],
    options: Options,
    *,
    batch_size: int = 32,
    cache: ResultCache | None = None,
    executor: Executor | None = None,
    in_flight: int = 4,
    nlp: Language | None = None,
) -> Iterator[ArticleResult]:
    """Each article's result, in input order; batches of ``batch_size`` go to ``executor`` (this process when
    None), at most ``in_flight`` at a time, so memory holds a few batches however long the stream. ``nlp``, a
    caller's own pipeline, is for this process; worker processes get theirs from `local_executor`."""
    batches = _batches(articles, batch_size)
    first = list(islice(batches, 2))
    if len(first) < 2 and isinstance(executor, ProcessPoolExecutor):
        executor = None  # one batch: not worth starting a worker process for
    batches = chain(first, batches)
    run = executor or _Here()
    sent_nlp = None if isinstance(run, ProcessPoolExecutor) else nlp  # worker processes got it once, at their start
    extra = {"pure": False} if _is_dask(run) else {}  # dask would take batches with equal arguments for one
    pending: deque[_Pending] = deque()
    for batch in batches:
        found = [cache.get(article) if cache is not None else None for article in batch]
        todo = [article for article, hit in zip(batch, found, strict=True) if hit is None]
        future = run.submit(analyze_batch, todo, options, batch_size, sent_nlp, **extra) if todo else None
        pending.append(_Pending(batch, found, future))
        while len(pending) > max(in_flight, 1) or (pending and pending[0].future is None):
            yield from pending.popleft().collect(cache)
    while pending:
        yield from pending.popleft().collect(cache)


def _is_dask(executor: Executor) -> bool:
    return type(executor).__module__.startswith("distributed")
