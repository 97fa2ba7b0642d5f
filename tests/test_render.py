"""Annotated article HTML: highlights land on the right words, and untrusted text is always escaped."""

from __future__ import annotations

import pandas as pd

from newsdesk import read_text
from newsdesk.records import Figure, Quote, to_frame
from newsdesk.show.render import Highlight, figure_highlights, quote_highlights, render_article

HOSTILE = "<script>alert('x')</script>"


def test_article_text_headline_and_labels_are_escaped() -> None:
    article = read_text(f"Headline {HOSTILE}\nBody with {HOSTILE} inside it.", id="x")
    start = article.text.index("Body")
    html = render_article(article, [Highlight(start, start + 4, f"speaker {HOSTILE}")])
    assert "<script>" not in html
    assert html.count("&lt;script&gt;") == 3  # headline, body word, label


def test_highlight_covers_the_words_it_touches() -> None:
    article = read_text("Head\nThe bank kept rates at 4% on Tuesday.", id="x")
    start = article.text.index("4%")
    html = render_article(article, [Highlight(start, start + 2, "percent")])
    assert "percent" in html
    # the highlighted word is rendered inside a span block, the others as plain text
    before, _, after = html.partition("4%")
    assert before.rstrip().endswith("position: relative; height: 60px;\">")
    assert "on Tuesday." in after


def test_quote_and_figure_rows_become_labelled_highlights() -> None:
    quotes = to_frame(
        [Quote("a", 10, 20, "content", "direct", "said", 22, 26, "speech", "Helen Marsh", "she", 27, 30, None, "person",
               0, 0.9)],
        Quote,
    )
    figures = to_frame(
        [Figure("a", 5, 9, "£456m", "money", 456e6, None, "GBP", None, None, None, None, None)], Figure
    )
    assert quote_highlights(quotes) == [
        Highlight(10, 20, "direct · Helen Marsh"),
        Highlight(22, 26, "cue"),
        Highlight(27, 30, "speaker"),
    ]
    assert figure_highlights(figures) == [Highlight(5, 9, "money 456,000,000 GBP")]
    assert figure_highlights(figures, article_id="other") == []
    assert quote_highlights(pd.DataFrame(columns=quotes.columns)) == []
