"""`voices`: the Gender Gap Tracker's measures for one article or a corpus, from ``Analysis.people``.

For each group of articles (all of them, or by a column of ``Analysis.articles`` or a mapping of article
ids, ``by=``): how many people the articles name and how many they quote (sources), by gender, the share
of each gender among them (over all people, ``unknown`` included, as the tracker counts), and the words
quoted by gender with the female share of them. A person named in two articles counts twice, as in the
tracker, which counts per article. Gender is what `newsdesk.speakers.gender` reads from each article:
for aggregate measurement, never for labelling one person.

>>> from newsdesk.records import Person, to_frame
>>> people = to_frame([
...     Person("a1", "Marta Lind", 3, 0, 10, "nurse", True, 2, 30, "female", "pronoun", None),
...     Person("a1", "Tom Berg", 1, 40, 48, None, True, 1, 10, "male", "given name", None),
...     Person("a1", "Robin Hale", 1, 60, 70, None, False, 0, 0, "unknown", "none", None)], Person)
>>> voices(people)[["people", "sources", "sources_female", "share_sources_female", "share_words_female"]]
   people  sources  sources_female  share_sources_female  share_words_female
0       3        2               1                   0.5                0.75
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from newsdesk.pipeline import Analysis
from newsdesk.records import Person, to_frame

__all__ = ["GENDERS", "voices"]

GENDERS = ("female", "male", "unknown")


def _counts(people: pd.DataFrame) -> dict[str, Any]:
    """The measures of one group of people rows."""
    row: dict[str, Any] = {"people": len(people)}
    sources = people[people["quoted"]]
    row["sources"] = len(sources)
    words = people.groupby("gender")["words_quoted"].sum()
    row["words_quoted"] = int(people["words_quoted"].sum())
    for gender in GENDERS:
        row[f"people_{gender}"] = int((people["gender"] == gender).sum())
        row[f"sources_{gender}"] = int((sources["gender"] == gender).sum())
        row[f"words_quoted_{gender}"] = int(words.get(gender, 0))
    for gender in ("female", "male"):
        row[f"share_people_{gender}"] = row[f"people_{gender}"] / row["people"] if row["people"] else float("nan")
        row[f"share_sources_{gender}"] = (
            row[f"sources_{gender}"] / row["sources"] if row["sources"] else float("nan")
        )
    total = row["words_quoted"]
    row["share_words_female"] = row["words_quoted_female"] / total if total else float("nan")
    return row


def _groups(analysis: Analysis, by: str | Mapping[str, Any] | pd.Series | None) -> pd.Series:
    """The group of every article id, indexed by article id."""
    ids = analysis.articles["article_id"].astype(str)
    if isinstance(by, str):
        if by not in analysis.articles.columns:
            columns = ", ".join(analysis.articles.columns)
            raise ValueError(f"voices(by={by!r}): Analysis.articles has no such column (it has {columns})")
        return pd.Series(analysis.articles[by].to_numpy(), index=ids)
    if by is None:
        return pd.Series("all", index=ids)
    mapping = by if isinstance(by, pd.Series) else pd.Series(dict(by))
    return pd.Series(ids.map(mapping).to_numpy(), index=ids)


def voices(data: Analysis | pd.DataFrame, *, by: str | Mapping[str, Any] | pd.Series | None = None) -> pd.DataFrame:
    """The tracker's measures (see the module docstring), one row per group, sorted by group.

    ``data`` is an `Analysis` or its ``people`` table. ``by`` groups the articles: a column of
    ``Analysis.articles`` ("site_name"), or a mapping (dict or Series) from article id to a group label
    (BBC categories); articles it does not map are left out. Without ``by``, one row for all articles.
    """
    if isinstance(data, pd.DataFrame):
        missing = set(Person.columns()) - set(data.columns)
        if missing:
            raise ValueError(f"voices() needs Analysis.people; the table given lacks {', '.join(sorted(missing))}")
        ids = sorted(set(data["article_id"].astype(str)))
        analysis = Analysis(articles=pd.DataFrame({"article_id": ids}), people=data)
    else:
        analysis = data
    groups = _groups(analysis, by).dropna()
    people = analysis.people if len(analysis.people) else to_frame([], Person)
    label = by if isinstance(by, str) else "group"
    rows = []
    for group in sorted(set(groups)):
        members = set(groups.index[groups == group])
        row = {label: group, "articles": len(members)}
        row.update(_counts(people[people["article_id"].astype(str).isin(members)]))
        rows.append(row)
    return pd.DataFrame(rows, columns=[label, "articles", *_COLUMNS])


_COLUMNS = [
    "people", "people_female", "people_male", "people_unknown", "share_people_female", "share_people_male",
    "sources", "sources_female", "sources_male", "sources_unknown", "share_sources_female", "share_sources_male",
    "words_quoted", "words_quoted_female", "words_quoted_male", "words_quoted_unknown", "share_words_female",
]  # fmt: skip
