"""What the claim classifier reads: a claim and an article body turned into numbers, with no vocabulary.

Texts are hashed (`sklearn.feature_extraction.FeatureHasher`), never stored: a fitted model holds weights
over hash buckets and an inverse document frequency per bucket (`Vectors.idf`), so no training word or
sentence is inside it. `pair_features` gives the named dense features (`DENSE`: similarities of the claim
to the body and to its closest sentences, word and character overlap, cue counts from
``data/claim_cues.tsv``); `text_features` gives hashed words of the claim, of the closest sentences and
claim word × cue pairs, for the agree/disagree/discuss stage.

>>> text = "It rained. Roads shut!  Schools open."
>>> [text[s:e] for s, e in sentence_spans(text)]
['It rained.', 'Roads shut!', 'Schools open.']
>>> words("Officials didn't confirm it")
['officials', 'did', "n't", 'confirm', 'it']
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction import FeatureHasher
from spacy.lang.en.stop_words import STOP_WORDS

from newsdesk import data
from newsdesk.stance.relevance import stems

__all__ = [
    "CUE_KINDS",
    "DENSE",
    "DENSE_WEIGHT",
    "N_HASHED",
    "Body",
    "Claim",
    "Vectors",
    "cues",
    "pair_features",
    "sentence_spans",
    "stage_two_matrix",
    "text_features",
    "words",
]

#: Hash buckets of the word vectors (similarity) and of the text features (stage two).
N_HASHED = 2**18
#: The cue kinds of ``data/claim_cues.tsv``, in feature order.
CUE_KINDS = ("refute", "hedge", "negate", "affirm")
#: How many of the body's closest sentences the features (and the evidence) read.
TOP = 3
#: How much the scaled dense features weigh beside the hashed words in stage two.
DENSE_WEIGHT = 0.3
#: The names of the dense features, in column order.
DENSE = (
    "cos_body", "cos_max", "cos_top", "cos_lead", "stem_share", "stem_share_best", "bigram_share",
    "char_share", "claim_len", "body_len", "close_share", "best_position",
    *(f"top_{k}" for k in CUE_KINDS), *(f"body_{k}" for k in CUE_KINDS), *(f"claim_{k}" for k in CUE_KINDS),
    "claim_question", "number_share",
)

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\s*\n\s*")
_WORD = re.compile(r"n't|[a-z0-9]+(?:['’][a-z]+)?", re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_HASHER = FeatureHasher(n_features=N_HASHED, input_type="string", alternate_sign=False)
_CUES = {row["word"]: row["kind"] for row in data.rows("claim_cues")}


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``: split after . ! ? before a capital or digit, and at line
    breaks; white space trimmed."""
    spans, start = [], 0
    for match in [*_SENTENCE_END.finditer(text), None]:
        end = match.start() if match else len(text)
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lead, start + len(piece.rstrip())))
        if match:
            start = match.end()
    return spans


def words(text: str) -> list[str]:
    """Lower-cased word tokens, "n't" split off."""
    out = []
    for token in _WORD.findall(text):
        low = token.lower().replace("’", "'")
        if low.endswith("n't") and low != "n't":
            out += [low[:-3], "n't"]
        else:
            out.append(low)
    return out


def cues(tokens: Iterable[str]) -> dict[str, list[str]]:
    """The cue words among ``tokens`` by kind (``data/claim_cues.tsv``)."""
    found: dict[str, list[str]] = {kind: [] for kind in CUE_KINDS}
    for token in tokens:
        kind = _CUES.get(token)
        if kind:
            found[kind].append(token)
    return found


def _grams(text: str, n: int = 5) -> set[str]:
    low = " ".join(words(text))
    return {low[i : i + n] for i in range(len(low) - n + 1)}


def _bigrams(seq: Sequence[str]) -> set[tuple[str, str]]:
    return set(itertools.pairwise(seq))


@dataclass(frozen=True)
class Vectors:
    """Sublinear tf-idf over hashed word uni- and bigrams (stop words dropped), rows of unit length.
    ``idf`` (one weight per bucket) is fitted (`fit`) or read from a model."""

    idf: np.ndarray = field(repr=False)

    def __repr__(self) -> str:
        return f"Vectors({int((self.idf > 1).sum())} weighted buckets of {self.idf.size})"

    @staticmethod
    def tokens(text: str) -> list[str]:
        """The hashed tokens of a text: content words and their bigrams."""
        seq = [w for w in words(text) if w not in STOP_WORDS]
        return seq + [f"{a} {b}" for a, b in itertools.pairwise(seq)]

    @classmethod
    def counts(cls, texts: Sequence[str]) -> sp.csr_matrix:
        """Raw hashed counts, one row a text."""
        return sp.csr_matrix(_HASHER.transform(cls.tokens(t) for t in texts))

    @classmethod
    def fit(cls, texts: Sequence[str]) -> Vectors:
        """Inverse document frequencies (smoothed, as scikit-learn's) from ``texts``."""
        present = cls.counts(texts)
        present.data[:] = 1.0
        df = np.asarray(present.sum(axis=0)).ravel()
        return cls(np.log((1 + len(texts)) / (1 + df)) + 1.0)

    def __call__(self, texts: Sequence[str]) -> sp.csr_matrix:
        matrix = self.counts(texts)
        matrix.data = 1.0 + np.log(matrix.data)
        matrix = sp.csr_matrix(matrix.multiply(self.idf.reshape(1, -1)))
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sp.csr_matrix(sp.diags(1.0 / norms) @ matrix)


@dataclass(frozen=True, repr=False)
class Claim:
    """A claim (a headline) prepared once: its vector, stems, stem bigrams, character 5-grams, cues."""

    text: str
    vector: sp.csr_matrix
    stems: tuple[str, ...]
    bigrams: set[tuple[str, str]]
    grams: set[str]
    words: list[str]
    numbers: set[str]

    def __repr__(self) -> str:
        return f"Claim({self.text!r})"

    @classmethod
    def of(cls, text: str, vectors: Vectors) -> Claim:
        """Prepare ``text`` with ``vectors``."""
        return cls(text, vectors([text]), stems(text), _bigrams(stems(text)), _grams(text), words(text),
                   set(_NUMBER.findall(text)))


@dataclass(frozen=True, repr=False)
class Body:
    """An article body prepared once: sentence spans and vectors, the whole text's vector, stems, cues."""

    text: str
    spans: list[tuple[int, int]]
    vector: sp.csr_matrix
    sentences: sp.csr_matrix
    sentence_stems: list[set[str]]
    stems: set[str]
    bigrams: set[tuple[str, str]]
    low: str
    sentence_words: list[list[str]]
    cue_rates: tuple[float, ...]

    def __repr__(self) -> str:
        return f"Body({len(self.spans)} sentences, {len(self.text)} characters)"

    @classmethod
    def of(cls, text: str, vectors: Vectors) -> Body:
        """Prepare ``text`` with ``vectors`` (a text with no sentence counts as one empty sentence)."""
        spans = sentence_spans(text) or [(0, len(text))]
        pieces = [text[s:e] for s, e in spans]
        sentence_stems = [set(stems(p)) for p in pieces]
        all_stems: list[str] = [s for p in pieces for s in stems(p)]
        sentence_words = [words(p) for p in pieces]
        found = cues(w for ws in sentence_words for w in ws)
        return cls(
            text, spans, vectors([text]), vectors(pieces), sentence_stems, set(all_stems),
            set().union(*(_bigrams(stems(p)) for p in pieces)), " ".join(words(text)), sentence_words,
            tuple(len(found[k]) / len(spans) for k in CUE_KINDS),
        )

    def similarities(self, claim: Claim) -> np.ndarray:
        """The cosine of each sentence with the claim."""
        return np.asarray((self.sentences @ claim.vector.T).todense()).ravel()


def _share(wanted: Iterable[Any], found: set[Any]) -> float:
    items = list(wanted)
    return sum(w in found for w in items) / len(items) if items else 0.0


def top_sentences(claim: Claim, body: Body) -> list[int]:
    """The indices of the body's `TOP` sentences closest to the claim, in article order (ties: earlier)."""
    sims = body.similarities(claim)
    order = sorted(range(len(sims)), key=lambda i: (-sims[i], i))[:TOP]
    return sorted(order)


def pair_features(claim: Claim, body: Body) -> np.ndarray:
    """The `DENSE` features of a claim and a body, in that order."""
    sims = body.similarities(claim)
    top = top_sentences(claim, body)
    best = int(np.argmax(sims))
    lead = float(sims[:2].max())
    top_words = [w for i in top for w in body.sentence_words[i]]
    top_cues = cues(top_words)
    claim_cues = cues(claim.words)
    n = len(body.spans)
    values = [
        float((body.vector @ claim.vector.T).sum()), float(sims.max()), float(np.mean(sorted(sims)[-TOP:])), lead,
        _share(claim.stems, body.stems),
        max(_share(claim.stems, s) for s in body.sentence_stems),
        _share(claim.bigrams, body.bigrams),
        _share(claim.grams, {g for g in claim.grams if g in body.low}),
        float(len(claim.stems)), math.log1p(n), float((sims > 0.1).mean()), best / max(1, n - 1),
        *(float(len(top_cues[k])) for k in CUE_KINDS),
        *body.cue_rates,
        *(float(len(claim_cues[k])) for k in CUE_KINDS),
        float("?" in claim.text), _share(claim.numbers, set(_NUMBER.findall(body.text))) if claim.numbers else -1.0,
    ]
    return np.asarray(values, dtype=np.float64)


def text_features(claims: Sequence[Claim], bodies: Sequence[Body]) -> sp.csr_matrix:
    """Hashed words for the second stage, one row a (claim, body) pair: the claim's words and bigrams
    (``h:``), the closest sentences' words and bigrams (``s:``), and each claim content word paired with
    each cue word of the closest sentences (``x:``)."""
    rows = []
    for claim, body in zip(claims, bodies, strict=True):
        top_words = [w for i in top_sentences(claim, body) for w in body.sentence_words[i]]
        found = [w for kind in CUE_KINDS for w in cues(top_words)[kind]]
        content = [w for w in claim.words if w not in STOP_WORDS]
        tokens = [f"h:{w}" for w in claim.words] + [f"h:{a} {b}" for a, b in _bigrams(claim.words)]
        tokens += [f"s:{w}" for w in top_words] + [f"s:{a} {b}" for a, b in itertools.pairwise(top_words)]
        tokens += [f"x:{c}|{w}" for c in content for w in found]
        tokens += [f"k:{w}" for w in found]
        rows.append(tokens)
    matrix = sp.csr_matrix(_HASHER.transform(rows))
    matrix.data = 1.0 + np.log(matrix.data)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ matrix)


def stage_two_matrix(scaler: Any, dense: np.ndarray, text: sp.csr_matrix) -> sp.csr_matrix:
    """What stage two reads: the dense features scaled by a fitted ``scaler`` (a StandardScaler) and weighted
    by `DENSE_WEIGHT`, beside the hashed words."""
    return sp.csr_matrix(sp.hstack([sp.csr_matrix(scaler.transform(dense) * DENSE_WEIGHT), text]))
