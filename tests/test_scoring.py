"""The benchmarks' scoring rules (`benchmarks/scoring.py`), on small cases written here."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import scoring


def test_prf_and_its_empty_cases() -> None:
    assert scoring.prf(2, 4, 2) == {"precision": 0.5, "recall": 1.0, "f1": pytest.approx(2 / 3), "tp": 2,
                                    "predicted": 4, "gold": 2}
    assert scoring.prf(0, 0, 3)["f1"] == 0.0
    assert scoring.prf(0, 5, 0)["precision"] == 0.0


def test_overlap_pairs_follow_the_trackers_greedy_rule() -> None:
    gold = [(0, 10), (20, 30), None, (40, 40)]
    pred = [(2, 10), (0, 3), (25, 60)]
    # gold 0: 80% by pred 0, 30% by pred 1 (not above 0.3); gold 1: half covered by pred 2
    assert scoring.overlap_pairs(gold, pred, 0.3) == [(0, 0), (1, 2)]
    assert scoring.overlap_pairs(gold, pred, 0.8) == []  # 80% is not above 80%
    # a prediction is used once: the second gold span finds it taken
    assert scoring.overlap_pairs([(0, 10), (0, 10)], [(0, 10)], 0.3) == [(0, 0)]
    # the best remaining prediction wins, not the first
    assert scoring.overlap_pairs([(0, 10)], [(0, 4), (0, 9)], 0.3) == [(0, 1)]


def test_names_compare_without_case_articles_and_possessives() -> None:
    assert scoring.norm_name("The U.S. Senate's") == scoring.norm_name("u s senate")
    assert scoring.norm_name("The") == "the"  # a lone article stays
    assert scoring.norm_name(None) == ""
    assert scoring.clean_name("Mary-Ann O'Neil's") == "mary ann o neil"


def test_polnear_spans_exact_after_trimming_and_overlap_one_to_one() -> None:
    text = "He said that prices will rise. Then"
    gold = [(text.index("that"), text.index(" Then"))]
    pred = [(text.index("prices"), text.index(". Then") + 1)]
    assert scoring.exact_matches(text, gold, pred, that=True) == 1
    assert scoring.exact_matches(text, gold, pred, that=False) == 0
    assert scoring.overlap_matches([(0, 5), (10, 20)], [(3, 12)]) == 1  # one prediction, one pair
    assert scoring.overlap_matches([(0, 5)], [(5, 9)]) == 0  # touching is not overlapping


def test_value_multisets() -> None:
    assert scoring.multiset_equal([1.0, 1.0, 2.0], [2.0, 1.0, 1.0000000001])
    assert not scoring.multiset_equal([1.0, 1.0], [1.0])
    assert scoring.matched_values([1.0, 1.0, 3.0], [1.0, 3.0, 4.0]) == 2


def test_cqe_rule_ranges_units_and_the_budget() -> None:
    assert scoring.decode_cqe_value("10-20", average=False) == (10.0, 20.0)
    assert scoring.decode_cqe_value("10-20", average=True) == 15.0
    assert scoring.decode_cqe_value("-3", average=False) == -3.0
    assert scoring.decode_cqe_value("1E-5", average=False) == 1e-5
    gold = [{"value": "5", "normalized_unit": "dollar"}, {"value": "10-20", "normalized_unit": "percentage"}]
    tags = [{"value": 5.0, "normalized_unit": "euro"}, {"value": (10.0, 20.0), "normalized_unit": "percentage"}]
    assert scoring.cqe_sentence(gold, tags, average=False) == (2, 1)  # both values right, one unit wrong
    assert scoring.cqe_sentence(gold, [{"value": 15.0, "normalized_unit": "percentage"}], average=False) == (0, 0)
    # one gold quantity, two predictions with its value: one correct value at most
    assert scoring.cqe_sentence(gold[:1], [{"value": 5.0, "normalized_unit": "x"}] * 2, average=False) == (1, 0)


def test_shingle_scores_per_page() -> None:
    truth = "one two three four five six"
    assert scoring.page_counts(truth, truth) == (1.0, 0.0, 0.0)
    tp, fp, fn = scoring.page_counts(truth, "one two three four")  # 1 of 3 shingles found
    assert (tp, fp, fn) == (pytest.approx(1 / 3), 0.0, pytest.approx(2 / 3))
    scores = scoring.page_scores([(1.0, 0.0, 0.0), (tp, fp, fn)])
    assert scores["precision"] == 1.0 and scores["recall"] == pytest.approx((1 + 1 / 3) / 2, abs=1e-4)


def test_fnc_score_weighs_relatedness_and_the_exact_label() -> None:
    gold = ["unrelated", "agree", "discuss", "disagree"]
    assert scoring.fnc_score(gold, gold) == 1.0
    # best = 0.25 + 3 * 1.0 = 3.25; all "discuss": related right for 3 (0.75) + discuss exact (0.75)
    assert scoring.fnc_score(gold, ["discuss"] * 4) == pytest.approx(1.5 / 3.25)
    assert scoring.fnc_score(gold, ["unrelated"] * 4) == pytest.approx(0.25 / 3.25)
    with pytest.raises(ValueError, match="4 gold labels but 1"):
        scoring.fnc_score(gold, ["agree"])


def test_macro_f1_and_semeval_f_avg() -> None:
    gold = ["FAVOR", "FAVOR", "AGAINST", "NONE"]
    pred = ["FAVOR", "AGAINST", "AGAINST", "AGAINST"]
    favor = 2 * 1.0 * 0.5 / 1.5  # P 1/1, R 1/2
    against = 2 * (1 / 3) * 1.0 / (4 / 3)  # P 1/3, R 1/1
    assert scoring.f_avg(gold, pred) == pytest.approx((favor + against) / 2)
    assert scoring.macro_f1(gold, pred, ["FAVOR", "AGAINST", "NONE"]) == pytest.approx((favor + against + 0) / 3)
    assert scoring.f_avg(["NONE"], ["NONE"]) == 0.0  # NONE right earns nothing in F_avg
