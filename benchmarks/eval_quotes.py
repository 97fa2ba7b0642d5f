"""Score newsdesk's quote attribution on public gold data; write ``benchmarks/results/quotes.json``.

    .venv/bin/python benchmarks/eval_quotes.py [--polnear-split dev|train|both] [--speed N]

Data (the data sets of `newsdesk.datasets`, found in ``$NEWSDESK_DATA`` or the cache; never shipped):

* ``ggt``: GenderGapTracker dev (``ggt_dev.jsonl``).
* ``polnear``: PolNeAR (``data/<split>/``); dev and train by default (train is where the wide scope was
  developed, so the train/dev gap is reported beside dev).
* ``bbc`` for ``--speed``.

How we match (the numbers mean exactly this):

GGT, the tracker's own measure (``evaluate_quotes.py``): gold quotes are taken in order; each is matched to
the not-yet-matched prediction with the highest score = |gold chars covered by the prediction| / |gold
chars|, if that score is above the threshold (0.3 or 0.8). Precision = matched / predicted, recall =
matched / gold. The 12 gold quotes whose span could not be anchored in the text (``quote_span`` null; one
article's text is missing altogether) are left out, and their number is reported.
Speaker accuracy (resolved): on the quotes matched at 0.3, our ``speaker`` equals the gold ``reference``
after case-folding, dropping a possessive 's, punctuation and a leading article, and collapsing spaces. We
also report the tracker's own speaker measure (speaker span overlaps the gold span, or both empty for floating quotes).

PolNeAR: every SOURCE, CUE and CONTENT span of the gold (discontinuous spans split into their fragments;
Discard/Discuss spans ignored) against our unique ``speaker_*``, ``cue_*`` and content spans, per article.
Articles annotated by several annotators are scored against the first annotator in sorted order.
*Exact*: both spans are equal after trimming white space, quotation marks and edge punctuation, and a
leading "that " (our content leaves out the complementiser; the gold includes it). *Overlap*: a prediction and
a gold span share at least one character; pairs are matched one-to-one, largest overlap first. Gold
speakers are surface mentions, so the predicted mention (not the resolved name) is scored.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from _shared import parse_cached
from newsdesk.datasets import DatasetNotFoundError, load_bbc, load_ggt, load_polnear, locate
from newsdesk.io.articles import Article, read_text
from newsdesk.nlp import load_model
from newsdesk.quotes.finder import QuoteFinder
from newsdesk.records import Quote
from scoring import exact_matches, norm_name, overlap_matches, overlap_pairs, prf

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "quotes.json"

Span = tuple[int, int]


FINDER: QuoteFinder | None = None  # None: the pipeline's default finder, QuoteFinder()


_DOCS: dict[str, Doc] = {}


def run(
    articles: Sequence[Article], finder: QuoteFinder | None = None
) -> tuple[dict[str, list[Quote]], float, float]:
    """Quotes per article id, with the seconds spent parsing and attributing (each text parsed once)."""
    nlp = load_model()
    finder = finder or FINDER or QuoteFinder()
    todo = [a for a in articles if a.id not in _DOCS]
    t0 = time.perf_counter()
    for article, doc in zip(todo, parse_cached([a.text for a in todo], nlp), strict=True):
        _DOCS[article.id] = doc
    t1 = time.perf_counter()
    out = {a.id: finder.find(a, _DOCS[a.id]) for a in articles}
    t2 = time.perf_counter()
    return out, t1 - t0, t2 - t1


# -- GGT ---------------------------------------------------------------------------------------------


def ggt_match(gold: Sequence[dict[str, Any]], pred: Sequence[Quote], threshold: float) -> list[tuple[int, int]]:
    """(gold index, pred index) pairs, the tracker's greedy rule (`scoring.overlap_pairs`)."""
    spans = [(q["quote_span"][0], q["quote_span"][1]) if q.get("quote_span") else None for q in gold]
    return overlap_pairs(spans, [(q.start, q.end) for q in pred], threshold)


def eval_ggt(*, verbose: bool = False, finder: QuoteFinder | None = None) -> dict[str, Any]:
    rows = load_ggt("dev")  # read afresh: the quotes without a span are dropped from these rows below
    articles = [read_text(row["text"], id=row["id"], headline="") for row in rows]
    predicted, parse_s, quote_s = run(articles, finder)
    # a few gold quotes could not be anchored in the text (quote_span null); they cannot be scored by offsets
    excluded = sum(1 for row in rows for q in row["quotes"] if not q.get("quote_span"))
    for row in rows:
        row["quotes"] = [q for q in row["quotes"] if q.get("quote_span")]
    result: dict[str, Any] = {"articles": len(rows), "gold_quotes": sum(len(r["quotes"]) for r in rows),
                              "gold_quotes_excluded_without_span": excluded}
    by_kind: Counter[str] = Counter()
    for threshold in (0.3, 0.8):
        tp = n_pred = n_gold = speaker_ok = span_ok = 0
        for row in rows:
            gold, pred = row["quotes"], predicted[row["id"]]
            pairs = ggt_match(gold, pred, threshold)
            tp, n_pred, n_gold = tp + len(pairs), n_pred + len(pred), n_gold + len(gold)
            for g, p in pairs:
                q, ours = gold[g], pred[p]
                ok = norm_name(ours.speaker) == norm_name(q["reference"])
                speaker_ok += ok
                if threshold == 0.3:
                    by_kind[f"{ours.kind}_matched"] += 1
                    by_kind[f"{ours.kind}_speaker_ok"] += ok
                    if verbose and not ok:
                        print(f"  SPK {row['id']} gold={q['reference']!r} ({q['speaker']!r}) ours={ours.speaker!r} "
                              f"({ours.speaker_mention!r}) :: {ours.text[:70]!r}", file=sys.stderr)
                gspan = q.get("speaker_span")
                if gspan and ours.speaker_start is not None:
                    span_ok += min(gspan[1], ours.speaker_end or 0) > max(gspan[0], ours.speaker_start)
                elif not q["speaker"].strip() and ours.speaker_start is None:
                    span_ok += 1
            if verbose and threshold == 0.3:
                matched_g = {g for g, _ in pairs}
                matched_p = {p for _, p in pairs}
                for g, q in enumerate(gold):
                    if g not in matched_g:
                        print(f"  FN {row['id']} {q['quote'][:90]!r} [{q['speaker']}|{q['verb']}]", file=sys.stderr)
                for p, ours in enumerate(pred):
                    if p not in matched_p:
                        print(f"  FP {row['id']} {ours.kind} {ours.text[:90]!r} [{ours.speaker_mention}|{ours.cue}]",
                              file=sys.stderr)
        key = f"overlap_{int(threshold * 100)}"
        result[key] = prf(tp, n_pred, n_gold)
        result[key]["speaker_accuracy_resolved"] = speaker_ok / tp if tp else 0.0
        result[key]["f1_counting_unanchored_gold_as_misses"] = prf(tp, n_pred, n_gold + excluded)["f1"]
        result[key]["speaker_span_match"] = span_ok / tp if tp else 0.0
    result["by_kind_at_30"] = {
        kind: {
            "matched": by_kind[f"{kind}_matched"],
            "speaker_accuracy": by_kind[f"{kind}_speaker_ok"] / by_kind[f"{kind}_matched"]
            if by_kind[f"{kind}_matched"] else 0.0,
        }
        for kind in ("direct", "mixed", "indirect")
    }
    result["_timing"] = {"parse_s": parse_s, "quotes_s": quote_s}
    return result


# -- PolNeAR -----------------------------------------------------------------------------------------


def read_ann(ann: str) -> dict[str, list[Span]]:
    """The SOURCE, CUE and CONTENT spans of a BRAT standoff annotation (the .ann file's text)."""
    spans: dict[str, list[Span]] = {"Source": [], "Cue": [], "Content": []}
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].startswith("T"):
            continue
        label, _, offsets = parts[1].partition(" ")
        if label not in spans:
            continue
        for fragment in offsets.split(";"):
            a, b = fragment.split()
            spans[label].append((int(a), int(b)))
    return spans


def eval_polnear(split: str, *, finder: QuoteFinder | None = None) -> dict[str, Any]:
    articles, golds = [], {}
    for document in load_polnear(split):  # sorted by name, each with its first annotator in sorted order
        articles.append(read_text(document.text, id=document.name))
        golds[document.name] = read_ann(document.ann)
    predicted, parse_s, quote_s = run(articles, finder)
    counts: Counter[str] = Counter()
    for article in articles:
        text, gold, pred = article.text, golds[article.id], predicted[article.id]
        ours: dict[str, list[Span]] = {
            "Source": sorted(
                {(q.speaker_start, q.speaker_end) for q in pred if q.speaker_start is not None and q.speaker_end}
            ),
            "Cue": sorted({(q.cue_start, q.cue_end) for q in pred if q.cue_start is not None and q.cue_end}),
            "Content": sorted({(q.start, q.end) for q in pred}),
        }
        for label in ("Source", "Cue", "Content"):
            g = gold[label]
            p = ours[label]
            counts[f"{label}_gold"] += len(g)
            counts[f"{label}_pred"] += len(p)
            counts[f"{label}_exact"] += exact_matches(text, g, p, that=label == "Content")
            counts[f"{label}_overlap"] += overlap_matches(g, p)
    result: dict[str, Any] = {"articles": len(articles), "split": split}
    for label, key in (("Source", "speaker"), ("Cue", "cue"), ("Content", "content")):
        result[key] = {
            "exact": prf(counts[f"{label}_exact"], counts[f"{label}_pred"], counts[f"{label}_gold"]),
            "overlap": prf(counts[f"{label}_overlap"], counts[f"{label}_pred"], counts[f"{label}_gold"]),
        }
    result["_timing"] = {"parse_s": parse_s, "quotes_s": quote_s}
    return result


# -- speed -------------------------------------------------------------------------------------------


def speed(n: int) -> dict[str, float]:
    rows = load_bbc()[:n]
    articles = [read_text(row["title"] + "\n" + row["text"], id=row["id"]) for row in rows]
    nlp = load_model()
    nlp("warm up")
    finder = QuoteFinder()
    best_parse = best_quotes = float("inf")
    for _ in range(2):
        t0 = time.perf_counter()
        docs = list(nlp.pipe([a.text for a in articles], batch_size=32))
        t1 = time.perf_counter()
        for article, doc in zip(articles, docs, strict=True):
            finder.find(article, doc)
        t2 = time.perf_counter()
        best_parse, best_quotes = min(best_parse, t1 - t0), min(best_quotes, t2 - t1)
    return {"articles": n, "parse_s": best_parse, "quotes_s": best_quotes, "ratio": best_quotes / best_parse}


def rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items() if not k.startswith("_")}
    return value


def _print_polnear(name: str, result: dict[str, Any]) -> None:
    print(f"PolNeAR {name} ({result['articles']} articles)   P       R       F1")
    for key in ("speaker", "cue", "content"):
        for mode in ("exact", "overlap"):
            m = result[key][mode]
            print(f"  {key:8s} {mode:8s}              {m['precision']:.4f}  {m['recall']:.4f}  {m['f1']:.4f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--polnear-split", default="both", choices=["dev", "train", "both"],
                        help="PolNeAR split(s) to score (default both: dev, and train beside it)")
    parser.add_argument("--speed", type=int, default=0, help="also time N BBC articles (printed, not saved)")
    parser.add_argument("--verbose", action="store_true", help="list GGT misses and false alarms on stderr")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--classes", default="", help="comma-separated cue classes (default: the library default)")
    args = parser.parse_args(argv)
    global FINDER
    if args.classes:
        FINDER = QuoteFinder(classes=args.classes.split(","))
    try:
        for name in ("ggt", "polnear", *(("bbc",) if args.speed else ())):
            locate(name)
    except DatasetNotFoundError as error:
        print(error, file=sys.stderr)
        return 2
    splits = ("dev", "train") if args.polnear_split == "both" else (args.polnear_split,)
    ggt = eval_ggt(verbose=args.verbose)
    every_finder = QuoteFinder(attributions="all")
    ggt_every = eval_ggt(finder=every_finder)
    polnear = {split: eval_polnear(split) for split in splits}
    every = {split: eval_polnear(split, finder=every_finder) for split in splits}
    print("GGT dev (tracker's matching)        P       R       F1    speaker(resolved)  speaker(span)")
    for key in ("overlap_30", "overlap_80"):
        m = ggt[key]
        print(f"  quotes @{key[-2:]}%              {m['precision']:.4f}  {m['recall']:.4f}  {m['f1']:.4f}"
              f"   {m['speaker_accuracy_resolved']:.4f}             {m['speaker_span_match']:.4f}")
    print(f"GGT dev, attributions='all': quotes @30% F1 {ggt_every['overlap_30']['f1']:.4f}")
    for split in splits:
        _print_polnear(split, polnear[split])
        _print_polnear(f"{split}, attributions='all'", every[split])
    for name, part in (("GGT", ggt), *((f"PolNeAR {s}", polnear[s]) for s in splits)):
        t = part["_timing"]
        print(f"timing {name}: parse (or parse cache) {t['parse_s']:.2f}s, quotes {t['quotes_s']:.2f}s; "
              "speed ratios come from benchmarks/speed.py")
    if args.speed:
        s = speed(args.speed)
        print(f"speed on {s['articles']} BBC articles: parse {s['parse_s']:.2f}s, quotes {s['quotes_s']:.2f}s, "
              f"ratio {s['ratio']:.3f}")
    if not args.no_write and args.polnear_split == "both":
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "ggt_dev": rounded(ggt),
            "polnear_dev": rounded(polnear["dev"]),
            "polnear_dev_all": rounded(every["dev"]),
            "polnear_train": rounded(polnear["train"]),
            "polnear_train_all": rounded(every["train"]),
            "ggt_dev_all": rounded(ggt_every),
            "configuration": {
                "ggt_dev": "QuoteFinder() (the pipeline default, attributions='speech')",
                "polnear_dev": "QuoteFinder() (the pipeline default, attributions='speech')",
                "polnear_dev_all": "QuoteFinder(attributions='all'): speech, thoughts, stances, impressions, topics",
                "polnear_train": "as polnear_dev, on the train split (where the wide scope's rules were developed)",
                "polnear_train_all": "as polnear_dev_all, on the train split",
                "ggt_dev_all": "QuoteFinder(attributions='all') on GGT, to show what the wider scope costs there",
            },
            "matching": "see the docstring of benchmarks/eval_quotes.py",
        }
        RESULTS.write_text(json.dumps(payload, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {RESULTS.relative_to(ROOT)} (benchmarks/results_page.py makes the tables)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
