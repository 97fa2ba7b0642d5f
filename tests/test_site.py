"""The report site without a browser: index content, escaping, the code toggle, no network resources, determinism."""

from __future__ import annotations

import base64
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from PIL import Image

from conftest import ROOT
from newsdesk.show.site import (
    ReportError,
    build_site,
    describe_notebook,
    notebook_paths,
    show_saved_figures,
    thumbnail,
)

HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)></style><a href="javascript:alert(3)">x</a>'
#: Where a page would load something from the network: script/img/iframe sources, stylesheets, CSS urls
#: and imports, module imports. Plain links (<a href>) are navigation, not resources, and are allowed.
NETWORK_RESOURCE = re.compile(
    r"""(?:\b(?:src|srcset|poster|data)\s*=\s*["']?\s*(?:https?:)?//)"""
    r"""|(?:<link\b[^>]*\bhref\s*=\s*["']?\s*(?:https?:)?//)"""
    r"""|(?:url\(\s*["']?\s*(?:https?:)?//)|(?:@import\s+(?:url\()?\s*["']?\s*(?:https?:)?//)"""
    r"""|(?:\bimport\(\s*["']\s*(?:https?:)?//)""",
    re.IGNORECASE,
)


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.images: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images.append(dict(attrs))


def images(html: str) -> list[dict[str, str | None]]:
    parser = _Images()
    parser.feed(html)
    return parser.images


def chart(path: Path, height: float) -> Path:
    fig, ax = plt.subplots(figsize=(4, height))
    _ = ax.bar(["a", "b"], [1, 2])
    fig.savefig(path, format="png", dpi=100, metadata={"Software": None})
    plt.close(fig)
    return path


def write_notebook(folder: Path, name: str, cells: list[object], **metadata: object) -> Path:
    nb = new_notebook(cells=cells, metadata=metadata)
    path = folder / name
    nbformat.write(nb, path)
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Two small notebooks, one of which saves a chart to figures/ without displaying it."""
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "figures").mkdir()
    chart(tmp_path / "figures" / "02_bars.png", 3)
    write_notebook(
        tmp_path / "notebooks",
        "02_second.ipynb",
        [
            new_markdown_cell("# 02 · Second\n\nCharts *the* bars. Then more."),
            new_code_cell('save_figure(fig, f"{FIGURES}/02_bars.png")\nplt.show()', execution_count=1),
        ],
    )
    write_notebook(
        tmp_path / "notebooks",
        "01_first.ipynb",
        [
            new_markdown_cell("# 01 · First\n\nA long introduction that the metadata summary replaces."),
            new_code_cell(
                "print('hello')",
                execution_count=1,
                outputs=[new_output("stream", name="stdout", text="hello\n")],
            ),
        ],
        newsdesk={"summary": "Reads one article."},
    )
    return tmp_path


def build(project: Path, out: str = "reports") -> Path:
    build_site(notebook_paths(project / "notebooks"), project / out, figures_dir=project / "figures")
    return project / out


def test_index_links_every_notebook_in_order_with_summary_and_thumbnail(project: Path) -> None:
    pages = build_site(notebook_paths(project / "notebooks"), project / "reports", figures_dir=project / "figures")
    assert [page.page for page in pages] == ["01_first.html", "02_second.html"]
    assert [(page.title, page.summary) for page in pages] == [
        ("01 · First", "Reads one article."),  # from metadata
        ("02 · Second", "Charts the bars."),  # first sentence after the heading, markup dropped
    ]
    assert [page.thumbnail_source for page in pages] == [None, "figures/02_bars.png"]
    index = (project / "reports" / "index.html").read_text(encoding="utf-8")
    assert index.index('href="01_first.html"') < index.index('href="02_second.html"')
    assert index.count('src="data:image/png;base64,') == 1
    assert "no chart" in index
    assert sorted(path.name for path in (project / "reports").iterdir()) == [
        "01_first.html",
        "02_second.html",
        "index.html",
    ]


def test_a_chart_saved_but_not_displayed_is_embedded_below_its_cell(project: Path) -> None:
    page = (build(project) / "02_second.html").read_text(encoding="utf-8")
    [image] = images(page)
    assert str(image["src"]).startswith("data:image/png;base64,")
    assert base64.b64decode(str(image["src"]).split(",", 1)[1]) == (project / "figures" / "02_bars.png").read_bytes()
    assert image["alt"] == "Chart saved as figures/02_bars.png"


def test_saved_figures_leave_cells_with_their_own_image_and_missing_files_alone(tmp_path: Path) -> None:
    png = chart(tmp_path / "03_own.png", 2).read_bytes()
    own = new_output("display_data", data={"image/png": base64.b64encode(png).decode(), "text/plain": "<Figure>"})
    nb = new_notebook(
        cells=[
            new_code_cell('save_figure(fig, "03_own.png")', execution_count=1, outputs=[own]),
            new_code_cell('save_figure(fig, "03_never_written.png")', execution_count=2),
        ]
    )
    shown = show_saved_figures(nb, tmp_path)
    assert [len(cell.outputs) for cell in shown.cells] == [1, 0]
    assert shown is not nb


def test_thumbnail_is_scaled_down_never_up(tmp_path: Path) -> None:
    big = chart(tmp_path / "big.png", 4).read_bytes()  # 400 px wide
    with Image.open(io.BytesIO(thumbnail(big, width=200))) as small:
        assert small.width == 200
    with Image.open(io.BytesIO(thumbnail(big, width=1000))) as same:
        assert same.width == 400


def test_page_hides_code_behind_a_toggle_and_loads_nothing_from_the_network(project: Path) -> None:
    page = (build(project) / "01_first.html").read_text(encoding="utf-8")
    assert re.search(r'<input [^>]*id="newsdesk-show-code"[^>]*type="checkbox"', page)
    assert re.search(r'<label [^>]*for="newsdesk-show-code"[^>]*>.*Show code', page)
    assert ".newsdesk-toggle-input:not(:checked) ~ main .jp-CodeCell .jp-Cell-inputWrapper" in page
    assert "jp-Cell-inputWrapper" in page and ">print<" in page  # the code is in the page, hidden, not dropped
    assert '<a href="index.html">' in page
    assert NETWORK_RESOURCE.findall(page) == []
    assert "<script" not in page  # no script at all: the toggle is CSS


def test_the_resource_check_catches_what_the_lab_template_would_load() -> None:
    lab_head = (
        '<script src="https://cdnjs.cloudflare.com/ajax/libs/require.js/2.1.10/require.min.js"></script>'
        '<link rel="stylesheet" href="//fonts.example/css"><style>@import url("https://x/y.css")</style>'
        'await import("https://cdn/mermaid.mjs")'
    )
    assert len(NETWORK_RESOURCE.findall(lab_head)) == 4
    assert NETWORK_RESOURCE.findall('<a href="https://example.org/">a link</a>') == []


def test_notebook_text_written_into_index_and_pages_is_escaped(tmp_path: Path) -> None:
    (tmp_path / "notebooks").mkdir()
    write_notebook(
        tmp_path / "notebooks",
        "01_hostile.ipynb",
        [new_markdown_cell(f"# Title {HOSTILE}\n\nSummary {HOSTILE}. More.")],
        newsdesk={"summary": f"Summary {HOSTILE}"},
    )
    out = build(tmp_path)
    index = (out / "index.html").read_text(encoding="utf-8")
    page = (out / "01_hostile.html").read_text(encoding="utf-8")
    head = page.split("</head>")[0]  # the page's <title> is the notebook's title
    for html in (index, head):
        assert "<script" not in html
        assert images(html) == []
        assert 'href="javascript:' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in index  # the summary, escaped
    assert "<title>Title alert(1)x</title>" in head  # markup in a heading is dropped from the title


def test_rendering_is_deterministic(project: Path) -> None:
    first, second = build(project, "one"), build(project, "two")
    names = sorted(path.name for path in first.iterdir())
    assert names == sorted(path.name for path in second.iterdir())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_describe_falls_back_to_the_file_name_without_a_heading() -> None:
    nb = new_notebook(cells=[new_code_cell("1 + 1")])
    assert describe_notebook(nb, "04_untitled.ipynb") == ("04_untitled", "")


def test_bad_inputs_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="no notebooks named like"):
        notebook_paths(tmp_path)
    broken = tmp_path / "01_broken.ipynb"
    broken.write_text("{ not json", encoding="utf-8")
    with pytest.raises(ReportError, match=r"01_broken\.ipynb: not a readable notebook"):
        build_site([broken], tmp_path / "out", figures_dir=tmp_path)
    with pytest.raises(ReportError, match=r"02_gone\.ipynb: no such notebook"):
        build_site([tmp_path / "02_gone.ipynb"], tmp_path / "out", figures_dir=tmp_path)


def test_pages_of_removed_notebooks_are_removed(project: Path) -> None:
    out = build(project)
    (project / "notebooks" / "02_second.ipynb").unlink()
    build(project)
    assert sorted(path.name for path in out.iterdir()) == ["01_first.html", "index.html"]


def test_the_project_notebooks_render_offline(tmp_path: Path) -> None:
    pages = build_site(notebook_paths(ROOT / "notebooks"), tmp_path, figures_dir=ROOT / "figures")
    assert pages and all(page.summary and page.thumbnail_source for page in pages)
    for path in sorted(tmp_path.glob("*.html")):
        html = path.read_text(encoding="utf-8")
        assert NETWORK_RESOURCE.findall(html) == [], path.name
