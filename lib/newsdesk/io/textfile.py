"""Reading a file's bytes as text, with a clear error for every way that can fail.

>>> from pathlib import Path
>>> read_file_text(Path("no/such/file.txt"))
Traceback (most recent call last):
...
newsdesk.errors.ArticleError: no/such/file.txt: no such file or folder
"""

from __future__ import annotations

import gzip
from pathlib import Path

from newsdesk.errors import ArticleError, Problem

__all__ = ["decode", "inner_suffix", "read_file_bytes", "read_file_text"]

_SNIFF_BYTES = 8192


def inner_suffix(path: Path) -> str:
    """The suffix that says what a file holds, looking through ``.gz`` ("page.html.gz" -> ".html")."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def read_file_bytes(path: Path) -> bytes:
    """The file's bytes (decompressed when it ends in ``.gz``); raises ArticleError if missing or empty."""
    if not path.exists():
        raise ArticleError(str(path), Problem.MISSING)
    data = path.read_bytes()
    if path.suffix.lower() == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as error:
            raise ArticleError(str(path), Problem.BINARY) from error
    if not data:
        raise ArticleError(str(path), Problem.EMPTY)
    return data


def decode(data: bytes, source: str, encoding: str = "utf-8") -> str:
    """Bytes to text: refuses binary data, strips a byte-order mark, turns CRLF into LF.

    >>> decode(b"caf\\xc3\\xa9\\r\\n", "x.txt")
    'café\\n'
    """
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise ArticleError(source, Problem.BINARY)
    try:
        text = data.decode("utf-8-sig" if encoding.lower().replace("_", "-") == "utf-8" else encoding)
    except UnicodeDecodeError as error:
        raise ArticleError(source, Problem.UNDECODABLE, encoding=encoding.upper(), offset=error.start) from error
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_file_text(path: Path, encoding: str = "utf-8") -> str:
    """A whole file as text, with ArticleError naming the file for any problem."""
    return decode(read_file_bytes(path), str(path), encoding)
