"""The normalised text and its offset map back to the caller's original string."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vnreport
from vnreport.text.normalize import NormalizedText, fold_tones, normalize_string

# (original, expected normalised text)
CASES = [
    ("Văn hoá", "Văn hóa"),  # new-style tone → old style
    ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
    ("thuỷ lợi, khoẻ mạnh, hoà bình", "thủy lợi, khỏe mạnh, hòa bình"),
    ("quý III", "quý III"),  # qu + y: tone stays on y
    ("hoàng, thuyết, khoảng", "hoàng, thuyết, khoảng"),  # closed syllables untouched
    ("Phát thanh – Truyền hình", "Phát thanh - Truyền hình"),
    ("2011 — 2015", "2011 - 2015"),
    ("a\u00a0b", "a b"),
    ("a  \t b", "a b"),
    ("line1\r\nline2\rline3", "line1\nline2\nline3"),
    ("TT\u200b&TT", "TT&TT"),
    ("Bộ Kế hoạch &amp; Đầu tư", "Bộ Kế hoạch & Đầu tư"),
    ("Ðảng bộ", "Đảng bộ"),
    ("“Cháy” vé", '"Cháy" vé'),
    ("", ""),
]


@pytest.mark.parametrize(("original", "expected"), CASES)
def test_normalised_form(original: str, expected: str) -> None:
    assert NormalizedText.from_text(original).text == expected


@pytest.mark.parametrize(("original", "expected"), CASES)
def test_nfd_input_normalises_the_same(original: str, expected: str) -> None:
    assert NormalizedText.from_text(unicodedata.normalize("NFD", original)).text == expected


def _check_words_map_back(original: str) -> None:
    n = NormalizedText.from_text(original)
    for m in re.finditer(r"\S+", n.text):
        s, e, text = n.original_span(*m.span())
        assert original[s:e] == text
        assert normalize_string(text).strip() == m.group(0), (text, m.group(0))


@pytest.mark.parametrize(("original", "expected"), CASES)
def test_every_word_maps_back_to_its_original(original: str, expected: str) -> None:
    _check_words_map_back(original)
    _check_words_map_back(unicodedata.normalize("NFD", original))


def test_identity_when_already_clean() -> None:
    n = NormalizedText.from_text("Sở Thông tin và Truyền thông tỉnh Hậu Giang")
    assert n.is_identity
    assert n.to_original(4, 13) == (4, 13)


def test_empty_and_inverted_spans_do_not_invert() -> None:
    n = NormalizedText.from_text("a\u00a0\u00a0b")
    s, e = n.to_original(2, 2)
    assert s == e
    s, e = n.to_original(3, 1)
    assert s <= e


def test_rejects_non_str() -> None:
    with pytest.raises(TypeError):
        NormalizedText.from_text(b"bytes")  # type: ignore[arg-type]


def test_fold_tones_preserves_length() -> None:
    text = "hoá uỷ khoẻ quý Ð – “x”"
    assert len(fold_tones(text)) == len(text)


_VIET = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯYđĐbcdghklmnpqrstvx"
_MARKS = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"
_ODD = "\u00a0\u2013\u2014\u200b\r\n\t &;#0123456789.,/-“”\u202e\u0000"
text_strategy = st.lists(
    st.sampled_from(list(_VIET + _MARKS + _ODD) + ["&amp;", "&#x41;", "oá", "uỷ", " ", " "]), max_size=120
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text_strategy)
def test_property_any_normalised_span_maps_to_a_valid_original_slice(original: str) -> None:
    n = NormalizedText.from_text(original)
    size = len(n.text)
    for start in range(0, size + 1, max(1, size // 17 or 1)):
        for end in range(start, size + 1, max(1, size // 13 or 1)):
            s, e = n.to_original(start, end)
            assert 0 <= s <= e <= len(original)
    # The whole normalised text comes from one original slice that normalises to it again.
    s, e = n.to_original(0, size)
    assert normalize_string(original[s:e]) == n.text


@settings(max_examples=200, deadline=None)
@given(text_strategy)
def test_property_words_round_trip(original: str) -> None:
    n = NormalizedText.from_text(original)
    for m in re.finditer(r"[^\s&]+", n.text):
        s, e, text = n.original_span(*m.span())
        assert original[s:e] == text


@pytest.mark.parametrize(
    "gap",
    [
        "&nbsp;&nbsp;",
        " \u200b ",
        "\u200b ",
        " \u200b",
        "\xa0\xa0",
        " &nbsp; ",
        "&#160;&#xA0;",
        " \u00ad ",
        " \t\u200d ",
    ],
)
def test_runs_of_spaces_and_invisible_characters_become_one_space(gap: str) -> None:
    """A page's invisible debris between two words must not leave two spaces (which shortened
    mentions: "Nghị quyết số 77/NQ-CP" became "77/NQ-CP")."""
    text = f"Theo Nghị quyết số{gap}77/NQ-CP của Chính phủ, Phó{gap}Chủ tịch UBND tỉnh Nguyễn Văn An phát biểu."
    nt = NormalizedText.from_text(text)
    assert "  " not in nt.text
    assert nt.text == normalize_string(text.replace(gap, " "))
    r = vnreport.extract(text)
    clean = vnreport.extract(text.replace(gap, " "))
    assert [m.text.replace(gap, " ") for d in r.legal_documents for m in d.mentions] == [
        m.text for d in clean.legal_documents for m in d.mentions
    ]
    assert [o.name for o in r.officials] == [o.name for o in clean.officials]
    for _label, span in r.spans():
        assert text[span.start : span.end] == span.text


def test_a_legacy_entity_without_its_semicolon_is_decoded_before_an_abbreviation() -> None:
    """Browsers decode "&amp" without ";" in text; a scraped "LĐ-TB&ampXH" is "LĐ-TB&XH"."""
    text = "Tại hội nghị, đại diện Sở LĐ-TB&ampXH tỉnh Nghệ An cho biết."
    (agency,) = vnreport.extract(text).agencies
    assert agency.name == "Sở Lao động - Thương binh và Xã hội tỉnh Nghệ An"
    assert agency.mentions[0].text == "Sở LĐ-TB&ampXH tỉnh Nghệ An"
    assert normalize_string("a &ampb") == "a &ampb"  # lower case after it: not an entity
