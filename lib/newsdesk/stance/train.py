"""Train the learned stance parts from the public data sets, reproducibly: ``python -m newsdesk.stance.train``.

Two files are written to ``newsdesk/data/models/`` (`newsdesk.stance.models`):

- ``claims.skops``, the article-vs-claim classifier (`newsdesk.claim_stance`), fitted on all of FNC-1's
  training pairs: stage one (related or not) is gradient boosting over the dense similarity features, stage
  two (agree / disagree / discuss, on related pairs) a class-weighted logistic regression over the scaled
  dense features and the hashed words (`newsdesk.stance.features`);
- ``relevance.skops``, the learned similarity of a target and a statement (`SIMILARITIES["learned"]`): a
  logistic regression over similarity features of an FNC-1 headline and its body's closest sentence,
  related or not.

Seeds are fixed and training runs on one thread, so the same data give the same bytes. `split_by_body` is the
held-out split the evaluation uses (``benchmarks/eval_stance.py``).
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits

from newsdesk.stance.features import Body, Claim, Vectors, pair_features, stage_two_matrix, text_features
from newsdesk.stance.learned_relevance import relevance_features
from newsdesk.stance.models import model_path, save_models

__all__ = [
    "SEED",
    "PairSet",
    "Split",
    "fit_claim_models",
    "fit_relevance_model",
    "fit_stages",
    "fit_vectors",
    "main",
    "pair_set",
    "split_by_body",
]

#: The seed of every fit (and of the held-out split, `split_by_body`).
SEED = 20
@dataclass(frozen=True)
class Split:
    """FNC-1 pairs split by body: no body of ``held_out`` is in ``train``."""

    train: pd.DataFrame
    held_out: pd.DataFrame

    def __repr__(self) -> str:
        return f"Split(train={len(self.train)} pairs, held_out={len(self.held_out)} pairs)"


def split_by_body(stances: pd.DataFrame, share: float = 0.2, seed: int = SEED) -> Split:
    """Hold out ``share`` of the bodies (drawn with ``seed``) with all their pairs.

    >>> pairs = pd.DataFrame({"Headline": list("abcd"), "Body ID": [1, 2, 3, 4], "Stance": ["agree"] * 4})
    >>> split_by_body(pairs, share=0.5)
    Split(train=2 pairs, held_out=2 pairs)
    """
    ids = np.array(sorted(set(stances["Body ID"])))
    held = set(np.random.RandomState(seed).permutation(ids)[: round(share * len(ids))].tolist())
    mask = stances["Body ID"].isin(held)
    return Split(stances[~mask].reset_index(drop=True), stances[mask].reset_index(drop=True))


@dataclass(frozen=True, repr=False)
class PairSet:
    """Prepared (claim, body) pairs: the prepared texts and their dense features, one row a pair."""

    claims: list[Claim]
    bodies: list[Body]
    dense: np.ndarray

    def __repr__(self) -> str:
        return f"PairSet({len(self.claims)} pairs)"

    def text(self, rows: np.ndarray | None = None) -> sp.csr_matrix:
        """The hashed stage-two features of the pairs (of ``rows`` only, when given)."""
        picked = range(len(self.claims)) if rows is None else np.flatnonzero(rows)
        return text_features([self.claims[i] for i in picked], [self.bodies[i] for i in picked])


def pair_set(stances: pd.DataFrame, bodies: Mapping[int, str], vectors: Vectors) -> PairSet:
    """Prepare every pair of ``stances`` (columns Headline, Body ID), each text once."""
    claims = {h: Claim.of(h, vectors) for h in sorted(set(stances["Headline"]))}
    prepared = {b: Body.of(bodies[b], vectors) for b in sorted(set(stances["Body ID"]))}
    pairs_c = [claims[h] for h in stances["Headline"]]
    pairs_b = [prepared[b] for b in stances["Body ID"]]
    dense = np.vstack([pair_features(c, b) for c, b in zip(pairs_c, pairs_b, strict=True)])
    return PairSet(pairs_c, pairs_b, dense)


def fit_vectors(stances: pd.DataFrame, bodies: Mapping[int, str]) -> Vectors:
    """Word weights (idf) from the bodies and headlines of ``stances``."""
    texts = [bodies[b] for b in sorted(set(stances["Body ID"]))] + sorted(set(stances["Headline"]))
    return Vectors.fit(texts)


def fit_stages(pairs: PairSet, labels: np.ndarray, vectors: Vectors, seed: int = SEED) -> dict[str, Any]:
    """Fit both stages on prepared pairs and their gold ``labels`` (one thread, fixed seeds)."""
    with threadpool_limits(limits=1):
        related = labels != "unrelated"
        relatedness = HistGradientBoostingClassifier(
            max_iter=200, learning_rate=0.1, early_stopping=False, random_state=seed
        ).fit(pairs.dense, related)
        scaler = StandardScaler().fit(pairs.dense[related])
        stance = LogisticRegression(C=1.0, class_weight="balanced", max_iter=3000, random_state=seed).fit(
            stage_two_matrix(scaler, pairs.dense[related], pairs.text(related)), labels[related]
        )
    return {"idf": vectors.idf, "relatedness": relatedness, "scaler": scaler, "stance": stance}


def fit_claim_models(stances: pd.DataFrame, bodies: Mapping[int, str], seed: int = SEED) -> dict[str, Any]:
    """The fitted claim classifier's parts (``idf``, ``relatedness``, ``scaler``, ``stance``) from FNC-1 pairs
    (columns Headline, Body ID, Stance) and their bodies; one thread, fixed seeds."""
    vectors = fit_vectors(stances, bodies)
    with threadpool_limits(limits=1):
        pairs = pair_set(stances, bodies, vectors)
    return fit_stages(pairs, stances["Stance"].to_numpy(), vectors, seed)


def fit_relevance_model(stances: pd.DataFrame, bodies: Mapping[int, str], idf: np.ndarray, seed: int = SEED) -> Any:
    """The learned relevance: a logistic regression telling a headline's related bodies from unrelated ones by
    the similarity features of the headline and the body's closest sentence (`relevance_features`)."""
    vectors = Vectors(idf)
    with threadpool_limits(limits=1):
        prepared = {b: Body.of(bodies[b], vectors) for b in sorted(set(stances["Body ID"]))}
        claims = {h: Claim.of(h, vectors) for h in sorted(set(stances["Headline"]))}
        rows = []
        for headline, body_id in zip(stances["Headline"], stances["Body ID"], strict=True):
            body = prepared[body_id]
            best = int(np.argmax(body.similarities(claims[headline])))
            start, end = body.spans[best]
            rows.append(relevance_features(headline, body.text[start:end], vectors))
        related = (stances["Stance"] != "unrelated").to_numpy()
        return LogisticRegression(C=1.0, max_iter=2000, random_state=seed).fit(np.vstack(rows), related)


def _about(stances: pd.DataFrame, what: str) -> dict[str, Any]:
    return {"trained_on": "FNC-1 train_stances.csv + train_bodies.csv", "pairs": len(stances), "what": what,
            "seed": SEED}


def main(argv: Sequence[str] | None = None) -> None:
    """Fit both models on all of FNC-1's training pairs and write them to the package's model folder."""
    from newsdesk.datasets import load_fnc1  # the data are needed only here

    parser = argparse.ArgumentParser(prog="python -m newsdesk.stance.train", description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="train on the first N pairs only (a quick check)")
    args = parser.parse_args(argv)
    fnc = load_fnc1()
    stances = fnc.stances.head(args.limit) if args.limit else fnc.stances
    bodies = dict(zip(fnc.bodies["Body ID"], fnc.bodies["articleBody"], strict=True))
    claims = fit_claim_models(stances, bodies)
    save_models(model_path("claims"), claims, _about(stances, "claim stance: relatedness + agree/disagree/discuss"))
    relevance = fit_relevance_model(stances, bodies, claims["idf"])
    save_models(model_path("relevance"), {"idf": claims["idf"], "relevance": relevance},
                _about(stances, "relevance of a statement to a target"))
    for name in ("claims", "relevance"):
        print(f"wrote {model_path(name)} ({model_path(name).stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
