"""Article text never runs as code: hostile text and metadata rendered by newsdesk, opened in headless Chromium.

An article carrying ``<script>``, ``onerror=`` attributes, ``javascript:`` URLs and ``</style>`` in its text
and metadata is analysed; its annotated HTML (`newsdesk.show.render`) and its tables are written into a page,
and into a notebook rendered as a report page with the site's index (`newsdesk.show.site`). In the browser
nothing may run (no dialog, no console message, no uncaught error) and no element of the payload may exist
in the DOM; the payload must show as text.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import nbformat
import pytest
from PIL import Image

from browser import chromium, open_page, require_chromium
from newsdesk import Analysis, analyze, read_text
from newsdesk.io.articles import Article
from newsdesk.show.render import figure_highlights, quote_highlights, render_article, stance_highlights
from newsdesk.show.site import build_site

HEADLINE = "Rents rise <script>alert('xss-headline')</script> </style><b id=\"xss-h\">again</b>"
BODY = [
    "“Rents will rise 5%,” said Mara <img id=\"xss-img\" src=x onerror=\"alert('xss-img')\"> Quinn on Tuesday.",
    "The council <script id=\"xss-script\">console.log('xss-script')</script> said £5m was spent on repairs.",
    "See <a id=\"xss-link\" href=\"javascript:alert('xss-link')\">the plan</a>, said Tom Price. </style>"
    "<style>body{display:none}</style><b id=\"xss-style\">bold</b>",
    "<svg id=\"xss-svg\" onload=\"alert('xss-svg')\"></svg><iframe id=\"xss-frame\" src=\"javascript:alert(1)\">"
    "</iframe> At least 300 tenants opposed the rise, Kate Lind said.",
]
#: Elements or attributes that exist only if some payload became markup.
INJECTED = "[id^=xss], [onerror], [onload], iframe, svg, [href^='javascript:' i], [src^='javascript:' i]"


def hostile_article() -> Article:
    article = read_text("\n".join([HEADLINE, *BODY]), id='x"><script>alert("xss-id")</script>')
    return replace(
        article,
        byline="<img src=x onerror=alert('xss-byline')>",
        url="javascript:alert('xss-url')",
        site_name="</style><script>alert('xss-site')</script>",
    )


@pytest.fixture(scope="module")
def analysis() -> tuple[Article, Analysis]:
    article = hostile_article()
    return article, analyze([article])


def article_html(article: Article, result: Analysis) -> str:
    marks = [
        *quote_highlights(result.quotes),
        *figure_highlights(result.figures),
        *stance_highlights(result.stances),
    ]
    return render_article(article, marks)


def table_html(result: Analysis) -> str:
    return "".join(
        getattr(result, name)._repr_html_() for name in ["articles", "quotes", "figures", "people", "stances"]
    )


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    require_chromium()
    with chromium() as opened:
        yield opened


def check_page(browser: object, path: Path) -> str:
    """Open ``path``; assert nothing ran and nothing was injected; return the page's visible text."""
    with open_page(browser, path) as (page, visit):  # type: ignore[arg-type]
        page.wait_for_timeout(200)  # let any onerror/onload handler fire
        injected = page.eval_on_selector_all(INJECTED, "found => found.map(element => element.outerHTML)")
        assert injected == []
        assert visit.problems() == []
        text: str = page.inner_text("body")
        return text


def test_the_analysis_found_records_to_draw(analysis: tuple[Article, Analysis]) -> None:
    _, result = analysis
    assert len(result.quotes) >= 2 and len(result.figures) >= 2 and result.errors.empty


def test_annotated_article_and_tables_run_nothing(
    analysis: tuple[Article, Analysis], browser: object, tmp_path: Path
) -> None:
    article, result = analysis
    page = tmp_path / "article.html"
    page.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><style>body { color: #222 }</style></head><body>"
        + article_html(article, result)
        + table_html(result)
        + "</body></html>",
        encoding="utf-8",
    )
    text = check_page(browser, page)
    for payload in ["<script>alert('xss-headline')</script>", "</style>", "onerror=\"alert('xss-img')\""]:
        assert payload in text
    assert "javascript:alert('xss-url')" in text


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(out, format="PNG")
    return out.getvalue()


def test_report_page_and_index_run_nothing(
    analysis: tuple[Article, Analysis], browser: object, tmp_path: Path
) -> None:
    article, result = analysis
    notebook = nbformat.v4.new_notebook(  # type: ignore[no-untyped-call]
        cells=[
            nbformat.v4.new_markdown_cell(  # type: ignore[no-untyped-call]
                "# Rents &lt;script&gt;alert('xss-title')&lt;/script&gt;\n\n"
                "What &lt;img src=x onerror=alert('xss-summary')&gt; tenants said."
            ),
            nbformat.v4.new_code_cell(  # type: ignore[no-untyped-call]
                "render(article)",
                outputs=[
                    nbformat.v4.new_output(  # type: ignore[no-untyped-call]
                        "display_data",
                        data={"text/html": article_html(article, result) + table_html(result), "text/plain": "x"},
                    ),
                    nbformat.v4.new_output(  # type: ignore[no-untyped-call]
                        "display_data",
                        data={"image/png": base64.b64encode(png()).decode("ascii"), "text/plain": "<chart>"},
                        metadata={"image/png": {"alt": "\" onerror=\"alert('xss-alt')\" id=\"xss-alt"}},
                    ),
                ],
            ),
        ]
    )
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    nbformat.write(notebook, notebooks / "01_hostile.ipynb")  # type: ignore[no-untyped-call]
    out = tmp_path / "reports"
    build_site([notebooks / "01_hostile.ipynb"], out, figures_dir=tmp_path)
    page_text = check_page(browser, out / "01_hostile.html")
    assert "<script>alert('xss-headline')</script>" in page_text
    index_text = check_page(browser, out / "index.html")
    assert "<script>alert('xss-title')</script>" in index_text
