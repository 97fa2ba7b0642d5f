"""Speaker summaries and the money chart."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from newsdesk.records import Figure, Quote, to_frame
from newsdesk.show.plotting import plot_money, save_figure
from newsdesk.show.summaries import UNATTRIBUTED, money_figures, speaker_summary


def _quote(start: int, text: str, kind: str, speaker: str | None) -> Quote:
    return Quote("a", start, start + len(text), text, kind, "said", None, None, "speech", speaker, None, None, None,  # type: ignore[arg-type]
                 None, "person" if speaker else "unknown", 0, 0.8)


def test_speaker_summary_counts_kinds_and_words() -> None:
    quotes = to_frame(
        [
            _quote(0, "one two three", "direct", "Ann Lee"),
            _quote(50, "four five", "indirect", "Ann Lee"),
            _quote(20, "a b c d e f", "mixed", "Bo Chan"),
            _quote(90, "x", "direct", None),
        ],
        Quote,
    )
    summary = speaker_summary(quotes)
    assert list(summary["speaker"]) == ["Bo Chan", "Ann Lee", UNATTRIBUTED]
    ann = summary.set_index("speaker").loc["Ann Lee"]
    assert (ann["quotes"], ann["direct"], ann["indirect"], ann["mixed"], ann["words_quoted"]) == (2, 1, 1, 0, 5)


def test_speaker_summary_of_nothing_is_empty() -> None:
    assert speaker_summary(to_frame([], Quote)).empty


def test_money_figures_and_chart(tmp_path: Path) -> None:
    figures = to_frame(
        [
            Figure("a", 30, 40, "between £415m and £425m", "money", 415e6, 425e6, "GBP", "between", *[None] * 4),
            Figure("a", 5, 9, "£5m", "money", 5e6, None, "GBP", "about", "a year", None, None, None),
            Figure("a", 60, 62, "3%", "percent", 3.0, None, "%", "more than", None, None, None, None),
        ],
        Figure,
    )
    money = money_figures(figures)
    assert list(money["text"]) == ["£5m", "between £415m and £425m"]
    assert list(money["high"]) == [5e6, 425e6]
    fig, ax = plt.subplots(figsize=(5, 2))
    plot_money(money, ax)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["about £5m (GBP, a year)", "between £415m and £425m (GBP)"]
    # a dot for the amount, a line and its end caps for the range; 85x spread stays linear (log beyond 100x)
    assert len(ax.lines) == 3 and ax.get_xscale() == "linear"
    save_figure(fig, tmp_path / "money.png")
    plt.close(fig)
