"""Score who gets a voice (``Analysis.people``, by gender) against the Gender Gap Tracker's annotations.

    .venv/bin/python benchmarks/eval_voices.py [--no-write] [--verbose]

Data: the ``ggt`` data set of `newsdesk.datasets` (GGT dev, 49 articles). Writes
``benchmarks/results/voices.json``.

How we match (the tracker's own measure, ``evaluate.py`` of its evaluation folder): for every article and
each of six lists (people female / male / unknown, sources female / male / unknown), the gold names and
ours are reduced to sets of cleaned names (every non-word character made a space, a trailing possessive
"s" dropped, spaces collapsed, lower case); true positives are the names in both sets, false negatives
those only in gold, false positives those only in ours, summed over articles. Our people are the rows of
``Analysis.people`` (by ``gender``), our sources those rows with ``quoted`` true. The gender ratios are
the tracker's too: the count of each gender over all people (or sources), summed over the articles.
The tracker's figures are quoted as published (its 98 articles; we have the 49-article dev half).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from _shared import parse_cached, skip_unless_found, write_json
from newsdesk.datasets import load_ggt
from newsdesk.io.articles import read_text
from newsdesk.nlp import load_model
from newsdesk.pipeline import stage_factories
from newsdesk.records import Person
from newsdesk.speakers.gender import FEMALE_AT, MALE_AT, MIN_OBSERVATIONS
from newsdesk.stages import attach_article
from scoring import clean_name

LISTS = ("peopleFemale", "peopleMale", "peopleUnknown", "sourcesFemale", "sourcesMale", "sourcesUnknown")
#: The tracker's published scores (V7.0, its evaluation README): precision, recall, F1 in %.
PUBLISHED = {
    "peopleFemale": (71.939, 77.049, 74.406),
    "peopleMale": (78.361, 92.278, 84.752),
    "sourcesFemale": (94.643, 64.634, 76.812),
    "sourcesMale": (87.805, 76.923, 82.005),
}
#: The tracker's published gender ratio of sources (male, female, unknown): annotators and its system.
PUBLISHED_SOURCE_RATIO = {"annotators": (0.738, 0.259, 0.003), "system": (0.785, 0.215, 0.0)}


def predicted_lists(people: Sequence[Person]) -> dict[str, set[str]]:
    """Our six lists for one article, as sets of cleaned names."""
    lists: dict[str, set[str]] = {key: set() for key in LISTS}
    for person in people:
        gender = person.gender.capitalize()
        lists[f"people{gender}"].add(clean_name(person.name))
        if person.quoted:
            lists[f"sources{gender}"].add(clean_name(person.name))
    return lists


def people_per_article(rows: Sequence[dict[str, Any]]) -> dict[str, list[Person]]:
    """``Analysis.people`` rows of each GGT article, by the pipeline's own stages (parses cached on disk)."""
    nlp = load_model()
    articles = [read_text(row["text"], id=row["id"], headline="") for row in rows]
    stages = [nlp.create_pipe(factory, name=factory, config=config) for factory, config in stage_factories()]
    out: dict[str, list[Person]] = {}
    for article, doc in zip(articles, parse_cached([a.text for a in articles], nlp), strict=True):
        doc = attach_article(doc, article)
        for stage in stages:
            doc = stage(doc)
        out[article.id] = list(doc._.people or ())
    return out


def prf(tp: int, fn: int, fp: int) -> dict[str, float]:
    p = 100 * tp / (tp + fp) if tp + fp else 0.0
    r = 100 * tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "fn": fn, "fp": fp}


def evaluate(*, verbose: bool = False) -> dict[str, Any]:
    rows = load_ggt("dev")
    predicted = people_per_article(rows)
    counts: dict[str, Counter[str]] = {key: Counter() for key in (*LISTS, "people", "sources")}
    ratios: dict[str, Counter[str]] = {"gold": Counter(), "ours": Counter()}
    unknown_sources: Counter[str] = Counter()  # our sources of unknown gender, by the annotators' gender
    for row in rows:
        ours = predicted_lists(predicted[row["id"]])
        gold = {key: {clean_name(n) for n in row[key]} for key in LISTS}
        for kind in ("people", "sources"):
            ours[kind] = set().union(*(ours[k] for k in LISTS if k.startswith(kind)))
            gold[kind] = set().union(*(gold[k] for k in LISTS if k.startswith(kind)))
        for key, tally in counts.items():
            tally["tp"] += len(gold[key] & ours[key])
            tally["fn"] += len(gold[key] - ours[key])
            tally["fp"] += len(ours[key] - gold[key])
            if verbose and key in ("peopleFemale", "peopleMale", "sourcesFemale", "sourcesMale"):
                for name in sorted(gold[key] - ours[key]):
                    print(f"  FN {key:13s} {row['id']} {name}", file=sys.stderr)
                for name in sorted(ours[key] - gold[key]):
                    print(f"  FP {key:13s} {row['id']} {name}", file=sys.stderr)
        for name in ours["sourcesUnknown"]:
            genders = [k.removeprefix("sources").lower() for k in LISTS if k.startswith("sources") and name in gold[k]]
            gender = genders[0] if genders else "not a gold source"
            unknown_sources[gender] += 1
        for key in LISTS:
            if key.startswith("sources"):
                ratios["gold"][key] += len(row[key])
                ratios["ours"][key] += len(ours[key])
    result: dict[str, Any] = {"articles": len(rows)}
    result["scores"] = {key: prf(c["tp"], c["fn"], c["fp"]) for key, c in counts.items()}
    for side, tally in ratios.items():
        total = sum(tally.values())
        result[f"sources_share_{side}"] = {
            key.removeprefix("sources").lower(): tally[key] / total if total else 0.0
            for key in ("sourcesFemale", "sourcesMale", "sourcesUnknown")
        }
        result[f"sources_count_{side}"] = total
        known = tally["sourcesFemale"] + tally["sourcesMale"]
        result[f"sources_share_{side}"]["female_of_known"] = tally["sourcesFemale"] / known if known else 0.0
    result["our_unknown_sources_by_gold_gender"] = dict(sorted(unknown_sources.items()))
    result["name_table_share_undecided"] = undecided_shares()
    result["published"] = {
        "scores": {k: dict(zip(("precision", "recall", "f1"), v, strict=True)) for k, v in PUBLISHED.items()},
        "sources_share": {
            side: dict(zip(("male", "female", "unknown"), v, strict=True)) for side, v in PUBLISHED_SOURCE_RATIO.items()
        },
    }
    return result


def undecided_shares() -> dict[str, float]:
    """How many of the women and of the men the name table counts (weighted by its counts, names seen at least
    `MIN_OBSERVATIONS` times) have a name between the thresholds, which newsdesk leaves unknown."""
    spec = importlib.util.find_spec("nomquamgender")
    assert spec is not None and spec.submodule_search_locations
    table = json.loads((Path(next(iter(spec.submodule_search_locations))) / "name_data.json").read_text("utf-8"))
    women = men = women_undecided = men_undecided = 0.0
    for _, counts, p_female, *_ in table.values():
        if counts < MIN_OBSERVATIONS:
            continue
        women, men = women + counts * p_female, men + counts * (1 - p_female)
        if MALE_AT < p_female < FEMALE_AT:
            women_undecided += counts * p_female
            men_undecided += counts * (1 - p_female)
    return {"women": women_undecided / women, "men": men_undecided / men}


def rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="list misses and false alarms on stderr")
    args = parser.parse_args(argv)
    if not skip_unless_found("ggt"):
        return 2
    result = rounded(evaluate(verbose=args.verbose))
    print(json.dumps(result["scores"], indent=1, sort_keys=True))
    if not args.no_write:
        path = write_json("voices.json", result)
        print(f"wrote {path} (benchmarks/results_page.py makes the tables)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
