"""Is a statement about a target? Aliases and word stems first, then a similarity of texts.

A target's phrases are its name and aliases (`newsdesk.stance.targets.Target`). A statement is about the
target when every content word of one phrase is in it, compared by Snowball stems so that "invite" meets
"invitation" and "immediately" meets "immediate" (score 1.0, an alias hit). Otherwise the score is
``similarity(target.text, statement)``: by default `overlap`, the share of a phrase's content stems the
statement holds (best phrase). A row needs at least `RELEVANT`; below it newsdesk abstains (no row).

**The learned similarity plugs in here**: `SIMILARITIES` maps a name to a function ``(target_text,
statement) -> float in [0, 1]``; register a trained relevance model under a new name and pass that name as
the stance component's ``similarity`` (or to `TargetMatcher`). Alias hits stay 1.0 whatever it says.

When several targets fit one statement, the most specific wins (`TargetMatcher.match`): a target is
*narrower* than another when one of the other's phrases is found in its own text and not the reverse
("an immediate invitation to join the alliance" is narrower than "joining the alliance").

>>> stems("Ukraine's immediate invitation to join the alliance")
('ukrain', 'immedi', 'invit', 'join', 'allianc')
>>> overlap("a shorter working week", "the union wants shorter weeks")
0.67
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from spacy.lang.en.stop_words import STOP_WORDS

from newsdesk.stance.targets import Target

__all__ = ["RELEVANT", "SIMILARITIES", "Match", "Similarity", "TargetMatcher", "overlap", "stems"]

#: The least relevance a statement needs to get a row for a target (below: abstain).
RELEVANT = 0.6
#: A similarity of texts: (target_text, statement) -> a score in [0, 1].
Similarity = Callable[[str, str], float]

_WORD = re.compile(r"[A-Za-z0-9]+(?:[-'’][A-Za-z]+)*")
_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return str(_STEMMER.stemWord(word))


@lru_cache(maxsize=4096)
def stems(text: str) -> tuple[str, ...]:
    """The stems of the content words of ``text``, in order, without repeats (stop words and 's dropped)."""
    out: dict[str, None] = {}
    for match in _WORD.finditer(text):
        word = re.sub(r"['’]s$", "", match.group().lower())
        if word and word not in STOP_WORDS:
            out[_stem(word)] = None
    return tuple(out)


def _phrases(text: str) -> list[str]:
    return [p for p in re.split(r"[.;\n]+", text) if p.strip()]


def overlap(target_text: str, statement: str) -> float:
    """The largest share of one target phrase's content stems found in the statement (phrases split at
    full stops, as `Target.text` joins them), rounded to two places."""
    found = set(stems(statement))
    best = 0.0
    for phrase in _phrases(target_text):
        wanted = stems(phrase)
        if wanted:
            best = max(best, sum(s in found for s in wanted) / len(wanted))
    return round(best, 2)


#: Similarities by name (the stance component's ``similarity`` config picks one).
SIMILARITIES: dict[str, Similarity] = {"overlap": overlap}


def _hits(target: Target, found: set[str]) -> list[str]:
    """The target's phrases whose content stems are all in ``found``."""
    return [p for p in target.phrases if stems(p) and set(stems(p)) <= found]


@dataclass(frozen=True)
class Match:
    """A target a statement is about: the ``score``, the phrase that hit (None for a similarity score) and
    ``implied``, the narrower target this one is only reached through (None when the statement is about it)."""

    target: Target
    score: float
    phrase: str | None
    implied: str | None = None


class TargetMatcher:
    """Which targets a statement is about (`match`), the most specific first."""

    def __init__(self, targets: Sequence[Target], similarity: Similarity = overlap) -> None:
        self.targets = tuple(targets)
        self.similarity = similarity
        text_stems = {t.name: set(stems(t.text)) for t in self.targets}
        self.broader: Mapping[str, frozenset[str]] = {
            t.name: frozenset(
                o.name for o in self.targets
                if o is not t and _hits(o, text_stems[t.name]) and not _hits(t, text_stems[o.name])
            )
            for t in self.targets
        }

    def __repr__(self) -> str:
        return f"TargetMatcher({len(self.targets)} targets, similarity={getattr(self.similarity, '__name__', '?')})"

    def score(self, target: Target, statement: str) -> tuple[float, str | None]:
        """(relevance, the phrase that hit or None)."""
        hits = _hits(target, set(stems(statement)))
        if hits:
            return 1.0, max(hits, key=lambda p: (len(stems(p)), p))
        return float(self.similarity(target.text, statement)), None

    def match(self, statement: str) -> list[Match]:
        """The targets the statement is about (score >= `RELEVANT`). A target broader than another that also
        matched comes back with ``implied`` naming the narrower one (the caller decides what it may inherit)."""
        found = []
        for target in self.targets:
            score, phrase = self.score(target, statement)
            if score >= RELEVANT:
                found.append(Match(target, round(score, 2), phrase))
        names = {m.target.name for m in found}
        out = []
        for m in found:
            narrower = sorted(n for n in names if m.target.name in self.broader[n])
            out.append(Match(m.target, m.score, m.phrase, narrower[0]) if narrower else m)
        return sorted(out, key=lambda m: (m.implied is not None, -m.score, m.target.name))
