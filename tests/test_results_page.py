"""benchmarks/RESULTS.md is what `results_page.py` makes of the committed JSON, and the README carries it."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import results_page  # noqa: E402


def test_results_md_is_generated_from_the_committed_json() -> None:
    assert (ROOT / "benchmarks" / "RESULTS.md").read_text("utf-8") == results_page.render(), (
        "benchmarks/RESULTS.md is stale: run .venv/bin/python benchmarks/results_page.py"
    )


def test_readme_results_section_equals_results_md() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split(results_page.START + "\n", 1)[1].split(results_page.END, 1)[0]
    assert section == (ROOT / "benchmarks" / "RESULTS.md").read_text("utf-8")


def test_every_row_names_data_split_metric_and_peer() -> None:
    page = results_page.render()
    rows = [line for line in page.splitlines() if line.startswith("| ") and " | " in line][1:]
    rows = [row for row in rows if not row.startswith("| data set")]
    assert len(rows) > 20
    for row in rows:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        if len(cells) == 8:  # the main table: capability, data set, split, metric, newsdesk, peer, score, source
            assert all(cells[:5]), row
            assert (cells[5] == "-") == (cells[6] == "-") == (cells[7] == "-"), row


def test_a_folder_with_only_some_results_lists_the_rest(tmp_path: Path) -> None:
    for name in ("html.json", "published.json", "heldout.json"):
        shutil.copy(results_page.RESULTS / name, tmp_path / name)
    page = results_page.render(tmp_path)
    assert "| HTML reading | ScrapingHub AEB" in page
    assert "GGT (49 articles" not in page
    missing = page.split("Not measured in the last run: ", 1)[1]
    for name in ("quotes", "figures", "voices", "stance", "speed", "throughput"):
        assert f"{name} (`benchmarks/" in missing


def test_an_unknown_results_file_shows_its_numbers_and_no_timing(tmp_path: Path) -> None:
    shutil.copy(results_page.RESULTS / "published.json", tmp_path / "published.json")
    stance = {"fnc1": {"fnc_score": 0.8123, "macro_f1": 0.61}, "examples": 40, "timing": {"run_seconds": 9.5}}
    (tmp_path / "stance.json").write_text(json.dumps(stance), encoding="utf-8")
    page = results_page.render(tmp_path)
    assert "| stance | see key | see key | fnc1.fnc_score | 0.8123 |" in page
    assert "| examples | 40 |" in page
    assert "run_seconds" not in page and "9.5" not in page
    assert "Talos" in page  # the published peers to read them by


def test_readme_section_replacement_needs_both_markers() -> None:
    start, end = results_page.START, results_page.END
    text = f"intro\n{start}\nold\n{end}\nrest\n"
    assert results_page.with_readme_section(text, "new\n") == f"intro\n{start}\nnew\n{end}\nrest\n"
    with pytest.raises(ValueError, match="no <!-- results:start -->"):
        results_page.with_readme_section("no markers", "new\n")


def test_throughput_numbers_are_listed_without_the_scripts_run_time(tmp_path: Path) -> None:
    throughput = {"articles": 1000, "timing": {"articles_per_second": 41.25, "run_seconds": 30.0}}
    (tmp_path / "throughput.json").write_text(json.dumps(throughput), encoding="utf-8")
    line = next(line for line in results_page.render(tmp_path).splitlines() if line.startswith("**Throughput**"))
    assert "articles 1000" in line and "timing.articles_per_second 41.25" in line and "run_seconds" not in line


def test_run_all_lists_a_missing_script_and_stamps_run_time_under_timing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import _shared
    import run_all

    assert run_all.run_one("no_such_eval.py", "none.json") == ("missing: not in this checkout", 0.0)
    monkeypatch.setattr(_shared, "RESULTS", tmp_path)
    monkeypatch.setattr(run_all, "RESULTS", tmp_path)
    (tmp_path / "x.json").write_text(json.dumps({"f1": 0.5, "timing": {"ratio": 0.04}}), encoding="utf-8")
    run_all.stamp("x.json", 12.5)
    assert json.loads((tmp_path / "x.json").read_text("utf-8")) == {
        "f1": 0.5, "timing": {"ratio": 0.04, "run_seconds": 12.5}}


def test_stance_rows_from_eval_stance_layout(tmp_path: Path) -> None:
    shutil.copy(results_page.RESULTS / "published.json", tmp_path / "published.json")
    stance = {
        "fnc1": {"newsdesk": {"fnc_score_pct": 80.5, "macro_f1": 0.6},
                 "tfidf_cosine_baseline": {"fnc_score_pct": 70.25, "macro_f1": 0.4},
                 "split": {"held_out_pairs": 100, "held_out_share_of_bodies": 0.2, "seed": 3}},
        "semeval2016": {"f_avg": 61.5, "folds": 5, "tweets": 50, "reference": {"svm_ngrams_official_test": 68.98}},
    }
    (tmp_path / "stance.json").write_text(json.dumps(stance), encoding="utf-8")
    page = results_page.render(tmp_path)
    assert ("| stance | FNC-1 (100 pairs) | train, held-out 20% of bodies (seed 3) | FNC score % of max | 80.5 "
            "| TF-IDF cosine baseline | 70.25 | same run |") in page
    assert "| macro-F1, 4 classes | 0.6 | TF-IDF cosine baseline | 0.4 | same run |" in page
    assert "| SemEval-2016 6A (50 tweets) | train, 5-fold cross-validation | F_avg % | 61.5 |" in page
    assert "see key" not in page
