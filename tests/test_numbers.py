"""Numbers in running text: digits, scale words and abbreviations, written-out numbers, fractions."""

from __future__ import annotations

import pytest

from newsdesk.figures.numbers import find_numbers, parse_digits, scan_numbers


def values(text: str) -> list[float]:
    return [n.value for n in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turnout was 1,234,567.", [1234567.0]),
        ("Inflation stood at 2.75 on Tuesday.", [2.75]),
        ("The index closed at .25 points up.", [0.25]),
        ("China's population is 1 414 021 100.", [1414021100.0]),
        ("Three quarters, or 3/4, of voters agreed.", [0.75, 0.75]),
        ("The dose was 1e3 times larger.", [1000.0]),
    ],
)
def test_digits_with_separators_and_decimals(text: str, expected: list[float]) -> None:
    assert values(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ministers pledged 2 million more.", 2e6),
        ("The deficit hit 1.5 trillion.", 1.5e12),
        ("They sold 10k copies.", 1e4),
        ("A 2.7bn write-off followed.", 2.7e9),
        ("Some 1,674.5 million shares traded.", 1674.5e6),
    ],
)
def test_scale_words_and_abbreviations(text: str, expected: float) -> None:
    assert values(text) == pytest.approx([expected])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seven people were hurt.", 7.0),
        ("Twenty-five firefighters attended.", 25.0),
        ("A dozen shops closed.", 12.0),
        ("Half a million homes lost power.", 500_000.0),
        ("One hundred and sixty-one flights were cancelled.", 161.0),
        ("Two and a half million tickets were sold.", 2_500_000.0),
        ("Two thirds of members voted.", 2 / 3),
        ("Three hundred and two dozens eggs.", 324.0),
    ],
)
def test_written_out_numbers(text: str, expected: float) -> None:
    assert values(text) == pytest.approx([expected])


def test_negative_numbers() -> None:
    assert values("The reading was -9.5 at dawn.") == [-9.5]
    assert values("It fell to minus five overnight.") == [-5.0]


def test_a_dash_between_words_is_not_a_minus_sign() -> None:
    assert values("The Old Harbour - 40 miles away") == [40.0]


def test_offsets_slice_the_text() -> None:
    text = "Police said twenty-one people and 3,000 cars were involved."
    for n in scan_numbers(text):
        assert text[n.start : n.end] == n.text


def test_glued_units_and_lone_articles_are_not_numbers() -> None:
    assert values("the 180ml liquid") == []
    assert values("a an the") == []
    assert values("Which one do you prefer?") == []


def test_parse_digits() -> None:
    assert parse_digits("1,234.5") == 1234.5
    assert parse_digits("3/4") == 0.75
    assert parse_digits("1/0") is None
