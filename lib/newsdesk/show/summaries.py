"""Summaries of the analysis tables that researchers ask for first: whose voices, which money.

>>> from newsdesk.records import Quote, to_frame
>>> quotes = to_frame([Quote("a", 0, 23, "We will not rule it out", "direct", "said", None, None, "speech",
...     "Alan Johnson", "Mr Johnson", None, None, "minister", "person", 0, 0.9)], Quote)
>>> speaker_summary(quotes)[["speaker", "quotes", "words_quoted"]]
        speaker  quotes  words_quoted
0  Alan Johnson       1             6
"""

from __future__ import annotations

import pandas as pd

__all__ = ["money_figures", "speaker_summary"]

UNATTRIBUTED = "(unattributed)"


def speaker_summary(quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per speaker: type, role, quotes by kind and words quoted, most words first.

    Unresolved speakers are grouped as "(unattributed)". Roles are the first one the article gives.
    """
    columns = ["speaker", "speaker_type", "speaker_role", "quotes", "direct", "mixed", "indirect", "words_quoted"]
    if quotes.empty:
        return pd.DataFrame(columns=columns)
    table = quotes.assign(
        speaker=quotes["speaker"].fillna(UNATTRIBUTED),
        words=quotes["text"].map(lambda text: len(str(text).split())),
    )
    kinds = pd.crosstab(table["speaker"], table["kind"]).reindex(columns=["direct", "mixed", "indirect"], fill_value=0)
    grouped = table.groupby("speaker", sort=True).agg(
        speaker_type=("speaker_type", "first"),
        speaker_role=("speaker_role", "first"),
        quotes=("start", "size"),
        words_quoted=("words", "sum"),
        first_offset=("start", "min"),
    )
    summary = grouped.join(kinds).reset_index()
    summary = summary.sort_values(["words_quoted", "first_offset"], ascending=[False, True], kind="stable")
    return summary[columns].reset_index(drop=True).astype({c: "int64" for c in columns[3:]})


def money_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """The money figures with a value, in article and text order, with ``low``/``high`` ends (equal unless a range)."""
    money = figures[(figures["kind"] == "money") & figures["value"].notna()].copy()
    money["low"] = money["value"].astype("float64")
    money["high"] = money["value_max"].fillna(money["value"]).astype("float64")
    return money.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)
