"""Bytes to text whatever encoding a scraper saved them in, with mojibake repaired and binary data refused.

A byte-order mark decides first (UTF-8, UTF-16, UTF-32); then strict UTF-8; then charset-normalizer's
detection, preferring Windows-1252 whenever it is among the candidates (the legacy encoding of English
news; detectors often name a sibling code page whose letters differ, such as "Ł" for "£"). Text that
still shows mojibake ("cafÃ©", "â€œ") is repaired by ftfy's ``fix_encoding`` where ftfy finds an
unambiguous fix. What was done is reported, so the article row can say so.

>>> decoded = decode_text("“Prices rose,” the café said.".encode("cp1252"), "page.txt")
>>> decoded.text, decoded.encoding, decoded.repairs
('“Prices rose,” the café said.', 'cp1252', None)
>>> decode_text("The cafÃ© said".encode("utf-8"), "x.txt").repairs
'mojibake repaired (ftfy: encode latin-1, decode utf-8)'
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import charset_normalizer
import ftfy
from ftfy.badness import is_bad

from newsdesk.errors import ArticleError, Problem

__all__ = ["Decoded", "decode_text"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Windows-1252, chosen when charset-normalizer has it among its candidates.
PREFERRED = "cp1252"
#: Control characters (other than tab, line breaks and form feed) above this share of a text mean binary data.
MAX_CONTROL_SHARE = 0.01
_CONTROLS = frozenset(chr(c) for c in [*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])


@dataclass(frozen=True, slots=True)
class Decoded:
    """A file's text, the encoding it was read in, and the repairs made to it (None when none)."""

    text: str
    encoding: str
    repairs: str | None = None


def _bom_encoding(data: bytes) -> str | None:
    return next((name for bom, name in _BOMS if data.startswith(bom)), None)


def _detect(data: bytes, source: str) -> str:
    """The encoding charset-normalizer finds for bytes that are not UTF-8 (Windows-1252 when a candidate)."""
    matches = charset_normalizer.from_bytes(data)
    if any(PREFERRED in match.could_be_from_charset for match in matches):
        return PREFERRED
    best = matches.best()
    if best is None:
        raise ArticleError(source, Problem.BINARY)
    return str(best.encoding)


def _check_text(text: str, source: str) -> None:
    nul = text.find("\x00")
    if nul >= 0:
        raise ArticleError(source, Problem.NUL_BYTES, offset=nul)
    if sum(char in _CONTROLS for char in text) > MAX_CONTROL_SHARE * len(text):
        raise ArticleError(source, Problem.BINARY)


def decode_text(data: bytes, source: str, encoding: str | None = None) -> Decoded:
    """Bytes to text: ``encoding`` when given, else found as above; raises ArticleError naming ``source`` for
    binary data, NUL bytes or bytes invalid in the given encoding.

    >>> decode_text("Rates held".encode("utf-16"), "a.txt").encoding
    'utf-16'
    >>> decode_text(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR", "img.txt")
    Traceback (most recent call last):
    ...
    newsdesk.errors.ArticleError: img.txt: this is a binary file, not text
    """
    name = encoding or _bom_encoding(data)
    if name is None and b"\x00" in data[:8192] and data[:8192].count(b"\x00") > len(data[:8192]) // 20:
        raise ArticleError(source, Problem.BINARY)
    if name is None:
        try:
            data.decode("utf-8")
            name = "utf-8"
        except UnicodeDecodeError:
            name = _detect(data, source)
    codec = "utf-8-sig" if name.lower().replace("_", "-") in {"utf-8", "utf8"} else name
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError) as error:
        offset = error.start if isinstance(error, UnicodeDecodeError) else 0
        raise ArticleError(source, Problem.UNDECODABLE, encoding=name.upper(), offset=offset) from error
    _check_text(text, source)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if encoding is None and is_bad(text):
        fixed, steps = ftfy.fix_encoding_and_explain(text)
        if fixed != text and steps:
            how = ", ".join(f"{step[0]} {step[1]}" for step in steps)
            return Decoded(fixed, name, f"mojibake repaired (ftfy: {how})")
    return Decoded(text, name)
