"""Quote attribution: direct, mixed and indirect speech on sentences written for these tests, and edge cases.

Every sentence below is our own; none is taken from the BBC corpus or from an evaluation gold set. A few
integration tests read BBC articles at test time (the ``bbc`` data set of `newsdesk.datasets`) by id and name
their quotes by short fragments only; they skip with the data set's one-line reason when it is absent.
"""

from __future__ import annotations

from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from newsdesk.datasets import BbcArticle, DatasetNotFoundError, load_bbc
from newsdesk.io.articles import Article, read_text
from newsdesk.nlp import load_model
from newsdesk.quotes.component import find_quotes
from newsdesk.quotes.finder import QuoteFinder
from newsdesk.quotes.marks import find_quoted
from newsdesk.quotes.syntax import name_before
from newsdesk.records import Quote


@lru_cache(maxsize=1)
def _bbc_rows() -> dict[str, BbcArticle]:
    return {row["id"]: row for row in load_bbc()}


def bbc(article_id: str) -> Article:
    """A BBC corpus article (headline line + body), or skip the test when the corpus is absent."""
    try:
        rows = _bbc_rows()
    except DatasetNotFoundError as error:
        pytest.skip(str(error))
    row = rows[article_id]
    return read_text(row["title"] + "\n" + row["text"], id=article_id)


def quote_with(quotes: list[Quote], fragment: str) -> Quote:
    """The one quote whose text contains ``fragment``."""
    found = [q for q in quotes if fragment in q.text]
    assert len(found) == 1, f"expected one quote containing {fragment!r}, got {found}"
    return found[0]


def check_offsets(article: Article, quotes: list[Quote]) -> None:
    for q in quotes:
        assert article.text[q.start : q.end] == q.text
        if q.cue is not None:
            assert q.cue_start is not None and q.cue_end is not None
            assert article.text[q.cue_start : q.cue_end] == q.cue
        if q.speaker_mention is not None:
            assert q.speaker_start is not None and q.speaker_end is not None
            assert article.text[q.speaker_start : q.speaker_end] == q.speaker_mention


# -- direct quotes -------------------------------------------------------------------------------------


def article_of(text: str) -> Article:
    """A self-written article: first line the headline, the rest the body."""
    return read_text(text, id="t")


_AIRLINE = (
    "Halden Air blames fuel bill for profit fall\n"
    "Halden Air has blamed a rising fuel bill for a 30% fall in quarterly profits. Its chief executive, Moira "
    "Penhallow, said the figures were \"solid\" given the pressure on costs. \"For the full year, we now expect "
    "passenger revenue to land a little ahead of our earlier guidance,\" Halden chairman Peter Ashgrove said. "
    "Transport analyst Lionel Okafor of Kestrel Securities described the figures as \"a mixed bag\". \"Ticket sales "
    "are holding up nicely, but the fuel bill is eating into every gain they make,\" he said. The shares closed two "
    "pence higher."
)


def test_direct_quote_before_cue_with_pronoun_resolved_to_recent_subject() -> None:
    article = article_of(_AIRLINE)
    quotes = find_quotes(article)
    check_offsets(article, quotes)
    q = quote_with(quotes, "Ticket sales are holding up")
    assert (q.kind, q.cue, q.speaker_mention) == ("direct", "said", "he")
    # the analyst who "described the figures as ..." is the last person introduced, not the chairman before him
    assert q.speaker == "Lionel Okafor"
    earlier = quote_with(quotes, "passenger revenue to land")
    assert (earlier.speaker, earlier.speaker_role) == ("Peter Ashgrove", "Halden chairman")


def test_direct_quote_after_colon_cue_with_pre_name_title() -> None:
    text = (
        "Tarrow Systems has agreed to pay $14m to settle claims that it paid an official to win a contract in Ghana. "
        "Federal prosecutor Megan Costa said: \"Any firm that tries to buy influence abroad should expect to answer "
        "for it in court.\" The company says it has changed its practices."
    )
    q = quote_with(find_quotes(text), "tries to buy influence abroad")
    assert q.kind == "direct"
    assert q.cue == "said"
    assert q.speaker == "Megan Costa"
    assert q.speaker_role == "Federal prosecutor"
    assert q.speaker_type == "person"
    assert not q.text.startswith('"') and not q.text.endswith('"')


def test_inverted_cue_and_appositive_role() -> None:
    text = (
        "The krona rose against the euro on Friday. \"The central bank sounds far less worried about prices than it "
        "did in the spring,\" said Priya Lindqvist, head of rates research at Norrmark Bank in Stockholm. Traders "
        "expect a cut next month."
    )
    q = quote_with(find_quotes(text), "far less worried about prices")
    assert (q.kind, q.cue, q.speaker) == ("direct", "said", "Priya Lindqvist")
    assert q.speaker_role is not None and q.speaker_role.startswith("head of rates research")


_WATER = (
    "The region plans to raise water charges. \"Spring is the right moment for us to raise water charges,\" said "
    "Teodora Blanc, regional minister for public works. \"We are still weighing whether a 12% rise is fair. The "
    "earlier we act, the better for the regional budget.\" Opposition parties have promised to fight the rise."
)


def test_multi_sentence_quote_is_one_record() -> None:
    q = quote_with(find_quotes(_WATER), "still weighing whether a 12% rise")
    assert "the better for the regional budget" in q.text  # both sentences, one record
    assert q.text.count(". ") == 1


def test_quote_running_over_paragraphs() -> None:
    text = (
        "A spokeswoman for the Department of Housing said the scheme was \"carefully designed\". \"We are drawing up "
        "a register of landlords who have failed basic safety checks,\" said the spokeswoman. \"We have been looking "
        "at how councils can share inspection records and believe this can be done quickly and safely.\n"
        "\"We do not accept that tenants should wait years for repairs that are already overdue.\"\n"
        "The spokeswoman stressed the department would consult tenant groups before the rules took effect."
    )
    article = read_text(text, id="t", headline="")
    quotes = find_quotes(article)
    check_offsets(article, quotes)
    q = quote_with(quotes, "share inspection records")
    assert "\n" in q.text  # continues on the next paragraph, whose opening mark repeats
    assert "We do not accept that tenants" in q.text
    assert q.kind == "direct"
    # it stops at the closing mark: the next paragraph's reported speech is a separate record
    assert "consult tenant groups" not in q.text
    assert quote_with(quotes, "consult tenant groups").cue == "stressed"


def test_floating_quote_inherits_the_previous_speaker() -> None:
    quotes = find_quotes(_WATER)
    first = quote_with(quotes, "right moment for us to raise")
    follow = quote_with(quotes, "still weighing whether a 12% rise")
    assert follow.cue is None and follow.speaker_mention is None
    assert follow.speaker == first.speaker == "Teodora Blanc"
    assert follow.confidence < first.confidence


# -- indirect and mixed speech --------------------------------------------------------------------


def test_indirect_speech_with_that_clause_and_title() -> None:
    text = "Transport Minister Eleni Marsh said that there is a strong case for expanding the regional rail network."
    q = quote_with(find_quotes(text), "a strong case for expanding")
    assert q.kind == "indirect"
    assert q.cue == "said"
    assert q.speaker == "Eleni Marsh"
    assert q.speaker_role == "Transport Minister"
    assert not q.text.startswith("that ")


def test_according_to_a_media_source() -> None:
    text = (
        "Inspectors have visited a dairy farm near the border. "
        "According to Reuters, they intend to close 40 of its sheds by March."
    )
    q = quote_with(find_quotes(text), "they intend to close 40")
    assert (q.kind, q.cue, q.speaker, q.speaker_type) == ("indirect", "According to", "Reuters", "media")


def test_according_to_a_newspaper_named_with_its_kind() -> None:
    text = (
        "The deal gives Tarnova $2bn in credits from the state bank. According to Romanian newspaper Adevarul, "
        "these funds would be used to repay the loans Tarnova took out to buy the refinery."
    )
    q = quote_with(find_quotes(text), "these funds would be used")
    assert q.speaker == "Adevarul"
    assert q.speaker_type == "media"


def test_participial_cue_adding_that() -> None:
    text = (
        "The government says it has begun clearing the backlog, adding that cutting waiting times was a task for "
        "every hospital in the region."
    )
    q = quote_with(find_quotes(text), "cutting waiting times was a task")
    assert q.cue == "adding"
    assert q.speaker_mention == "The government"
    assert q.speaker_type == "organisation"


def test_organisation_reports_that() -> None:
    text = "The Federal Statistics Office reported that grain stocks had fallen by 4% to 18.2m tonnes."
    q = quote_with(find_quotes(text), "grain stocks had fallen")
    assert (q.cue, q.speaker, q.speaker_type) == ("reported", "The Federal Statistics Office", "organisation")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Maria Olsson, one of the so-called \"Class of Twelve\" elected in 2012, told reporters: \"Some colleagues "
            "never learned our names.\" The party later apologised.",
            "Class of Twelve",
        ),
        (
            "The advertising agency behind the withdrawn \"Robin Hood\" posters, which angered opposition MPs, has "
            "kept its contract.",
            "Robin Hood",
        ),
    ],
)
def test_titles_and_scare_quotes_are_not_quotes(text: str, title: str) -> None:
    article = read_text(text, id="t", headline="")
    assert not [q for q in find_quotes(article) if q.text.strip(' "“”.,') == title]


# -- real BBC articles, read at test time (integration) -----------------------------------------------

# (article id, a short fragment of one of its quotes, the speaker that quote resolves to)
_BBC_SPEAKERS = [
    ("business/004", "quite good on the revenue", "Nick Van den Brul"),
    ("business/004", "total revenue outlook", "Martin Broughton"),
    ("business/102", "should take note", "Carol Lam"),
    ("business/002", "sanguine view", "Robert Sinche"),
    ("business/012", "still considering if", "Sri Mulyani Indrawati"),
    ("politics/078", "exploring how we", "A spokesman for the Home Office"),
    ("business/019", "fast-growing mobile market", "Dayanidhi Maran"),
    ("business/029", "plan to seize", "Reuters"),
    ("business/077", "these credits would", "Vedomosti"),
    ("business/052", "getting growth going", "The government"),
    ("business/028", "crude stockpiles had fallen", "The US Department of Energy"),
]


@pytest.mark.parametrize(("article_id", "fragment", "speaker"), _BBC_SPEAKERS)
def test_bbc_quote_resolves_to_its_speaker(article_id: str, fragment: str, speaker: str) -> None:
    article = bbc(article_id)
    quotes = find_quotes(article)
    check_offsets(article, quotes)
    assert quote_with(quotes, fragment).speaker == speaker


@pytest.mark.parametrize(
    "article_id", sorted({article_id for article_id, _, _ in _BBC_SPEAKERS} | {"politics/008", "politics/346"})
)
def test_bbc_quotes_are_well_formed_and_never_swallow_the_article(article_id: str) -> None:
    article = bbc(article_id)
    quotes = find_quotes(article)
    assert quotes
    check_offsets(article, quotes)
    for q in quotes:
        assert q.kind in {"direct", "indirect", "mixed"}
        assert q.text.strip()
        assert len(q.text) <= len(article.text) // 3, q
        assert q.text.count("\n") <= 1, q  # a quote may run into the next paragraph, never further
        assert "\n" not in q.text or q.kind == "direct", q


@pytest.mark.parametrize(("article_id", "title"), [("politics/008", "Blair Babes"), ("politics/346", "Fagin")])
def test_bbc_titles_and_scare_quotes_are_not_quotes(article_id: str, title: str) -> None:
    article = bbc(article_id)
    assert title in article.text
    assert not [q for q in find_quotes(article) if q.text.strip(' "“”.,') == title]


# -- constructed edge cases ---------------------------------------------------------------------


def test_a_zero_width_space_after_a_name_does_not_hide_the_speaker() -> None:
    text = "Ilse Brandt\u200b said the orchard had lost half its trees to the frost."
    quotes = find_quotes(read_text(text, id="t", headline=""))
    assert [(q.speaker, q.cue, q.text) for q in quotes] == [
        ("Ilse Brandt", "said", "the orchard had lost half its trees to the frost")
    ]
    assert text[quotes[0].start : quotes[0].end].startswith("the orchard")


@pytest.mark.parametrize(("opening", "closing"), [("\'\'", "\'\'"), ("’’", "’’"), ("``", "\'\'"), ("‘‘", "’’")])
def test_doubled_apostrophes_are_quotation_marks(opening: str, closing: str) -> None:
    text = (
        f"Omar Haddad opened the clinic in 2012. {opening}We never turned anyone away,{closing} "
        "says the 51-year-old doctor."
    )
    assert [span.content for span in find_quoted(text)] == ["We never turned anyone away,"]
    quotes = find_quotes(read_text(text, id="t", headline=""))
    assert [(q.kind, q.text, q.cue, q.speaker_mention, q.speaker) for q in quotes] == [
        ("direct", "We never turned anyone away", "says", "the 51-year-old doctor", "Omar Haddad")
    ]


def test_a_closing_mark_the_parser_took_for_the_subject_does_not_hide_the_speaker() -> None:
    text = "Ruth Adler coaches the crew. ’’Not yet,’’ says the 60-year-old coach."  # parsed: ’’ nsubj says
    quotes = find_quotes(read_text(text, id="t", headline=""))
    assert [(q.text, q.speaker_mention, q.speaker) for q in quotes] == [
        ("Not yet", "the 60-year-old coach", "Ruth Adler")
    ]


@pytest.mark.parametrize("name", ["Dr. Ines Kowal", "Ines J. Kowal", "Gov. Kowal"])
def test_an_abbreviation_between_a_quote_and_its_cue_is_no_sentence_end(name: str) -> None:
    text = f"The bridge reopened on Monday.\n\n“We fixed it in three weeks,” {name} said."
    quotes = find_quotes(read_text(text, id="t", headline=""))
    assert [(q.kind, q.cue, q.speaker_mention) for q in quotes] == [("direct", "said", name)]


def test_straight_and_curly_marks_give_the_same_quote() -> None:
    straight = find_quotes('"Our crews can be on site within the hour," Kirby stated.')
    curly = find_quotes("“Our crews can be on site within the hour,” Kirby stated.")
    assert [(q.text, q.cue, q.speaker) for q in straight] == [(q.text, q.cue, q.speaker) for q in curly]
    assert straight[0].text == "Our crews can be on site within the hour"
    assert straight[0].cue == "stated"


def test_interrupted_quote_gives_two_records_with_one_speaker() -> None:
    quotes = find_quotes('"The talks went well," she said, "and we will meet again in March."')
    assert [q.text for q in quotes] == ["The talks went well", "and we will meet again in March."]
    assert {q.cue for q in quotes} == {"said"}
    assert all(q.kind == "direct" for q in quotes)


def test_mixed_quote_with_a_quoted_fragment() -> None:
    text = (
        'US Secretary of State Antony Blinken arrived in Kyiv. Blinken reaffirmed the US commitment to '
        '"widen the grain corridor and speed up repairs to the damaged ports".'
    )
    q = quote_with(find_quotes(read_text(text, id="t", headline="")), "widen the grain corridor")
    assert q.kind == "mixed"
    assert q.cue == "reaffirmed"
    assert (q.speaker, q.speaker_mention, q.speaker_role) == ("Antony Blinken", "Blinken", "US Secretary of State")


def test_report_by_a_newspaper_and_calling_for() -> None:
    text = (
        "A report by The Wall Street Journal highlighted a shortage of engineers to repair the power grid. "
        "Ukrainian President Volodymyr Zelenskyy spoke in Kyiv, calling for NATO to invite Ukraine to join."
    )
    quotes = find_quotes(read_text(text, id="t", headline=""))
    report = quote_with(quotes, "a shortage of engineers")
    assert (report.speaker, report.speaker_type) == ("The Wall Street Journal", "media")
    assert report.speaker_mention == "A report by The Wall Street Journal"
    call = quote_with(quotes, "NATO to invite Ukraine")
    assert (call.cue, call.speaker, call.speaker_role) == ("calling for", "Volodymyr Zelenskyy", "Ukrainian President")


def test_unbalanced_mark_neither_crashes_nor_swallows_the_article() -> None:
    text = 'He said: "We will not stop here.\nThe minister left early.\nOfficials said the budget was fixed.'
    article = read_text(text, id="t", headline="")
    quotes = find_quotes(article)
    check_offsets(article, quotes)
    for q in quotes:
        assert "The minister left early" not in q.text
    assert any(q.text == "the budget was fixed" and q.kind == "indirect" for q in quotes)


def test_unclosed_marks_are_confined_to_their_paragraph() -> None:
    spans = find_quoted('“Open here and never closed\nSecond paragraph "with a proper quote" inside.')
    assert spans[0].closed is False and "\n" not in spans[0].content
    assert spans[1].content == "with a proper quote" and spans[1].closed


def test_quote_finder_is_sorted_and_deterministic() -> None:
    article = bbc("business/004")
    doc = load_model()(article.text)
    first = QuoteFinder().find(article, doc)
    second = QuoteFinder().find(article, doc)
    assert first == second
    assert [(q.start, q.end) for q in first] == sorted((q.start, q.end) for q in first)
    assert all(0.0 < q.confidence <= 1.0 for q in first)


def test_all_attributions_add_position_attributions() -> None:
    text = "Democracy for America endorsed Sanders in the primary."
    article = read_text(text, id="t", headline="")
    doc = load_model()(text)
    assert QuoteFinder().find(article, doc) == []
    broad = QuoteFinder(attributions="all").find(article, doc)
    assert [(q.cue, q.cue_class, q.text) for q in broad] == [("endorsed", "position", "Sanders in the primary")]


@pytest.mark.parametrize(
    ("text", "cue", "cue_class", "mention", "content"),
    [
        # a topic verb: what was talked about, from the object of its preposition
        ("The mayor talked about the housing shortage for an hour.", "talked", "topic", "The mayor",
         "the housing shortage for an hour"),
        # a copular adjective of position
        ("The union was critical of the new contract.", "critical", "position", "The union", "the new contract"),
        # a noun cue with a possessive source; the mention leaves out the "'s"
        ("The senator's call for an independent inquiry drew support.", "call", "request", "The senator",
         "an independent inquiry"),
        # the model lemmatises "hoped" as "hop": the cue is still found, as "hope"
        ("Maria Lopez hoped the vote would pass before the summer.", "hoped", "cognition", "Maria Lopez",
         "the vote would pass before the summer"),
        # a passive cue with no agent: an attribution whose source the sentence does not state
        ("The bill is expected to pass the upper house next week.", "expected", "cognition", None,
         "to pass the upper house next week"),
        # an impression: no source, the clause from its subject is the content
        ("The talks seem to have stalled over the border question.", "seem", "evidential", None,
         "The talks seem to have stalled over the border question"),
    ],
)
def test_all_attributions_cover_thought_stance_and_topic(
    text: str, cue: str, cue_class: str, mention: str | None, content: str
) -> None:
    assert find_quotes(text) == []  # none of these is speech
    [q] = find_quotes(text, attributions="all")
    assert (q.cue, q.cue_class, q.speaker_mention, q.text) == (cue, cue_class, mention, content)
    if mention is None:
        assert q.speaker is None and q.speaker_type == "unknown"


def test_cue_class_names_the_kind_of_cue_in_speech_mode() -> None:
    quotes = find_quotes('"We will appeal," the lawyer said. According to the court, the ruling stands.')
    assert [(q.cue, q.cue_class) for q in quotes] == [("said", "speech"), ("According to", "speech")]


def test_unknown_attribution_scope_is_refused() -> None:
    with pytest.raises(ValueError, match="attributions must be"):
        QuoteFinder(attributions="beliefs")  # type: ignore[arg-type]


def test_spacy_component_sets_quote_spans() -> None:
    nlp = load_model()
    added = "newsdesk_quotes" not in nlp.pipe_names
    if added:
        nlp.add_pipe("newsdesk_quotes")
    try:
        doc = nlp('"It is over," the coach said. Officials said the match was cancelled.')
    finally:
        if added:
            nlp.remove_pipe("newsdesk_quotes")
    spans = doc.spans["quotes"]
    assert [(s.text, s.label_) for s in spans] == [("It is over", "direct"), ("the match was cancelled", "indirect")]
    assert spans[0]._.quote.speaker_mention == "the coach"
    assert [q.text for q in doc._.quotes] == ["It is over", "the match was cancelled"]


_MARKS = st.sampled_from(['"', "“", "”", "„", "«", "»", "'", "’", "\n", " ", ", ", ". ", ": "])
_WORDS = st.sampled_from(
    ["He", "said", "the", "minister", "told", "reporters", "that", "Kirby", "we", "will", "win",
     # the wide scope's shapes: passives, copular adjectives, noun cues, impressions, topics, "as saying"
     "was", "expected", "critical", "of", "his", "call", "for", "seems", "to", "talked", "about", "as", "saying",
     "quoted", "READ MORE:"]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_MARKS, _WORDS, st.text(max_size=6)), max_size=40))
def test_random_quote_marks_never_crash_and_offsets_slice_the_text(pieces: list[str]) -> None:
    text = " ".join(pieces)
    if not text.strip():
        return
    article = read_text(text, id="prop", headline="")
    for scope in ("speech", "all"):
        quotes = find_quotes(article, attributions=scope)  # type: ignore[arg-type]
        check_offsets(article, quotes)
        for q in quotes:
            assert 0 <= q.start <= q.end <= len(text)
    for span in find_quoted(text):
        assert text[span.content_start : span.content_end] == span.content


# -- attribution rules checked on a self-written committee story and trading statement ---------------

_BUREAU = (
    "But she said closing the troubled Licensing Bureau would be \"a last resort\". A report by the Commons "
    "transport and infrastructure committee called for the bureau to be broken up unless it cleared its backlog by "
    "the summer. Chairman Sir Ronald Hebden said: \"If the bureau cannot fix itself, somebody else will have to run "
    "it.\"\n"
    "The committee drew its conclusions after it learned that more than 80,000 applications were still waiting to "
    "be checked. It warned that it might take three years before the bureau was \"up to the job\". The report urged "
    "the bureau to prepare a fallback plan, including a \"clean break option\", to be put before ministers by June."
)
_COMMITTEE = "Commons transport and infrastructure committee"


def _by_cue(quotes: list[Quote], cue: str) -> Quote:
    return next(q for q in quotes if q.cue == cue)


@lru_cache(maxsize=1)
def _bureau_quotes() -> tuple[Quote, ...]:
    return tuple(find_quotes(_BUREAU))


def test_a_report_by_a_committee_is_the_committees_statement() -> None:
    quote = _by_cue(list(_bureau_quotes()), "called for")
    assert quote.text.startswith("the bureau to be broken up")
    assert quote.speaker == _COMMITTEE
    assert quote.speaker_type == "organisation"


def test_it_resolves_to_the_organisation_subject_before() -> None:
    quote = _by_cue(list(_bureau_quotes()), "warned")
    assert quote.speaker_mention == "It"
    assert quote.speaker == _COMMITTEE


def test_the_speaker_is_the_subject_of_urge_never_its_object() -> None:
    quote = _by_cue(list(_bureau_quotes()), "urged")
    assert quote.speaker_mention == "The report"
    assert quote.speaker not in {"Licensing Bureau", "bureau", "the bureau"}
    assert quote.speaker == _COMMITTEE


def test_honorifics_are_not_roles() -> None:
    quote = next(q for q in _bureau_quotes() if q.speaker == "Ronald Hebden")
    assert quote.speaker_role == "Chairman"


def test_an_opening_mark_after_a_sentence_end_continues_the_quote() -> None:
    text = (
        "Asked whether the bureau should be shut down, Mr Okonjo told LBC radio: \"I would not rule out starting "
        "again from scratch with a brand new body. \"But I am sure the committee would accept that we should only "
        "take that step once we are certain the present set-up cannot be saved.\""
    )
    quotes = find_quotes(text)
    assert [q.text[:20] for q in quotes] == ["I would not rule out", "But I am sure the co"]
    assert {q.speaker for q in quotes} == {"Okonjo"}


def test_name_role_said_colon_wins_over_a_cue_in_the_next_sentence() -> None:
    text = (
        "Rachel Dunmore, Labour shadow transport secretary, said: \"We need a system that gets licences to drivers "
        "in weeks, not months.\" The bureau's former director Colin Haskett resigned in March claiming he was "
        "\"deeply frustrated\" with its progress."
    )
    quotes = find_quotes(text)
    direct = next(q for q in quotes if q.kind == "direct")
    assert (direct.speaker, direct.cue) == ("Rachel Dunmore", "said")
    mixed = next(q for q in quotes if q.cue == "claiming")  # a participial cue with a quoted fragment
    assert mixed.kind == "mixed"
    assert mixed.speaker == "Colin Haskett"
    assert mixed.text == 'he was "deeply frustrated" with its progress'


def test_the_committee_and_it_are_the_committee_not_an_organisation_in_the_content() -> None:
    text = _BUREAU + (
        " The committee said the Public Accounts Office should examine why the new computer system had failed so "
        "badly. It blamed the bureau's senior managers for a \"catalogue of errors\" inside the bureau."
    )
    quotes = find_quotes(text)
    said = next(q for q in quotes if q.speaker_mention == "The committee")
    assert said.text.startswith("the Public Accounts Office should examine")
    assert said.speaker == _COMMITTEE
    assert _by_cue(quotes, "blamed").speaker == _COMMITTEE


_RETAILER = (
    "Brightwell has said its full-year profit will fall £3m short of earlier forecasts after a weak January sale "
    "left it with too much winter stock.\n"
    "\"Sales of discounted winter lines have been weaker than we had hoped,\" the company said. The fashion "
    "retailer said it now forecast full-year profits in a range of £212m to £218m.\n"
    "\"Given how nervous everyone was about the autumn, this is a decent outcome,\" said Gareth Pindar, an analyst "
    "at Marlow Brothers. \"Profits of about £215m would sit comfortably inside the range.\" However, one trader, "
    "who asked not to be identified, told Bloomberg the winter trading figures were \"a bit of a letdown\". \"It has "
    "been a hard season for every clothing chain, and Brightwell is one of the better-run ones,\" he said."
)


@lru_cache(maxsize=1)
def _retailer_quotes() -> tuple[Quote, ...]:
    return tuple(find_quotes(_RETAILER))


def test_a_definite_description_refers_back_to_the_organisation() -> None:
    quote = next(q for q in _retailer_quotes() if q.speaker_mention == "The fashion retailer")
    assert quote.speaker == "Brightwell"


def test_a_cueless_quote_after_a_quote_keeps_its_speaker() -> None:
    quote = next(q for q in _retailer_quotes() if q.text.startswith("Profits of about"))
    assert quote.speaker == "Gareth Pindar"
    assert quote.cue is None
    assert not any(q.cue == "asked" for q in _retailer_quotes())  # "who asked not to be identified" reports nothing


def test_a_pronoun_after_an_unnamed_source_is_that_source() -> None:
    told = next(q for q in _retailer_quotes() if q.cue == "told")
    assert (told.speaker, told.speaker_type) == ("one trader", "anonymous")
    quote = next(q for q in _retailer_quotes() if q.text.startswith("It has been a hard season"))
    assert (quote.speaker, quote.speaker_type) == ("one trader", "anonymous")


def test_a_quote_introduced_by_a_colon_belongs_to_the_clause_subject() -> None:
    text = (
        "Dr. Alison Reyes says the painkillers are handed out too freely. Tom Ferrante, a pharmacist from Port "
        "Alder, said the trend was not new. Ferrante, the only pharmacist in a small fishing town on the north "
        "coast, is more direct: \"Once the state starts tracking every prescription, I think a lot of things are "
        "going to come to light.\""
    )
    quote = next(q for q in find_quotes(text) if q.text.startswith("Once the state"))
    assert quote.speaker == "Tom Ferrante"


def test_a_dateline_is_not_part_of_the_speaker() -> None:
    quote = find_quotes("WASHINGTON — Senator Bernie Sanders said on Tuesday that he would stay in the race.")[0]
    assert quote.speaker_mention == "Senator Bernie Sanders"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Senator Ana Ruiz criticized the new pipeline deal on Tuesday.", "criticized", "the new pipeline deal"),
        ("The mayor praised the firefighters who worked through the night.", "praised", "the firefighters who"),
        ("Union leaders denounced the wage freeze.", "denounced", "the wage freeze"),
    ],
)
def test_an_evaluative_cue_reports_its_object(text: str, cue: str, content: str) -> None:
    quotes = find_quotes(text)
    assert [(q.kind, q.cue) for q in quotes] == [("indirect", cue)]
    assert quotes[0].text.startswith(content)


def test_a_negated_evaluative_cue_reports_nothing() -> None:
    assert find_quotes("The mayor did not criticize the council.") == []


def test_a_headline_name_and_colon_is_attributed_when_the_body_names_that_person() -> None:
    text = (
        "Ruiz: Pipeline deal will cost \u201cthousands\u201d of jobs\n"
        "Senator Ana Ruiz spoke in Ottawa on Monday about the pipeline."
    )
    quote = find_quotes(text)[0]
    assert (quote.kind, quote.cue, quote.speaker_mention, quote.speaker) == ("mixed", ":", "Ruiz", "Ana Ruiz")
    assert quote.text == "Pipeline deal will cost \u201cthousands\u201d of jobs"


def test_a_label_and_colon_in_a_headline_is_not_a_speaker() -> None:
    text = "Update: The story has been corrected since publication\nSenator Ana Ruiz spoke in Ottawa on Monday."
    assert find_quotes(text) == []


def test_portrayed_as_is_a_nominal_cue() -> None:
    quotes = find_quotes("The opposition leader portrayed the budget as a giveaway to banks.")
    assert [(q.cue, q.speaker_mention) for q in quotes] == [("portrayed", "The opposition leader")]
    assert quotes[0].text.startswith("the budget as a giveaway")


def test_a_quote_introduced_by_that_is_direct_without_the_complementiser() -> None:
    quotes = find_quotes('The minister said that "we will not raise taxes this year."')
    assert [(q.kind, q.cue, q.speaker_mention, q.text) for q in quotes] == [
        ("direct", "said", "The minister", "we will not raise taxes this year")
    ]


def test_a_reported_clause_ending_in_a_quote_is_mixed() -> None:
    quotes = find_quotes("Warren said the plan was \u201clike a used car lot, only worse.\u201d")
    assert [(q.kind, q.speaker_mention) for q in quotes] == [("mixed", "Warren")]
    assert quotes[0].text.startswith("the plan was")


def test_a_conditional_if_is_not_a_question_but_asked_if_is() -> None:
    said = find_quotes("Delgado said if elected governor she would work with both parties in the legislature.")
    assert [(q.kind, q.cue) for q in said] == [("indirect", "said")]
    assert find_quotes("A reporter asked if the senator planned to resign.") == []


def test_said_in_a_statement_that_reports_the_clause() -> None:
    quotes = find_quotes("Ruiz told reporters in an interview that she would not seek re-election.")
    assert [(q.kind, q.cue, q.speaker_mention, q.text) for q in quotes] == [
        ("indirect", "told", "Ruiz", "she would not seek re-election")
    ]


def test_a_poll_or_study_that_finds_something_is_a_source() -> None:
    quotes = find_quotes("A new study found that the drug cuts the risk of heart attacks.")
    assert [(q.kind, q.cue, q.speaker_mention, q.text) for q in quotes] == [
        ("indirect", "found", "A new study", "the drug cuts the risk of heart attacks")
    ]


def test_finding_things_is_not_reporting_them() -> None:
    assert find_quotes("Police found that the car had been abandoned near the river.") == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        pytest.param(
            "Hollis says he worked nights, took pills to stay awake and was exhausted for years.",
            "he worked nights, took pills to stay awake and was exhausted for years",
            id="coordinated-predicates-split-as-conj",  # past-tense conjuncts after "says": the clause's
        ),
        pytest.param(
            "Hollis said he was sorry, stood up and left the hall.",
            "he was sorry",
            id="past-conjuncts-after-said-are-the-speakers-acts",
        ),
        pytest.param(
            "Hollis says the vote is lost, stands up and leaves the hall.",
            "the vote is lost",
            id="conjuncts-in-the-cues-tense-are-the-speakers-acts",
        ),
        pytest.param(
            "But she said small landlords renting mainly to students are likely to be hit hardest.",
            "small landlords renting mainly to students are likely to be hit hardest",
            id="subject-with-participle-split-into-two-ccomps",
        ),
        ("The coach told him he would start on Sunday.", "he would start on Sunday"),  # "him" is the addressee
    ],
)
def test_a_reported_clause_the_parser_split_is_reported_whole(text: str, content: str) -> None:
    assert [q.text for q in find_quotes(text)] == [content]


def test_an_accusation_reports_who_is_accused_of_what_but_a_passive_one_has_no_speaker() -> None:
    quotes = find_quotes("The senator accused the minister of misleading Parliament.")
    assert [(q.kind, q.speaker_mention, q.cue, q.text) for q in quotes] == [
        ("indirect", "The senator", "accused", "the minister of misleading Parliament")
    ]
    assert find_quotes("The minister was accused of misleading Parliament.") == []


def test_participial_tell_keeps_the_main_subject_as_speaker_not_the_addressee() -> None:
    quotes = find_quotes("Mayor Ann Cole welcomed the ruling, telling the Herald that the city would not appeal.")
    told = quote_with(quotes, "the city would not appeal")
    assert (told.speaker, told.cue) == ("Ann Cole", "telling")


def test_object_content_stops_before_a_following_participial_statement() -> None:
    quotes = find_quotes("The senator praised the deal on Tuesday, telling reporters that it would save jobs.")
    assert [(q.cue, q.text) for q in quotes] == [
        ("praised", "the deal on Tuesday"),
        ("telling", "it would save jobs"),
    ]
    assert {q.speaker for q in quotes} == {"The senator"}


def test_inverted_cue_after_a_quote_names_its_speaker() -> None:
    quotes = find_quotes('"It will fail," warned Smith. "Why now?" asked Jones.')
    assert [(q.speaker, q.cue) for q in quotes] == [("Smith", "warned"), ("Jones", "asked")]


def test_a_surname_tagged_as_a_modal_before_the_cue_is_the_speaker() -> None:
    # the small model reads "May" as an auxiliary of "said" and leaves the cue without a subject
    quotes = find_quotes(
        'Party leader Karen May said the vote mattered. "We showed what we can do tonight with the new '
        'members," May said of the result.'
    )
    q = quote_with(quotes, "We showed what we can do")
    assert (q.speaker_mention, q.speaker) == ("May", "Karen May")


def test_a_name_the_parser_split_off_as_its_own_sentence_is_the_speaker() -> None:
    # a parse as the small model sometimes gives it: "Fenwick" a one-word sentence, "said" the next root
    words = ["Fenwick", "said", "he", "likes", "the", "plan", "."]
    doc = Doc(
        load_model().vocab,
        words=words,
        pos=["PROPN", "VERB", "PRON", "VERB", "DET", "NOUN", "PUNCT"],
        deps=["ROOT", "ROOT", "nsubj", "ccomp", "det", "dobj", "punct"],
        heads=[0, 1, 3, 1, 5, 3, 1],
        sent_starts=[True, True, False, False, False, False, False],
    )
    found = name_before(doc[1])
    assert found is not None and found.text == "Fenwick"
    # a name ending the previous line is a heading, not the subject
    doc2 = Doc(
        load_model().vocab,
        words=["Fenwick", "\n\n", "said", "he", "likes", "it"],
        spaces=[False, False, True, True, True, False],
        pos=["PROPN", "SPACE", "VERB", "PRON", "VERB", "PRON"],
        deps=["ROOT", "dep", "ROOT", "nsubj", "ccomp", "dobj"],
        heads=[0, 0, 2, 4, 2, 4],
        sent_starts=[True, False, True, False, False, False],
    )
    assert name_before(doc2[2]) is None


def test_the_subject_of_a_passive_cue_is_not_its_speaker() -> None:
    # "who is said to have wept" reports what others say about her; she is not quoted
    quotes = find_quotes("The character was created by the writer Ann Vale, who is said to have wept at the premiere.")
    assert not any(q.speaker == "Ann Vale" for q in quotes)
    quotes = find_quotes('The ruling, which was described as "plain theft" in the press, angered the farmers.')
    assert not any(q.speaker_mention in ("which", "The ruling") for q in quotes)
    # an active cue keeps its subject
    quotes = find_quotes("The writer Ann Vale, who wept at the premiere, said the film was too sweet.")
    assert [q.speaker for q in quotes] == ["Ann Vale"]


def test_a_passive_cue_that_reports_the_subjects_words_keeps_the_subject() -> None:
    quotes = find_quotes(
        "Women will be hired by the agency this year, Health Minister Amira Haddad has been reported as saying."
    )
    assert [q.speaker for q in quotes] == ["Amira Haddad"]


def test_a_he_after_a_plural_who_said_is_not_that_group() -> None:
    quotes = find_quotes(
        "The minister was pressed to answer people who said that the new canal had flooded their fields. "
        'He replies: "We will pay for every acre that was lost."'
    )
    q = quote_with(quotes, "We will pay for every acre")
    assert q.speaker_mention == "He" and q.speaker != "people"


def test_possessive_pronoun_source_of_a_noun_cue_resolves_to_the_person() -> None:
    text = "Mark Ellis, the transport minister, spoke on Monday. His call for an independent review was ignored."
    [q] = find_quotes(text, attributions="all")
    assert (q.speaker_mention, q.speaker, q.cue, q.text) == ("His", "Mark Ellis", "call", "an independent review")


def test_quoted_words_without_a_cue_of_their_own_are_speech() -> None:
    text = '"We will appeal," said Dana Ortiz, the firm\'s lawyer.\n"The ruling ignores the contract."'
    quotes = find_quotes(text)
    assert [(q.cue, q.cue_class, q.speaker) for q in quotes] == [
        ("said", "speech", "Dana Ortiz"),
        (None, "speech", "Dana Ortiz"),
    ]


@pytest.mark.parametrize("statement", ["Rural anger appeals to voters", "Local pride matters to towns"])
def test_headline_statement_after_a_name_is_not_the_speakers_role(statement: str) -> None:
    # the parser reads the statement as an appositive of the name ("appeals", "matters" as nouns)
    [q] = find_quotes(f"Sarah Collins: {statement}\nThe minister met councils on Monday.")
    assert (q.speaker, q.text, q.speaker_role) == ("Sarah Collins", statement, None)


def test_link_lines_to_other_stories_are_not_attributions() -> None:
    text = (
        "Port reopens after strike\n"
        "The port reopened on Monday, officials said.\n"
        "READ MORE: Harbour chief says strike will cost millions\n"
        "WATCH: Union leader warns of a second walkout\n"
        "Dockers returned to work, the union said."
    )
    assert [q.text for q in find_quotes(text)] == ["The port reopened on Monday", "Dockers returned to work"]


def test_a_cue_with_its_own_object_does_not_make_the_clause_before_it_a_statement() -> None:
    text = "If the court orders the transfer to go ahead, Dana Ortiz can appeal that decision to the tribunal."
    assert find_quotes(text) == []


def test_inverted_parenthetical_cue_with_its_speaker_as_object_is_kept() -> None:
    text = "There is real pride, insists 52-year-old Omar Said, in meeting the growers themselves."
    quotes = find_quotes(text)
    assert [(q.speaker, q.text) for q in quotes][:1] == [("Omar Said", "There is real pride")]


@pytest.mark.parametrize(
    ("text", "first", "second", "cue"),
    [
        ("Former mayor Ann Ruiz announced recently that she will be leaving her post as club chair sooner than "
         "expected, saying the party needs fresh faces.",
         "she will be leaving her post as club chair sooner than expected", "the party needs fresh faces", "saying"),
        ("Premier Tom Hale has said the province will keep its original pledge of $10 million, insisting his "
         "government will not spend another dollar.",
         "the province will keep its original pledge of $10 million", "his government will not spend another dollar",
         "insisting"),
    ],
)
def test_participial_cue_after_a_reported_clause_is_the_same_speakers_next_statement(
    text: str, first: str, second: str, cue: str
) -> None:
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == [first, second]
    assert quotes[1].cue == cue
    assert quotes[0].speaker == quotes[1].speaker  # not the subject of the clause the parser hung it on


@pytest.mark.parametrize("verb", ["quoted", "described", "reported"])
def test_passive_as_saying_reports_the_subjects_words(verb: str) -> None:
    text = f"Ann Ruiz, the union leader, was {verb} as saying by local radio that the strike would go on."
    [q] = find_quotes(text)
    assert (q.speaker, q.cue, q.text) == ("Ann Ruiz", "saying", "the strike would go on")


def test_a_directive_to_an_addressee_is_reported() -> None:
    [q] = find_quotes("The fire chief warned residents on Monday not to return to their homes.")
    assert (q.speaker_mention, q.cue, q.text) == ("The fire chief", "warned", "not to return to their homes")
    assert find_quotes("The fire chief wanted to return to the station.") == []  # no addressee, no cue


def test_an_event_perceived_is_not_a_thought_reported() -> None:
    assert find_quotes("The studio's film division saw profits slump 27% last year.", attributions="all") == []
    [q] = find_quotes("Analysts saw that the merger would cut jobs.", attributions="all")
    assert (q.cue_class, q.text) == ("cognition", "the merger would cut jobs")
