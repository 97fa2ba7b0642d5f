"""Figure extraction: one short news-style sentence per behaviour the issue asks for, real BBC sentences,
the spaCy component and a property test."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from newsdesk.figures.component import FiguresStage, extract_figures
from newsdesk.figures.extract import FIGURE_KINDS
from newsdesk.io.articles import Article, read_text
from newsdesk.nlp import load_model
from newsdesk.records import Figure, Quote
from newsdesk.stages import attach_article


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def figure_stage(article: Article, doc: Doc, quotes: list[Quote]) -> list[Figure]:
    """The figure stage on ``doc`` (the parse of ``article``) after a quote stage that found ``quotes``."""
    doc = attach_article(doc, article)
    doc._.quotes = quotes
    figures: list[Figure] = FiguresStage()(doc)._.figures
    return figures


def figs(text: str) -> list[Figure]:
    return extract_figures(text)


def one(text: str, kind: str | None = None) -> Figure:
    found = [f for f in figs(text) if kind is None or f.kind == kind]
    assert len(found) == 1, found
    return found[0]


# ------------------------------------------------------------------------------------------- money
@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The deal is worth $825 million, officials said.", 825e6, "USD"),
        ("Profits rose to £1.97bn last year.", 1.97e9, "GBP"),
        ("The fund holds €2.5 trillion in assets.", 2.5e12, "EUR"),
        ("It paid US$4.7 billion for the stake.", 4.7e9, "USD"),
        ("A $40m loan was approved.", 40e6, "USD"),
        ("Tickets cost 250 euros each.", 250.0, "EUR"),
        ("He was fined 10,000 pounds.", 10_000.0, "GBP"),
        ("Kyiv set aside 3.5 billion hryvnia for repairs.", 3.5e9, "UAH"),
        ("The firm was valued at USD 200 million.", 200e6, "USD"),
        ("She earned 50,000 dollars a year.", 50_000.0, "USD"),
        ("The bid was 470 pence a share.", 470.0, "penny"),
        ("It raised $12.5k online.", 12_500.0, "USD"),
    ],
)
def test_money_with_symbols_codes_words_and_scales(text: str, value: float, unit: str) -> None:
    f = one(text, "money")
    assert f.value == pytest.approx(value)
    assert f.unit == unit


def test_an_article_before_money_is_not_a_number() -> None:
    f = one("The signing of a $825 million memorandum was delayed.")
    assert (f.kind, f.value, f.text) == ("money", 825e6, "$825 million")


def test_pounds_written_out_with_scale_word() -> None:
    f = one("Half a million pounds was raised for the hospital.", "money")
    assert (f.value, f.unit) == (500_000.0, "GBP")


# -------------------------------------------------------------------------------- counts and nouns
@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("Officials said seven member states objected.", 7.0, "member states"),
        ("Twenty-five firefighters fought the blaze.", 25.0, "firefighters"),
        ("A dozen shops were looted.", 12.0, "shops"),
        ("The plan lists five key points.", 5.0, "key points"),
        ("Three additional, unnamed countries joined the talks.", 3.0, "countries"),
        ("Police arrested 1,234 people.", 1234.0, "people"),
    ],
)
def test_counts_and_the_counted_noun(text: str, value: float, noun: str) -> None:
    f = one(text, "count")
    assert (f.value, f.noun) == (value, noun)


# ------------------------------------------------------------------------------------------ ranges
@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("Transfers were valued between $500 million and $750 million.", 500e6, 750e6, "USD"),
        ("The repairs will cost $1-2 million.", 1e6, 2e6, "USD"),
        ("Prices rose 5 to 10 per cent.", 5.0, 10.0, "%"),
        ("Between 7,000 and 8,000 jobs will go.", 7000.0, 8000.0, None),
        ("Fares rose between 20% and 30% this winter.", 20.0, 30.0, "%"),
    ],
)
def test_ranges_keep_both_ends(text: str, low: float, high: float, unit: str | None) -> None:
    f = next(f for f in figs(text) if f.value_max is not None)
    assert (f.value, f.value_max, f.unit) == (pytest.approx(low), pytest.approx(high), unit)


def test_a_score_is_not_a_range() -> None:
    assert all(f.value_max is None for f in figs("Chelsea won 3-1 at home on Saturday."))


# -------------------------------------------------------------------------------------- qualifiers
@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("At least 160,000 additional troops are needed.", "at least"),
        ("Nearly 40% of residents left.", "nearly"),
        ("About 1.5bn euros was lost.", "about"),
        ("More than two dozen buildings burned.", "more than"),
        ("Up to 3,000 people crossed the border.", "up to"),
        ("Roughly 2,000 residents stayed.", "roughly"),
    ],
)
def test_qualifiers(text: str, qualifier: str) -> None:
    f = figs(text)[0]
    assert f.qualifier == qualifier
    assert f.text.lower().startswith(qualifier)


def test_qualifier_and_noun_bound_the_span() -> None:
    f = one("Reports say at least 160,000 additional troops are needed.")
    assert f.text == "at least 160,000 additional troops"
    assert (f.value, f.qualifier, f.noun) == (160_000.0, "at least", "troops")


# ------------------------------------------------------------------------------------------- rates
@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Up to 3,000 people a day are crossing.", "a day"),
        ("The club pays him £200,000 per week.", "per week"),
        ("Monthly weapon transfers worth $500m were agreed.", "monthly"),
        ("Sales grow about 15% per annum.", "per annum"),
    ],
)
def test_rates(text: str, period: str) -> None:
    assert figs(text)[0].period == period


# ---------------------------------------------------------------------------------------- percents
def test_percentages_and_percentage_points() -> None:
    found = figs("Support fell 5 percentage points to 12%, or 12 per cent of voters.")
    assert [(f.kind, f.value, f.unit) for f in found] == [
        ("percent", 5.0, "percentage point"),
        ("percent", 12.0, "%"),
        ("percent", 12.0, "%"),
    ]


# ---------------------------------------------------------------------------------- dates, ordinals
def test_dates_and_years_are_dates_never_counts() -> None:
    found = figs("On October 16, 2004, the 2,000 residents left; in 1999 they had returned.")
    kinds = [(f.text, f.kind) for f in found]
    assert ("2,000 residents", "count") in kinds
    assert all(f.kind == "date" for f in found if "2004" in f.text or "1999" in f.text or "16" in f.text)
    assert not any(f.kind == "count" and f.value in {16.0, 2004.0, 1999.0} for f in found)


def test_durations_are_quantities() -> None:
    f = one("The war lasted five years.")
    assert (f.kind, f.value, f.unit) == ("quantity", 5.0, "year")


def test_ordinals() -> None:
    f = one("It was the third evacuation this year.", "ordinal")
    assert (f.text, f.value) == ("third", 3.0)


def test_caliber_az_is_not_a_number() -> None:
    found = figs("Caliber.Az reported the talks on Friday. Az said nothing.")
    assert not any(f.kind in {"count", "money", "percent", "quantity"} for f in found)


def test_names_with_numbers_are_not_counts() -> None:
    found = figs("The S&P 500 rose, while Section 427 and the iPhone 11 were unaffected.")
    assert [f.kind for f in found] == []


# ------------------------------------------------------------------------------- negative, approx
def test_negative_values() -> None:
    assert one("Temperatures fell to -5 degrees.").value == -5.0
    assert one("The balance was minus 3 percent.").value == -3.0


def test_approximate_values_keep_their_qualifier() -> None:
    f = one("An estimated 40,000 people marched.")
    assert (f.value, f.qualifier) == (40_000.0, "an estimated")


def test_quantities_with_units() -> None:
    assert [(f.value, f.unit) for f in figs("The 87 mph winds crossed 140 km of coast.")] == [
        (87.0, "mile per hour"),
        (140.0, "kilometre"),
    ]


# ---------------------------------------------------------------------------------- BBC sentences
@pytest.mark.parametrize(
    ("article_id", "anchor", "value", "unit"),
    [
        ("business/003", "£479m", 479e6, "GBP"),
        ("business/015", "between 150 euros and 300 euros", 150.0, "EUR"),
        ("business/019", "at least $20bn", 20e9, "USD"),
    ],
)
def test_real_bbc_sentences(
    bbc_records: dict[str, dict[str, Any]], article_id: str, anchor: str, value: float, unit: str
) -> None:
    if article_id not in bbc_records:
        pytest.skip(f"{article_id} is not in this copy of the BBC corpus")
    text = bbc_records[article_id]["text"]
    start = text.index(anchor)
    sentence_start = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1)
    sentence_end = text.find(". ", start)
    sentence = text[sentence_start : sentence_end + 1 if sentence_end > 0 else len(text)]
    f = next(f for f in figs(sentence) if anchor in f.text or f.text in anchor)
    assert (f.kind, f.value, f.unit) == ("money", pytest.approx(value), unit)


# ------------------------------------------------------------------------------ stage, component
def test_figure_stage_links_figures_to_quotes() -> None:
    article = read_text('Talks\nThe minister said: "We need at least 160,000 troops." Aid rose 5%.', id="a1")
    doc = load_model()(article.text)
    content_start = article.text.index("We need")
    quote = Quote(
        article_id="a1",
        start=content_start,
        end=article.text.index('."') + 1,
        text="We need at least 160,000 troops.",
        kind="direct",
        cue="said",
        cue_start=None,
        cue_end=None,
        cue_class="speech",
        speaker="The minister",
        speaker_mention="The minister",
        speaker_start=None,
        speaker_end=None,
        speaker_role=None,
        speaker_type="person",
        paragraph=0,
        confidence=1.0,
    )
    found = figure_stage(article, doc, [quote])
    troops = next(f for f in found if f.noun == "troops")
    assert (troops.article_id, troops.quote_start, troops.speaker) == ("a1", content_start, "The minister")
    rise = next(f for f in found if f.kind == "percent")
    assert (rise.quote_start, rise.speaker) == (None, None)
    assert [f.start for f in figure_stage(article, doc, [])] == sorted(f.start for f in found)


def test_spacy_component_sets_spans(nlp: Language) -> None:
    pipe = nlp if "newsdesk_figures" in nlp.pipe_names else None
    if pipe is None:
        nlp.add_pipe("newsdesk_figures")
    try:
        doc = nlp("Exports rose 4% to £2.7bn.")
        spans = doc.spans["figures"]
        assert [(s.text, s.label_) for s in spans] == [("4%", "percent"), ("£2.7bn", "money")]
        assert spans[1]._.figure.value == pytest.approx(2.7e9)
    finally:
        if pipe is None:
            nlp.remove_pipe("newsdesk_figures")


def test_extract_figures_records() -> None:
    f = one("Aid reached €300m.")
    assert f.article_id == "text"
    assert f.kind in FIGURE_KINDS
    assert repr(f).startswith("Figure(article_id='text'")


# -------------------------------------------------------------------------------------- property
_PIECES = st.sampled_from(
    ["$", "£", "€", "US$", "-", "–", "%", ",", ".", " ", "m", "bn", "k", "million", "a", "between", "and",
     "to", "per", "year", "half", "dozen", "twenty-five", "the", "third", "October", "2004", "at least",
     "Az", "/", ":", "(", ")", "pence", "euros", "points"]
)  # fmt: skip
_DIGITS = st.from_regex(r"\d{1,4}([.,]\d{1,3})?", fullmatch=True)
_TEXT = st.lists(st.one_of(_PIECES, _DIGITS, st.text(max_size=3)), max_size=14)


@settings(max_examples=60, deadline=None)
@given(_TEXT)
def test_random_text_never_crashes_and_offsets_are_exact(pieces: list[str]) -> None:
    text = " ".join(pieces)
    for f in extract_figures(text):
        assert text[f.start : f.end] == f.text
        assert f.kind in FIGURE_KINDS
        if f.value is not None and f.value_max is not None:
            assert f.value <= f.value_max


# ---------------------------------------------------------------------------------- news patterns
def test_bare_m_is_millions_before_a_plural_and_metres_in_sport() -> None:
    found = figs("Some 5m people watched the 400m final.")
    assert [(f.kind, f.value, f.unit) for f in found] == [("count", 5e6, None), ("quantity", 400.0, "metre")]


def test_vague_plurals_are_ranges() -> None:
    f = one("Tens of thousands of people marched.")
    assert (f.value, f.value_max, f.noun) == (1e4, 1e5, "people")


def test_one_in_three_is_a_fraction() -> None:
    f = one("One out of four Danes cycle to work.")
    assert f.kind == "fraction"
    assert f.value == pytest.approx(1 / 4)


def test_clock_times_and_urls_are_not_counts() -> None:
    found = figs("At 10:30am the site www.example.com/page/2024/5 went down.")
    assert [f.kind for f in found] == ["time"]


def test_hyphenated_counted_noun() -> None:
    assert one("Police found two e-mail messages.").noun == "e-mail messages"


# ------------------------------------------------------------------ BBC corrections (real sentences)
def test_currency_and_scale_are_shared_across_a_range() -> None:
    text = (
        "The clothing chain said it now expected to post annual profits of between £212m and £218m "
        "($271m-279m)."
    )
    found = [(f.text, f.kind, f.value, f.value_max, f.unit, f.period) for f in figs(text)]
    assert found == [
        ("between £212m and £218m", "money", 212e6, 218e6, "GBP", "annual"),
        ("$271m-279m", "money", 271e6, 279e6, "USD", "annual"),  # a conversion takes the period it converts
    ]
    f = one("Big-budget films could cost between $40-60m to shoot.")
    assert (f.kind, f.value, f.value_max, f.unit) == ("money", 40e6, 60e6, "USD")


@pytest.mark.parametrize(
    ("text", "anchor", "value", "unit"),
    [
        ("The company has shipped nearly 6m handheld consoles.", "6m", 6e6, None),
        ("India's coal imports could reach 230m tons, up 14% on last year.", "230m", 230e6, "ton"),
        ("The final episode of the quiz peaked on Sunday at 8.4m and 37.5% of the audience.", "8.4m", 8.4e6, None),
        ("The carmaker gets 2bn euros up front, with another 640m to come within 60 days.", "640m", 640e6, "EUR"),
        ("Earnings were 64m euros (£44m; $83m), up from 29m in the same quarter of 2019.", "29m", 29e6, "EUR"),
    ],
)
def test_a_bare_m_is_millions_when_the_context_says_so(text: str, anchor: str, value: float, unit: str | None) -> None:
    f = next(f for f in figs(text) if anchor in f.text)
    assert (f.value, f.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    "text",
    [
        "She could clear only 1.89m and ended up fifth.",
        "Amira Okafor has been picked for both the 400m and 800m at this summer's championships.",
        "The burglar escaped by leaping 20ft (6m) from a back balcony.",
        "The lift needs 40 seconds to climb the 330m tall mast.",
    ],
)
def test_a_bare_m_stays_metres_in_measuring_and_athletics_contexts(text: str) -> None:
    assert any(f.unit == "metre" for f in figs(text))
    assert not any(f.value is not None and f.value >= 1e6 for f in figs(text))


@pytest.mark.parametrize(
    "text",
    [
        '"Winter has been hard on every airline, and this is one of the strongest carriers," she said.',
        '"Callum is one of Wales\'s genuinely world-class forwards," he said.',
        "Still, one fund manager, who would not give her name, said demand was weak.",
        "No one came forward, so she decided to bake one herself.",
        "One wonders whether hardware makers will agree.",
        "An evening of sharp put-downs and one-liners.",
    ],
)
def test_pronoun_one_and_unnamed_sources_are_not_figures(text: str) -> None:
    assert figs(text) == []


def test_one_that_counts_stays_a_figure() -> None:
    assert one("Her tip for one nervous applicant was to slow down.").noun == "nervous applicant"
    assert [f.value for f in figs("One of the two suspects was held.")] == [1.0, 2.0]
    assert one("One in 8 adult Canadians use the app.").kind == "fraction"


def test_period_comes_from_the_measured_noun_but_not_for_durations() -> None:
    text = "The grocer warned that its annual profit would come in £8m below earlier forecasts."
    assert one(text).period == "annual"  # the shortfall is in annual profit
    assert one("This is the first annual drop in six years.", "quantity").period is None
    assert one("The brewer's profit was 612m euro a year ago.").period is None  # "a year ago" is no rate


def test_day_to_day_spans_are_dates_not_ranges() -> None:
    text = "The chain's underlying sales in the four months from 5 September to 28 December were up 3.4%."
    found = [(f.text, f.kind, f.value_max) for f in figs(text)]
    assert found == [
        ("four months", "quantity", None),
        ("5 September", "date", None),
        ("28 December", "date", None),
        ("3.4%", "percent", None),
    ]


def test_day_or_day_is_a_date_not_a_range() -> None:
    assert [f.kind for f in figs("A third hearing could be held on 22 or 23 June.")] == ["ordinal", "date"]


@pytest.mark.parametrize(
    "text",
    [
        "The 27-year-old number eight marked his comeback with a try for Glasgow.",
        "Petrova proved too strong for world number three Kovac.",
        "She was picked for Sunday's Six Nations match against France.",
        "Daniel Varga beat Leo Hartmann 7-6 (9-7) 6-3 in the last dead rubber.",
        "Call 0800 123 4567 for details.",
        "It includes Radio 4, CS2, the G8 summit and Windows XP.",
        "He left No 10 on Tuesday.",
    ],
)
def test_numbers_in_names_scores_and_phone_numbers_are_not_counts(text: str) -> None:
    assert not [f for f in figs(text) if f.kind == "count"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Although Ms Brandt, 34, managed to swim to the shore.", 34.0),
        ("She died only weeks after her husband Harold died aged 88.", 88.0),
    ],
)
def test_ages(text: str, value: float) -> None:
    f = one(text)
    assert (f.kind, f.value, f.unit) == ("quantity", value, "year of age")


def test_pence_and_clock_times() -> None:
    found = [(f.kind, f.value, f.unit) for f in figs("The chancellor put 3p on a pint of beer and 9p on 20 cigars.")]
    assert found == [("money", 3.0, "penny"), ("money", 9.0, "penny"), ("count", 20.0, None)]
    assert one("\"When it gets to 11.45 on a Friday night, you lock up,\" she said.").kind == "time"
