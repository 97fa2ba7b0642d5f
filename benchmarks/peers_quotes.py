"""newsdesk and textacy's direct-quote extractor on the same GGT dev articles, in the same process.

    .venv/bin/python benchmarks/peers_quotes.py

Data: the ``ggt`` data set of `newsdesk.datasets` (GGT dev, 49 articles). Peer: textacy's
``extract.triples.direct_quotations`` (the ``bench`` extra), run on the very spaCy Docs newsdesk reads.

What is scored (the tracker's matching, `scoring.overlap_pairs`; gold quotes without an anchored span left
out, as in ``eval_quotes.py``):

* ``all_quotes``: every gold quote against every quote a system gives, F1 at >=30% and >=80% overlap.
  textacy finds direct quotes only, so its recall is capped by the 59% of gold quotes with quotation marks.
* ``direct_quotes``: the gold quotes with quotation marks (``has_quote_marks``) against the quotes a system
  gives that carry marks (newsdesk's ``direct`` and ``mixed`` rows; all of textacy's).
* ``speaker_span``: on the pairs matched at 30%, the share whose speaker span overlaps the gold speaker span
  (the tracker's own speaker measure; both systems give a surface speaker with offsets).

textacy raises ``ValueError`` on an article with an odd number of quotation marks ("unclosed quotation")
and returns nothing for it: those articles count as its misses (every gold quote in them unmatched), and
their number is reported. Writes ``benchmarks/results/peers_quotes.json``.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Callable, Sequence
from importlib.metadata import version
from typing import Any

from spacy.tokens import Doc

from _shared import parse_cached, skip_unless_found, write_json
from newsdesk.datasets import load_ggt
from newsdesk.io.articles import read_text
from newsdesk.nlp import load_model
from newsdesk.quotes.finder import QuoteFinder
from scoring import Span, overlap_pairs, prf

#: One predicted quote: its content span and its speaker span (None when it has none).
Predicted = tuple[Span, Span | None]


def textacy_quotes(doc: Doc) -> list[Predicted] | None:
    """textacy's direct quotations in ``doc`` as character spans, or None when it refuses the article."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from textacy.extract.triples import direct_quotations
    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # "N quotation marks found, indicating an unclosed quotation"
        return None
    out: list[Predicted] = []
    for triple in triples:
        speaker = (triple.speaker[0].idx, triple.speaker[-1].idx + len(triple.speaker[-1])) if triple.speaker else None
        out.append(((triple.content.start_char, triple.content.end_char), speaker))
    return out


def newsdesk_quotes(finder: QuoteFinder, kinds: set[str]) -> Callable[[Any, Doc], list[Predicted]]:
    def find(article: Any, doc: Doc) -> list[Predicted]:
        out: list[Predicted] = []
        for q in finder.find(article, doc):
            if q.kind not in kinds:
                continue
            speaker = (q.speaker_start, q.speaker_end) if q.speaker_start is not None and q.speaker_end else None
            out.append(((q.start, q.end), speaker))
        return out

    return find


def score(gold_rows: Sequence[list[dict[str, Any]]], predicted: Sequence[list[Predicted]]) -> dict[str, Any]:
    """F1 at 30% and 80% overlap and the speaker-span match of the 30% pairs, summed over articles."""
    result: dict[str, Any] = {}
    for threshold in (0.3, 0.8):
        tp = n_pred = n_gold = speaker_ok = 0
        for gold, pred in zip(gold_rows, predicted, strict=True):
            spans: list[Span | None] = [(q["quote_span"][0], q["quote_span"][1]) for q in gold]
            pairs = overlap_pairs(spans, [p[0] for p in pred], threshold)
            tp, n_pred, n_gold = tp + len(pairs), n_pred + len(pred), n_gold + len(gold)
            for g, p in pairs:
                gspan, ours = gold[g].get("speaker_span"), pred[p][1]
                if gspan and ours:
                    speaker_ok += min(gspan[1], ours[1]) > max(gspan[0], ours[0])
                elif not gold[g]["speaker"].strip() and ours is None:
                    speaker_ok += 1
        key = f"overlap_{int(threshold * 100)}"
        result[key] = {k: round(v, 4) if isinstance(v, float) else v for k, v in prf(tp, n_pred, n_gold).items()}
        result[key]["speaker_span_match"] = round(speaker_ok / tp, 4) if tp else 0.0
    return result


def evaluate() -> dict[str, Any]:
    rows = load_ggt("dev")
    articles = [read_text(row["text"], id=row["id"], headline="") for row in rows]
    docs = parse_cached([a.text for a in articles], load_model())
    gold_all = [[q for q in row["quotes"] if q.get("quote_span")] for row in rows]
    gold_direct = [[q for q in quotes if q.get("has_quote_marks")] for quotes in gold_all]
    finder = QuoteFinder()
    systems = {
        "newsdesk": (newsdesk_quotes(finder, {"direct", "mixed", "indirect"}),
                     newsdesk_quotes(finder, {"direct", "mixed"})),
    }  # fmt: skip
    result: dict[str, Any] = {
        "data": "GGT dev (gendergaptracker/ggt_dev.jsonl)",
        "articles": len(rows),
        "gold_quotes": sum(map(len, gold_all)),
        "gold_quotes_with_marks": sum(map(len, gold_direct)),
        "systems": {},
    }
    for name, (every, marked) in systems.items():
        all_pred = [every(a, d) for a, d in zip(articles, docs, strict=True)]
        marked_pred = [marked(a, d) for a, d in zip(articles, docs, strict=True)]
        result["systems"][name] = {"all_quotes": score(gold_all, all_pred),
                                   "direct_quotes": score(gold_direct, marked_pred)}  # fmt: skip
    try:
        peer = [textacy_quotes(doc) for doc in docs]
    except ImportError:
        result["peers"] = {"textacy": "not installed"}
        return result
    refused = [i for i, quotes in enumerate(peer) if quotes is None]
    peer_pred = [quotes or [] for quotes in peer]
    result["peers"] = {"textacy": version("textacy")}
    result["systems"]["textacy"] = {
        "all_quotes": score(gold_all, peer_pred),
        "direct_quotes": score(gold_direct, peer_pred),
        "refused_articles": len(refused),
        "gold_quotes_in_refused_articles": sum(len(gold_all[i]) for i in refused),
        "gold_quotes_with_marks_in_refused_articles": sum(len(gold_direct[i]) for i in refused),
    }
    return result


def main(argv: Sequence[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)
    if not skip_unless_found("ggt"):
        return 2
    result = evaluate()
    for name, scores in result["systems"].items():
        for part in ("all_quotes", "direct_quotes"):
            m = scores[part]["overlap_30"]
            print(f"{name:9s} {part:14s} F1@30 {m['f1']:.3f} (P {m['precision']:.3f}, R {m['recall']:.3f}) "
                  f"speaker span {m['speaker_span_match']:.3f}")
    if "textacy" in result["systems"]:
        print(f"textacy refused {result['systems']['textacy']['refused_articles']} of {result['articles']} articles")
    path = write_json("peers_quotes.json", result)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
