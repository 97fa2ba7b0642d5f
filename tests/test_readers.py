"""Every reader (plain text, HTML, JSONL, JSON, CSV/TSV, DataFrame, folder, string) and every bad input."""

from __future__ import annotations

import csv
import gzip
import json
import warnings
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from newsdesk import Article, ArticleError, ArticleSkippedWarning, read_article, read_articles
from newsdesk.io.readers import looks_like_path

BBC_IDS = ["business/001", "politics/010", "sport/020"]


def _seed_layout(record: dict[str, Any], byline: str | None = None) -> str:
    lines = [record["title"], *record["text"].splitlines()]
    return "\n".join(lines + ([f"By {byline}"] if byline else [])) + "\n"


@pytest.fixture()
def bbc_three(bbc_records: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    return [bbc_records[i] for i in BBC_IDS]


# --- plain text ---------------------------------------------------------------------------------


def test_plain_text_file_in_the_seed_layout(tmp_path: Path, bbc_three: list[dict[str, Any]]) -> None:
    record = bbc_three[0]
    path = tmp_path / "story.txt"
    path.write_text(_seed_layout(record, byline="Sam Reporter"), encoding="utf-8")
    article = read_article(path)
    assert article.id == "story"
    assert article.headline == record["title"]
    assert article.byline == "Sam Reporter"
    assert [p.text for p in article.paragraphs] == [line for line in record["text"].splitlines() if line.strip()]
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start : paragraph.end] == paragraph.text
    assert article.source_path == str(path)


def test_crlf_and_bom_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "win.txt"
    path.write_bytes("\ufeffHeadline\r\nBody line one.\r\nBody line two.\r\n".encode())
    article = read_article(path)
    assert article.headline == "Headline" and "\r" not in article.text
    assert len(article.paragraphs) == 2


def test_unknown_suffix_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "story.docx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(ArticleError, match=r"story\.docx: unsupported file type '\.docx'"):
        read_article(path)


def test_no_suffix_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("Headline\nBody.", encoding="utf-8")
    (tmp_path / "page").write_text(_PAGE, encoding="utf-8")
    assert read_article(tmp_path / "plain").headline == "Headline"
    assert read_article(tmp_path / "page").headline == "Water rates to rise by 5%"


# --- HTML ---------------------------------------------------------------------------------------

_PAGE = """<!DOCTYPE html><html><head><title>Water rates to rise by 5% | The Valley Courier</title>
<meta property="og:site_name" content="The Valley Courier"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Water rates to rise by 5%</h1><p>By Priya Raman</p>
<p>Household water bills will rise by 5% from April, the regional utility said on Tuesday, citing the cost of
replacing ageing pipes across the valley.</p>
<p>"We have held prices for three years, and we cannot do so any longer," chief executive Tom Hale said in a
statement released to customers.</p></article>
<footer>Copyright The Valley Courier. All rights reserved.</footer></body></html>"""


def test_html_page_title_byline_and_body(tmp_path: Path) -> None:
    path = tmp_path / "rates.html"
    path.write_text(_PAGE, encoding="utf-8")
    article = read_article(path)
    assert article.headline == "Water rates to rise by 5%"  # site suffix stripped
    assert article.byline == "Priya Raman"
    assert article.site_name == "The Valley Courier"
    assert len(article.paragraphs) == 2
    assert article.paragraphs[1].text.startswith('"We have held prices')
    assert "Copyright" not in article.text and "Home" not in article.text


def test_gzipped_html(tmp_path: Path) -> None:
    path = tmp_path / "rates.html.gz"
    path.write_bytes(gzip.compress(_PAGE.encode()))
    assert read_article(path).id == "rates"


def test_real_html_pages_from_the_aeb_benchmark(aeb_dir: Path) -> None:
    truth = json.loads((aeb_dir / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[:5]
    for key in keys:
        article = read_article(aeb_dir / "html" / f"{key}.html.gz")
        assert article.paragraphs, key
        # the body's first paragraph is in the benchmark's article body
        first_words = " ".join(article.paragraphs[0].text.split()[:6])
        assert first_words in " ".join(truth[key]["articleBody"].split()), key


def test_html_without_article_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"empty\.html: no article text found in the HTML page"):
        read_article(path)


# --- corpora ------------------------------------------------------------------------------------


def test_jsonl_corpus(tmp_path: Path, bbc_three: list[dict[str, Any]]) -> None:
    path = tmp_path / "bbc.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in bbc_three) + "\n", encoding="utf-8")
    articles = list(read_articles(path))
    assert [a.id for a in articles] == BBC_IDS
    assert [a.headline for a in articles] == [r["title"] for r in bbc_three]
    assert all(a.text.startswith(a.headline + "\n") for a in articles if a.headline)


def test_jsonl_bad_lines_are_reported_and_the_rest_go_on(tmp_path: Path, bbc_three: list[dict[str, Any]]) -> None:
    lines = [json.dumps(bbc_three[0]), "{not json", json.dumps({"title": "No body"}), json.dumps(bbc_three[1])]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    errors: list[ArticleError] = []
    articles = list(read_articles(path, on_error=errors.append))
    assert [a.id for a in articles] == BBC_IDS[:2]
    assert [e.source for e in errors] == [f"{path}:2", f"{path}:3"]
    assert "not valid JSON" in str(errors[0])
    assert "no text (field 'text'" in str(errors[1])


def test_json_list_and_single_record(tmp_path: Path, bbc_three: list[dict[str, Any]]) -> None:
    (tmp_path / "many.json").write_text(json.dumps(bbc_three), encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps(bbc_three[2]), encoding="utf-8")
    assert len(list(read_articles(tmp_path / "many.json"))) == 3
    assert read_article(tmp_path / "one.json").id == BBC_IDS[2]
    with pytest.raises(ArticleError, match="holds 3 articles"):
        read_article(tmp_path / "many.json")


def test_csv_and_tsv_with_other_column_names(tmp_path: Path, bbc_three: list[dict[str, Any]]) -> None:
    for suffix, delimiter in ((".csv", ","), (".tsv", "\t")):
        path = tmp_path / f"corpus{suffix}"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter=delimiter)
            writer.writerow(["Headline", "Body", "URL", "Date"])
            for r in bbc_three:
                writer.writerow([r["title"], r["text"], f"https://example.org/{r['id']}", "2005-01-01"])
        articles = list(read_articles(path))
        assert [a.headline for a in articles] == [r["title"] for r in bbc_three]
        assert articles[0].url == "https://example.org/business/001"
        assert articles[0].published == "2005-01-01"
        assert articles[0].id == "corpus:1"


def test_csv_without_a_text_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("title,author\nA headline,Someone\n", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"bad\.csv: no text column: expected one of .*found \['title', 'author'\]"):
        read_article(path)


def test_dataframe(bbc_three: list[dict[str, Any]]) -> None:
    frame = pd.DataFrame(bbc_three)
    assert [a.id for a in read_articles(frame)] == BBC_IDS


def test_folder_is_read_in_sorted_order_skipping_hidden_files(tmp_path: Path, bbc_three: list[dict[str, Any]]) -> None:
    (tmp_path / "b.txt").write_text(_seed_layout(bbc_three[1]), encoding="utf-8")
    (tmp_path / "a.txt").write_text(_seed_layout(bbc_three[0]), encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.jsonl").write_text(json.dumps(bbc_three[2]), encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Secret\nNot an article.", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"ignored: not an article type")
    assert [a.id for a in read_articles(tmp_path)] == ["a", "b", BBC_IDS[2]]


def test_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="the folder holds no article files"):
        list(read_articles(tmp_path, on_error="raise"))


# --- strings and Articles -----------------------------------------------------------------------


def test_strings_are_paths_or_text(tmp_path: Path) -> None:
    assert looks_like_path("seeds/story.txt")
    assert looks_like_path(str(tmp_path))
    assert not looks_like_path("Kirby said the talks went well.")
    assert not looks_like_path("Headline\nBody.")
    article, = read_articles(["Kirby said the talks went well."])
    assert article.text == "Kirby said the talks went well."


def test_articles_pass_through() -> None:
    given = Article("a1", "Some text.")
    assert list(read_articles([given])) == [given]


# --- bad inputs ---------------------------------------------------------------------------------


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\n  ", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "latin1.txt").write_bytes("Headline\nCaf\xe9 prices rose.".encode("latin-1"))
    (tmp_path / "nul.txt").write_bytes(b"Headline\nCaf\x00 prices rose." + b" More." * 40)
    (tmp_path / "nothing.html").write_text("<html><body><nav>Menu</nav></body></html>", encoding="utf-8")
    (tmp_path / "notext.csv").write_text("title\nOnly a title\n", encoding="utf-8")
    return {
        "missing": (tmp_path / "missing.txt", "no such file or folder"),
        "empty": (tmp_path / "empty.txt", "the file is empty"),
        "blank": (tmp_path / "blank.txt", "the article has no text"),
        "binary": (tmp_path / "binary.txt", "this is a binary file, not text"),
        "nul byte": (tmp_path / "nul.txt", "the text holds a NUL character (first at character 12)"),
        "no html text": (tmp_path / "nothing.html", "no article text found in the HTML page"),
        "no text column": (tmp_path / "notext.csv", "no text column"),
    }


def test_each_bad_input_raises_an_error_naming_the_file(tmp_path: Path) -> None:
    for name, (path, problem) in _bad_inputs(tmp_path).items():
        with pytest.raises(ArticleError) as caught:
            read_article(path)
        assert str(caught.value).startswith(f"{path}: "), name
        assert problem in str(caught.value), name
        assert caught.value.source == str(path)


def test_a_latin1_file_is_detected_and_an_explicit_encoding_checked(tmp_path: Path) -> None:
    _bad_inputs(tmp_path)
    assert "Café" in read_article(tmp_path / "latin1.txt", encoding="latin-1").text
    assert read_article(tmp_path / "latin1.txt").encoding == "cp1252"
    with pytest.raises(ArticleError, match=r"not valid UTF-8 \(first bad byte at offset 12\)"):
        read_article(tmp_path / "latin1.txt", encoding="utf-8")


def test_a_batch_reports_each_bad_input_and_keeps_the_rest(tmp_path: Path) -> None:
    bad = _bad_inputs(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text("Headline\nA real paragraph.", encoding="utf-8")
    paths = [p for p, _ in bad.values()]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = list(read_articles([*paths[:3], good, *paths[3:]]))
    assert [a.id for a in articles] == ["good"]
    skipped = [str(w.message) for w in caught if issubclass(w.category, ArticleSkippedWarning)]
    assert len(skipped) == len(bad)
    for (path, problem), message in zip(bad.values(), skipped, strict=True):
        assert message.startswith(f"skipped {path}: ") and problem in message


def test_on_error_raise_stops_at_the_first_bad_input(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match=r"missing\.txt"):
        list(read_articles([tmp_path / "missing.txt"], on_error="raise"))


def test_unreadable_objects_are_reported() -> None:
    errors: list[ArticleError] = []
    assert list(read_articles([42], on_error=errors.append)) == []  # type: ignore[list-item]
    assert "cannot read int as an article" in str(errors[0])


def test_html_h1_that_rewords_the_title_is_the_headline_once(tmp_path: Path) -> None:
    page = _PAGE.replace("<h1>Water rates to rise by 5%</h1>", "<h1>Valley water rates to rise by 5% in April</h1>")
    path = tmp_path / "reworded.html"
    path.write_text(page, encoding="utf-8")
    article = read_article(path)
    assert article.headline == "Valley water rates to rise by 5% in April"
    assert article.text.count("rates to rise") == 1
    assert len(article.paragraphs) == 2
