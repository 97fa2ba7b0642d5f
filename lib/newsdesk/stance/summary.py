"""Reading the stance table: `stance_summary` (holder x target -> label, with counts) and `suggest_targets`
(what an article's holders take sides on, when no targets were given).

Both take an `newsdesk.Analysis` (anything with ``stances`` and ``quotes`` tables) and return DataFrames.

>>> import newsdesk
>>> analysis = newsdesk.analyze(newsdesk.read_text(
...     "Unions back the four-day week. Employers oppose the four-day week, a spokesman said.", id="a"))
>>> stance_summary(analysis)[["holder", "target", "label", "favor", "against"]].to_dict("records")
[{'holder': 'Employers', 'target': 'the four-day week', 'label': 'against', 'favor': 0, 'against': 1}, \
{'holder': 'Unions', 'target': 'the four-day week', 'label': 'favor', 'favor': 1, 'against': 0}]
>>> suggest_targets(analysis)[["target", "favor", "against", "contested"]].to_dict("records")
[{'target': 'the four-day week', 'favor': 'Unions', 'against': 'Employers', 'contested': True}]
"""

from __future__ import annotations

from typing import Protocol

import pandas as pd

from newsdesk.stance.relevance import stems

__all__ = ["SUMMARY_LABELS", "stance_matrix", "stance_summary", "suggest_targets"]

#: The labels of a summary cell: a row's three, and "mixed" when its evidence takes both sides.
SUMMARY_LABELS = ("favor", "against", "neutral", "mixed")
#: Two open targets are one suggestion when they share at least this share of content stems.
SAME_TARGET = 0.5


class HasStances(Protocol):
    @property
    def stances(self) -> pd.DataFrame: ...

    @property
    def quotes(self) -> pd.DataFrame: ...


def _label(favor: int, against: int) -> str:
    if favor and against:
        return "mixed"
    return "favor" if favor else "against" if against else "neutral"


def stance_summary(analysis: HasStances) -> pd.DataFrame:
    """One row per (article, holder, target): ``label`` (favor, against, neutral; "mixed" when the evidence
    takes both sides: newsdesk does not pick one), the counts of each label, the rows and the best score."""
    columns = ["article_id", "holder", "target", "label", "favor", "against", "neutral", "rows", "score"]
    stances = analysis.stances
    if stances.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    counts = (
        stances.assign(n=1)
        .pivot_table(index=["article_id", "holder", "target"], columns="label", values="n", aggfunc="sum",
                     fill_value=0)
        .reindex(columns=["favor", "against", "neutral"], fill_value=0)
        .reset_index()
    )
    counts.columns.name = None
    best = stances.groupby(["article_id", "holder", "target"], as_index=False)["score"].max()
    out = counts.merge(best, on=["article_id", "holder", "target"])
    out["rows"] = out[["favor", "against", "neutral"]].sum(axis=1)
    out["label"] = [_label(f, a) for f, a in zip(out["favor"], out["against"], strict=True)]
    for column in ("favor", "against", "neutral", "rows"):
        out[column] = out[column].astype("int64")
    return out[columns].sort_values(["article_id", "target", "holder"], kind="stable").reset_index(drop=True)


def stance_matrix(summary: pd.DataFrame) -> pd.DataFrame:
    """The summary as a holder x target table of labels ("" where a holder says nothing on a target);
    holders and targets sorted by name.

    >>> summary = pd.DataFrame({"holder": ["Oslo", "Bergen"], "target": ["the toll", "the toll"],
    ...                         "label": ["against", "favor"]})
    >>> stance_matrix(summary).to_dict("index")
    {'Bergen': {'the toll': 'favor'}, 'Oslo': {'the toll': 'against'}}
    """
    matrix = summary.pivot_table(index="holder", columns="target", values="label", aggfunc="first", fill_value="")
    matrix = matrix.sort_index().sort_index(axis=1)
    matrix.columns.name = None
    matrix.index.name = None
    return matrix.astype(str)


def _open_rows(analysis: HasStances) -> pd.DataFrame:
    """The open-target rows, plus the quotes table's position rows (the wide scope) none of them covers."""
    stances = analysis.stances
    rows = stances[stances["method"].str.contains("target: open", regex=False)]
    rows = rows[["article_id", "holder", "target", "label"]].astype(str)
    quotes = analysis.quotes
    if "cue_class" in quotes:
        positions = quotes[(quotes["cue_class"] == "position") & quotes["speaker"].notna()]
        covered = set(zip(rows["article_id"], rows["holder"], strict=True))
        extra = [
            {"article_id": q.article_id, "holder": q.speaker, "target": q.text, "label": "unclear"}
            for q in positions.itertuples()
            if (q.article_id, q.speaker) not in covered
        ]
        rows = pd.concat([rows, pd.DataFrame(extra, columns=rows.columns)], ignore_index=True)
    return rows


def _group(phrases: list[str]) -> dict[str, str]:
    """Each phrase -> the first phrase of its group (phrases sharing two stems and >= SAME_TARGET of the
    shorter one's)."""
    heads: list[tuple[str, set[str]]] = []
    out = {}
    for phrase in phrases:
        words = set(stems(phrase))
        for head, head_words in heads:
            shared = len(words & head_words)
            if shared >= 2 and shared / min(len(words), len(head_words)) >= SAME_TARGET:
                out[phrase] = head
                head_words |= words
                break
        else:
            heads.append((phrase, words))
            out[phrase] = phrase
    return out


def suggest_targets(analysis: HasStances) -> pd.DataFrame:
    """The targets an article's holders take sides on, proposed from an analysis run **without** targets:
    the objects of stance predicates (open-target rows) and of the wide scope's position rows, grouped when
    they share most content words. Columns: ``target`` (the shortest wording), ``wordings`` (all of them),
    the holders on each side (``favor``, ``against``, ``neutral``, ``unclear``: a position row with no label),
    ``holders``, ``rows`` and ``contested`` (holders on both sides); most contested and most held first."""
    rows = _open_rows(analysis)
    columns = ["target", "wordings", "favor", "against", "neutral", "unclear", "holders", "rows", "contested"]
    if rows.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    phrases = sorted(set(rows["target"]), key=lambda p: (len(stems(p)) or 99, p))
    rows = rows.assign(group=rows["target"].map(_group(phrases)))
    out = []
    for _, group in rows.groupby("group", sort=True):
        sides = {
            label: "; ".join(sorted(set(group.loc[group["label"] == label, "holder"])))
            for label in ("favor", "against", "neutral", "unclear")
        }
        wordings = sorted(set(group["target"]), key=lambda p: (len(p), p))
        out.append({
            "target": wordings[0], "wordings": " | ".join(wordings), **sides,
            "holders": group["holder"].nunique(), "rows": len(group),
            "contested": bool(sides["favor"] and sides["against"]),
        })
    frame = pd.DataFrame(out, columns=columns)
    frame = frame.sort_values(["contested", "holders", "rows", "target"], ascending=[False, False, False, True])
    return frame.reset_index(drop=True)
