"""Pronoun speakers: which earlier person a "he" or "she" after a quote stands for."""

from __future__ import annotations

import pytest

from newsdesk.io.articles import read_text
from newsdesk.nlp import parse_text
from newsdesk.quotes.component import find_quotes
from newsdesk.speakers.coref import Candidate, caption_lines, pick_antecedent
from newsdesk.speakers.gender import given_name_gender
from newsdesk.speakers.resolver import SpeakerResolver


def _speaker_of(text: str, quote_start: str) -> str | None:
    quotes = find_quotes(read_text(text, id="t"))
    found = [q for q in quotes if q.text.startswith(quote_start)]
    assert found, [q.text for q in quotes]
    return found[0].speaker


def test_a_person_introduced_just_before_a_quote_is_its_speaker() -> None:
    text = (
        "\"The plan is a start,\" Mayor Frank Delaney said on Monday.\n\n"
        "The cuts also worried retired teacher Paul Grant, 67.\n\n"
        "\"We are already short of staff,\" he said."
    )
    assert _speaker_of(text, "We are already") == "Paul Grant"


def test_a_multi_sentence_quote_does_not_hide_the_subject_before_it() -> None:
    text = (
        "\"Supply is the problem,\" developer Tom Ruiz said.\n\n"
        "Analyst Mark Chen also pointed to a council proposal to permit homes over garages.\n\n"
        "\"When supply lags, rents climb. It really is that simple. Everyone gets pushed down a rung,\" he said."
    )
    assert _speaker_of(text, "When supply lags") == "Mark Chen"


def test_a_photo_caption_is_not_an_antecedent() -> None:
    text = (
        "Premier Alan Brody spoke to reporters at the legislature on Tuesday.\n\n"
        "Richard Roe cycles to work along Harbour Road. ( Jane Doe / Daily Courier )\n\n"
        "\"We will get the trains running,\" he said."
    )
    assert _speaker_of(text, "We will get") == "Alan Brody"


def test_a_common_given_name_tells_the_gender() -> None:
    text = (
        "Health Minister Wendy Smith met nurses in Halifax on Friday.\n\n"
        "Paul Adams, a union leader, spoke first.\n\n"
        "\"The money is not enough,\" she said."
    )
    assert _speaker_of(text, "The money") == "Wendy Smith"


def test_given_name_gender_leaves_ambiguous_and_single_names_alone() -> None:
    assert given_name_gender("Karen Wong") == "female"
    assert given_name_gender("Jordan Peele") is None  # p(female) about 0.1: not decisive
    assert given_name_gender("Richard") is None  # a lone word may be a surname


def test_pick_antecedent_prefers_the_subject_of_the_nearest_sentence() -> None:
    # sentences start at 0 and 50; the pronoun is at 80
    candidates = [
        Candidate(0, "Ann Lee", subject=True, main=True, first=True),
        Candidate(55, "Bob Roe", subject=False, main=False, first=False),  # named before: passing mention
        Candidate(60, "Carl Poe", subject=True, main=False, first=True),
    ]
    assert pick_antecedent(candidates, [0, 50], 80) == candidates[2]
    assert pick_antecedent(candidates[:2], [0, 50], 80) == candidates[0]


def test_caption_lines_finds_credits_and_running_times() -> None:
    text = "Smith spoke.\nJane Roe at the scene. (AFP/Getty Images)\nA clip from the rally. 2:43.\nAn end."
    assert [text[a:b] for a, b in caption_lines(text)] == [
        "Jane Roe at the scene. (AFP/Getty Images)",
        "A clip from the rally. 2:43.",
    ]


def test_the_official_refers_back_to_an_unnamed_official_not_a_named_person() -> None:
    text = (
        "Prime Minister Claire Dumont said on Monday that the matter was before the courts.\n\n"
        "A senior justice official walked reporters through the process in Ottawa on Wednesday.\n\n"
        "The official said most applications take months to settle."
    )
    quotes = find_quotes(read_text(text, id="t"))
    last = [q for q in quotes if q.text.startswith("most applications")]
    assert [(q.speaker, q.speaker_type) for q in last] == [("A senior justice official", "anonymous")]


def test_the_mayor_refers_to_the_person_given_that_role() -> None:
    text = (
        "Mayor Valerie Plante opened the new library on Saturday.\n\n"
        "Local resident Tom Baker, 70, walked past the crowd with his dog.\n\n"
        "The mayor said the city would build two more branches next year."
    )
    assert _speaker_of(text, "the city would") == "Valerie Plante"


def test_a_lower_case_description_tagged_as_an_organisation_is_still_a_person() -> None:
    text = (
        "Winger Tom Reyes scored his first goal of the season on Friday.\n\n"
        "\"I will remember this one,\" said the rookie winger, who was called up last week."
    )
    quotes = find_quotes(read_text(text, id="t"))
    assert all(q.speaker_type != "organisation" for q in quotes)


_FERRY_TEXT = (
    "Ontario Northland Transportation Commission cancelled Tuesday's sailings.\n\n"
    "The Ontario Ministry of Transportation has said the ferry was inspected in May.\n\n"
    "A study by the transportation commission describes how hard it is to sail in ice.\n\n"
    "Transport Canada has said the crew followed every rule.\n\n"
    "The study said thick ice doubles the fuel a ferry burns.\n\n"
    "The Toronto-based commission said in the study that it also adds crew in winter."
)


def test_a_document_stands_for_the_author_named_when_it_was_first_mentioned() -> None:
    quotes = find_quotes(read_text(_FERRY_TEXT, id="t"))
    speakers = {q.text.split()[0]: q.speaker for q in quotes}
    assert speakers.get("thick") == "Ontario Northland Transportation Commission"


def test_a_description_ending_in_an_organisations_head_noun_is_that_organisation() -> None:
    quotes = find_quotes(read_text(_FERRY_TEXT, id="t"))
    speakers = {q.text.split()[0]: q.speaker for q in quotes}
    assert speakers.get("it") == "Ontario Northland Transportation Commission"


def test_a_document_on_an_organisations_website_stands_for_it() -> None:
    text = (
        "Regulators are reviewing the crash.\n\n"
        "\"Cold weather is the hardest test for brakes,\" says a document titled Winter Safety on "
        "Northern Rail Corporation's website."
    )
    assert _speaker_of(text, "Cold weather") == "Northern Rail Corporation"


def test_persons_named_together_speak_jointly_and_are_they() -> None:
    text = (
        "In a statement, the bakery's owners, Maria Santos and Peter Holm, said they would meet the union.\n\n"
        "\"We want every worker to feel safe,\" they said.\n\n"
        "\"It will take time,\" he said."
    )
    quotes = find_quotes(read_text(text, id="t"))
    speakers = [q.speaker for q in quotes]
    assert speakers[:2] == ["Maria Santos and Peter Holm"] * 2
    assert speakers[2] != "Maria Santos and Peter Holm"  # a "he" is one of them at most


def test_a_given_name_ner_left_out_joins_the_surname() -> None:
    text = (
        "Seydou Camara was visiting clients from Lyon when the shooting started.\n\n"
        "\"We stayed under the desks for an hour,\" he said."
    )
    assert _speaker_of(text, "We stayed") == "Seydou Camara"


def test_an_unnamed_source_keeps_its_participle_but_not_its_relative_clause() -> None:
    text = "An economist quoted in the report, who asked not to be named, said prices would rise."
    doc = parse_text(text)
    mention = doc.char_span(0, text.index(" said"))
    assert mention is not None
    speaker = SpeakerResolver.from_doc(doc).resolve(mention)
    assert (speaker.name, speaker.type) == ("An economist quoted in the report", "anonymous")


def test_a_title_tagged_as_a_person_is_not_an_antecedent() -> None:
    text = (
        "Publisher Carlos Ortiz opened the shop in 2017.\n\n"
        "\"It takes a whole year,\" says the young Halifax illustrator, who printed 60 copies of his novel "
        "The Iron Gate.\n\n"
        "\"Everyone starts small,\" he says."
    )
    quotes = find_quotes(read_text(text, id="t"))
    assert all(q.speaker != "The Iron Gate" for q in quotes)


def test_a_surname_ner_missed_still_counts_as_a_mention() -> None:
    text = (
        "Bookseller Tomas Ferro and illustrator Ravi Patel met in 2015.\n\n"
        "\"I like his colours,\" Patel said.\n\n"
        "For Ferro, who has run stalls for decades, the shop is just a sideline.\n\n"
        "\"Nobody gets rich on this,\" he says."
    )
    assert _speaker_of(text, "Nobody gets rich") == "Tomas Ferro"


def test_a_relative_named_by_first_name_keeps_that_name() -> None:
    text = (
        "Police chief Henri Mugabo said the siege had ended.\n\n"
        "Moreau's father, Henri, says his son had worked in Kampala for three years.\n\n"
        "His father said he felt at home there."
    )
    quotes = find_quotes(read_text(text, id="t"))
    assert [q.speaker for q in quotes if q.speaker_mention and "father" in q.speaker_mention] == ["Henri", "Henri"]


def test_pick_antecedent_falls_back_to_the_nearest_passing_mention() -> None:
    candidates = [Candidate(10, "Elon Musk", subject=False, main=False, first=False)]
    assert pick_antecedent(candidates, [0, 50], 80) == candidates[0]
    assert pick_antecedent([], [0, 50], 80) is None


def test_the_father_of_someone_unnamed_is_not_the_last_person_named() -> None:
    text = (
        "Funerals were held on Thursday for paramedic Yusuf Omondi.\n\n"
        "Outside the hospital, relatives of a 28-year-old driver wept as they were told.\n\n"
        "\"My boy is dead, my boy is dead,\" the father repeated into the phone."
    )
    quotes = find_quotes(read_text(text, id="t"))
    assert [q.speaker for q in quotes] == ["the father"]


def _caddie_text(full_name: str, company: str) -> str:
    surname = full_name.split()[-1]
    return (
        f"{full_name}, a caddie, has a new employer.\n\n"
        f"{company} sponsors the tournament.\n\n"
        f"{surname} himself was thrilled about carrying the bag for Danny Lee, who he calls a natural."
    )


def test_a_surname_ner_took_for_an_organisation_elsewhere_is_still_the_person() -> None:
    quotes = find_quotes(read_text(_caddie_text("Owen Marsh", "Marsh Energy Ltd."), id="t"))
    assert [q.speaker for q in quotes if q.speaker_mention == "he"] == ["Owen Marsh"]


@pytest.mark.xfail(
    strict=True,
    reason="NER tags 'Marcus Park' as a GPE, not a PERSON, so no person 'Park' is known and the 'he' goes "
    "to the only PERSON entity, 'Danny Lee'",
)
def test_a_surname_ner_took_for_an_organisation_elsewhere_is_still_the_person_when_ner_calls_it_a_place() -> None:
    quotes = find_quotes(read_text(_caddie_text("Marcus Park", "Park Holdings Inc."), id="t"))
    assert [q.speaker for q in quotes if q.speaker_mention == "he"] == ["Marcus Park"]


def test_the_nearest_of_two_main_subjects_wins() -> None:
    candidates = [
        Candidate(0, "Dmitri Orlov", subject=True, main=True, first=True),
        Candidate(40, "James Reid", subject=True, main=True, first=False),
    ]
    assert pick_antecedent(candidates, [0, 60], 80) == candidates[1]


def _trials_text(result: str) -> str:
    return (
        "Lena Novak will skip the indoor meeting in February.\n\n"
        f"The 24-year-old {result} behind Anna Berg at the weekend's trials but prefers the road. "
        "\"I have to put the marathon first,\" she said."
    )


def test_a_described_subject_keeps_the_topic_over_people_introduced_beside_it() -> None:
    assert _speaker_of(_trials_text("was second"), "I have to put") == "Lena Novak"


@pytest.mark.xfail(
    strict=True,
    reason="with 'finished second behind ...' the parser makes 'behind' the root and finds no subject, so "
    "'The 24-year-old' is not seen as the topic and 'Anna Berg', introduced there, takes the 'she'",
)
def test_a_described_subject_keeps_the_topic_when_the_verb_is_not_a_copula() -> None:
    assert _speaker_of(_trials_text("finished second"), "I have to put") == "Lena Novak"


def test_persons_named_jointly_are_not_the_lawyer() -> None:
    text = (
        "Cyclists Marco Bellini and Sofia Ricci said they had broken no rules.\n\n"
        "Their lawyer, Paolo Greco, spoke in Rome.\n\n"
        "The lawyer said the case ought to be thrown out."
    )
    quotes = find_quotes(read_text(text, id="t"))
    assert all(q.speaker != "Marco Bellini and Sofia Ricci" for q in quotes if q.speaker_mention == "The lawyer")
