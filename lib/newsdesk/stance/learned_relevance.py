"""The learned similarity of a target and a statement, ``SIMILARITIES["learned"]``.

A logistic regression (``data/models/relevance.skops``, `newsdesk.stance.train`) over a few similarity
features of two texts (`relevance_features`: tf-idf cosine over hashed words, shares of stems, stem bigrams
and character 5-grams, lengths), trained to tell FNC-1 headlines' related bodies from unrelated ones by the
body's closest sentence. `learned` scores each phrase of the target text (name, aliases, description) and
keeps the best. Pass ``similarity="learned"`` to the stance component or `StanceFinder` to use it; alias hits
still score 1.0 (`newsdesk.stance.relevance`).

>>> learned("Ukraine's NATO membership", "Kyiv wants to join the alliance soon") < 0.6 < learned(
...     "Ukraine's NATO membership", "Zelenskyy pressed NATO leaders on membership for Ukraine")
True
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache
from typing import Any

import numpy as np

from newsdesk.stance.features import Body, Claim, Vectors, pair_features
from newsdesk.stance.models import load_models, model_path
from newsdesk.stance.relevance import SIMILARITIES

__all__ = ["RELEVANCE_FEATURES", "learned", "relevance_features", "relevance_model"]

#: The features of `relevance_features`, by name (a subset of `newsdesk.stance.features.DENSE`, plus length).
RELEVANCE_FEATURES = ("cos_max", "stem_share", "bigram_share", "char_share", "claim_len", "statement_len")
_PICK = (1, 4, 6, 7, 8)


def relevance_features(target_text: str, statement: str, vectors: Vectors) -> np.ndarray:
    """The `RELEVANCE_FEATURES` of a target phrase and a statement (read as a one-sentence body)."""
    claim, body = Claim.of(target_text, vectors), Body.of(statement, vectors)
    dense = pair_features(claim, body)
    return np.asarray([*(dense[i] for i in _PICK), math.log1p(len(body.stems))], dtype=np.float64)


@cache
def relevance_model() -> tuple[Vectors, Any]:
    """The shipped relevance model and its word weights, loaded once (`newsdesk.errors.ModelFileError` if the
    file is missing or from another version)."""
    parts = load_models(model_path("relevance"))
    return Vectors(parts["idf"]), parts["relevance"]


@lru_cache(maxsize=65536)
def learned(target_text: str, statement: str) -> float:
    """How likely ``statement`` is about the target (the best of its phrases), in [0, 1], two places."""
    vectors, model = relevance_model()
    phrases = [p for p in re.split(r"[.;\n]+", target_text) if p.strip()] or [target_text]
    rows = np.vstack([relevance_features(p, statement, vectors) for p in phrases])
    return round(float(model.predict_proba(rows)[:, 1].max()), 2)


SIMILARITIES["learned"] = learned
