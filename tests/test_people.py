"""Who gets a voice: the people table (one row per person per article), gender from the article's evidence,
and `newsdesk.voices`. Every sentence here is written for these tests."""

from __future__ import annotations

import pandas as pd
import pytest

import newsdesk
from newsdesk.io.articles import read_text
from newsdesk.pipeline import stage_factories
from newsdesk.records import Person
from newsdesk.speakers.gender import GenderClues, given_name_gender, title_gender


def _people(text: str) -> dict[str, Person]:
    analysis = newsdesk.analyze([read_text(text, id="t")])
    assert analysis.errors.empty, analysis.errors
    return {row.name: Person(**row._asdict()) for row in analysis.people.drop(columns=[]).itertuples(index=False)}


# -- the gender evidence, in order ------------------------------------------------------------------


def test_a_pronoun_that_refers_to_the_person_decides_first() -> None:
    # "Robin" is no evidence either way; the article's "she" is
    people = _people('Robin Vale runs the shelter. "We are full every night," she said.')
    assert (people["Robin Vale"].gender, people["Robin Vale"].gender_evidence) == ("female", "pronoun")


def test_a_pronoun_outweighs_the_given_name() -> None:
    people = _people("Marta Quill opened the session before he left for the airport.")
    assert (people["Marta Quill"].gender, people["Marta Quill"].gender_evidence) == ("male", "pronoun")


def test_an_honorific_decides_when_no_pronoun_refers_to_the_person() -> None:
    people = _people("The hearing was adjourned. Ms Dale Korvin, the operator, declined to comment.")
    person = people["Dale Korvin"]
    assert (person.gender, person.gender_evidence) == ("female", "honorific")


def test_a_gendered_title_counts_as_an_honorific() -> None:
    people = _people("Chairwoman Jordan Pell opened the meeting. Pell said the vote would wait.")
    assert (people["Jordan Pell"].gender, people["Jordan Pell"].gender_evidence) == ("female", "honorific")


def test_the_given_name_decides_last() -> None:
    people = _people("Gregory Hale approved the plan on Monday.")
    assert (people["Gregory Hale"].gender, people["Gregory Hale"].gender_evidence) == ("male", "given name")


def test_an_ambiguous_given_name_stays_unknown() -> None:
    people = _people("Robin Alder will chair the review, which opens next week.")
    assert (people["Robin Alder"].gender, people["Robin Alder"].gender_evidence) == ("unknown", "none")
    assert given_name_gender("Jean Moreau") is None and given_name_gender("Kim Salo") is None


def test_conflicting_pronouns_fall_through_to_the_next_evidence() -> None:
    clues = GenderClues()
    clues.add_pronoun("he")
    clues.add_pronoun("she")
    clues.add_title("Mr.")
    assert clues.decide("Robin Lake").evidence == "honorific"
    assert title_gender("spokesman for the council") == "male"
    assert title_gender("Women's Institute president") is None  # no gendered noun describing the person


# -- mentions grouped into people --------------------------------------------------------------------


def test_name_forms_and_a_resolved_pronoun_are_one_person() -> None:
    text = (
        "Marta Lind, a nurse, has worked at the clinic for ten years. "
        '"We need more beds," Lind said. Ms Lind said the ward had waited a year. '
        '"Nobody listens," she said.'
    )
    people = _people(text)
    assert list(people) == ["Marta Lind"]
    person = people["Marta Lind"]
    assert person.mentions >= 4 and person.quotes == 3 and person.quoted
    assert person.role == "nurse"
    assert person.words_quoted == 4 + 6 + 2  # the words of the three quotes


def test_a_person_never_pronominalised_still_gets_a_row() -> None:
    people = _people("The report was written by Tomasz Wierzba. It lists forty sites.")
    assert people["Tomasz Wierzba"].mentions == 1
    assert people["Tomasz Wierzba"].gender_evidence in ("given name", "none")


def test_two_people_sharing_a_surname_are_kept_apart_and_said_so() -> None:
    text = (
        "Helen Brandt and her brother Oskar Brandt run the bakery. "
        '"Prices have doubled," Helen Brandt said. "We will stay open," Oskar Brandt said.'
    )
    people = _people(text)
    assert {"Helen Brandt", "Oskar Brandt"} <= set(people)
    assert people["Helen Brandt"].shares_surname_with == "Oskar Brandt"
    assert people["Oskar Brandt"].shares_surname_with == "Helen Brandt"
    assert people["Helen Brandt"].quotes == 1 and people["Oskar Brandt"].quotes == 1


def test_a_person_mentioned_but_not_quoted() -> None:
    text = 'The mayor, Carla Nunez, met Peter Holm on Friday. "The road will reopen," Nunez said.'
    people = _people(text)
    assert people["Carla Nunez"].quoted and people["Carla Nunez"].quotes == 1
    assert not people["Peter Holm"].quoted and people["Peter Holm"].quotes == 0
    assert people["Peter Holm"].words_quoted == 0


def test_photo_credits_and_organisations_are_no_people() -> None:
    text = (
        "Nadia Ferrante spoke at the rally on Sunday.\nSam Pell/Reuters\n"
        "Workers at Lakeside Brewery and the UCP MLA office were told on Monday. With files from Dan Orr\n"
        "By Dana Holt"
    )
    people = _people(text)
    assert "Nadia Ferrante" in people
    assert not {"Sam Pell", "Lakeside Brewery", "UCP MLA", "Dan Orr", "Dana Holt"} & set(people)


# -- the stage and voices() --------------------------------------------------------------------------


def test_the_people_stage_runs_after_quotes() -> None:
    names = [name for name, _ in stage_factories()]
    assert names.index("newsdesk_people") == names.index("newsdesk_quotes") + 1
    nlp = newsdesk.load_model(fresh=True)
    nlp.add_pipe("newsdesk_quotes")
    nlp.add_pipe("newsdesk_people")
    doc = nlp('"It is over," Dora Kett said.')
    assert [(p.name, p.quoted) for p in doc._.people] == [("Dora Kett", True)]
    assert [span.text for span in doc.spans["people"]] == ["Dora Kett"]


def _analysis() -> newsdesk.Analysis:
    texts = {
        "a1": 'Marta Lind met Tom Berg. "We need beds," she said. Berg said nothing would change soon.',
        "a2": '"The vote is close," said Gregory Tallis.',
    }
    return newsdesk.analyze([read_text(text, id=key) for key, text in texts.items()])


def test_voices_gives_the_trackers_measures() -> None:
    table = newsdesk.voices(_analysis())
    assert len(table) == 1
    row = table.iloc[0]
    assert row["articles"] == 2 and row["people"] == 3 and row["sources"] == 3
    assert (row["sources_female"], row["sources_male"]) == (1, 2)
    assert row["share_sources_female"] == pytest.approx(1 / 3)
    assert row["words_quoted"] == row["words_quoted_female"] + row["words_quoted_male"] + row["words_quoted_unknown"]


def test_voices_by_group() -> None:
    analysis = _analysis()
    table = newsdesk.voices(analysis, by={"a1": "health", "a2": "politics"})
    assert list(table["group"]) == ["health", "politics"]
    assert list(table["sources_female"]) == [1, 0]
    by_series = newsdesk.voices(analysis.people, by=pd.Series({"a1": "x", "a2": "x"}))
    assert list(by_series["people"]) == [3]
    with pytest.raises(ValueError, match="no such column"):
        newsdesk.voices(analysis, by="category")
