"""analyze(): tables with fixed schemas, sorted, and bad inputs reported without stopping the batch."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsdesk import Analysis, Article, analyze, read_text
from newsdesk.nlp import load_model
from newsdesk.records import ArticleRow, ErrorRow, Figure, Quote, Stance
from newsdesk.stages import OnError, Stage


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


class FragileStage(Stage):
    """A stage that fails on any article that mentions a boom."""

    stage_name, key, span_attribute = "fragile", "stances", "stance"

    def find(self, doc: Doc, article: Article) -> list[Stance]:
        if "boom" in article.text:
            raise ValueError("cannot cope")
        return []


class OneFigureStage(Stage):
    """A figure stage that finds the "4%" of each article and nothing else."""

    stage_name, key, span_attribute = "figures", "figures", "figure"

    def find(self, doc: Doc, article: Article) -> list[Figure]:
        start = article.text.index("4%")
        return [Figure(article.id, start, start + 2, "4%", "percent", 4.0, None, "%", None, None, None, None, None)]


@Language.factory("test_fragile_stage", default_config={"on_error": "record"})
def make_fragile_stage(nlp: Language, name: str, on_error: OnError) -> FragileStage:
    return FragileStage(on_error=on_error)


@Language.factory("test_one_figure_stage", default_config={"on_error": "record"})
def make_one_figure_stage(nlp: Language, name: str, on_error: OnError) -> OneFigureStage:
    return OneFigureStage(on_error=on_error)


def test_a_stage_failing_on_one_article_is_reported() -> None:
    nlp = load_model(fresh=True)
    nlp.add_pipe("test_fragile_stage")
    analysis = analyze([read_text("All calm here.", id="a"), read_text("A boom was heard.", id="b")], nlp=nlp)
    assert list(analysis.articles["article_id"]) == ["a", "b"]
    expected = [{"source": "b", "stage": "fragile", "problem": "ValueError: cannot cope"}]
    assert analysis.errors.to_dict("records") == expected


def test_stage_records_land_in_their_tables() -> None:
    nlp = load_model(fresh=True)
    nlp.add_pipe("test_one_figure_stage", name="newsdesk_figures")  # replaces newsdesk's figure stage
    analysis = analyze([read_text("Rates held at 4%.", id="b"), read_text("Inflation hit 4%.", id="a")], nlp=nlp)
    assert list(analysis.figures["article_id"]) == ["a", "b"]
    assert analysis.figures["value"].tolist() == [4.0, 4.0]
    assert analysis.quotes.empty


def test_analysis_is_deterministic(bbc_path: Path) -> None:
    lines = bbc_path.read_text(encoding="utf-8").splitlines()[:5]
    frames = [analyze(pd.DataFrame([json.loads(x) for x in lines])).articles for _ in range(2)]
    pd.testing.assert_frame_equal(frames[0], frames[1])


def test_analyze_with_all_attributions_adds_positions_and_keeps_speech() -> None:
    text = "Ann Ruiz said the depot will close. The council's union was critical of the plan."
    speech = analyze([read_text(text, id="a1")])
    every = analyze([read_text(text, id="a1")], attributions="all")
    assert list(speech.quotes["cue_class"]) == ["speech"]
    assert list(every.quotes["cue_class"]) == ["speech", "position"]
    assert every.quotes.iloc[1]["text"] == "the plan"
    with pytest.raises(ValueError, match="attributions must be"):
        analyze([read_text(text, id="a1")], attributions="most")  # type: ignore[arg-type]


def test_quotes_component_takes_the_attribution_scope_from_its_config() -> None:
    from newsdesk.nlp import load_model

    nlp = load_model(fresh=True)
    nlp.add_pipe("newsdesk_quotes", config={"attributions": "all"})
    doc = nlp("The union was critical of the new contract.")
    assert [(span.text, span._.quote.cue_class) for span in doc.spans["quotes"]] == [("the new contract", "position")]
