"""A result cache: an article analysed once is read back, not parsed again.

Each entry is one article's `ArticleResult`, in a JSON file named by a key that hashes the whole article (its
text and metadata), newsdesk's version, a fingerprint of the package's own code and data files, and the options of
the run (model, attributions, targets). Anything that could change a result changes the key, so the cache never
serves a stale result and is always safe to delete. Entries are written to a temporary file and renamed into
place (`os.replace`), so concurrent writers never leave half a file; an entry that cannot be read is a miss and
is written again.

It lives in the ``results`` folder of newsdesk's user cache (platformdirs: ``~/.cache/newsdesk/results`` on Linux;
``$NEWSDESK_CACHE/results`` when that moves the cache, as for data sets), or in ``$NEWSDESK_CACHE_DIR`` when that is
set, or wherever ``folder`` says.

>>> import tempfile
>>> from newsdesk.io.articles import read_text
>>> from newsdesk.records import ArticleResult, ArticleRow
>>> cache = ResultCache(tempfile.mkdtemp(), options={"attributions": "speech"})
>>> article = read_text("Rain is due.", id="a1")
>>> cache.get(article) is None
True
>>> result = ArticleResult(ArticleRow("a1", None, None, None, None, None, None, None, 1, 12, 1, 4))
>>> cache.put(article, result)
>>> cache.get(article) == result
True
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import asdict
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from newsdesk.datasets.registry import cache_dir
from newsdesk.io.articles import Article
from newsdesk.records import ArticleResult

__all__ = ["CACHE_ENV", "ResultCache", "code_fingerprint", "default_cache_dir"]

#: Environment variable that moves the default cache folder.
CACHE_ENV = "NEWSDESK_CACHE_DIR"
#: The layout of the entries; a change of layout starts a new folder.
FORMAT = 1
_PACKAGE = Path(__file__).resolve().parent
#: Files that show or hand out results but take no part in making them: left out of the fingerprint.
PRESENTATION = ("show/", "cli.py", "dask.py")


def default_cache_dir() -> Path:
    """``$NEWSDESK_CACHE_DIR`` if set, else the ``results`` folder of newsdesk's user cache."""
    override = os.environ.get(CACHE_ENV)
    return Path(override) if override else cache_dir() / "results"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """newsdesk's version and a hash of the code and data files that make results (all but `PRESENTATION`): an
    edit to any of them changes it.

    >>> code_fingerprint().startswith("newsdesk ")
    True
    """
    try:
        version = metadata.version("newsdesk")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
        version = "unknown"
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*")):
        name = path.relative_to(_PACKAGE).as_posix()
        if path.is_file() and path.suffix not in (".pyc", ".pyo") and not name.startswith(PRESENTATION):
            digest.update(name.encode())
            digest.update(path.read_bytes())
    return f"newsdesk {version} {digest.hexdigest()[:16]}"


class ResultCache:
    """Per-article results on disk under ``folder``, keyed by article, code and ``options``.

    ``options`` is any JSON-friendly mapping of what else decides a result; ``version`` defaults to
    `code_fingerprint` (tests pass another to play an upgrade).
    """

    def __init__(
        self, folder: str | Path | None = None, *, options: Mapping[str, Any], version: str | None = None
    ) -> None:
        self.folder = Path(folder) if folder is not None else default_cache_dir()
        self.version = version if version is not None else code_fingerprint()
        salt = {"format": FORMAT, "version": self.version, "options": dict(options)}
        self._salt = json.dumps(salt, sort_keys=True, default=str).encode()
        self.hits = 0
        self.misses = 0
        self.failed_writes = 0

    def __repr__(self) -> str:
        return f"ResultCache({str(self.folder)!r}, hits={self.hits}, misses={self.misses})"

    def key(self, article: Article) -> str:
        """The entry's name: a hash of the options, the code and the whole article."""
        digest = hashlib.sha256(self._salt)
        digest.update(json.dumps(asdict(article), sort_keys=True, default=str).encode())
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / f"v{FORMAT}" / key[:2] / f"{key}.json"

    def get(self, article: Article) -> ArticleResult | None:
        """The cached result, or None when there is none or it cannot be read (a corrupt entry is a miss)."""
        key = self.key(article)
        try:
            with self._path(key).open(encoding="utf-8") as file:
                entry = json.load(file)
            if entry["key"] != key:
                raise ValueError("entry under the wrong name")
            result = ArticleResult.from_plain(entry["result"])
        except (OSError, ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return result

    def put(self, article: Article, result: ArticleResult) -> None:
        """Store ``result``: written to a temporary file beside the entry, then renamed over it (a write that fails
        is counted in ``failed_writes``, never raised)."""
        key = self.key(article)
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{key[:8]}-", suffix=".tmp")
        except OSError:  # a read-only or full disk costs the cache, not the analysis
            self.failed_writes += 1
            return
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump({"key": key, "result": result.to_plain()}, file, separators=(",", ":"))
            Path(temporary).replace(path)
        except BaseException as error:
            Path(temporary).unlink(missing_ok=True)
            if not isinstance(error, OSError):
                raise
            self.failed_writes += 1
