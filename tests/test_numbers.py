"""Vietnamese number parsing: local digit format, English fallbacks, scale words, words."""

from __future__ import annotations

from decimal import Decimal

import pytest

from vnreport.lexicon.gazetteers import Gazetteers
from vnreport.recognizers.metrics.numbers import (
    is_thousands_grouped,
    parse_decimal,
    parse_digits,
    parse_number,
    parse_words,
    scale_words,
)

# (text, value): the local format first, then what scraped pages also use.
DIGITS = [
    ("270.000", 270000),
    ("47,9", 47.9),
    ("674,573", 674.573),  # one comma is always the decimal mark
    ("13.596", 13596),
    ("1.234.567", 1234567),
    ("1.234,5", 1234.5),
    ("0,5", 0.5),
    ("100", 100),
    ("03", 3),
    ("66,67", 66.67),
    ("1,234.5", 1234.5),  # English, settled by the order of the separators
    ("1,234,567", 1234567),  # English thousands: two commas cannot be a decimal mark
    ("1.5", 1.5),  # English decimal point: no group of three digits
    ("0.500", 0.5),  # a lone 0 never opens a thousands group
]


@pytest.mark.parametrize(("text", "value"), DIGITS)
def test_parse_digits(text: str, value: float) -> None:
    got = parse_digits(text)
    assert got == pytest.approx(value, rel=1e-12)
    assert isinstance(got, int) == float(value).is_integer()


def test_parse_decimal_is_exact() -> None:
    assert parse_decimal("655,44") == Decimal("655.44")
    assert parse_decimal("1.234.567,89") == Decimal("1234567.89")
    assert parse_decimal("655,44") * 10**9 == 655_440_000_000


NOT_NUMBERS = ["30.4.1975", "1.2.3", "1,2,3", "1.234,5,6", "", "abc", "12a", "1..2", ",5"]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_parse_digits_rejects_other_shapes(text: str) -> None:
    with pytest.raises(ValueError):
        parse_digits(text)


SCALED = [
    ("1,5 triệu", 1_500_000),
    ("4 tỷ", 4_000_000_000),
    ("4 tỉ", 4_000_000_000),
    ("13.596 tỷ", 13_596_000_000_000),
    ("655,44 tỷ", 655_440_000_000),  # exact, not 655440000000.0001
    ("5,35 tỷ", 5_350_000_000),
    ("500 nghìn", 500_000),
    ("200 ngàn", 200_000),
    ("2 nghìn tỷ", 2_000_000_000_000),
    ("1,5 Triệu", 1_500_000),
    ("2 tỷ 300 triệu", 2_300_000_000),
    ("270.000", 270000),
    ("hai mươi lăm", 25),
    ("mười lăm", 15),
    ("hai mươi mốt", 21),
    ("ba mươi tư", 34),
    ("một trăm linh năm", 105),
    ("ba nghìn không trăm hai mươi", 3020),
    ("hai tỷ ba trăm triệu", 2_300_000_000),
    ("một nghìn tỷ", 1_000_000_000_000),
    ("năm trăm nghìn", 500_000),
    ("triệu", 1_000_000),
]


@pytest.mark.parametrize(("text", "value"), SCALED)
def test_parse_number(text: str, value: int) -> None:
    got = parse_number(text)
    assert got == value
    assert isinstance(got, int)


@pytest.mark.parametrize("text", ["gần 4 tỷ", "4 tỷ đồng", "", "   ", "hai con", "19/7/2011"])
def test_parse_number_rejects_non_numbers(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


def test_parse_number_needs_a_string() -> None:
    with pytest.raises(TypeError):
        parse_number(270000)  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "value"), [("hai", 2), ("mười", 10), ("chín mươi chín", 99), ("bảy", 7)])
def test_parse_words(text: str, value: int) -> None:
    assert parse_words(text) == value


def test_scales_come_from_the_gazetteer_and_can_be_extended() -> None:
    scales = scale_words()
    assert scales["triệu"] == 10**6 and scales["tỷ"] == scales["tỉ"] == 10**9
    gaz = Gazetteers.load({"scale_words": [{"word": "chục", "multiplier": "10"}]})
    extended = scale_words(gaz)
    assert parse_number("3 chục", scales=extended) == 30
    with pytest.raises(ValueError):
        parse_number("3 chục")  # not a bundled scale word


@pytest.mark.parametrize(
    ("digits", "sep", "ok"),
    [
        ("270.000", ".", True),
        ("1.234.567", ".", True),
        ("30.4", ".", False),
        ("0.500", ".", False),
        ("1234.567", ".", False),
        ("1,234,567", ",", True),
        ("1,23", ",", False),
        ("270000", ".", False),
    ],
)
def test_is_thousands_grouped(digits: str, sep: str, ok: bool) -> None:
    assert is_thousands_grouped(digits, sep) is ok
