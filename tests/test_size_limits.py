"""Size limits: an article longer than spaCy's ``max_length`` is parsed in chunks with exact offsets; past
newsdesk's own limit it goes to ``errors`` with its size and the limit."""

from __future__ import annotations

import pandas as pd
import pytest
from spacy.language import Language

from newsdesk import analyze, read_text
from newsdesk.chunks import LONG_PARAGRAPH, plan_pieces
from newsdesk.io.articles import MAX_ARTICLE_CHARS
from newsdesk.nlp import load_model, parse

PARAGRAPHS = [
    '"We will not close the ward," said Dr Mara Quinn, who runs the hospital in Leeds.',
    "The trust spent £4.5m on agency staff in 2023, up 12% on the year before.",
    "Union leaders said at least 300 nurses would strike on Monday.",
    "The health secretary, Tom Price, said the government opposed the strike.",
]
TEXT = "Nurses to strike\n" + "\n".join(PARAGRAPHS * 6)


@pytest.fixture(scope="module")
def small_model() -> Language:
    """newsdesk's model with a ``max_length`` a fifth of the test article's length."""
    nlp = load_model(fresh=True)
    nlp.max_length = len(TEXT) // 5
    return nlp


def offsets_hold(table: pd.DataFrame, text: str) -> bool:
    return all(text[int(row.start) : int(row.end)] == row.text for row in table.itertuples())


def test_an_article_longer_than_max_length_is_parsed_in_chunks(small_model: Language) -> None:
    article = read_text(TEXT, id="long")
    pieces = plan_pieces(TEXT, max_chars=small_model.max_length)
    assert len(pieces) >= 5 and all(end - start <= small_model.max_length for start, end in pieces)
    (_, doc), = parse([article], nlp=small_model)
    assert doc.text == TEXT
    chunked = analyze([article], nlp=small_model)
    whole = analyze([article])
    assert chunked.errors.empty
    assert offsets_hold(chunked.quotes, TEXT) and offsets_hold(chunked.figures, TEXT)
    assert len(chunked.quotes) == len(whole.quotes) >= 12
    pd.testing.assert_frame_equal(chunked.figures, whole.figures)


def test_chunks_give_the_same_doc_in_one_and_two_processes(small_model: Language) -> None:
    article = read_text(TEXT, id="long")
    (_, one), = parse([article], nlp=small_model, n_process=1)
    (_, two), = parse([article], nlp=small_model, n_process=2)
    assert [(t.idx, t.text, t.dep_, t.head.i, t.ent_type_) for t in one] == [
        (t.idx, t.text, t.dep_, t.head.i, t.ent_type_) for t in two
    ]


def test_a_long_paragraph_is_cut_at_sentence_ends() -> None:
    text = "Prices rose 3% in May. " * (LONG_PARAGRAPH // 10)
    pieces = plan_pieces(text, max_chars=1_000_000)
    assert len(pieces) > 1 and "".join(text[s:e] for s, e in pieces) == text
    assert all(text[s:e].endswith("May. ") for s, e in pieces)


def test_past_the_limit_the_article_goes_to_errors_with_size_and_limit() -> None:
    huge = "Prices rose. " * (MAX_ARTICLE_CHARS // 13 + 1)
    result = analyze(["A short article that is fine.", huge])
    assert len(result.articles) == 1
    (problem,) = result.errors["problem"]
    assert f"{len(huge):,} characters" in problem and f"{MAX_ARTICLE_CHARS:,}" in problem


def test_an_article_cut_into_pieces_keeps_its_records_with_newsdesks_own_model() -> None:
    # one line longer than LONG_PARAGRAPH is parsed in pieces; the stages must still see the whole article (they
    # once ran inside nlp.pipe, on each piece, and the join dropped what they found without an error)
    line = " ".join(PARAGRAPHS) + " "
    text = "Nurses to strike\n" + line * (LONG_PARAGRAPH // len(line) + 2)
    assert len(plan_pieces(text, max_chars=load_model().max_length)) > 1
    alone = analyze([read_text(text, id="cut")], cache=False, progress=False)
    whole = analyze([read_text("Nurses to strike\n" + line, id="cut")], cache=False, progress=False)
    assert alone.errors.empty
    assert len(alone.quotes) >= len(whole.quotes) > 0
    assert len(alone.figures) >= len(whole.figures) > 0
    assert offsets_hold(alone.quotes, text)
