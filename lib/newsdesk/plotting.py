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
from matplotlib.figure import Figure

__all__ = ["save_figure"]

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
