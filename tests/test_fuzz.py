"""Fuzzing newsdesk with hypothesis: readers, `read_text`, quote marks, figures, and the whole `analyze`.

Inputs are arbitrary Unicode, news-like jumbles of quote marks, digits, currency signs and cue words, random
bytes, random JSONL/CSV records and nested or malformed HTML. Whatever comes in:

- nothing escapes but the documented `newsdesk.errors.NewsdeskError`s;
- every offset slices the text to the string reported with it;
- the same input gives the same result twice (and in one or two processes: `test_one_and_two_processes`).

The bulk of the cases go to the cheap passes (readers, quote marks, figures on spaCy's blank tokenizer); the
parsed `analyze` gets fewer. Case counts follow the hypothesis profile (see ``tests/conftest.py``): over
10,000 in all under ``ci``; pytest's summary line "fuzz: N generated cases" counts them.
"""

from __future__ import annotations

import csv
import io
import json
import random
from functools import cache

import pandas as pd
import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from conftest import FUZZ_CASES, fuzz_examples
from newsdesk import Analysis, analyze, read_text
from newsdesk.errors import ArticleError
from newsdesk.figures.extract import figures_from_doc
from newsdesk.io.articles import Article
from newsdesk.io.corpus import COLUMNS, csv_articles, jsonl_articles
from newsdesk.io.encoding import decode_text
from newsdesk.io.html import html_to_article
from newsdesk.quotes.marks import find_quoted

MARKS = st.sampled_from(['"', "“", "”", "‘", "’", "„", "«", "»", "'", "''", "``", "‘‘", "’’", "‟"])
DIGITS = st.one_of(
    st.integers(0, 10**12).map(str),
    st.integers(0, 10**9).map(lambda n: f"{n:,}"),
    st.floats(0, 1e6, allow_nan=False).map(lambda x: f"{x:.2f}"),
)
CURRENCY = st.sampled_from(["$", "£", "€", "¥", "₹", "US$", "C$", "Rs", "EUR", "USD"])
_WORDS = (
    "said says told added according to the minister Mara Quinn We will per cent % percent million bn m k a year "
    "at least about between and to - – — ( ) [ ] . , : ; ! ? half two-thirds out of hundreds of first May 2024 "
    "1990s Monday week £5m 3.5% 10-12 one twenty thousand"
)
WORDS = st.sampled_from([*_WORDS.split(), "\n", "\n\n", "\t"])
PIECES = st.one_of(MARKS, DIGITS, CURRENCY, WORDS, st.text(max_size=5))
NEWSY = st.builds(
    lambda pieces, glue: glue.join(pieces),
    st.lists(PIECES, max_size=40),
    st.sampled_from([" ", "", "\n"]),
)
ANY_TEXT = st.one_of(st.text(max_size=300), NEWSY)


def counted(name: str) -> None:
    FUZZ_CASES[name] += 1


def check_article(article: Article) -> None:
    text = article.text
    for paragraph in article.paragraphs:
        assert text[paragraph.start : paragraph.end] == paragraph.text
    if article.headline_span:
        assert text[article.headline_span[0] : article.headline_span[1]] == article.headline
    if article.byline_span:
        assert article.byline is not None
        assert article.byline in text[article.byline_span[0] : article.byline_span[1]]


@fuzz_examples(2500)
@given(ANY_TEXT)
def test_read_text_lays_out_any_text(text: str) -> None:
    counted("read_text")
    try:
        article = read_text(text)
    except ArticleError as error:
        assert not text.strip(), error
        return
    assert article.text == text and article == read_text(text)
    check_article(article)


@fuzz_examples(1500)
@given(st.binary(max_size=400))
def test_decoding_any_bytes_gives_text_or_an_article_error(data: bytes) -> None:
    counted("decode bytes")
    try:
        decoded = decode_text(data, "f.txt")
    except ArticleError as error:
        assert error.source == "f.txt"
        return
    assert "\x00" not in decoded.text and "\r" not in decoded.text
    assert decoded == decode_text(data, "f.txt")


@fuzz_examples(1500)
@given(ANY_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"]))
def test_encoded_text_decodes_to_itself_unless_repaired(text: str, encoding: str) -> None:
    counted("decode text")
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    try:
        decoded = decode_text(data, "f.txt")
    except ArticleError:
        return  # NUL or control characters, or bytes no detector places: refused, naming the file
    if decoded.repairs is None and encoding in {"utf-8", "utf-8-sig", "utf-16"}:
        assert decoded.text == text.replace("\r\n", "\n").replace("\r", "\n")


VALUES = st.one_of(
    NEWSY, st.text(max_size=20), st.none(), st.integers(), st.floats(allow_nan=True), st.lists(st.text(max_size=8))
)
KEYS = st.sampled_from([name for names in COLUMNS.values() for name in names] + ["TEXT", "Body", "x", ""])
RECORDS = st.lists(st.dictionaries(KEYS, VALUES, max_size=5), max_size=6)


def check_rows(items: list[Article | ArticleError], source: str) -> None:
    for item in items:
        if isinstance(item, Article):
            assert item.source_path is not None and item.source_path.startswith(source)
            assert item.text.strip()
            check_article(item)
        else:
            assert isinstance(item, ArticleError) and item.source.startswith(f"{source}:")


@fuzz_examples(500)
@given(st.lists(st.one_of(RECORDS.map(lambda r: [json.dumps(x) for x in r]), st.lists(ANY_TEXT, max_size=2))))
def test_jsonl_records_each_become_an_article_or_an_error(batches: list[list[str]]) -> None:
    counted("jsonl")
    lines = [line.replace("\n", " ").replace("\r", " ") for batch in batches for line in batch]
    items = list(jsonl_articles("\n".join(lines), source="c.jsonl", stem="c"))
    assert len(items) == sum(1 for line in lines if line.strip())
    check_rows(items, "c.jsonl")


@fuzz_examples(500)
@given(RECORDS, st.sampled_from([",", "\t"]))
def test_csv_records_each_become_an_article_or_an_error(records: list[dict[str, object]], delimiter: str) -> None:
    counted("csv")
    out = io.StringIO()
    header = list(dict.fromkeys(key for record in records for key in record))
    writer = csv.DictWriter(out, fieldnames=header, delimiter=delimiter)
    writer.writeheader()
    writer.writerows(records)
    try:
        items = list(csv_articles(out.getvalue(), source="c.csv", stem="c", delimiter=delimiter))
    except ArticleError as error:
        assert error.source == "c.csv"
        return
    check_rows(items, "c.csv")


TAGS = st.sampled_from(["div", "p", "article", "span", "b", "script", "style", "table", "td", "li", "h1", "a"])
HTML = st.recursive(
    st.one_of(ANY_TEXT.map(lambda t: t.replace("<", " ")), st.sampled_from(["<p>", "</div>", "<br>", "<!--", "&amp"])),
    lambda inner: st.builds(
        lambda tag, parts, close: f"<{tag}>" + "".join(parts) + (f"</{tag}>" if close else ""),
        TAGS,
        st.lists(inner, max_size=4),
        st.booleans(),
    ),
    max_leaves=30,
)


@fuzz_examples(300)
@given(HTML)
def test_any_html_gives_an_article_or_an_article_error(page: str) -> None:
    counted("html")
    try:
        article = html_to_article(page, source="p.html", id="p")
    except ArticleError as error:
        assert error.source == "p.html"
        return
    check_article(article)


@cache
def blank() -> Language:
    return spacy.blank("en")


@fuzz_examples(2000)
@given(NEWSY)
def test_figures_on_the_tokenizer_alone_slice_the_text(text: str) -> None:
    counted("figures (tokenizer)")
    doc = blank()(text)
    figures = figures_from_doc(doc, article_id="f")
    for figure in figures:
        assert text[figure.start : figure.end] == figure.text
    assert figures == figures_from_doc(blank()(text), article_id="f")


@fuzz_examples(2500)
@given(NEWSY)
def test_quote_marks_pair_into_spans_that_slice_the_text(text: str) -> None:
    counted("quote marks")
    spans = find_quoted(text)
    for span in spans:
        assert span.start <= span.content_start <= span.content_end <= span.end
        assert text[span.content_start : span.content_end] == span.content
    assert spans == find_quoted(text)


def check_analysis(result: Analysis) -> None:
    texts = {row.article_id: row for row in result.articles.itertuples()}
    assert len(texts) == len(result.articles)
    for table in [result.quotes, result.figures]:
        for row in table.itertuples():
            assert row.article_id in texts
    assert result.errors.empty, result.errors.to_dict("records")


def offsets_hold(result: Analysis, text: str) -> None:
    for row in result.quotes.itertuples():
        assert text[row.start : row.end] == row.text
        if not pd.isna(row.cue_start):
            assert text[int(row.cue_start) : int(row.cue_end)] == row.cue
        if not pd.isna(row.speaker_start):
            assert text[int(row.speaker_start) : int(row.speaker_end)] == row.speaker_text
    for row in result.figures.itertuples():
        assert text[row.start : row.end] == row.text
    for row in result.stances.itertuples():
        assert text[row.evidence_start : row.evidence_end] == row.evidence


@fuzz_examples(200)
@given(st.one_of(NEWSY, st.text(max_size=120)))
def test_analyze_keeps_offsets_and_is_deterministic(text: str) -> None:
    counted("analyze")
    if not text.strip():
        return
    article = read_text("Headline\n" + text, id="fuzz")
    first = analyze([article])
    check_analysis(first)
    offsets_hold(first, article.text)
    second = analyze([article])
    for name in ["articles", "quotes", "figures", "stances", "people"]:
        pd.testing.assert_frame_equal(getattr(first, name), getattr(second, name))


def sample_texts(count: int, seed: int = 15) -> list[str]:
    """News-like jumbles drawn from a seeded generator (the same every run)."""
    rng = random.Random(seed)
    vocabulary = ['"', "“", "”", "said", "£5m", "3.5%", "Mara Quinn", "the minister", "at least", "(", ")", "\n", "."]
    vocabulary += ["will", "rise", "200", "people", "we", "oppose", "the", "plan", ",", "told", "reporters", "$1"]
    return [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(5, 60))) for _ in range(count)]


def test_one_and_two_processes_give_the_same_tables() -> None:
    articles = [read_text("Headline\n" + text, id=f"s{i}") for i, text in enumerate(sample_texts(16))]
    articles.append(read_text("Runs\n" + "(" * 1200 + " said " * 50 + '"' * 700, id="runs"))
    one = analyze(articles, n_process=1)
    two = analyze(articles, n_process=2, batch_size=4)
    for name in ["articles", "quotes", "figures", "stances", "people", "errors"]:
        pd.testing.assert_frame_equal(getattr(one, name), getattr(two, name))
    assert len(one.quotes) > 0 and len(one.figures) > 0
    FUZZ_CASES["one and two processes"] += len(articles)


def test_regression_a_record_title_with_a_line_break_is_one_headline_line() -> None:
    """Shrunk by hypothesis: a JSONL title "0\\n0" gave a headline that was not the text of its line."""
    (article,) = jsonl_articles('{"text": "0", "title": "0\\n0"}', source="c.jsonl", stem="c")
    assert isinstance(article, Article) and article.headline == "0 0"
    check_article(article)
