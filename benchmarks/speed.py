"""How much newsdesk's extraction stages add to spaCy's own parse, as ratios measured in one process.

Machines here are noisy, so no absolute time is reported as a result: each round parses the same BBC
articles with spaCy (the baseline) and then runs every stage component `newsdesk.analyze` runs
(`newsdesk.pipeline.stage_factories`, in order) over those Docs; the ratio stage time / parse time is
taken per round and the median over rounds is reported. Rounds interleave baseline and stages so that
drift in machine speed hits both.

    .venv/bin/python benchmarks/speed.py [--articles 400] [--rounds 3]

Data: the ``bbc`` data set of `newsdesk.datasets`. Writes benchmarks/results/speed.json.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from _shared import skip_unless_found, write_json
from newsdesk import read_articles
from newsdesk.datasets import locate
from newsdesk.nlp import load_model, parse
from newsdesk.pipeline import stage_factories
from newsdesk.stages import Stage


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400, help="how many BBC articles (every k-th, by id)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not skip_unless_found("bbc"):
        return 0
    corpus = locate("bbc") / "bbc_news.jsonl"
    everything = sorted(read_articles(corpus), key=lambda a: a.id)
    step = max(1, len(everything) // args.articles)
    articles = everything[::step][: args.articles]
    words = sum(len(a.text.split()) for a in articles)
    nlp = load_model()
    list(nlp.pipe(a.text for a in articles[:20]))  # warm up

    stages: list[Stage] = [
        nlp.create_pipe(factory, name=factory, config=config) for factory, config in stage_factories()
    ]
    ratios: dict[str, list[float]] = {stage.stage_name: [] for stage in stages}
    parse_seconds: list[float] = []
    for _ in range(args.rounds):
        started = time.perf_counter()
        docs = [doc for _, doc in parse(articles, nlp=nlp, batch_size=32)]
        parse_time = time.perf_counter() - started
        parse_seconds.append(parse_time)
        for stage in stages:  # in order: figures read the quotes the quote stage attached
            started = time.perf_counter()
            for doc in docs:
                stage(doc)
            ratios[stage.stage_name].append((time.perf_counter() - started) / parse_time)

    result = {
        "corpus": "BBC News 2004-05 (shared/corpus/bbc)",
        "articles": len(articles),
        "words": words,
        "rounds": args.rounds,
        "spacy_model": f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}",
        "timing": {  # machine-dependent: a rerun changes only these
            "parse_words_per_second_median": round(words / statistics.median(parse_seconds)),
            "stage_time_over_parse_time": {name: round(statistics.median(r), 4) for name, r in ratios.items()},
        },
    }
    write_json("speed.json", result)
    timing = result["timing"]
    assert isinstance(timing, dict)
    print(f"{len(articles)} articles, {words} words; spaCy parse {timing['parse_words_per_second_median']} words/s")
    for name, ratio in timing["stage_time_over_parse_time"].items():
        print(f"  {name:<10} adds {ratio:.1%} to the parse time")
    if not stages:
        print("  (no extraction stage is registered yet)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
