"""The report site as a reader meets it: every page opened in headless Chromium from the file system.

The test builds the site itself, into a temporary folder, from the notebooks as committed (their stored
outputs) and the committed figures; it executes nothing, so it costs a few seconds inside ``make test``
and checks exactly what ``make report`` renders from a clean checkout (``make report`` re-executes the
notebooks first; CI then checks that re-execution changed nothing). Screenshots of every page go to
``reports/screenshots/`` (git-ignored) for a person to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from browser import (
    broken_images,
    chromium,
    image_count,
    open_page,
    require_chromium,
    screenshot,
    shown_errors,
    visible_count,
)
from conftest import ROOT
from newsdesk.show.site import build_site, notebook_paths

SCREENSHOTS = ROOT / "reports" / "screenshots"
CODE_INPUTS = ".jp-CodeCell .jp-Cell-inputWrapper"
TOGGLE = "label[for=newsdesk-show-code]"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_chromium()
    out = tmp_path_factory.mktemp("reports")
    build_site(notebook_paths(ROOT / "notebooks"), out, figures_dir=ROOT / "figures")
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as opened:
        yield opened


def page_names() -> list[str]:
    return [path.with_suffix(".html").name for path in notebook_paths(ROOT / "notebooks")]


def test_index_loads_clean_and_links_every_report_in_order(site: Path, browser: object) -> None:
    with open_page(browser, site / "index.html") as (page, visit):  # type: ignore[arg-type]
        links = page.eval_on_selector_all(".report h2 a", "links => links.map(link => link.getAttribute('href'))")
        summaries = page.eval_on_selector_all(".report .summary", "items => items.map(item => item.innerText)")
        assert links == page_names()
        assert all(summary.strip() for summary in summaries)
        assert image_count(page) == len(links)  # a thumbnail for each report
        assert broken_images(page) == []
        assert shown_errors(page) == []
        screenshot(page, SCREENSHOTS / "index.png")
        assert visit.problems() == []


@pytest.mark.parametrize("name", page_names())
def test_report_page_loads_clean_with_code_hidden_until_toggled(site: Path, browser: object, name: str) -> None:
    with open_page(browser, site / name) as (page, visit):  # type: ignore[arg-type]
        assert image_count(page) >= 1, "every notebook draws at least one chart"
        assert broken_images(page) == []
        assert shown_errors(page) == []

        total, shown = visible_count(page, CODE_INPUTS)
        assert total > 0 and shown == 0, "code is hidden when the page opens"
        screenshot(page, SCREENSHOTS / name.replace(".html", ".png"))
        page.click(TOGGLE)
        assert visible_count(page, CODE_INPUTS) == (total, total), "the toggle shows every code cell"
        assert page.inner_text(TOGGLE) == "Hide code"
        page.click(TOGGLE)
        assert visible_count(page, CODE_INPUTS) == (total, 0), "and hides them again"

        page.click("text=All reports")
        page.wait_for_load_state("load")
        assert page.url.endswith("/index.html")
        assert visit.problems() == []


def test_the_checks_catch_what_a_broken_page_does(tmp_path: Path, browser: object) -> None:
    """Each check can fail: a page that runs a script, fetches from the network, shows a missing image,
    a traceback and stderr output is caught on every count."""
    broken = tmp_path / "broken.html"
    broken.write_text(
        "<!DOCTYPE html><html><head><title>broken</title></head><body>"
        "<script>console.error('boom'); alert('ran');</script>"
        '<img src="missing.png" alt="missing"><img src="https://example.org/chart.png" alt="remote">'
        '<div data-mime-type="application/vnd.jupyter.stderr"><pre>Traceback (most recent call last):</pre></div>'
        "<script>undefinedFunction()</script></body></html>",
        encoding="utf-8",
    )
    with open_page(browser, broken) as (page, visit):  # type: ignore[arg-type]
        assert len(broken_images(page)) == 2
        assert [kind.split(":")[0] for kind in shown_errors(page)] == ["error output", "traceback"]
    problems = visit.problems()
    assert "console error: boom" in problems
    assert "dialog: alert: ran" in problems
    assert "request leaving the file system: https://example.org/chart.png" in problems
    assert any(problem.startswith("uncaught error: ") and "undefinedFunction" in problem for problem in problems)
    assert any(problem.startswith("failed request: ") and problem.endswith("missing.png") for problem in problems)
