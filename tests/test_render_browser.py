"""The annotated-article view as a reader's browser lays it out: no label covers any text, the legend shows.

Opens `render_article`'s HTML in headless Chromium (see tests/browser.py; skips with one line when Chromium
is absent, fails under CI) and measures the boxes of every label badge against the boxes of every piece of
article text. The article and its crowded, nested highlights are written here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from browser import chromium, open_page
from newsdesk import read_text
from newsdesk.show.render import Highlight, render_article

TEXT = (
    "Council row over the bridge\n"
    '"We will not pay for it," said Mayor Ana Ruiz, who added that the $4m bill, up 12% on last year, '
    "was <b>unfair</b>. Her deputy, Tom Berg, said the council backed a toll of £2 a day.\n"
    "Residents said 300 people signed the petition in two days."
)
#: Every text box and label box of the article, and the labels that overlap text (JavaScript, run in the page).
MEASURE = """() => {
  const root = document.querySelector('.newsdesk-article');
  const labels = [...root.querySelectorAll('.nd-label')].map(e => e.getBoundingClientRect());
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts = [];
  let node;
  while ((node = walker.nextNode())) {
    const parent = node.parentElement;
    if (parent.closest('.nd-label, .nd-legend, style') || !node.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) texts.push([r, node.textContent.slice(0, 24)]);
  }
  const hits = [];
  labels.forEach((a, i) => texts.forEach(([r, t]) => {
    const w = Math.min(a.right, r.right) - Math.max(a.left, r.left);
    const h = Math.min(a.bottom, r.bottom) - Math.max(a.top, r.top);
    if (w > 0.5 && h > 0.5) hits.push(`label ${i} over "${t}"`);
  }));
  const legend = root.querySelector('.nd-legend');
  return {labels: labels.length, texts: texts.length, hits: hits,
          legend: legend ? legend.innerText : null, legendHeight: legend ? legend.offsetHeight : 0};
}"""
#: A stylesheet that puts labels back over the line, as displaCy's span style did: the measure must see it.
LABELS_OVER_TEXT = ".newsdesk-article .nd-label { position: absolute; margin-left: 4em; }"


def _highlights() -> list[Highlight]:
    def span(words: str, label: str, occurrence: int = 0) -> Highlight:
        start = -1
        for _ in range(occurrence + 1):
            start = TEXT.index(words, start + 1)
        return Highlight(start, start + len(words), label)

    return [
        span("We will not pay for it,", "direct · Ana Ruiz"),
        span("said", "cue"),
        span("Mayor Ana Ruiz", "speaker"),
        span("the $4m bill, up 12% on last year, was <b>unfair</b>", "indirect · Ana Ruiz"),
        span("$4m", "money 4,000,000 USD"),
        span("12%", "percent 12"),
        span("the council backed a toll of £2 a day", "indirect · Tom Berg"),
        span("backed a toll", "favor · the council · a toll"),
        span("£2", "money 2 GBP"),
        span("said", "cue", 1),
        span("300 people", "count 300"),
    ]


def _page(tmp_path: Path, extra_css: str = "") -> Path:
    article = read_text(TEXT, id="bridge")
    body = render_article(article, _highlights())
    path = tmp_path / "article.html"
    path.write_text(
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>article</title>'
        f"<style>body {{ font-family: sans-serif; width: 520px; }} {extra_css}</style></head>"
        f"<body>{body}</body></html>",
        encoding="utf-8",
    )
    return path


def _measure(path: Path) -> tuple[dict[str, Any], list[str]]:
    with chromium() as browser, open_page(browser, path) as (page, visit):
        result: dict[str, Any] = page.evaluate(MEASURE)
        return result, visit.problems()


def test_no_label_covers_text_and_the_legend_names_the_kinds(tmp_path: Path) -> None:
    result, problems = _measure(_page(tmp_path))
    assert problems == []  # the <b> in the article stays text: nothing runs, nothing is fetched
    assert result["labels"] == len(_highlights()) and result["texts"] > 20
    assert result["hits"] == []
    assert result["legendHeight"] > 0
    for kind in ("direct quote", "reported speech", "cue (reporting word)", "speaker as written", "money",
                 "percentage", "count", "stance: favor"):
        assert kind in result["legend"]


def test_the_measure_sees_labels_drawn_over_text(tmp_path: Path) -> None:
    result, _ = _measure(_page(tmp_path, LABELS_OVER_TEXT))
    assert len(result["hits"]) >= 3
