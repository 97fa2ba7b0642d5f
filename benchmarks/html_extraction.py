"""Main-text quality of newsdesk's HTML reader on the ScrapingHub article-extraction benchmark (AEB).

Scores the body newsdesk keeps (headline and byline removed) against AEB's ``articleBody``, and in
the same run trafilatura's own default extraction, with AEB's published metric: 4-token shingles,
per-page true/false positives normalised so long pages weigh no more than short ones, precision and
recall averaged over pages, F1 from the two means.

    .venv/bin/python benchmarks/html_extraction.py

Data: the ``aeb`` data set of `newsdesk.datasets` (``$NEWSDESK_DATA``, the cache, or ``newsdesk data fetch aeb``).

Writes benchmarks/results/html.json.
"""

from __future__ import annotations

import argparse
import gzip
import sys

import trafilatura

from _shared import skip_unless_found, write_json
from newsdesk import ArticleError, read_article
from newsdesk.datasets import load_aeb
from scoring import page_counts, page_scores


def main() -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    if not skip_unless_found("aeb"):
        return 0
    pages = load_aeb()
    ours, baseline, failures = [], [], []
    for page in pages:
        path, body = page.html, page.body
        try:
            ours.append(page_counts(body, read_article(path).body))
        except ArticleError as error:
            failures.append(str(error))
            ours.append(page_counts(body, ""))
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        baseline.append(page_counts(body, trafilatura.extract(html) or ""))
    result = {
        "data": "ScrapingHub article-extraction-benchmark, 181 pages",
        "metric": "AEB shingle P/R/F1 (n=4), page-normalised, means over pages",
        "pages": len(pages),
        "newsdesk": page_scores(ours),
        "trafilatura_default": {**page_scores(baseline), "version": trafilatura.__version__},
        "newsdesk_unreadable_pages": failures,
    }
    write_json("html.json", result)
    print(f"{'reader':<22} precision  recall  F1")
    for name in ("newsdesk", "trafilatura_default"):
        s = result[name]
        print(f"{name:<22} {s['precision']:.3f}      {s['recall']:.3f}   {s['f1']:.3f}")
    print(f"pages newsdesk could not read: {len(failures)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
