"""Speaker resolution inside one article: full names, roles, media and anonymous sources."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsdesk.articles import read_text
from newsdesk.nlp import parse_text
from newsdesk.quotes import find_quotes
from newsdesk.speakers import ArticleEntities, Speaker, clean_name

SHARED = Path(__file__).parents[1].parent / "shared"


def _bbc_text(article_id: str) -> str:
    base = os.environ.get("NEWSDESK_CORPUS_DIR")
    path = Path(base) / "bbc" / "bbc_news.jsonl" if base else SHARED / "corpus" / "bbc" / "bbc_news.jsonl"
    if not path.is_file():
        pytest.skip(f"BBC corpus not found at {path} (set NEWSDESK_CORPUS_DIR)")
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] == article_id:
            return str(row["title"]) + "\n" + str(row["text"])
    pytest.skip(f"{article_id} not in the BBC corpus")


def _span(doc_text: str, mention: str, occurrence: int = 1) -> tuple[ArticleEntities, object]:
    doc = parse_text(doc_text)
    start = -1
    for _ in range(occurrence):
        start = doc_text.index(mention, start + 1)
    span = doc.char_span(start, start + len(mention), alignment_mode="expand")
    assert span is not None
    return ArticleEntities(doc), span


def test_clean_name_drops_honorifics_and_possessives() -> None:
    assert clean_name("Mr. Blair's") == "Blair"
    assert clean_name("spokesperson Lu Kang") == "Lu Kang"
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
        'White House spokesperson John Kirby spoke on Friday. "We are ready to help," Kirby said. '
        '"We will keep working with our partners," he added.'
    )
    quotes = find_quotes(read_text(text, id="t", headline=""))
    assert [(q.speaker, q.speaker_mention) for q in quotes] == [("John Kirby", "Kirby"), ("John Kirby", "he")]
    assert {q.speaker_role for q in quotes} == {"White House spokesperson"}


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


def test_appositive_role_on_a_real_bbc_sentence() -> None:
    text = _bbc_text("business/012")
    quotes = find_quotes(read_text(text, id="business/012"))
    found = [q for q in quotes if "is the best time for us to increase fuel prices" in q.text]
    assert len(found) == 1
    assert found[0].speaker == "Sri Mulyani Indrawati"
    assert found[0].speaker_role == "State Minister for National Development Planning"


def test_person_in_apposition_to_a_job_title_on_a_real_bbc_sentence() -> None:
    text = _bbc_text("business/012")
    quotes = find_quotes(read_text(text, id="business/012"))
    found = [q for q in quotes if "strong public reaction" in q.text]
    assert [(q.speaker, q.cue, q.speaker_type) for q in found] == [("Rachel Harvey", "told", "person")]


def test_report_nouns_stand_for_their_author() -> None:
    text = "A report by The Wall Street Journal highlighted the need for more troops."
    entities, span = _span(text, "A report by The Wall Street Journal")
    assert entities.resolve(span) == Speaker("The Wall Street Journal", None, "media")  # type: ignore[arg-type]


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
    quotes = find_quotes(read_text("Hereditary Chief Namoks said the camp would stay open.", id="t", headline=""))
    assert [(q.speaker, q.speaker_role, q.speaker_type) for q in quotes] == [
        ("Namoks", "Hereditary Chief", "person")
    ]


def test_a_surname_tagged_as_an_organisation_is_still_the_person() -> None:
    text = (
        "Kevin Vickers is considering a move into politics. Vickers said he is a long way from a decision. "
        "He said the business, along with a credit union run by his father's friend, Martin Legere, gave the "
        "province a boost. \"It's a long haul,\" he said."
    )
    quotes = find_quotes(text)
    assert quotes[-1].text == "It's a long haul"
    assert quotes[-1].speaker == "Kevin Vickers"  # not a name inside what he reported


def test_a_named_committee_is_an_organisation_mention() -> None:
    text = (
        "A report by the Commons work and pensions committee called for the agency to be wound up unless it "
        "improved its service within weeks. The committee reached its conclusions after it found that nearly "
        "250,000 cases have yet to be processed."
    )
    entities, span = _span(text, "The committee")
    names = [(m.name, m.subject, m.main) for m in entities.mentions if m.kind == "organisation"]
    assert names == [("Commons work and pensions committee", True, True)] * 2  # not "the agency"
    assert entities.resolve(span).name == "Commons work and pensions committee"


def test_an_acronym_resolves_to_the_organisation_it_abbreviates() -> None:
    text = (
        "Export Development Canada insured the project in 2008.\n\n"
        "EDC said it could not discuss the policies of its clients."
    )
    quotes = find_quotes(read_text(text, id="t"))
    assert [(q.speaker, q.speaker_type) for q in quotes] == [("Export Development Canada", "organisation")]


def test_acronym_without_a_matching_name_is_kept() -> None:
    entities, _ = _span("The RCMP said the road was closed. Health Canada agreed.", "RCMP")
    assert entities.org_name("RCMP") == "RCMP"


def test_an_organisation_ner_missed_in_one_sentence_is_still_the_it_there() -> None:
    text = (
        "Staff lost access to internal versions of Facebook, Workplace and Instagram on Wednesday. "
        "WhatsApp was not affected.\n\n"
        "In a statement, Facebook said it was restoring the apps. The company noted that users were not affected."
    )
    doc = parse_text(text)
    entities = ArticleEntities(doc)
    start = text.index("The company")
    span = doc.char_span(start, start + len("The company"))
    assert span is not None
    assert entities.resolve(span).name == "Facebook"


def _resolve_at(text: str, mention: str) -> Speaker:
    doc = parse_text(text)
    start = text.index(mention)
    span = doc.char_span(start, start + len(mention), alignment_mode="expand")
    assert span is not None
    return ArticleEntities(doc).resolve(span)


def test_a_book_stands_for_its_author() -> None:
    text = "Dionne Brand, a historian, wrote about the porters.\n\nAccording to Brand's book, most were immigrants."
    assert _resolve_at(text, "Brand's book").name == "Dionne Brand"


def test_a_website_stands_for_whoever_runs_it() -> None:
    text = "Larry Ellison founded Sensei in 2018. According to the Sensei website, the farms use solar power."
    assert _resolve_at(text, "the Sensei website") == Speaker("Sensei", None, "organisation")


def test_an_organisation_noun_followed_by_its_name_is_that_name() -> None:
    text = (
        "The Canadian aid group Mercyline said two of its staff were hurt in the attack. "
        "A statement said the group was shocked and saddened by the news."
    )
    assert _resolve_at(text, "A statement").name == "Mercyline"


def test_a_nationality_keeps_a_description_from_matching_another_countrys_body() -> None:
    text = (
        "The London Stock Exchange rejected the bid on Monday. "
        "The German exchange said it had held constructive talks with shareholders."
    )
    assert _resolve_at(text, "The German exchange").name != "London Stock Exchange"


def test_plural_press_reports_are_not_credited_to_the_last_organisation() -> None:
    text = "Euronext said it was considering a bid. Press reports said the offer could reach two billion euros."
    assert _resolve_at(text, "Press reports").name == "Press reports"


def test_an_organisation_named_after_a_possessive_is_not_a_relative() -> None:
    text = "Supporters' group Shareholders United said it would fight any takeover of the club."
    assert _resolve_at(text, "Supporters' group Shareholders United").type == "organisation"


def test_the_spokeswoman_without_a_named_antecedent_stays_an_unnamed_source() -> None:
    text = "Shoppers queued from dawn at the Trafford Centre. The Trafford Centre spokeswoman said parking was full."
    assert _resolve_at(text, "The Trafford Centre spokeswoman").type == "anonymous"
