"""No article lost: a folder of 50 files mixing every kind of bad input with good ones.

Every input (a file, or a record of a corpus file) comes out as an article or as an error naming the file (and
the line of a corpus record) and the problem, and each good article's tables are what they are when the
article is analysed alone.
"""

from __future__ import annotations

import codecs
import gzip
import json
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252")
import pandas as pd
import pytest

from newsdesk import Analysis, analyze
from newsdesk.io.articles import MAX_ARTICLE_CHARS

NAMES = ["Mara Quinn", "Tom Price", "Ana Ruiz", "Li Wei", "Sara Holt", "Omar Diaz", "Kate Lind", "Ben Okafor"]


def good_text(i: int) -> str:
    """A short article with a quote, a speaker and figures, different for each ``i``."""
    name = NAMES[i % len(NAMES)]
    return (
        f"Council {i} raises rents\n"
        f"“We have no choice,” said {name}, the council leader, on Tuesday.\n"
        f"Rents will rise {i + 2}% to £{100 + i} a week from April, the council said.\n"
        f"At least {10 * i + 5} tenants protested outside the town hall."
    )


def build_corpus(folder: Path) -> tuple[set[str], dict[str, str]]:
    """Write the 50 files; return the ids of the articles expected and, for each error source expected, a
    word of its problem."""
    articles: set[str] = set()
    errors: dict[str, str] = {}

    def write(name: str, data: bytes | str, article: str | None = None, problem: str | None = None) -> Path:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        if article:
            articles.add(article)
        if problem:
            errors[str(path)] = problem
        return path

    for i in range(20):  # plain UTF-8 articles
        write(f"good{i:02}.txt", good_text(i), article=f"good{i:02}")
    write("bom.txt", codecs.BOM_UTF8 + good_text(20).encode("utf-8"), article="bom")
    write("utf16.txt", good_text(21).encode("utf-16"), article="utf16")
    write("cp1252.txt", good_text(22).encode("cp1252"), article="cp1252")
    write("mojibake.txt", good_text(23).encode("utf-8").decode("sloppy-windows-1252"), article="mojibake")
    write("crlf.txt", good_text(24).replace("\n", "\r\n"), article="crlf")
    page = "<html><head><title>Rents up</title></head><body><article><h1>Rents up</h1>{}</article></body></html>"
    paragraphs = "".join(f"<p>{line}</p>" for line in good_text(25).split("\n")[1:])
    write("page.html", page.format(paragraphs), article="page")
    xss = '<p>Rents rose 5%, said Kate Lind. <script>alert(1)</script><img src=x onerror="alert(2)"></p>'
    write("hostile.html", page.format(paragraphs.replace("</p>", "</p>" + xss, 1)), article="hostile")
    write("truncated.html", page.format(paragraphs)[:-60], article="truncated")
    # lxml stops at 256 levels of nesting, so trafilatura finds no text: an error, not a crash
    write("nested.html", "<div>" * 3000 + "<p>" + good_text(26) + "</p>", problem="no article text")
    write("menu.html", "<html><body><nav>Home | News</nav></body></html>", problem="no article text")
    write("digits.txt", "Digits\n" + "7" * 5000, article="digits")
    write("quotes.txt", "Quotes\n" + "He said “" * 300, article="quotes")
    write("said.txt", "Said\n" + "said " * 2000, article="said")
    write("parens.txt", "Parens\n" + "(" * 3000, article="parens")
    write("empty.txt", b"", problem="empty")
    write("blank.txt", "  \n\n\t ", problem="no text")
    write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, problem="binary")
    write("nul.txt", "Headline\nThe mayor\x00 said so." + " More text." * 40, problem="NUL")
    write("gzip.txt.gz", b"not gzip at all", problem="binary")
    write("huge.txt", "Huge\n" + "Prices rose. " * (MAX_ARTICLE_CHARS // 13 + 1), problem="limit")
    write("broken.json", '{"text": "unclosed', problem="not valid JSON")
    write("notext.csv", "title,author\nOnly a title,Ann\n", problem="no text column")
    records = [json.dumps({"id": f"rec{i}", "text": good_text(30 + i)}) for i in range(3)]
    jsonl = write("records.jsonl", "\n".join([records[0], "{oops", records[1], "[1, 2]", '{"title": "x"}', records[2]]))
    articles.update({"rec0", "rec1", "rec2"})
    errors.update({f"{jsonl}:2": "not valid JSON", f"{jsonl}:4": "JSON object", f"{jsonl}:5": "no text"})
    table = pd.DataFrame({"id": ["row1", "row2", "row3"], "text": [good_text(40), "", good_text(41)]})
    rows = write("rows.csv", table.to_csv(index=False))
    articles.update({"row1", "row3"})
    errors[f"{rows}:3"] = "no text"
    write("notes.md", good_text(42), article="notes")
    write("packed.txt.gz", gzip.compress(good_text(43).encode("utf-8")), article="packed")
    write("utf16be.txt", codecs.BOM_UTF16_BE + good_text(44).encode("utf-16-be"), article="utf16be")
    write("legacy.html", page.format(paragraphs.replace("Rents", "Café rents")).encode("cp1252"), article="legacy")
    listed = write("list.json", json.dumps([{"id": "listed", "text": good_text(45)}, {"text": ""}, "text"]))
    articles.add("listed")
    errors.update({f"{listed}[1]": "no text", f"{listed}[2]": "JSON object"})
    short = write("short.tsv", "id\ttext\tauthor\nshort1\t" + good_text(46).replace("\n", " ") + "\nshort2\n")
    articles.add("short1")
    errors[f"{short}:3"] = "no text"
    assert len(list(folder.iterdir())) == 50
    return articles, errors


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str], dict[str, str], Analysis]:
    folder = tmp_path_factory.mktemp("corpus")
    articles, errors = build_corpus(folder)
    return folder, articles, errors, analyze(folder)


def test_every_input_is_an_article_or_an_error(corpus: tuple[Path, set[str], dict[str, str], Analysis]) -> None:
    _, articles, errors, result = corpus
    assert dict(zip(result.errors["source"], result.errors["problem"], strict=True)).keys() == errors.keys()
    assert set(result.articles["article_id"]) == articles
    assert len(result.articles) + len(result.errors) == len(articles) + len(errors) == 60
    for row in result.errors.itertuples():
        assert errors[row.source].lower() in row.problem.lower(), (row.source, row.problem)
    assert set(result.errors["stage"]) == {"read"}


def test_each_article_reads_as_written(corpus: tuple[Path, set[str], dict[str, str], Analysis]) -> None:
    _, _, _, result = corpus
    rows = result.articles.set_index("article_id")
    assert rows.loc["utf16", "encoding"] == "utf-16" and rows.loc["cp1252", "encoding"] == "cp1252"
    assert str(rows.loc["mojibake", "repairs"]).startswith("mojibake repaired")
    assert rows["repairs"].notna().sum() == 1
    quotes = result.quotes.set_index("article_id")
    for article_id in ["good07", "bom", "utf16", "cp1252", "mojibake", "crlf"]:
        assert any("We have no choice" in text for text in quotes.loc[[article_id], "text"]), article_id


def test_good_articles_have_the_tables_they_have_alone(corpus: tuple[Path, set[str], dict[str, str], Analysis]) -> None:
    folder, _, _, result = corpus
    files = ["good03.txt", "utf16.txt", "cp1252.txt", "mojibake.txt", "hostile.html", "digits.txt", "records.jsonl"]
    quoted = counted = 0
    for name in files:
        alone = analyze(folder / name)
        ids = set(alone.articles["article_id"])
        for table in ["quotes", "figures", "stances", "people"]:
            batch = getattr(result, table)
            expected = getattr(alone, table).reset_index(drop=True)
            pd.testing.assert_frame_equal(batch[batch["article_id"].isin(ids)].reset_index(drop=True), expected)
        quoted, counted = quoted + len(alone.quotes), counted + len(alone.figures)
    assert quoted >= 6 and counted >= 12
