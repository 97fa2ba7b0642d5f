"""Locating the research data that sits beside a checkout: the news corpus and the evaluation sets.

The data is never shipped with newsdesk (its terms forbid it). It is found through
``$NEWSDESK_CORPUS_DIR`` / ``$NEWSDESK_EVAL_DIR``, or as ``shared/corpus`` / ``shared/eval`` in the
working folder or one of its parents (then given relative to the working folder).

>>> data_dir("corpus", required=False) is None or data_dir("corpus").name == "corpus"
True
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal, overload

from newsdesk.errors import NewsdeskError

__all__ = ["DataKind", "data_dir"]

DataKind = Literal["corpus", "eval"]
_VARIABLES: dict[str, str] = {"corpus": "NEWSDESK_CORPUS_DIR", "eval": "NEWSDESK_EVAL_DIR"}


@overload
def data_dir(kind: DataKind, *, required: Literal[True] = ...) -> Path: ...
@overload
def data_dir(kind: DataKind, *, required: bool) -> Path | None: ...
def data_dir(kind: DataKind, *, required: bool = True) -> Path | None:
    """The folder of shared ``kind`` data; NewsdeskError (or None) when it cannot be found."""
    variable = _VARIABLES[kind]
    if os.environ.get(variable):
        path = Path(os.environ[variable])
        if path.is_dir():
            return path
        if required:
            raise NewsdeskError(f"${variable} is set to {path}, which is not a folder")
        return None
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        candidate = folder / "shared" / kind
        if candidate.is_dir():
            return Path(os.path.relpath(candidate))  # relative, so outputs do not depend on the checkout's place
    if required:
        raise NewsdeskError(f"no shared {kind} data found: set ${variable} or run inside a folder beside shared/")
    return None
