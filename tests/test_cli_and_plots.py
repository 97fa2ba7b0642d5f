"""The command line and reproducible figures."""

from __future__ import annotations

import csv
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd

from newsdesk.cli import main
from newsdesk.show.plotting import save_figure


def test_cli_writes_every_table_and_reports_bad_inputs(tmp_path: Path, capsys: object) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Rates held\nThe bank kept rates at 4% on Tuesday.", encoding="utf-8")
    out = ["--out", str(tmp_path / "out"), "--format", "csv"]
    status = main(["analyze", str(story), str(tmp_path / "missing.txt"), *out])
    assert status == 1
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["articles.csv", "errors.csv", "figures.csv", "people.csv", "quotes.csv", "stances.csv"]
    with (tmp_path / "out" / "articles.csv").open(encoding="utf-8") as handle:
        assert [row["article_id"] for row in csv.DictReader(handle)] == ["story"]


def test_cli_attributions_option_widens_the_quotes_table(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    text = "Depot row\nThe drivers' union was critical of the rota. Ann Ruiz said talks would resume."
    story.write_text(text, encoding="utf-8")
    classes = {}
    for scope in ("speech", "all"):
        out = ["--out", str(tmp_path / scope), "--format", "csv"]
        assert main(["analyze", str(story), *out, "--attributions", scope]) == 0
        with (tmp_path / scope / "quotes.csv").open(encoding="utf-8") as handle:
            classes[scope] = [row["cue_class"] for row in csv.DictReader(handle)]
    assert classes == {"speech": ["speech"], "all": ["position", "speech"]}


def _chart() -> plt.Figure:
    fig, ax = plt.subplots(figsize=(4, 3))
    _ = ax.bar(["a", "b", "c"], [3, 1, 2])
    return fig


def test_saved_figures_are_byte_identical(tmp_path: Path) -> None:
    first = save_figure(_chart(), tmp_path / "one.png", data=pd.DataFrame({"x": [1]}))
    second = save_figure(_chart(), tmp_path / "two.png")
    plt.close("all")
    assert first.read_bytes() == second.read_bytes()
    assert b"Software" not in first.read_bytes()
    assert (tmp_path / "one.csv").read_text(encoding="utf-8") == "x\n1\n"
