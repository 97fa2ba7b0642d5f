"""The article model and layout rules: headline, paragraphs with exact offsets, byline, credits."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdesk import Article, ArticleError, read_text
from newsdesk.io.articles import compose_text, find_byline, find_credits, lay_out


def test_read_text_keeps_the_string_exactly() -> None:
    text = "Headline here\n\nFirst paragraph.\r\nSecond  paragraph. \nBy Jo Bloggs\n"
    article = read_text(text, id="x")
    assert article.text == text


def test_plain_layout_headline_paragraphs_byline() -> None:
    text = "Talks end without a deal\nThe talks ended on Friday.\nBoth sides will meet again.\nBy Ann Lee"
    article = read_text(text, id="x")
    assert article.headline == "Talks end without a deal"
    assert article.byline == "Ann Lee"
    assert [p.text for p in article.paragraphs] == ["The talks ended on Friday.", "Both sides will meet again."]
    assert article.text[slice(*article.headline_span)] == article.headline  # type: ignore[misc]


def test_byline_after_headline_is_found_too() -> None:
    article = read_text("Rates held\nBy Maria de la Cruz\nThe bank kept rates at 4%.", id="x")
    assert article.byline == "Maria de la Cruz"
    assert len(article.paragraphs) == 1


def test_blank_line_blocks_with_wrapped_lines_are_one_paragraph() -> None:
    text = "Headline\n\nA paragraph that is\nwrapped over two lines.\n\nAnother one."
    article = read_text(text, id="x")
    assert [p.text for p in article.paragraphs] == ["A paragraph that is\nwrapped over two lines.", "Another one."]


def test_headline_given_means_every_line_is_body() -> None:
    article = read_text("Line one.\nLine two.", id="x", headline="Given")
    assert article.headline == "Given"
    assert len(article.paragraphs) == 2


def test_blank_text_is_an_error_naming_the_article() -> None:
    with pytest.raises(ArticleError, match=r"^x: the article has no text"):
        read_text("  \n\t ", id="x")


def test_default_id_is_stable() -> None:
    assert read_text("Same text.").id == read_text("Same text.").id != read_text("Other text.").id


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("By Tamsin Hale", "Tamsin Hale"),
        ("BY JOHN SMITH", "JOHN SMITH"),
        ("By Ann Lee and Bo Chan", "Ann Lee and Bo Chan"),
        ("By the end of the year, prices had risen.", None),
        ("By 2030 the plant will close.", None),
        ("Bystanders were hurt.", None),
    ],
)
def test_find_byline(line: str, name: str | None) -> None:
    assert find_byline(line) == name


@pytest.mark.parametrize(
    ("sentence", "credits"),
    [
        ("The meeting was held in Brussels, Caliber.Az reports via foreign media.", ("Caliber.Az",)),
        ("Losses could run into the millions, Agence France Presse reported.", ("Agence France Presse",)),
        ("Sales rose 8% in the quarter, Inbev reported.", ()),  # a company reporting results, not a credit
        ("The minister resigned. He reports to parliament on Monday.", ()),
        ("LONDON (Reuters) - Shares fell on Monday.", ("Reuters",)),
        ("The agency's report said growth slowed.", ()),
    ],
)
def test_find_credits(sentence: str, credits: tuple[str, ...]) -> None:
    assert find_credits(sentence) == credits


def test_compose_text_does_not_repeat_a_headline_already_first() -> None:
    assert compose_text("Rates held", "Rates held\nThe bank...") == ("Rates held\nThe bank...", True)
    assert compose_text("Rates held", "Rates held steady, the bank said.") == (
        "Rates held\nRates held steady, the bank said.",
        True,
    )
    assert compose_text(None, "\nBody.\n") == ("Body.", False)


def test_repr_is_short_and_has_no_address() -> None:
    article = read_text("Head\nBody " * 500, id="long")
    assert "0x" not in repr(article) and len(repr(article)) < 200
    assert repr(article.paragraphs[0]).startswith("Paragraph(0, ")


def test_article_is_frozen() -> None:
    article = read_text("Head\nBody.", id="x")
    with pytest.raises(AttributeError):
        article.text = "changed"  # type: ignore[misc]


@given(st.text(alphabet=st.sampled_from("ab C.\n\t By\r"), max_size=200))
def test_paragraph_offsets_always_slice_the_text(text: str) -> None:
    layout = lay_out(text, first_line_is_headline=True)
    spans = [(p.start, p.end) for p in layout.paragraphs]
    for paragraph in layout.paragraphs:
        assert text[paragraph.start : paragraph.end] == paragraph.text
        assert paragraph.text.strip() == paragraph.text and paragraph.text
    assert spans == sorted(spans)
    for span in (layout.headline_span, layout.byline_span):
        assert span is None or span not in spans


def test_article_fields_match_the_articles_table() -> None:
    from newsdesk.records import ArticleRow

    keys = set(Article("x", "t").to_dict())
    assert keys <= set(ArticleRow.columns())
