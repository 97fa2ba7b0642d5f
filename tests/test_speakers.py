"""Speaker resolution inside one article: full names, roles, media and anonymous sources."""

from __future__ import annotations

from spacy.tokens import Doc

from newsdesk.io.articles import read_text
from newsdesk.nlp import load_model, parse_text
from newsdesk.quotes.component import find_quotes
from newsdesk.speakers.entities import clean_name
from newsdesk.speakers.resolver import Speaker, SpeakerResolver


def _span(doc_text: str, mention: str, occurrence: int = 1) -> tuple[SpeakerResolver, object]:
    doc = parse_text(doc_text)
    start = -1
    for _ in range(occurrence):
        start = doc_text.index(mention, start + 1)
    span = doc.char_span(start, start + len(mention), alignment_mode="expand")
    assert span is not None
    return SpeakerResolver.from_doc(doc), span


def test_clean_name_drops_honorifics_and_possessives() -> None:
    assert clean_name("Mr. Blair's") == "Blair"
    assert clean_name("spokesperson Wen Hao") == "Wen Hao"
    assert clean_name("Antony Blinken") == "Antony Blinken"


def test_surname_resolves_to_the_full_name_introduced_earlier() -> None:
    text = "US Secretary of State Antony Blinken visited Kyiv. Blinken said the talks were useful."
    entities, span = _span(text, "Blinken", occurrence=2)
    speaker = entities.resolve(span)  # type: ignore[arg-type]
    assert speaker == Speaker("Antony Blinken", "US Secretary of State", "person")


def test_headline_surname_resolves_to_a_later_full_name() -> None:
    text = "US to speed up training of soldiers, says Blinken\nAntony Blinken met officials in Kyiv on Monday."
    quotes = find_quotes(read_text(text, id="t"))
    assert [(q.speaker, q.speaker_mention, q.paragraph) for q in quotes] == [("Antony Blinken", "Blinken", None)]


def test_the_publication_resolves_to_the_outlet_named_earlier() -> None:
    text = (
        "According to Politico, seven member states oppose the plan. "
        "The publication said three other countries were resisting the move."
    )
    quotes = find_quotes(read_text(text, id="t", headline=""))
    assert [(q.speaker, q.speaker_mention, q.speaker_type) for q in quotes] == [
        ("Politico", "Politico", "media"),
        ("Politico", "The publication", "media"),
    ]


def test_pronoun_resolves_to_the_person_quoted_before() -> None:
    text = (
        'Council spokesperson Martin Whitlock spoke on Thursday. "We can open the shelters tonight," Whitlock said. '
        '"We will keep checking on the roads," he added.'
    )
    quotes = find_quotes(read_text(text, id="t", headline=""))
    assert [(q.speaker, q.speaker_mention) for q in quotes] == [
        ("Martin Whitlock", "Whitlock"),
        ("Martin Whitlock", "he"),
    ]
    assert {q.speaker_role for q in quotes} == {"Council spokesperson"}


def test_pronoun_gender_follows_the_article() -> None:
    text = (
        "Mary Jones met Tom Brown on Monday. Mary Jones said she was pleased with the deal. "
        "Tom Brown said he would sign it soon. Later, she said the talks would go on."
    )
    quotes = find_quotes(read_text(text, id="t", headline=""))
    last = [q for q in quotes if "talks would go on" in q.text]
    assert [q.speaker for q in last] == ["Mary Jones"]


def test_anonymous_sources_are_typed() -> None:
    text = "Unnamed US officials said Kyiv's mobilisation efforts were insufficient."
    quotes = find_quotes(read_text(text, id="t", headline=""))
    assert [(q.speaker, q.speaker_type) for q in quotes] == [("Unnamed US officials", "anonymous")]


_FARES_TEXT = (
    "Portugal weighs higher bus fares\n"
    "The government has spent heavily on keeping fares low since the election in May. "
    '"The spring is the right moment for us to put up bus fares," said Ana Ferreira, '
    "Deputy Minister for Regional Transport Planning. "
    '"We are still working out whether a 15% rise is fair." '
    "The BBC's correspondent in Lisbon, Tomas Varga, told the Today programme that commuters were "
    "likely to protest against any rise in fares. "
    '"The real test is whether the rise comes all at once or in steps," he said.'
)


def test_appositive_role_after_an_inverted_cue() -> None:
    quotes = find_quotes(read_text(_FARES_TEXT, id="t"))
    found = [q for q in quotes if "the right moment for us to put up bus fares" in q.text]
    assert len(found) == 1
    assert found[0].speaker == "Ana Ferreira"
    assert found[0].speaker_role == "Deputy Minister for Regional Transport Planning"


def test_person_in_apposition_to_a_job_title() -> None:
    quotes = find_quotes(read_text(_FARES_TEXT, id="t"))
    found = [q for q in quotes if "likely to protest" in q.text]
    assert [(q.speaker, q.cue, q.speaker_type) for q in found] == [("Tomas Varga", "told", "person")]


def test_report_nouns_stand_for_their_author() -> None:
    text = "A report by The Boston Globe pointed to a shortage of night-shift nurses."
    entities, span = _span(text, "A report by The Boston Globe")
    assert entities.resolve(span) == Speaker("The Boston Globe", None, "media")  # type: ignore[arg-type]


def test_a_quote_leading_into_an_attributed_one_takes_its_speaker() -> None:
    text = 'Tom Brown said the game was close. "We won. It was great." "It was hard," Mary Jones said.'
    quotes = find_quotes(read_text(text, id="t", headline=""))
    assert [(q.text, q.speaker, q.cue) for q in quotes] == [
        ("the game was close", "Tom Brown", "said"),
        ("We won. It was great.", "Mary Jones", None),
        ("It was hard", "Mary Jones", "said"),
    ]


def test_pronoun_without_any_antecedent_stays_unknown() -> None:
    quotes = find_quotes(read_text('"It is over," she said.', id="t", headline=""))
    assert [(q.speaker, q.speaker_mention, q.speaker_type) for q in quotes] == [(None, "she", "unknown")]


def test_a_name_after_a_title_is_a_person_even_when_ner_misses_it() -> None:
    text = "Hereditary Chief Tsakwas said the blockade would remain in place."
    quotes = find_quotes(read_text(text, id="t", headline=""))
    assert [(q.speaker, q.speaker_role, q.speaker_type) for q in quotes] == [
        ("Tsakwas", "Hereditary Chief", "person")
    ]


def test_a_surname_tagged_as_an_organisation_is_still_the_person() -> None:
    text = (
        "Neil Hargrove is weighing a run for the legislature. Hargrove said he is far from making up his mind. "
        "He said the bakery, together with a co-op run by his uncle's partner, Luc Thibodeau, kept the "
        "town going. \"It's a slow climb,\" he said."
    )
    quotes = find_quotes(text)
    assert quotes[-1].text == "It's a slow climb"
    assert quotes[-1].speaker == "Neil Hargrove"  # not a name inside what he reported


def test_a_named_committee_is_an_organisation_mention() -> None:
    text = (
        "A study by the Senate farm and fisheries committee urged that the agency be broken up unless it "
        "cleared its backlog by the autumn. The committee came to that view after learning that almost "
        "40,000 licence requests were still waiting."
    )
    entities, span = _span(text, "The committee")
    names = [(m.name, m.subject, m.main) for m in entities.index.mentions if m.kind == "organisation"]
    assert names == [("Senate farm and fisheries committee", True, True)] * 2  # not "the agency"
    assert entities.resolve(span).name == "Senate farm and fisheries committee"


def test_an_acronym_resolves_to_the_organisation_it_abbreviates() -> None:
    text = (
        "Northern Trade Finance backed the mine with a loan in 2011.\n\n"
        "NTF said it does not comment on the contracts of its customers."
    )
    quotes = find_quotes(read_text(text, id="t"))
    assert [(q.speaker, q.speaker_type) for q in quotes] == [("Northern Trade Finance", "organisation")]


def test_acronym_without_a_matching_name_is_kept() -> None:
    entities, _ = _span("The RCMP said the road was closed. Health Canada agreed.", "RCMP")
    assert entities.index.org_name("RCMP") == "RCMP"


def test_an_organisation_ner_missed_in_one_sentence_is_still_the_it_there() -> None:
    text = (
        "Employees were locked out of in-house builds of Zoom, Slack and Dropbox on Thursday. "
        "Gmail kept working.\n\n"
        "In a statement, Zoom said engineers were fixing the fault. The company added that customer data was safe."
    )
    doc = parse_text(text)
    entities = SpeakerResolver.from_doc(doc)
    start = text.index("The company")
    span = doc.char_span(start, start + len("The company"))
    assert span is not None
    assert entities.resolve(span).name == "Zoom"


def _resolve_at(text: str, mention: str) -> Speaker:
    doc = parse_text(text)
    start = text.index(mention)
    span = doc.char_span(start, start + len(mention), alignment_mode="expand")
    assert span is not None
    return SpeakerResolver.from_doc(doc).resolve(span)


def test_a_book_stands_for_its_author() -> None:
    text = "Marta Quinn, a historian, wrote about the dockers.\n\nAccording to Quinn's book, most came from Cork."
    assert _resolve_at(text, "Quinn's book").name == "Marta Quinn"


def test_a_website_stands_for_whoever_runs_it() -> None:
    text = "Priya Nair set up Verdant in 2016. According to the Verdant website, its greenhouses run on wind power."
    assert _resolve_at(text, "the Verdant website") == Speaker("Verdant", None, "organisation")


def test_an_organisation_noun_followed_by_its_name_is_that_name() -> None:
    text = (
        "The Irish aid group Tidewater said three of its workers were injured in the shelling. "
        "A statement said the group was deeply distressed by what had happened."
    )
    assert _resolve_at(text, "A statement").name == "Tidewater"


def test_a_nationality_keeps_a_description_from_matching_another_countrys_body() -> None:
    text = (
        "The Milan Stock Exchange turned down the offer on Tuesday. "
        "The Swiss exchange said it would keep talking to investors."
    )
    assert _resolve_at(text, "The Swiss exchange").name != "Milan Stock Exchange"


def test_plural_press_reports_are_not_credited_to_the_last_organisation() -> None:
    text = "Nordbank said it was weighing an offer. Press reports said the deal could be worth three billion euros."
    assert _resolve_at(text, "Press reports").name == "Press reports"


def test_an_organisation_named_after_a_possessive_is_not_a_relative() -> None:
    text = "Fans' group Red Voice said it would oppose any sale of the stadium."
    assert _resolve_at(text, "Fans' group Red Voice").type == "organisation"


def test_the_spokeswoman_without_a_named_antecedent_stays_an_unnamed_source() -> None:
    text = "Crowds gathered early at the Meadowbank Mall. The Meadowbank Mall spokeswoman said every car park was full."
    assert _resolve_at(text, "The Meadowbank Mall spokeswoman").type == "anonymous"


def test_appositive_role_when_ner_misses_the_name() -> None:
    # "May" read as a month: the proper-noun phrase still carries its appositive role
    quotes = find_quotes('Theresa May, Tory shadow transport secretary, said: "The timetable is a fiction."')
    assert [(q.speaker, q.speaker_role) for q in quotes] == [("Theresa May", "Tory shadow transport secretary")]


def test_describing_phrase_as_role_drops_its_article() -> None:
    quotes = find_quotes(
        "The council's former finance director Peter Vale resigned in March, "
        'saying he had been "kept in the dark" about the deficit.'
    )
    assert [(q.speaker, q.speaker_role) for q in quotes] == [("Peter Vale", "council's former finance director")]


def test_role_set_off_by_commas_when_the_parser_misses_the_appositive() -> None:
    # the small model parses "Tory" as a second subject here: no appositive to read the role from
    text = "Carla Mendes, Tory shadow health and social care secretary, said the figures were alarming."
    assert [(q.speaker, q.speaker_role) for q in find_quotes(text)] == [
        ("Carla Mendes", "Tory shadow health and social care secretary")
    ]


def test_an_age_in_apposition_is_not_a_role() -> None:
    quotes = find_quotes("Anna Berg, 34, said the road had been closed since dawn.")
    assert [(q.speaker, q.speaker_role) for q in quotes] == [("Anna Berg", None)]


def test_a_given_name_tagged_as_a_modal_still_starts_the_full_name() -> None:
    # "Will" before "Price" is tagged as an auxiliary, NER tags neither word; the surname alone
    # later in the article is the same person
    quotes = find_quotes(
        "The cold slows everything. Will Price, a mechanic based in Hull and a steward at the local union, said "
        "the cold is hard on engines. Price said the brakes often fail."
    )
    assert [q.speaker for q in quotes] == ["Will Price", "Will Price"]


def test_a_person_in_apposition_to_an_untagged_capitalised_title_is_the_speaker() -> None:
    # the parse the small model can give: the name hangs on the last noun of the title, not its head
    words = ["Keeper", "of", "the", "Mayor", "'s", "Chain", ",", "Ruth", "Adeyemi", ",", "said", "it", "was", "safe"]
    doc = Doc(
        load_model().vocab,
        words=words,
        spaces=[True, True, True, False, True, False, True, True, False, True, True, True, True, False],
        pos=["PROPN", "ADP", "DET", "NOUN", "PART", "PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB", "PRON",
             "AUX", "ADJ"],
        deps=["nsubj", "prep", "det", "poss", "case", "pobj", "punct", "compound", "appos", "punct", "ROOT",
              "nsubj", "ccomp", "acomp"],
        heads=[10, 0, 3, 5, 3, 1, 5, 8, 5, 0, 10, 12, 10, 12],
        ents=["O", "O", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"],
    )
    speaker = SpeakerResolver.from_doc(doc).resolve(doc[0:9])
    assert (speaker.name, speaker.type) == ("Ruth Adeyemi", "person")


def test_a_person_tagged_name_ending_in_an_organisation_word_is_an_organisation() -> None:
    text = (
        "Riverside Transit was asked about the plan. The mayor claimed a survey was carried out by Riverside "
        "Transit. The agency said it has not done any such study."
    )
    quotes = find_quotes(text)
    assert [(q.speaker_mention, q.speaker, q.speaker_type) for q in quotes] == [
        ("The mayor", "The mayor", "unknown"),  # not "Riverside Transit", a person
        ("The agency", "Riverside Transit", "organisation"),
    ]
    [q] = find_quotes("Margaret Court said the club should stay open.")  # a surname, not a court
    assert (q.speaker, q.speaker_type) == ("Margaret Court", "person")
