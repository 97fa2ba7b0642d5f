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

__all__ = ["STANCE_VALUES", "plot_money", "plot_stance_matrix", "save_figure"]

DPI = 100
AMOUNT_COLOUR = "#003049"
RANGE_COLOUR = "#d62828"
#: Where each stance label sits on the heatmap's colour scale (against -1 ... favor +1).
STANCE_VALUES = {"favor": 1.0, "against": -1.0, "neutral": 0.0, "mixed": 0.0}


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
    """Draw money figures (from `summaries.money_figures`) on one axis: a dot per amount, a capped bar per range.

    Each row is labelled with its text, the qualifier ("around", "more than") when the text does not already
    start with it, and the currency code and period. Amounts are drawn as cited, not converted between
    currencies; the axis is logarithmic when the amounts span more than two orders of magnitude.
    """
    labels = []
    for position, row in enumerate(money.to_dict("records")):
        low, high = float(row["low"]), float(row["high"])
        if high > low:
            ax.plot([low, high], [position, position], "-", color=RANGE_COLOUR, linewidth=3)
            ax.plot([low, high], [position, position], "|", color=RANGE_COLOUR, markersize=14, markeredgewidth=2)
        else:
            ax.plot([low], [position], "o", color=AMOUNT_COLOUR, markersize=7)
        text, qualifier = str(row["text"]), row["qualifier"]
        if isinstance(qualifier, str) and not text.lower().startswith(qualifier.lower()):
            text = f"{qualifier} {text}"
        details = [str(part) for part in (row["unit"], row["period"]) if isinstance(part, str)]
        labels.append(f"{text} ({', '.join(details)})" if details else text)
    amounts = pd.concat([money["low"], money["high"]])
    if len(amounts) and amounts.min() > 0 and amounts.max() / amounts.min() > 100:
        ax.set_xscale("log")
        ax.set_xlabel("amount as cited (log scale; currencies not converted)")
    else:
        ax.set_xlabel("amount as cited (currencies not converted)")
    ax.set_yticks(range(len(labels)), labels)
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.grid(axis="x", which="major", alpha=0.3)


def plot_stance_matrix(matrix: pd.DataFrame, ax: Axes) -> None:
    """Draw a holder x target table of labels (`newsdesk.stance.summary.stance_matrix`) as a heatmap:
    favor green, against red, neutral and mixed grey, each cell written out; empty where nothing was said."""
    values = matrix.map(lambda label: STANCE_VALUES.get(label, float("nan"))).astype(float)
    ax.imshow(values.to_numpy(), cmap="RdYlGn", vmin=-1.4, vmax=1.4, aspect="auto")
    for row, holder in enumerate(matrix.index):
        for column, target in enumerate(matrix.columns):
            label = matrix.loc[holder, target]
            if label:
                ax.text(column, row, label, ha="center", va="center", fontsize=9)
    ax.set_xticks(range(len(matrix.columns)), [_wrap(str(c)) for c in matrix.columns], fontsize=9)
    ax.set_yticks(range(len(matrix.index)), [str(i) for i in matrix.index], fontsize=9)
    ax.tick_params(top=True, bottom=False, labeltop=True, labelbottom=False)


def _wrap(text: str, width: int = 22) -> str:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + len(word) < width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)
