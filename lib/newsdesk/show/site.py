"""The report site: every numbered notebook rendered to one HTML page, and an index linking them in order.

Each page is rendered by nbconvert from the notebook as committed (its stored outputs; nothing is
executed here) with the ``newsdesk_report`` template, which extends nbconvert's ``lab`` template and:

- hides code by default behind a "Show code" toggle (a checkbox and CSS only, so it needs no script);
- loads nothing from the network: require.js, MathJax, mermaid and the widget manager, which the lab
  template fetches from a CDN, are left out, and every image is embedded as a ``data:`` URI;
- gives every chart an ``alt`` text.

A chart a notebook saved to ``figures/`` without displaying it (a code cell that names ``NN_name.png``
and has no image output of its own) is shown below that cell, so the page carries every chart the
notebook drew.

The index lists the pages in file-name order. For each: the title is the notebook's first ``# `` heading,
the one-line summary is ``metadata["newsdesk"]["summary"]`` when the notebook sets it, otherwise the first
sentence of its first markdown cell after the heading, and the thumbnail is the page's first chart, scaled
down. Everything written into the index is escaped. Rendering is deterministic: the same notebooks and
figures give byte-identical files.

>>> import nbformat
>>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(
...     "# 07 · Framing\\n\\nWhich *frames* an article uses. More below.")])
>>> describe_notebook(nb, "07_framing.ipynb")
('07 · Framing', 'Which frames an article uses.')
>>> figure_names('save_figure(fig, f"{FIGURES}/07_frames.png", data=table)')
['07_frames.png']
"""

from __future__ import annotations

import argparse
import base64
import copy
import io
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jinja2
import mistune
import nbformat
from nbconvert import HTMLExporter
from PIL import Image

from newsdesk.errors import NewsdeskError

__all__ = [
    "NOTEBOOK_PATTERN",
    "ReportError",
    "SitePage",
    "build_site",
    "describe_notebook",
    "figure_names",
    "notebook_paths",
    "render_index",
    "render_page",
    "show_saved_figures",
    "thumbnail",
]

TEMPLATES = Path(__file__).parent / "templates"
PAGE_TEMPLATE = "newsdesk_report"
INDEX_TEMPLATE = "index.html.j2"
#: Which notebooks become pages: two digits, an underscore, a name.
NOTEBOOK_PATTERN = "[0-9][0-9]_*.ipynb"
THUMBNAIL_WIDTH = 360
SUMMARY_LIMIT = 160

_PNG_NAME = re.compile(r"[\w.-]+\.png\b")
#: A sentence ends at . ! or ? (and any closing quote or bracket) before white space, unless the word is an
#: abbreviation or an initial ("e.g.", "Mr.", "J.").
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\be\.g)(?<!\bi\.e)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bvs)(?<!\betc)"
    r"[.!?][\"”’)]*(?=\s+\S)"
)
_CLAUSE_END = re.compile(r"[:;](?=\s)")


class ReportError(NewsdeskError):
    """A notebook or figure that cannot be rendered into the report site; the message names the file."""


@dataclass(frozen=True, slots=True)
class SitePage:
    """One notebook's entry in the index: its page, title, summary and where its thumbnail came from."""

    notebook: str
    page: str
    title: str
    summary: str
    thumbnail_source: str | None

    def __repr__(self) -> str:
        return f"SitePage({self.page!r}, title={self.title!r}, thumbnail_source={self.thumbnail_source!r})"


def notebook_paths(folder: str | Path) -> list[Path]:
    """The numbered notebooks in ``folder`` (``NN_name.ipynb``), in file-name order.

    >>> notebook_paths("no-such-folder")
    Traceback (most recent call last):
    ...
    newsdesk.show.site.ReportError: no-such-folder: no such folder of notebooks
    """
    path = Path(folder)
    if not path.is_dir():
        raise ReportError(f"{folder}: no such folder of notebooks")
    found = sorted(path.glob(NOTEBOOK_PATTERN))
    if not found:
        raise ReportError(f"{folder}: no notebooks named like {NOTEBOOK_PATTERN}")
    return found


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _plain_text(markdown: str) -> str:
    """Markdown as one line of plain text: markup dropped, entities decoded, white space collapsed."""
    parser = _TextOnly()
    parser.feed(str(mistune.html(markdown)))
    parser.close()
    return " ".join("".join(parser.parts).split())


def _first_sentence(text: str) -> str:
    """The first sentence of ``text``; when that is longer than a line, its first clause (up to a colon or
    semicolon) if that says enough, else its first words with an ellipsis."""
    end = _SENTENCE_END.search(text)
    sentence = text[: end.end()] if end else text
    if len(sentence) <= SUMMARY_LIMIT:
        return sentence
    clause = _CLAUSE_END.search(sentence)
    if clause and 40 <= clause.start() < SUMMARY_LIMIT:
        return f"{sentence[: clause.start()]}."
    cut = sentence[: SUMMARY_LIMIT - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return f"{cut}…"


def describe_notebook(nb: Any, name: str) -> tuple[str, str]:
    """The title and one-line summary of a notebook (see the module docstring for where they come from)."""
    title, summary = Path(name).stem, ""
    markdown = [cell for cell in nb.cells if cell.cell_type == "markdown"]
    if markdown:
        lines = markdown[0].source.strip().splitlines()
        if lines and lines[0].startswith("# "):
            title = _plain_text(lines[0][2:]) or title
            lines = lines[1:]
        paragraphs = [part for part in "\n".join(lines).split("\n\n") if part.strip()]
        if paragraphs:
            summary = _first_sentence(_plain_text(paragraphs[0]))
    chosen = nb.metadata.get("newsdesk", {}).get("summary")
    if isinstance(chosen, str) and chosen.strip():
        summary = " ".join(chosen.split())
    return title, summary


def figure_names(source: str) -> list[str]:
    """The PNG file names a code cell's source mentions, in order, each once."""
    return list(dict.fromkeys(match.group() for match in _PNG_NAME.finditer(source)))


def _has_image(cell: Any) -> bool:
    return any("image/png" in output.get("data", {}) for output in cell.get("outputs", []))


def show_saved_figures(nb: Any, figures_dir: str | Path) -> Any:
    """A copy of ``nb`` in which each code cell that saved a chart to ``figures_dir`` but shows no image
    of its own displays that chart (read from the file) below its other outputs."""
    folder = Path(figures_dir)
    shown = copy.deepcopy(nb)
    for cell in shown.cells:
        if cell.cell_type != "code" or _has_image(cell):
            continue
        for name in figure_names(cell.source):
            path = folder / name
            if not path.is_file():
                continue
            data = base64.b64encode(path.read_bytes()).decode("ascii")
            source = f"{folder.name}/{name}"
            cell.outputs.append(
                nbformat.v4.new_output(  # type: ignore[no-untyped-call]
                    "display_data",
                    data={"image/png": data, "text/plain": f"<chart {source}>"},
                    metadata={"image/png": {"alt": f"Chart saved as {source}"}, "newsdesk": {"figure": source}},
                )
            )
    return shown


def _first_image(nb: Any) -> tuple[bytes, str] | None:
    """The first PNG the notebook shows, and where it came from (a file in figures/, or a cell's output)."""
    code_cells = [cell for cell in nb.cells if cell.cell_type == "code"]
    for number, cell in enumerate(code_cells):
        for output in cell.get("outputs", []):
            if "image/png" in output.get("data", {}):
                source = output.get("metadata", {}).get("newsdesk", {}).get("figure") or f"code cell {number} output"
                return base64.b64decode(output["data"]["image/png"]), str(source)
    return None


def thumbnail(png: bytes, *, width: int = THUMBNAIL_WIDTH) -> bytes:
    """``png`` scaled down to ``width`` pixels wide (never up), as PNG bytes that depend only on the pixels."""
    with Image.open(io.BytesIO(png)) as image:
        image.load()
        rgb = image.convert("RGB")
    if rgb.width > width:
        rgb = rgb.resize((width, round(rgb.height * width / rgb.width)), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    rgb.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _exporter() -> Any:
    exporter = HTMLExporter(  # type: ignore[no-untyped-call]
        template_name=PAGE_TEMPLATE, extra_template_basedirs=[str(TEMPLATES)]
    )
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.embed_images = True
    return exporter


def render_page(nb: Any, *, title: str) -> str:
    """One notebook (with its outputs) as a standalone HTML page, code hidden behind a toggle."""
    titled = copy.deepcopy(nb)
    titled.metadata["title"] = title
    body, _ = _exporter().from_notebook_node(titled, resources={"metadata": {"name": title}})
    return str(body)


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def render_index(pages: Sequence[SitePage], thumbnails: dict[str, str]) -> str:
    """The index page: each report in order with its summary and thumbnail, every string escaped.

    ``thumbnails`` maps a page's file name to its thumbnail, base64-encoded PNG.

    >>> page = SitePage("09_x.ipynb", "09_x.html", "<b>09</b>", "A & B", None)
    >>> html = render_index([page], {})
    >>> "&lt;b&gt;09&lt;/b&gt;" in html, "A &amp; B" in html, "<b>" in html
    (True, True, False)
    """
    template = _environment().get_template(INDEX_TEMPLATE)
    return template.render(pages=pages, thumbnails=thumbnails)


def _read_notebook(path: Path) -> Any:
    try:
        return nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    except FileNotFoundError:
        raise ReportError(f"{path}: no such notebook") from None
    except Exception as error:  # nbformat raises JSON, validation and version errors of several types
        raise ReportError(f"{path}: not a readable notebook ({type(error).__name__}: {error})") from None


def _write(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8"))


def build_site(notebooks: Sequence[str | Path], out_dir: str | Path, *, figures_dir: str | Path) -> list[SitePage]:
    """Render each notebook to ``out_dir/NAME.html`` and write ``out_dir/index.html`` linking them in order.

    Pages of numbered notebooks that are no longer given are removed, so the index and the folder agree.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    pages: list[SitePage] = []
    thumbnails: dict[str, str] = {}
    for notebook in sorted(Path(path) for path in notebooks):
        nb = show_saved_figures(_read_notebook(notebook), figures_dir)
        title, summary = describe_notebook(nb, notebook.name)
        page = notebook.with_suffix(".html").name
        _write(out / page, render_page(nb, title=title))
        image = _first_image(nb)
        if image is not None:
            png, source = image
            try:
                thumbnails[page] = base64.b64encode(thumbnail(png)).decode("ascii")
            except OSError as error:
                raise ReportError(f"{notebook}: its first chart ({source}) is not a readable PNG ({error})") from None
        pages.append(SitePage(notebook.name, page, title, summary, image[1] if image else None))
    written = {page.page for page in pages}
    for stale in out.glob("[0-9][0-9]_*.html"):
        if stale.name not in written:
            stale.unlink()
    _write(out / "index.html", render_index(pages, thumbnails))
    return pages


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m newsdesk.show.site [--notebooks DIR] [--figures DIR] [--out DIR]``: build the report site."""
    parser = argparse.ArgumentParser(prog="python -m newsdesk.show.site", description=main.__doc__)
    parser.add_argument("--notebooks", default="notebooks", help="folder of NN_name.ipynb notebooks")
    parser.add_argument("--figures", default="figures", help="folder the notebooks save their charts to")
    parser.add_argument("--out", default="reports", help="folder to write the pages and index.html to")
    args = parser.parse_args(argv)
    try:
        pages = build_site(notebook_paths(args.notebooks), args.out, figures_dir=args.figures)
    except ReportError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for page in pages:
        print(f"{args.out}/{page.page}: {page.title}")
    print(f"{args.out}/index.html: {len(pages)} reports")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
