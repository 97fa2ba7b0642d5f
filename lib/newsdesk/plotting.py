"""Saving charts reproducibly: pinned PNG metadata, fixed size and resolution, the data beside them.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt, tempfile, pathlib
>>> fig, ax = plt.subplots()
>>> _ = ax.bar(["a", "b"], [1, 2])
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> save_figure(fig, folder / "demo.png").name
'demo.png'
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

__all__ = ["plot_money", "save_figure"]

DPI = 100


def save_figure(figure: Figure, path: str | Path, *, data: pd.DataFrame | None = None) -> Path:
    """Save ``figure`` as a PNG whose bytes depend only on its content (no software or date stamp).

    With ``data``, the table behind the chart is written beside it as CSV (same name, ``.csv``).
    """
    path = Path(path).with_suffix(".png")
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, format="png", dpi=DPI, metadata={"Software": None})
    if data is not None:
        data.to_csv(path.with_suffix(".csv"), index=False, lineterminator="\n")
    return path


def plot_money(money: pd.DataFrame, ax: Axes) -> None:
    """Draw money figures (from `newsdesk.summaries.money_figures`) on a log scale: a dot per value, a bar per range.

    Each row is labelled with its text and, where the article gives one, the qualifier ("around", "more than").
    """
    labels = []
    for position, row in enumerate(money.to_dict("records")):
        low, high = float(row["low"]), float(row["high"])
        if high > low:
            ax.plot([low, high], [position, position], color="#d62828", linewidth=6, solid_capstyle="butt")
        else:
            ax.plot([low], [position], "o", color="#003049", markersize=7)
        text, qualifier, period = str(row["text"]), row["qualifier"], row["period"]
        if isinstance(qualifier, str) and not text.lower().startswith(qualifier.lower()):
            text = f"{qualifier} {text}"
        labels.append(f"{text} ({period})" if isinstance(period, str) else text)
    ax.set_xscale("log")
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.set_xlabel("amount (log scale, in the article's currency)")
    ax.grid(axis="x", which="major", alpha=0.3)
