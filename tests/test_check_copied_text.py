"""The copied-text checker (`benchmarks/check_copied_text.py`), on texts and folders these tests write."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "check_copied_text.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_copied_text", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


check = _load()
Place = check.Place

# Invented texts: a "source" record and project texts that do or do not copy from it.
SOURCE = "The ferry to Norrby was cancelled on Tuesday because the harbour wall had cracked in the storm."


def test_words_ignore_case_punctuation_and_quotation_marks() -> None:
    assert check.words('“The FERRY,” he said — "was cancelled."') == ["the", "ferry", "he", "said", "was", "cancelled"]


def test_curly_and_straight_apostrophes_are_the_same_word() -> None:
    assert check.words("the harbour’s wall") == check.words("the harbour's wall") == ["the", "harbour's", "wall"]


def test_ngrams_are_every_run_of_n_words() -> None:
    assert list(check.ngrams(["a", "b", "c", "d"], 3)) == [(0, ("a", "b", "c")), (1, ("b", "c", "d"))]
    assert list(check.ngrams(["a", "b"], 3)) == []
    with pytest.raises(ValueError, match="n=0"):
        list(check.ngrams(["a"], 0))


def test_overlapping_hits_merge_into_one_run_and_separate_runs_stay_apart() -> None:
    tokens = ["q", "a", "b", "c", "d", "r", "e", "f"]
    shared = {("a", "b"), ("b", "c"), ("c", "d"), ("e", "f")}
    assert check.copied_runs(tokens, shared, 2) == [(1, 5), (6, 8)]


def test_a_copied_sentence_is_found_across_string_concatenation() -> None:
    own = [(Place("tests/test_x.py"), 'TEXT = (\n    "The ferry to Norrby was "\n    "cancelled on Tuesday.")\n')]
    hits = check.find_copies(own, [("BBC demo/1", SOURCE)], n=7)
    assert [(h.place.path, h.line, " ".join(h.words), h.source) for h in hits] == [
        ("tests/test_x.py", 2, "the ferry to norrby was cancelled on tuesday", "BBC demo/1")
    ]


def test_runs_shorter_than_n_words_are_not_reported() -> None:
    own = [(Place("notes.md"), "Then the harbour wall had cracked again.")]  # 5 words in common
    assert check.find_copies(own, [("BBC demo/1", SOURCE)], n=7) == []
    assert len(check.find_copies(own, [("BBC demo/1", SOURCE)], n=5)) == 1


def test_text_the_project_may_publish_is_not_reported() -> None:
    own = [(Place("notes.md"), "We read: the harbour wall had cracked in the storm.")]
    assert len(check.find_copies(own, [("BBC demo/1", SOURCE)], n=7)) == 1
    allowed = ["A seed article of ours says the harbour wall had cracked in the storm."]
    assert check.find_copies(own, [("BBC demo/1", SOURCE)], n=7, allowed=allowed) == []


def test_notebooks_are_checked_cell_by_cell_with_their_outputs(tmp_path: Path) -> None:
    notebook = {
        "cells": [
            {"cell_type": "markdown", "source": ["An invented note."]},
            {"cell_type": "code", "source": ["print(story)"],
             "outputs": [{"output_type": "stream", "name": "stdout", "text": [SOURCE]}]},
        ]
    }
    path = tmp_path / "01_demo.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    hits = check.find_copies(check.project_texts([tmp_path], root=tmp_path), [("GGT demo", SOURCE)])
    assert [(str(h.place), len(h.words)) for h in hits] == [("01_demo.ipynb:cell 1", 17)]


def _data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    (data / "corpus" / "bbc").mkdir(parents=True)
    record = {"id": "demo/1", "title": "Ferry cancelled", "text": SOURCE}
    (data / "corpus" / "bbc" / "bbc_news.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    return data


def test_the_command_exits_1_and_lists_each_hit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    own = tmp_path / "notes.md"
    own.write_text("Our summary: the harbour wall had cracked in the storm.\n", encoding="utf-8")
    assert check.main([str(own), "--data", str(_data(tmp_path))]) == 1
    out = capsys.readouterr().out
    assert "notes.md line 1: 8 words from BBC demo/1: 'the harbour wall had cracked in the storm'" in out


def test_the_command_exits_0_on_own_words(tmp_path: Path) -> None:
    own = tmp_path / "notes.md"
    own.write_text("A short note, written by us, about boats and weather.\n", encoding="utf-8")
    assert check.main([str(own), "--data", str(_data(tmp_path))]) == 0


def test_the_command_exits_2_without_any_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check.main([str(tmp_path), "--data", str(tmp_path / "nothing")]) == 2
    assert "no BBC, GGT, PolNeAR or NewsQuant text" in capsys.readouterr().err
