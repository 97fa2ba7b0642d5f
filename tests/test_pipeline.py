"""analyze(): tables with fixed schemas, sorted, and bad inputs reported without stopping the batch."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from spacy.tokens import Doc

from newsdesk import Analysis, Article, analyze, read_text
from newsdesk import pipeline as pipeline_module
from newsdesk.records import ArticleRow, ErrorRow, Figure, Quote, Record, Stance


def test_empty_analysis_has_every_table_with_its_columns() -> None:
    analysis = Analysis()
    for name, record in [
        ("articles", ArticleRow),
        ("quotes", Quote),
        ("figures", Figure),
        ("stances", Stance),
        ("errors", ErrorRow),
    ]:
        table = getattr(analysis, name)
        assert list(table.columns) == list(record.columns()), name
        assert table.empty
    assert repr(analysis) == "Analysis(0 articles, 0 quotes, 0 figures, 0 stances, 0 errors)"


def test_articles_table_from_real_articles(bbc_records: dict[str, dict[str, Any]]) -> None:
    frame = pd.DataFrame([bbc_records["sport/020"], bbc_records["business/001"]])
    analysis = analyze(frame)
    assert list(analysis.articles["article_id"]) == ["business/001", "sport/020"]  # sorted
    row = analysis.articles.iloc[0]
    record = bbc_records["business/001"]
    assert row["headline"] == record["title"]
    assert row["paragraphs"] == len([line for line in record["text"].splitlines() if line.strip()])
    assert row["sentences"] >= row["paragraphs"] + 1  # the headline is a sentence of its own
    assert row["tokens"] > len(record["text"].split()) * 0.9


def test_bad_inputs_go_into_errors_and_the_rest_go_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Rates held\nThe bank kept rates at 4% on Tuesday.", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"text": "Fine text here."}\n{oops\n', encoding="utf-8")
    analysis = analyze([tmp_path / "missing.txt", good, tmp_path / "bad.jsonl"])
    assert sorted(analysis.articles["article_id"]) == ["bad:1", "good"]
    assert list(analysis.errors["source"]) == [str(tmp_path / "missing.txt"), f"{tmp_path / 'bad.jsonl'}:2"]
    assert list(analysis.errors["stage"]) == ["read", "read"]
    assert "no such file" in analysis.errors["problem"].iloc[0]


def test_a_stage_failing_on_one_article_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    def fragile(article: Article, doc: Doc, earlier: tuple[Record, ...]) -> list[Record]:
        if "boom" in article.text:
            raise ValueError("cannot cope")
        return []

    monkeypatch.setattr(pipeline_module, "STAGES", [("fragile", fragile)])
    analysis = analyze([read_text("All calm here.", id="a"), read_text("A boom was heard.", id="b")])
    assert list(analysis.articles["article_id"]) == ["a", "b"]
    expected = [{"source": "b", "stage": "fragile", "problem": "ValueError: cannot cope"}]
    assert analysis.errors.to_dict("records") == expected


def test_stage_records_land_in_their_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    def one_figure(article: Article, doc: Doc, earlier: tuple[Record, ...]) -> list[Record]:
        start = article.text.index("4%")
        return [Figure(article.id, start, start + 2, "4%", "percent", 4.0, None, "%", None, None, None, None, None)]

    monkeypatch.setattr(pipeline_module, "STAGES", [("figures", one_figure)])
    analysis = analyze([read_text("Rates held at 4%.", id="b"), read_text("Inflation hit 4%.", id="a")])
    assert list(analysis.figures["article_id"]) == ["a", "b"]
    assert analysis.figures["value"].tolist() == [4.0, 4.0]
    assert analysis.quotes.empty


def test_analysis_is_deterministic(bbc_path: Path) -> None:
    lines = bbc_path.read_text(encoding="utf-8").splitlines()[:5]
    frames = [analyze(pd.DataFrame([json.loads(x) for x in lines])).articles for _ in range(2)]
    pd.testing.assert_frame_equal(frames[0], frames[1])


def test_analyze_with_all_attributions_adds_stances_and_keeps_speech() -> None:
    text = "Ann Ruiz said the depot will close. The council's union was critical of the plan."
    speech = analyze([read_text(text, id="a1")])
    every = analyze([read_text(text, id="a1")], attributions="all")
    assert list(speech.quotes["cue_class"]) == ["speech"]
    assert list(every.quotes["cue_class"]) == ["speech", "stance"]
    assert every.quotes.iloc[1]["text"] == "the plan"
    with pytest.raises(ValueError, match="attributions must be"):
        analyze([read_text(text, id="a1")], attributions="most")  # type: ignore[arg-type]


def test_quotes_component_takes_the_attribution_scope_from_its_config() -> None:
    from newsdesk.nlp import load_model

    nlp = load_model(fresh=True)
    nlp.add_pipe("newsdesk_quotes", config={"attributions": "all"})
    doc = nlp("The union was critical of the new contract.")
    assert [(span.text, span._.quote.cue_class) for span in doc.spans["quotes"]] == [("the new contract", "stance")]
