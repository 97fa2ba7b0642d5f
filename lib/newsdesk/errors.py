"""The errors newsdesk raises, and the one catalogue of their messages.

Every problem with an input names the input (a file path, a row of a corpus, or an article id) and says
what is wrong with it, so that a researcher reading a batch report can find and fix the article.

>>> str(ArticleError("seeds/missing.txt", Problem.MISSING))
'seeds/missing.txt: no such file or folder'
"""

from __future__ import annotations

import warnings
from enum import StrEnum


class Problem(StrEnum):
    """What can be wrong with an input; the value is the human-readable message."""

    MISSING = "no such file or folder"
    EMPTY = "the file is empty"
    BLANK = "the article has no text (only white space)"
    TOO_LONG = "the article has {size:,} characters, over newsdesk's limit of {limit:,} (MAX_ARTICLE_CHARS)"
    BINARY = "this is a binary file, not text"
    NUL_BYTES = "the text holds a NUL character (first at character {offset}): a binary file or the wrong encoding"
    UNDECODABLE = "the bytes are not valid {encoding} (first bad byte at offset {offset})"
    UNSUPPORTED = "unsupported file type {suffix!r}; newsdesk reads {supported}"
    NO_ARTICLE_TEXT = "no article text found in the HTML page"
    NO_TEXT_COLUMN = "no text column: expected one of {expected}, found {found}"
    BAD_JSON = "not valid JSON: {detail}"
    BAD_RECORD = "a record must be a JSON object with a text field, found {found}"
    MISSING_TEXT = "the record has no text (field {field!r} is missing or empty)"
    BAD_CSV = "cannot read as CSV: {detail}"
    EMPTY_FOLDER = "the folder holds no article files ({supported})"
    MANY_ARTICLES = "the file holds {count} articles; read it with read_articles()"
    NOT_ARTICLE = "cannot read {found} as an article: give a path, an Article or a text string"

    def describe(self, **details: object) -> str:
        """The message with its details filled in."""
        return self.value.format(**details) if details else self.value


class NewsdeskError(Exception):
    """Base class of every error newsdesk raises on purpose."""


class ArticleError(NewsdeskError):
    """An input that cannot be read as an article.

    ``source`` names the input (a path, ``path:line`` for one row of a corpus file, or an article id).
    """

    def __init__(self, source: str, problem: Problem, **details: object) -> None:
        self.source = source
        self.problem = problem
        self.details = details
        super().__init__(f"{source}: {problem.describe(**details)}")

    @property
    def message(self) -> str:
        """The problem alone, without the source."""
        return self.problem.describe(**self.details)


class ModelNotFoundError(NewsdeskError):
    """No spaCy English model is installed."""


class ArticleSkippedWarning(UserWarning):
    """A bad article in a batch was reported and skipped (the rest of the batch went on)."""


def warn_skipped(error: ArticleError) -> None:
    """Report a skipped article as a warning (the default batch behaviour)."""
    warnings.warn(f"skipped {error}", ArticleSkippedWarning, stacklevel=3)


class TargetsError(NewsdeskError):
    """A stance targets file (or a target given in code) that cannot be read; the message names it and the problem."""


class ModelFileError(NewsdeskError):
    """A shipped model file (``newsdesk/data/models/*.skops``) that is missing, unreadable or made for another
    version of newsdesk or scikit-learn; the message names the file and says how to rebuild it."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}; rebuild it with `python -m newsdesk.stance.train`")
