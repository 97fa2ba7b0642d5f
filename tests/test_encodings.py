"""Files in the encodings scrapers save: read correctly, mojibake repaired and reported, binary refused."""

from __future__ import annotations

import codecs
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy-windows-1252" codec that made much real mojibake)
import pytest

from newsdesk import read_article
from newsdesk.errors import ArticleError
from newsdesk.io.encoding import decode_text

TEXT = "Café prices rise\n“We can’t go on,” said Zoë Brontë – the owner – as rents rose 12% to £1,500 (€1,750)."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # with its byte-order mark
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
    ids=["utf-8", "utf-8 BOM", "utf-16 LE BOM", "utf-16 BE BOM", "windows-1252"],
)
def test_each_encoding_is_read_correctly(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data.replace(b"\n", b"\r\n") if encoding == "cp1252" else data)
    article = read_article(path)
    assert article.text == TEXT
    assert (article.encoding, article.repairs) == (encoding, None)
    assert article.headline == "Café prices rise"


def test_mojibake_is_repaired_and_the_row_says_so(tmp_path: Path) -> None:
    broken = TEXT.encode("utf-8").decode("sloppy-windows-1252")  # "CafÃ©", "â€œWe": UTF-8 read as Windows-1252
    assert "Ã©" in broken
    path = tmp_path / "mojibake.txt"
    path.write_text(broken, encoding="utf-8")
    article = read_article(path)
    assert article.text == TEXT
    assert article.repairs is not None and article.repairs.startswith("mojibake repaired")
    row = article.to_dict()
    assert (row["encoding"], row["repairs"]) == ("utf-8", article.repairs)


def test_clean_text_is_never_repaired() -> None:
    decoded = decode_text(TEXT.encode("utf-8"), "clean.txt")
    assert (decoded.text, decoded.repairs) == (TEXT, None)


def test_an_explicit_encoding_is_obeyed_and_checked() -> None:
    assert decode_text(TEXT.encode("cp1252"), "x.txt", "cp1252").text == TEXT
    with pytest.raises(ArticleError, match=r"x\.txt: the bytes are not valid UTF-8 \(first bad byte at offset 3\)"):
        decode_text(TEXT.encode("cp1252"), "x.txt", "utf-8")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "this is a binary file, not text"),
        (bytes(range(256)) * 40, "this is a binary file, not text"),
        (b"Rates held.\nThe bank\x00 said so." + b" More text." * 50, "NUL character (first at character 20)"),
        (b"\x01\x02\x03\x04 text" * 20, "this is a binary file, not text"),
    ],
    ids=["png", "every byte", "one NUL", "control characters"],
)
def test_binary_and_nul_bytes_are_refused_naming_the_file(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(ArticleError) as raised:
        read_article(path)
    assert str(raised.value).startswith(f"{path}: ")
    assert message in str(raised.value)
