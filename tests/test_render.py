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


def test_highlight_marks_exactly_its_characters_with_the_label_in_the_line_before_it() -> None:
    article = read_text("Head\nThe bank kept rates at 4% on Tuesday.", id="x")
    start = article.text.index("4%")
    html = render_article(article, [Highlight(start, start + 2, "percent")])
    body = html.split("<p>")[2]
    label = '<span class="nd-label" style="background: #cdb4db;">percent</span>'
    assert body.startswith(f'The bank kept rates at {label}<span class="nd-h" style="background: #cdb4db;">4%</span>')
    assert body.endswith(" on Tuesday.</p></div>")
    assert "position: absolute" not in html and "position:absolute" not in html  # labels sit in the flow of text


def test_nested_and_crossing_highlights_each_keep_their_label_and_colour() -> None:
    text = "Head\nShe said the fee of $5 was fair, officials said."
    article = read_text(text, id="x")
    quote = Highlight(text.index("the fee"), text.index(" was fair") + 9, "indirect · Ann Lee")
    money = Highlight(text.index("$5"), text.index("$5") + 2, "money 5 USD")
    crossing = Highlight(text.index("fair"), text.index("officials") + 9, "against · x · y")
    html = render_article(article, [money, quote, crossing])
    # the figure inside the quote: tinted as money, with the quote's bar under it
    assert '<span class="nd-h" style="background: #ffd166; box-shadow: 0 3px 0 #a8dadc;">$5</span>' in html
    # where the crossing highlight overlaps the quote, the shorter one tints and the other draws the bar
    assert '<span class="nd-h" style="background: #f28482; box-shadow: 0 3px 0 #a8dadc;">fair</span>' in html
    for label in ("indirect · Ann Lee", "money 5 USD", "against · x · y"):
        assert html.count(f">{label}</span>") == 1
    assert html.index("indirect · Ann Lee") < html.index(">the fee of ")


def test_legend_names_the_kinds_shown_in_order() -> None:
    article = read_text("Head\nShe said prices rose 3% in May.", id="x")
    start = article.text.index("3%")
    html = render_article(article, [Highlight(start, start + 2, "percent"), Highlight(4, 8, "cue"),
                                    Highlight(0, 3, "framing device")])
    legend = html.split('<div class="nd-legend"', 1)[1].split("</div>", 1)[0]
    assert [part.split("</span>")[1] for part in legend.split('<span class="nd-swatch"')[1:]] == [
        "cue (reporting word)", "percentage", "framing"]
    assert 'class="nd-legend"' not in render_article(article, [])


def test_colours_given_by_the_caller_are_escaped() -> None:
    article = read_text("Head\nBody text.", id="x")
    html = render_article(article, [Highlight(5, 9, "cue")], colors={"cue": 'red;"><script>x</script>'})
    assert "<script>" not in html and "&quot;&gt;&lt;script&gt;" in html


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
