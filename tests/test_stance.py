"""Stance on sentences we wrote: labels, negation, modality, conditions, lists, pronouns, targets, the YAML
loader, the summary, suggestions and the spaCy component."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
import spacy

import newsdesk
from newsdesk.errors import TargetsError
from newsdesk.records import Stance
from newsdesk.stance.relevance import RELEVANT, TargetMatcher, overlap

WEEK = newsdesk.Target("a four-day week", aliases=["four-day week", "shorter working week"])
LIBRARY = newsdesk.Target("closing the library", aliases=["close the library", "library closure"])
BRIDGE = newsdesk.Target("the new bridge", aliases=["bridge"])


def sides(text: str, targets: list[newsdesk.Target] | None = None, **kwargs: object) -> list[tuple[str, str, str]]:
    """(holder, label, target) of every stance row, in table order."""
    rows = newsdesk.find_stances(text, targets or [], **kwargs)  # type: ignore[arg-type]
    return [(r.holder, r.label, r.target) for r in rows]


def one(text: str, targets: list[newsdesk.Target] | None = None) -> Stance:
    rows = newsdesk.find_stances(text, targets or [])
    assert len(rows) == 1, rows
    return rows[0]


# -- labels ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The union supports a four-day week.", "favor"),
        ("Nurses have endorsed the shorter working week.", "favor"),
        ("The mayor welcomed plans for a four-day week.", "favor"),
        ("Employers oppose a four-day week.", "against"),
        ("The chamber of commerce rejected the four-day week.", "against"),
        ("Shop owners are against a four-day week.", "against"),
        ("Ministers are divided on the four-day week.", "neutral"),
    ],
)
def test_the_predicate_decides_the_side(text: str, label: str) -> None:
    row = one(text, [WEEK])
    assert (row.label, row.target) == (label, WEEK.name)


@pytest.mark.parametrize(
    ("text", "label", "cue_word"),
    [
        ("The union does not support a four-day week.", "against", "not"),
        ("The union never backed the four-day week.", "against", "never"),
        ("The council refused to back the shorter working week.", "against", "refused"),
        ("The council refused to rule out closing the library.", "neutral", "refused"),
        ("The minister did not rule out closing the library.", "neutral", "not"),
        ("The minister stopped short of backing the four-day week.", "neutral", "short"),
        ("The governor declined to endorse the four-day week.", "neutral", "declined"),
        ("The union did not call for a four-day week.", "neutral", "not"),
    ],
)
def test_negation_refusal_and_withholding(text: str, label: str, cue_word: str) -> None:
    row = one(text, [WEEK, LIBRARY])
    assert row.label == label
    assert cue_word in row.cue.split()


def test_calling_for_something_not_to_happen_is_against_it() -> None:
    row = one("Parents called for the council not to close the library.", [LIBRARY])
    assert (row.holder, row.label) == ("Parents", "against")
    assert "negated object" in row.method


def test_urging_someone_to_reject_is_the_speakers_stance_not_theirs() -> None:
    assert sides("The mayor urged the council to reject the new bridge.", [BRIDGE]) == [
        ("The mayor", "against", BRIDGE.name)
    ]


def test_a_plan_to_back_is_one_row_of_favor() -> None:
    assert sides("Ministers plan to back the four-day week.", [WEEK]) == [("Ministers", "favor", WEEK.name)]


def test_readiness_and_commitment_are_favor_of_doing_it() -> None:
    assert one("The council is ready to close the library.", [LIBRARY]).label == "favor"
    assert one("The council is not ready to close the library.", [LIBRARY]).label == "against"
    assert one("The trust is unwilling to close the library.", [LIBRARY]).label == "against"


def test_a_hedge_keeps_the_side_and_lowers_the_score() -> None:
    plain = one("The union backs a four-day week.", [WEEK])
    hedged = one("The union may back a four-day week.", [WEEK])
    assert hedged.label == "favor"
    assert hedged.score < plain.score
    assert "hedged:may" in hedged.method


@pytest.mark.parametrize(
    "text",
    [
        "The council is prepared to close the library, contingent on a review of visitor numbers.",
        "The council would support closing the library if visitor numbers keep falling.",
    ],
)
def test_a_condition_keeps_the_side_and_is_reported(text: str) -> None:
    row = one(text, [LIBRARY])
    assert row.label == "favor"
    assert row.condition and "visitor numbers" in row.condition
    assert "conditional" in row.method
    assert row.evidence_end >= text.index("visitor numbers")


def test_a_later_condition_pointing_back_applies() -> None:
    text = ('"We are ready to close the library," the mayor said, noting that such a move depends on a vote.')
    row = one(text, [LIBRARY])
    assert (row.holder, row.label) == ("the mayor", "favor")
    assert row.condition is not None and "depends on a vote" in row.condition


# -- holders ----------------------------------------------------------------------------------------

def test_every_listed_member_gets_a_row_plus_the_group() -> None:
    text = "Four towns, including Arden, Bexley and Corran, oppose the new bridge."
    assert sides(text, [BRIDGE]) == [
        ("Arden", "against", BRIDGE.name),
        ("Bexley", "against", BRIDGE.name),
        ("Corran", "against", BRIDGE.name),
        ("Four towns", "against", BRIDGE.name),
    ]


def test_coordinated_subjects_each_get_a_row() -> None:
    holders = {h for h, _, _ in sides("Germany and Chile support the new bridge.", [BRIDGE])}
    assert holders == {"Germany", "Chile"}


def test_a_pronoun_holder_resolves_like_a_speaker() -> None:
    text = "Helen Marsh, the culture secretary, spoke on Monday. She opposes closing the library."
    assert sides(text, [LIBRARY]) == [("Helen Marsh", "against", LIBRARY.name)]


def test_we_in_a_quote_is_the_speaker() -> None:
    text = '"We are ready to build the new bridge," said Tom Hale, the transport minister.'
    assert sides(text, [BRIDGE]) == [("Tom Hale", "favor", BRIDGE.name)]


def test_a_quote_cue_that_takes_a_side_gives_its_speaker() -> None:
    text = "Mayor Ruth Adeyemi unveiled a budget on Monday, calling for a four-day week for council staff."
    assert sides(text, [WEEK]) == [("Ruth Adeyemi", "favor", WEEK.name)]


def test_reaffirming_a_commitment_makes_it_the_speakers() -> None:
    text = "Tom Hale reaffirmed the government's commitment to build the new bridge."
    holders = {(h, label) for h, label, _ in sides(text, [BRIDGE])}
    assert ("Tom Hale", "favor") in holders


def test_a_quoted_should_is_the_speakers_favor_and_should_not_against() -> None:
    assert sides('"The council should keep the bridge open," Ana Ruiz said.', [BRIDGE]) == [
        ("Ana Ruiz", "favor", BRIDGE.name)
    ]
    assert sides('"The council should not build the bridge," Ana Ruiz said.', [BRIDGE]) == [
        ("Ana Ruiz", "against", BRIDGE.name)
    ]


def test_a_stance_with_no_holder_gives_no_row() -> None:
    assert sides("The new bridge was rejected.", [BRIDGE]) == []


# -- targets ----------------------------------------------------------------------------------------

def test_irrelevant_statements_give_no_row() -> None:
    assert sides("The union supports higher pay for nurses.", [WEEK, LIBRARY]) == []


def test_the_most_specific_target_takes_against_and_the_broader_one_only_inherits_favor() -> None:
    bridge = newsdesk.Target("the new bridge", aliases=["bridge"])
    toll = newsdesk.Target("a toll on the new bridge", aliases=["bridge toll"])
    assert sides("Drivers oppose a toll on the new bridge.", [bridge, toll]) == [
        ("Drivers", "against", toll.name)
    ]
    favor = sides("Cyclists support a toll on the new bridge.", [bridge, toll])
    assert sorted(favor) == [("Cyclists", "favor", toll.name), ("Cyclists", "favor", bridge.name)]


def test_narrower_is_read_from_the_targets_own_words() -> None:
    bridge = newsdesk.Target("the new bridge", aliases=["bridge"])
    toll = newsdesk.Target("a toll on the new bridge")
    matcher = TargetMatcher([bridge, toll])
    assert matcher.broader == {"the new bridge": frozenset(), "a toll on the new bridge": {"the new bridge"}}


def test_relevance_compares_stems_and_abstains_below_the_threshold() -> None:
    assert overlap("immediate invitation", "they invited it immediately") == 1.0
    assert overlap("a four-day working week", "a week of rain") < RELEVANT


def test_without_targets_rows_are_open_and_say_so() -> None:
    row = one("The union supports higher pay.")
    assert row.target == "higher pay"
    assert "target: open" in row.method


def test_a_custom_similarity_is_used_below_an_alias_hit() -> None:
    matcher = TargetMatcher([WEEK], similarity=lambda target, statement: 0.9)
    assert matcher.score(WEEK, "fewer days at work")[0] == 0.9
    assert matcher.score(WEEK, "a shorter working week")[0] == 1.0


def test_conflicting_cues_in_one_sentence_become_one_neutral_row() -> None:
    row = one("The union supports and opposes the four-day week.", [WEEK])
    assert row.label == "neutral" and "conflicting" in row.method


# -- Target and the targets file ----------------------------------------------------------------------

def test_a_target_is_frozen_and_reads_well() -> None:
    target = newsdesk.Target("a four-day week", aliases=["shorter week"], description="four days' work a week")
    assert repr(target) == (
        "Target('a four-day week', aliases=('shorter week',), description=\"four days' work a week\")"
    )
    with pytest.raises(AttributeError):
        target.name = "x"  # type: ignore[misc]


def test_targets_load_from_yaml_and_json(tmp_path: Path) -> None:
    yaml_file = tmp_path / "targets.yaml"
    yaml_file.write_text("targets:\n  - name: the new bridge\n    aliases: [bridge]\n  - closing the library\n")
    json_file = tmp_path / "targets.json"
    json_file.write_text(json.dumps([{"name": "the new bridge", "aliases": ["bridge"]}, "closing the library"]))
    expected = (newsdesk.Target("the new bridge", aliases=["bridge"]), newsdesk.Target("closing the library"))
    assert newsdesk.load_targets(yaml_file) == expected
    assert newsdesk.load_targets(json_file) == expected


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("t.yaml", "- name: [1, 2]\n", "entry 1: 'name' must be a non-empty string"),
        ("t.yaml", "- name: a\n  alias: [b]\n", "entry 1: unknown key(s) alias"),
        ("t.yaml", "- name: a\n  aliases: 3\n", "'aliases' must be a list of strings"),
        ("t.yaml", "- a\n- A\n", "entry 2: the name 'A' is given twice"),
        ("t.yaml", "", "the file lists no targets"),
        ("t.yaml", "targets: [a\n", "not valid YAML"),
        ("t.yaml", "topics: [a]\n", "a mapping with a 'targets' list"),
        ("t.json", "{", "not valid JSON"),
        ("t.txt", "a", "is .yaml, .yml or .json"),
    ],
)
def test_a_bad_targets_file_is_named_with_the_problem(tmp_path: Path, name: str, content: str, problem: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(TargetsError) as error:
        newsdesk.load_targets(path)
    assert str(error.value).startswith(str(path))
    assert problem in str(error.value)


def test_a_missing_targets_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(TargetsError, match="no such targets file"):
        newsdesk.load_targets(tmp_path / "none.yaml")


# -- the tables, the summary and the suggestions --------------------------------------------------------

TEXT = (
    "Unions back the four-day week. Employers oppose the four-day week, a spokesman said. "
    "The mayor supports the four-day week but is not ready to close the library."
)


def test_analyze_takes_targets_and_fills_the_table_in_order() -> None:
    analysis = newsdesk.analyze(newsdesk.read_text(TEXT, id="t"), targets=[WEEK, LIBRARY])
    table = analysis.stances
    assert list(table.columns) == list(Stance.columns())
    assert list(zip(table.holder, table.label, table.target, strict=True)) == [
        ("Unions", "favor", WEEK.name),
        ("Employers", "against", WEEK.name),
        ("The mayor", "favor", WEEK.name),
        ("The mayor", "against", LIBRARY.name),
    ]
    for row in table.itertuples():
        assert TEXT[row.evidence_start : row.evidence_end] == row.evidence


def test_the_summary_counts_each_side_and_calls_both_sides_mixed() -> None:
    text = "Unions back the four-day week. Employers backed the four-day week in May. Employers opposed it in June."
    text += " Later, employers rejected the four-day week."
    summary = newsdesk.stance_summary(newsdesk.analyze(newsdesk.read_text(text, id="t"), targets=[WEEK]))
    assert summary[["holder", "label", "favor", "against", "rows"]].to_dict("records") == [
        {"holder": "Employers", "label": "favor", "favor": 1, "against": 0, "rows": 1},
        {"holder": "Unions", "label": "favor", "favor": 1, "against": 0, "rows": 1},
        {"holder": "employers", "label": "against", "favor": 0, "against": 1, "rows": 1},
    ]
    text = "Unions back the four-day week. Months later, Unions rejected the four-day week."
    summary = newsdesk.stance_summary(newsdesk.analyze(newsdesk.read_text(text, id="t"), targets=[WEEK]))
    assert summary[["holder", "label", "favor", "against"]].to_dict("records") == [
        {"holder": "Unions", "label": "mixed", "favor": 1, "against": 1}
    ]


def test_suggest_targets_groups_the_objects_and_shows_who_takes_which_side() -> None:
    suggested = newsdesk.suggest_targets(newsdesk.analyze(newsdesk.read_text(TEXT, id="t")))
    first = suggested.iloc[0]
    assert first["target"] == "the four-day week" and first["contested"]
    assert first["favor"] == "The mayor; Unions" and first["against"] == "Employers"
    assert "close the library" in set(suggested["target"])


def test_empty_tables_give_empty_frames() -> None:
    empty = newsdesk.analyze(newsdesk.read_text("It rained.", id="t"))
    assert newsdesk.stance_summary(empty).empty and newsdesk.suggest_targets(empty).empty


# -- the spaCy component -----------------------------------------------------------------------------------

def test_the_component_runs_in_a_plain_spacy_pipeline() -> None:
    nlp = newsdesk.load_model(fresh=True)
    nlp.add_pipe("newsdesk_stance", config={"targets": [{"name": "the new bridge", "aliases": ["bridge"]}]})
    doc = nlp("Residents oppose the new bridge.")
    assert [(s.text, s.label_, s._.stance.holder) for s in doc.spans["stances"]] == [
        ("oppose the new bridge", "against", "Residents")
    ]
    assert doc._.stances == [s._.stance for s in doc.spans["stances"]]


def test_rows_over_the_same_words_share_one_span_that_holds_them_all() -> None:
    nlp = newsdesk.load_model(fresh=True)
    nlp.add_pipe("newsdesk_stance")
    doc = nlp("Germany and Chile support the treaty.")
    assert [(s.text, [r.holder for r in s._.stances]) for s in doc.spans["stances"]] == [
        ("support the treaty", ["Chile", "Germany"])
    ]


def test_the_component_rejects_a_bad_target_config() -> None:
    nlp = spacy.blank("en")
    with pytest.raises(TargetsError, match="entry 1"):
        nlp.add_pipe("newsdesk_stance", config={"targets": [{"title": "x"}]})


def test_stance_frame_dtypes_are_fixed() -> None:
    frame = newsdesk.analyze(newsdesk.read_text("It rained.", id="t")).stances
    assert frame.empty and str(frame.dtypes["label"]) == "string" and isinstance(frame, pd.DataFrame)


# -- the command line and the annotated article ---------------------------------------------------------------

def test_cli_targets_file_fills_stances_csv(tmp_path: Path) -> None:
    from newsdesk.cli import main

    story = tmp_path / "story.txt"
    story.write_text("Bridge row\nResidents oppose the new bridge, the council said.", encoding="utf-8")
    targets = tmp_path / "targets.yaml"
    targets.write_text("- name: the new bridge\n  aliases: [bridge]\n", encoding="utf-8")
    out = ["--out", str(tmp_path / "out"), "--format", "csv"]
    assert main(["analyze", str(story), *out, "--targets", str(targets)]) == 0
    table = pd.read_csv(tmp_path / "out" / "stances.csv")
    assert table[["holder", "target", "label"]].values.tolist() == [["Residents", "the new bridge", "against"]]


def test_cli_bad_targets_file_is_reported_with_its_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsdesk.cli import main

    story = tmp_path / "story.txt"
    story.write_text("Bridge row\nResidents oppose the bridge.", encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("- name: a\n  colour: red\n", encoding="utf-8")
    assert main(["analyze", str(story), "--out", str(tmp_path / "out"), "--targets", str(bad)]) == 2
    assert f"{bad}: entry 1: unknown key(s) colour" in capsys.readouterr().err


def test_stance_highlights_escape_names_from_the_article() -> None:
    from newsdesk.show.render import render_article, stance_highlights

    text = "Bridge row\n<i>Residents</i> oppose the new bridge."
    article = newsdesk.read_text(text, id="t")
    analysis = newsdesk.analyze(article, targets=[BRIDGE])
    marks = stance_highlights(analysis.stances)
    assert [m.label.split(" · ")[0] for m in marks] == ["against"]
    html = render_article(article, marks)
    assert "<i>" not in html and "&lt;i&gt;" in html
