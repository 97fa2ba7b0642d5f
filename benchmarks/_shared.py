"""How benchmarks find the public data sets (through `newsdesk.datasets`), cache parses and write results."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from newsdesk.datasets import DatasetNotFoundError, cache_dir, locate

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"


def missing(*names: str) -> str | None:
    """The one-line reason the first absent data set among ``names`` gives, or None when all are there."""
    for name in names:
        try:
            locate(name)
        except DatasetNotFoundError as error:
            return str(error)
    return None


def skip_unless_found(*names: str) -> bool:
    """True when every named data set is found; otherwise print ``skipped: <reason>`` and return False."""
    reason = missing(*names)
    if reason is not None:
        print(f"skipped: {reason}", file=sys.stderr)
    return reason is None


def write_json(name: str, payload: dict[str, Any]) -> Path:
    """Write a results file deterministically (sorted keys, trailing newline)."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / name
    path.write_text(json.dumps(payload, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def parse_cached(texts: Sequence[str], nlp: Language, *, batch_size: int = 16) -> list[Doc]:
    """``texts`` parsed by ``nlp``, through a disk cache of spaCy DocBins so reruns skip the parse.

    The key is the model's name and version, its pipeline and every text, so a changed text or model
    misses. The cache lives in ``$NEWSDESK_PARSE_CACHE``, else ``parses/`` under the user cache; delete
    it at will. Docs come back with the parse, tags, lemmas, entities and sentence starts; Doc
    extensions (``doc._``) are not stored, so set ``doc._.article`` again where a stage needs it.
    """
    meta = nlp.meta
    key = hashlib.sha256(
        "\x1f".join([meta.get("name", ""), meta.get("version", ""), *nlp.pipe_names, *texts]).encode("utf-8")
    ).hexdigest()[:24]
    folder = Path(os.environ.get("NEWSDESK_PARSE_CACHE") or cache_dir() / "parses")
    path = folder / f"{key}.spacy"
    if path.is_file():
        try:
            docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
            if [doc.text for doc in docs] == list(texts):
                return docs
        except (OSError, ValueError):
            pass  # an unreadable entry is parsed again
    docs = list(nlp.pipe(texts, batch_size=batch_size))
    folder.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.partial")
    DocBin(attrs=_DOC_ATTRS, docs=docs).to_disk(partial)
    partial.replace(path)
    return docs


#: What a cached parse keeps: everything the stages read (sentences follow from the dependency heads).
_DOC_ATTRS = ["ORTH", "NORM", "LEMMA", "POS", "TAG", "MORPH", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID",
              "SPACY"]
