"""Light, rule-based coreference for speaker pronouns: which earlier person a "he" or "she" is.

News prose introduces a person, then refers back with a pronoun. `pick_antecedent` walks back over the
sentences before the pronoun (mentions inside quotation marks are never candidates) and takes the first
sentence that mentions a compatible person: its main-clause subject, else any subject, else a person
the article introduces in that very sentence ("... produced results for accountant Jane Roe, 50. 'I
had a membership,' she says."). A person mentioned in passing (an object named before) does not stop
the walk, though the nearest one is taken when nothing else is found. The caller passes only persons whose gender
(`newsdesk.speakers.gender`) agrees with the pronoun.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Candidate", "caption_lines", "pick_antecedent"]

# a line that ends in a photo credit ("(Jo Bell/AFP/Getty Images).") or a video's running time ("10:43.")
# or that carries a credit in parentheses ("( Sam Reid / Daily Courier )")
_CAPTION_END = re.compile(
    r"(?:\([^()\n]*\b(?:photo|photograph|images?|file|handout|pool)\b[^()\n]*\)|\b\d{1,2}:\d\d)\s*\.?\s*$",
    re.IGNORECASE,
)
_CREDIT = re.compile(r"\(\s*[A-Z][^()\n/]*/\s*[A-Z][^()\n]*\)")

def caption_lines(text: str) -> list[tuple[int, int]]:
    r"""(start, end) offsets of the lines of ``text`` that read as photo or video captions.

    >>> text = "Smith spoke.\nJane Roe at the scene. (John Doe/Getty Images)\nA clip. 2:43."
    >>> [text[a:b][:8] for a, b in caption_lines(text)]
    ['Jane Roe', 'A clip. ']
    """
    found = []
    start = 0
    for line in text.split("\n"):
        if _CAPTION_END.search(line) or _CREDIT.search(line):
            found.append((start, start + len(line)))
        start += len(line) + 1
    return found


@dataclass(frozen=True, slots=True)
class Candidate:
    """A person mentioned before a pronoun: where, who, and how prominently."""

    start: int  # char offset
    name: str
    subject: bool  # a clause subject (or a relative "who" stands for it)
    main: bool  # the subject of its sentence's main clause
    first: bool  # the article's first mention of this person


def _rank(candidate: Candidate) -> int:
    """Lower is more prominent: main subject, subject, introduction."""
    if candidate.main:
        return 0
    return 1 if candidate.subject else 2


def pick_antecedent(
    candidates: Sequence[Candidate], sentence_starts: Sequence[int], position: int
) -> Candidate | None:
    """The person a pronoun at ``position`` refers to (see the module docstring).

    ``candidates`` are compatible persons before the pronoun, outside quotes, in text order;
    ``sentence_starts`` the character offsets where sentences begin.
    """
    here = bisect.bisect_right(sentence_starts, position) - 1
    groups: dict[int, list[Candidate]] = {}
    for candidate in candidates:
        if candidate.start < position:
            groups.setdefault(bisect.bisect_right(sentence_starts, candidate.start) - 1, []).append(candidate)
    for sentence in sorted(groups, reverse=True):
        # in the pronoun's own sentence only a subject counts ("Park was pleased with Lee, who he calls")
        eligible = [c for c in groups[sentence] if c.subject or (c.first and sentence != here)]
        if eligible:
            return min(eligible, key=lambda c: (_rank(c), -c.start))  # the nearest of the most prominent
    before = [c for c in candidates if c.start < position]
    return before[-1] if before else None  # only passing mentions: the nearest
