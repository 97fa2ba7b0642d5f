"""``benchmarks/RESULTS.md``, made from the JSON files in ``benchmarks/results/`` and nothing else.

    .venv/bin/python benchmarks/results_page.py [--check]

The same text goes into README.md between the ``<!-- results:start -->`` and ``<!-- results:end -->``
markers; ``--check`` only compares and exits 1 when either file differs from what the JSON gives.
Every row names the data set, the split, the metric, and the peer with where its number comes from:
*same run* (installed from PyPI and run on the same cases in the same process), *published* (as its
authors report it, on the split named) or *measured earlier* (by the project's research notes, with
the tool a PyPI install cannot run here today). ``published.json`` and ``heldout.json`` are written by
hand with their sources; every other file is written by a script that ``run_all.py`` runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
PAGE = ROOT / "benchmarks" / "RESULTS.md"
README = ROOT / "README.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"
#: (name, script, the results file it writes), in the order `run_all.py` runs them.
SCRIPTS = (
    ("html", "html_extraction.py", "html.json"),
    ("quotes", "eval_quotes.py", "quotes.json"),
    ("quote peers", "peers_quotes.py", "peers_quotes.json"),
    ("voices", "eval_voices.py", "voices.json"),
    ("figures", "eval_figures.py", "figures.json"),
    ("stance", "eval_stance.py", "stance.json"),
    ("speed", "speed.py", "speed.json"),
    ("throughput", "throughput.py", "throughput.json"),
)
HEADER = "| capability | data set | split | metric | newsdesk | peer | peer's score | peer's number is |"
#: A row of the main table, in the order of HEADER.
Row = tuple[str, str, str, str, str, str, str, str]


def load(name: str, folder: Path = RESULTS) -> dict[str, Any] | None:
    """One results file without its ``timing`` (None when absent)."""
    path = folder / name
    if not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def _f(value: float, digits: int = 3) -> str:
    return f"{value:.{digits}f}"


def _prf(m: dict[str, Any]) -> str:
    return f"{m['f1']:.3f} (P {m['precision']:.3f}, R {m['recall']:.3f})"


def quote_rows(quotes: dict[str, Any], peers: dict[str, Any] | None, pub: dict[str, Any]) -> Iterator[Row]:
    ggt, g30, g80 = quotes["ggt_dev"], quotes["ggt_dev"]["overlap_30"], quotes["ggt_dev"]["overlap_80"]
    data = f"GGT ({ggt['articles']} articles, {ggt['gold_quotes']} anchored quotes)"
    tracker = pub["ggt_rules"]
    tx = (peers or {}).get("systems", {}).get("textacy")
    refused = f"same run; refused {tx['refused_articles']} of {peers['articles']} articles, counted as misses" if (
        tx and peers) else ""
    yield ("quotes", data, "dev", "quote F1, >=30% overlap", _prf(g30), "GGT rules", _f(tracker["f1_30"]),
           tracker["where"])
    if tx:
        yield ("quotes", data, "dev", "quote F1, >=30% overlap", _prf(g30), "textacy direct_quotations",
               _prf(tx["all_quotes"]["overlap_30"]), refused)
    yield ("quotes", data, "dev", "quote F1, >=80% overlap", _prf(g80), "GGT rules", _f(tracker["f1_80"]),
           tracker["where"])
    if tx and peers:
        ours = peers["systems"]["newsdesk"]["direct_quotes"]["overlap_30"]
        yield ("quotes", f"GGT, the {peers['gold_quotes_with_marks']} quotes with quotation marks", "dev",
               "direct quote F1, >=30% overlap (ours: direct and mixed rows)", _prf(ours),
               "textacy direct_quotations", _prf(tx["direct_quotes"]["overlap_30"]), refused)
        yield ("quotes", data, "dev", "speaker span overlaps gold, matched quotes",
               _f(g30["speaker_span_match"]), "textacy direct_quotations",
               _f(tx["all_quotes"]["overlap_30"]["speaker_span_match"]), refused)
    kinds = ", ".join(f"{k} {v['speaker_accuracy']:.3f}" for k, v in sorted(ggt["by_kind_at_30"].items()))
    yield ("quotes", data, "dev", "resolved speaker accuracy, matched quotes",
           f"{_f(g30['speaker_accuracy_resolved'])} ({kinds})", "GGT rules", _f(tracker["speaker"]), tracker["where"])
    wide = quotes["ggt_dev_all"]["overlap_30"]
    yield ("quotes", data, "dev", 'quote F1, >=30% overlap, `attributions="all"`', _prf(wide), "-", "-", "-")
    cofenet = pub["cofenet"]
    # PolNeAR train (where the wide scope's rules were developed) beside dev, when eval_quotes.py scored it
    for split in ("dev", "train"):
        for key, scope in ((f"polnear_{split}", ""), (f"polnear_{split}_all", ', `attributions="all"`')):
            if key not in quotes:
                continue
            result = quotes[key]
            for part in ("speaker", "cue", "content"):
                for mode in ("exact", "overlap"):
                    peer = ("BERT+CofeNet", _f(cofenet[part]), cofenet["where"]) if mode == "exact" else ("-",) * 3
                    yield ("quotes", f"PolNeAR ({result['articles']} articles)", split,
                           f"{part} F1, {mode} span{scope}", _prf(result[part][mode]), *peer)


def voice_rows(voices: dict[str, Any]) -> Iterator[Row]:
    data, where = f"GGT ({voices['articles']} articles)", "published, the tracker's 98 articles (its evaluation README)"
    labels = {"peopleFemale": "people, female", "peopleMale": "people, male", "sourcesFemale": "sources, female",
              "sourcesMale": "sources, male", "people": "people, any gender", "sources": "sources, any gender"}
    for key, label in labels.items():
        ours, peer = voices["scores"][key], voices["published"]["scores"].get(key)
        gold = ours["tp"] + ours["fn"]
        yield ("voices", data, "dev", f"F1 %, {label} ({gold} gold names)",
               f"{ours['f1']:.1f} (P {ours['precision']:.1f}, R {ours['recall']:.1f})",
               "GGT rules" if peer else "-", f"{peer['f1']:.1f}" if peer else "-", where if peer else "-")
    ours, gold = voices["sources_share_ours"], voices["sources_share_gold"]
    published = voices["published"]["sources_share"]
    yield ("voices", data, "dev", "female share of sources (annotators on the same articles: "
           f"{gold['female']:.3f})", _f(ours["female"]), "GGT rules", _f(published["system"]["female"]),
           f"published, 98 articles (annotators there: {published['annotators']['female']:.3f})")


def figure_rows(figures: dict[str, Any], pub: dict[str, Any]) -> Iterator[Row]:
    nq = figures["newsquant_dev"]
    q3 = figures["peers"].get("quantulum3", "not installed")
    data = f"NewsQuant ({nq['newsdesk']['sentences']} sentences, {nq['newsdesk']['gold']} quantities)"
    for metric, label in (("value", "value F1 %, CQE's rule"), ("value+unit", "value+unit F1 %, CQE's rule")):
        ours = nq["newsdesk"][metric]
        cell = f"{ours['F1']} (P {ours['P']}, R {ours['R']})"
        if "quantulum3" in nq:
            theirs = nq["quantulum3"][metric]
            yield ("figures", data, "dev", label, cell, f"quantulum3 {q3}",
                   f"{theirs['F1']} (P {theirs['P']}, R {theirs['R']})", "same run")
        peers = pub["newsquant"][metric]
        yield ("figures", "NewsQuant", "newsdesk: dev; peers: full set (dev + held-out)", label, cell,
               " / ".join(p["peer"] for p in peers), " / ".join(p["score"] for p in peers), pub["newsquant"]["where"])
    rt = pub["recognizers_text"]
    for suite, by_system in figures["suites"].items():
        ours = by_system["newsdesk"]
        data = f"{suite} ({ours['cases']} cases)"
        if "quantulum3" in by_system:
            yield ("figures", data, "all", "case accuracy", _f(ours["case_accuracy"]), f"quantulum3 {q3}",
                   _f(by_system["quantulum3"]["case_accuracy"]), "same run")
        if suite in rt["case_accuracy"]:
            yield ("figures", data, "all", "case accuracy", _f(ours["case_accuracy"]), "Recognizers-Text (PyPI)",
                   _f(rt["case_accuracy"][suite]), rt["where"])


def html_rows(page: dict[str, Any]) -> Iterator[Row]:
    ours, peer = page["newsdesk"], page["trafilatura_default"]
    yield ("HTML reading", f"ScrapingHub AEB ({page['pages']} pages)", "all", "main-text shingle F1 (AEB's metric)",
           _prf(ours), f"trafilatura {peer['version']} defaults", _prf(peer), "same run")


def stance_rows(stance: dict[str, Any], pub: dict[str, Any]) -> Iterator[Row]:
    """Rows for ``stance.json`` (FNC-1 and SemEval-2016 as ``eval_stance.py`` writes them; any other layout
    as each of its numbers by key path), then the published peers to read them by."""
    fnc, semeval = stance.get("fnc1", {}), stance.get("semeval2016", {})
    known = "newsdesk" in fnc or "f_avg" in semeval
    if "newsdesk" in fnc:
        split, ours, base = fnc.get("split", {}), fnc["newsdesk"], fnc.get("tfidf_cosine_baseline", {})
        data = f"FNC-1 ({split.get('held_out_pairs', '?')} pairs)"
        where = (f"train, held-out {split.get('held_out_share_of_bodies', 0):.0%} of bodies "
                 f"(seed {split.get('seed', '?')})")
        for key, metric in (("fnc_score_pct", "FNC score % of max"), ("macro_f1", "macro-F1, 4 classes")):
            peer = ("TF-IDF cosine baseline", _number(base[key]), "same run") if key in base else ("-", "-", "-")
            yield ("stance", data, where, metric, _number(ours[key]), *peer)
    if "f_avg" in semeval:
        ref = semeval.get("reference", {})
        yield ("stance", f"SemEval-2016 6A ({semeval.get('tweets', '?')} tweets)",
               f"train, {semeval.get('folds', '?')}-fold cross-validation", "F_avg %", _number(semeval["f_avg"]),
               "SVM n-grams / best team", " / ".join(_number(ref[k]) for k in sorted(ref, reverse=True)) or "-",
               "published, official test split" if ref else "-")
    if not known:
        for path, value in _leaves(stance):
            yield ("stance", "see key", "see key", path, _number(value), "-", "-", "-")
    for peer in pub["stance"]:
        yield ("stance", peer["data"], peer["split"], peer["metric"], "see above", peer["peer"], peer["score"],
               peer["where"])


def _number(value: float) -> str:
    return str(value) if isinstance(value, int) else f"{value:.4g}"


def _leaves(data: Any, prefix: str = "") -> Iterator[tuple[str, float]]:
    """Every number in ``data`` with its key path, ``timing`` left out."""
    if isinstance(data, dict):
        for key in sorted(data):
            if key != "timing":
                yield from _leaves(data[key], f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(data, int | float) and not isinstance(data, bool):
        yield prefix, data


def table(rows: list[Row]) -> list[str]:
    return [HEADER, "|" + "---|" * len(HEADER.split("|")[1:-1]), *("| " + " | ".join(row) + " |" for row in rows)]


def heldout_lines(heldout: dict[str, Any]) -> list[str]:
    lines = ["| data set | metric | dev | held-out | held-out split |", "|---|---|---|---|---|"]
    lines += [f"| {r['data']} | {r['metric']} | {r['dev']:.3f} | {r['heldout']:.3f} | {r['heldout_split']} |"
              for r in heldout["rows"]]
    return [*lines, "", f"Held-out numbers: {heldout['source']}"]


def speed_lines(speed: dict[str, Any] | None, throughput: dict[str, Any] | None) -> list[str]:
    lines = []
    if speed:
        timing = speed["timing"]
        ratios = ", ".join(f"{name} {ratio:.1%}" for name, ratio in timing["stage_time_over_parse_time"].items())
        lines.append(f"**Speed** (`benchmarks/speed.py`, {speed['corpus']}, {speed['articles']} articles, "
                     f"{speed['words']:,} words, median of {speed['rounds']} rounds, one process; the peer is spaCy's "
                     f"own parse of the same texts): each stage adds to the parse time {ratios}.")
    if throughput and isinstance(throughput.get("ratios"), dict):
        ratios = ", ".join(f"{name} {_number(value)}" for name, value in throughput["ratios"].items())
        lines.append(f"**Throughput** (`benchmarks/throughput.py`, {throughput.get('articles', '?')} BBC articles; "
                     f"machine-dependent ratios): {ratios}; same tables in every run: "
                     f"{throughput.get('same_tables', '?')}.")
    elif throughput:  # its numbers are timings by nature: all of them, but the script's own run time
        both = [*_leaves({k: v for k, v in throughput.items() if k != "timing"}),
                *(_leaves(throughput.get("timing", {}), "timing"))]
        numbers = ", ".join(f"{path} {_number(value)}" for path, value in both if path != "timing.run_seconds")
        lines.append(f"**Throughput** (`benchmarks/throughput.py`): {numbers or 'no numbers recorded'}.")
    return lines


def render(folder: Path = RESULTS) -> str:
    """The whole page, from the files in ``folder``."""
    pub = load("published.json", folder) or {}
    runs = load("runs.json", folder) or {}
    rows: list[Row] = []
    quotes, voices, figures = load("quotes.json", folder), load("voices.json", folder), load("figures.json", folder)
    html, stance = load("html.json", folder), load("stance.json", folder)
    if quotes:
        rows += quote_rows(quotes, load("peers_quotes.json", folder), pub)
    if voices:
        rows += voice_rows(voices)
    if figures:
        rows += figure_rows(figures, pub)
    if stance:
        rows += stance_rows(stance, pub)
    if html:
        rows += html_rows(html)
    when = runs.get("timing", {}).get("date", "not recorded")
    lines = [
        f"Every number below comes from a JSON file in `benchmarks/results/`, written by `make eval` "
        f"(`benchmarks/run_all.py`, last run {when}); `benchmarks/results_page.py` turns them into this page. "
        "*dev* splits were used to find errors while the rules were written, so they are development scores; "
        "the held-out halves below are the independent check.",
        "",
        *table(rows),
        "",
        "Dev against held-out, where both exist:",
        "",
        *heldout_lines(load("heldout.json", folder) or {"rows": [], "source": "no heldout.json"}),
    ]
    extra = speed_lines(load("speed.json", folder), load("throughput.json", folder))
    if extra:
        lines += ["", *extra]
    missing = not_measured(runs, folder)
    lines += ["", "Not measured in the last run: " + ("; ".join(missing) if missing else "none") + "."]
    return "\n".join(lines) + "\n"


def not_measured(runs: dict[str, Any], folder: Path = RESULTS) -> list[str]:
    """Each evaluation with no results file, or whose last run did not end well, and why."""
    out = []
    for name, script, output in SCRIPTS:
        status = runs.get("scripts", {}).get(name, {}).get("status", "ok")
        if not (folder / output).is_file():
            why = f"no {output} yet" if (ROOT / "benchmarks" / script).is_file() else "not in this checkout"
            out.append(f"{name} (`benchmarks/{script}`: {why})")
        elif status != "ok":
            out.append(f"{name} (`benchmarks/{script}`: last run {status}; {output} is from an earlier run)")
    return out


def with_readme_section(readme: str, page: str) -> str:
    """``readme`` with the text between the markers replaced by ``page``."""
    head, start, rest = readme.partition(START)
    _, end, tail = rest.partition(END)
    if not start or not end:
        raise ValueError(f"README.md has no {START} ... {END} section")
    return f"{head}{START}\n{page}{END}{tail}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 when a file is stale")
    args = parser.parse_args(argv)
    page = render()
    readme = with_readme_section(README.read_text("utf-8"), page)
    if args.check:
        stale = [str(p) for p, text in ((PAGE, page), (README, readme)) if p.read_text("utf-8") != text]
        print("stale: " + ", ".join(stale) if stale else "RESULTS.md and README.md agree with the JSON files")
        return 1 if stale else 0
    PAGE.write_text(page, encoding="utf-8")
    README.write_text(readme, encoding="utf-8")
    print(f"wrote {PAGE.relative_to(ROOT)} and its section of README.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
