"""Article vs claim (the FNC-1 task): does an article agree with a claim, disagree, discuss it, or is it
unrelated? `claim_stance` answers with the sentences that decided it.

Two learned stages (``data/models/claims.skops``, trained on FNC-1 by `newsdesk.stance.train`): is the
article about the claim at all (gradient boosting over similarities of the claim to the article and to its
closest sentences), and if so, which side (a logistic regression over those features and hashed words of
the claim, of the closest sentences and of claim words paired with refuting, hedging and negating cues).
The evidence is the article's `TOP` sentences closest to the claim, with their offsets into the text and the
cue words found in them: what stage two read.

>>> result = claim_stance("Fire destroys the old mill", "Fire destroyed the old mill on Sunday. No one was hurt.")
>>> result.label, result.evidence[0].text
('agree', 'Fire destroyed the old mill on Sunday.')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

import numpy as np

from newsdesk.io.articles import Article
from newsdesk.stance.features import (
    CUE_KINDS,
    Body,
    Claim,
    Vectors,
    cues,
    pair_features,
    stage_two_matrix,
    text_features,
)
from newsdesk.stance.features import TOP as TOP_SENTENCES
from newsdesk.stance.models import load_models, model_path

__all__ = ["LABELS", "TOP", "ClaimClassifier", "ClaimEvidence", "ClaimLabel", "ClaimStance", "claim_stance"]

ClaimLabel = Literal["agree", "disagree", "discuss", "unrelated"]
#: The labels, in FNC-1's order.
LABELS: tuple[ClaimLabel, ...] = ("agree", "disagree", "discuss", "unrelated")
#: How many sentences the evidence holds.
TOP = TOP_SENTENCES


@dataclass(frozen=True)
class ClaimEvidence:
    """One sentence of the article that decided a claim stance: offsets into the article text, its text, its
    similarity to the claim (tf-idf cosine) and the cue words in it (``refute:hoax``, ``hedge:reportedly``)."""

    start: int
    end: int
    text: str
    similarity: float
    cues: tuple[str, ...] = ()

    def __repr__(self) -> str:
        cue = f", cues={list(self.cues)}" if self.cues else ""
        return f"ClaimEvidence({self.start}:{self.end}, {self.text!r}, similarity={self.similarity:.2f}{cue})"


@dataclass(frozen=True)
class ClaimStance:
    """An article's stance toward a claim: ``label`` (agree | disagree | discuss | unrelated), ``score`` (the
    probability of that label), ``evidence`` (the sentences read) and ``probabilities`` of every label."""

    label: ClaimLabel
    score: float
    evidence: tuple[ClaimEvidence, ...]
    probabilities: dict[str, float] = field(default_factory=dict, compare=False)

    def __repr__(self) -> str:
        return f"ClaimStance({self.label!r}, score={self.score:.2f}, evidence={len(self.evidence)} sentences)"

    def to_dict(self) -> dict[str, Any]:
        """A plain mapping (evidence as a list of mappings)."""
        return {"label": self.label, "score": self.score, "probabilities": dict(self.probabilities),
                "evidence": [e.__dict__ | {"cues": list(e.cues)} for e in self.evidence]}


class ClaimClassifier:
    """The two-stage claim classifier over fitted parts (``idf``, ``relatedness``, ``scaler``, ``stance``)."""

    def __init__(self, parts: dict[str, Any]) -> None:
        self.vectors = Vectors(np.asarray(parts["idf"]))
        self.relatedness = parts["relatedness"]
        self.scaler = parts["scaler"]
        self.stance = parts["stance"]

    def __repr__(self) -> str:
        return f"ClaimClassifier(stages=2, labels={list(self.stance.classes_)})"

    @classmethod
    def shipped(cls) -> ClaimClassifier:
        """The model shipped with newsdesk, loaded once (`newsdesk.errors.ModelFileError` when it cannot be)."""
        return _shipped()

    def probabilities(self, claims: Sequence[Claim], bodies: Sequence[Body], dense: np.ndarray) -> np.ndarray:
        """P(label) for each pair, columns in `LABELS` order."""
        related = self.relatedness.predict_proba(dense)[:, list(self.relatedness.classes_).index(True)]
        side = self.stance.predict_proba(stage_two_matrix(self.scaler, dense, text_features(claims, bodies)))
        order = [list(self.stance.classes_).index(label) for label in LABELS[:3]]
        return np.column_stack([side[:, order] * related[:, None], 1.0 - related])

    def predict(self, claims: Sequence[Claim], bodies: Sequence[Body], dense: np.ndarray) -> list[ClaimLabel]:
        """The label of each pair: unrelated when P(related) < 0.5, else the likeliest side."""
        probs = self.probabilities(claims, bodies, dense)
        return [LABELS[3] if p[3] > 0.5 else LABELS[int(np.argmax(p[:3]))] for p in probs]

    def __call__(self, claim: str, text: str) -> ClaimStance:
        prepared, body = Claim.of(claim, self.vectors), Body.of(text, self.vectors)
        dense = pair_features(prepared, body).reshape(1, -1)
        probs = self.probabilities([prepared], [body], dense)[0]
        label = LABELS[3] if probs[3] > 0.5 else LABELS[int(np.argmax(probs[:3]))]
        sims = body.similarities(prepared)
        order = sorted(range(len(sims)), key=lambda i: (-sims[i], i))[:TOP]
        evidence = []
        for i in sorted(i for i in order if sims[i] > 0):
            found = cues(body.sentence_words[i])
            start, end = body.spans[i]
            named = tuple(f"{kind}:{word}" for kind in CUE_KINDS for word in dict.fromkeys(found[kind]))
            evidence.append(ClaimEvidence(start, end, text[start:end], round(float(sims[i]), 4), named))
        return ClaimStance(label, round(float(probs[LABELS.index(label)]), 4), tuple(evidence),
                           {name: round(float(p), 4) for name, p in zip(LABELS, probs, strict=True)})


@cache
def _shipped() -> ClaimClassifier:
    return ClaimClassifier(load_models(model_path("claims")))


def claim_stance(claim: str, article: Article | str, *, model: ClaimClassifier | None = None) -> ClaimStance:
    """The article's stance toward ``claim`` (agree | disagree | discuss | unrelated) with the sentences that
    decided it; evidence offsets index ``article.text`` (or the string given). ``model``: another fitted
    `ClaimClassifier` (default: the one shipped)."""
    text = article.text if isinstance(article, Article) else article
    return (model or ClaimClassifier.shipped())(claim, text)
