"""Worst-case time: pathological articles cost `analyze` (parse included) time linear in their size.

Each kind of input runs at a base size and at ten times that size; the larger may take at most
``10 * SLACK`` times as long as the smaller (the smaller's time floored at ``FLOOR`` seconds, so that timer
noise on tiny inputs does not decide), and no input may take more than ``LIMIT`` seconds. Before newsdesk cut
such input into pieces (`newsdesk.chunks`) and stopped walking whole sentences per figure, 30,000 "$1 " took
86 s and 20,000 "(" 59 s.

The sizes here keep the test within CI's budget; ``NEWSDESK_WORST_CASE=full`` runs the sizes of issue 15
(100,000 digits, 1 MB paragraph...) against the one-minute limit as well.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

import pytest

from newsdesk import analyze
from newsdesk.io.articles import read_text
from newsdesk.nlp import load_model

SLACK = 2.5
FLOOR = 0.05
LIMIT = 60.0

_SENTENCE = "The minister said prices rose 3% in May, and 1,200 people (mostly nurses) protested. "

#: name -> (text of size n, base n for the linear check, n of the issue's full size)
KINDS: dict[str, tuple[Callable[[int], str], int, int]] = {
    "digits": (lambda n: "1" * n, 10_000, 100_000),
    "quote marks": (lambda n: '"' * n, 1_000, 10_000),
    "nested parentheses": (lambda n: "(" * n + "war" + ")" * n, 500, 5_000),
    "one long paragraph": (lambda n: (_SENTENCE * (n // len(_SENTENCE) + 1))[:n], 5_000, 1_000_000),
    "said": (lambda n: "said " * n, 2_000, 50_000),
    "dollar amounts": (lambda n: "$1 " * n, 1_000, 30_000),
    "open parentheses": (lambda n: "(" * n, 2_000, 20_000),
}


def seconds(text: str) -> float:
    """Wall time of `analyze` on one article of ``text`` (after a headline line), asserting it is analysed."""
    article = read_text("Headline\n" + text, id="worst")
    started = time.perf_counter()
    result = analyze([article], nlp=load_model())
    elapsed = time.perf_counter() - started
    assert len(result.articles) == 1 and result.errors.empty, result.errors.to_dict("records")
    assert int(result.articles["characters"].iloc[0]) == len(article.text)
    return elapsed


@pytest.mark.parametrize("kind", list(KINDS))
def test_time_grows_linearly(kind: str) -> None:
    make, n, _ = KINDS[kind]
    seconds(make(n // 10))  # warm up caches and the stages' lexicons
    small = min(seconds(make(n)) for _ in range(2))
    large = seconds(make(10 * n))
    assert large <= LIMIT
    assert large <= 10 * SLACK * max(small, FLOOR), f"{kind}: {small:.2f} s at {n}, {large:.2f} s at {10 * n}"


@pytest.mark.skipif(os.environ.get("NEWSDESK_WORST_CASE") != "full", reason="set NEWSDESK_WORST_CASE=full")
@pytest.mark.parametrize("kind", list(KINDS))
def test_full_size_takes_under_a_minute(kind: str) -> None:
    make, _, full = KINDS[kind]
    assert seconds(make(full)) <= LIMIT
