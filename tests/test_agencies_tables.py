"""The agencies rules read their word lists from the gazetteer tables, so a user row changes them.

Each test shows the bundled behaviour first, then the same text with one user row: the table,
not a list in the code, decides (agency_cues, abbreviation_categories, stop_words, agency_kinds).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pytest

from vnreport import Pipeline
from vnreport.lexicon.gazetteers import Gazetteers
from vnreport.lexicon.words import word_classes
from vnreport.recognizers.agencies.vocabulary import AgencyVocabulary

_DEFAULT = Pipeline()


def _agencies(text: str, rows: Mapping[str, Sequence[Mapping[str, str]]] | None = None) -> list[tuple[str, str]]:
    nlp = Pipeline(gazetteers=[rows]) if rows else _DEFAULT
    return [(a.name, a.mentions[0].text) for a in nlp(text).agencies]


def test_a_cue_word_lets_a_lower_case_head_open_a_name() -> None:
    text = "Hôm nay sở Nội vụ tỉnh Hậu Giang tổ chức họp."
    assert _agencies(text) == []  # "nay sở": a lower-case head after no cue is running text
    row = {"word": "nay", "use": "lower_head_prev", "provenance": "user"}
    assert _agencies(text, {"agency_cues": [row]}) == [("Sở Nội vụ tỉnh Hậu Giang", "sở Nội vụ tỉnh Hậu Giang")]


def test_a_title_cue_stops_the_name_before_a_person() -> None:
    text = "Thủ quỹ Trung tâm Kiểm soát Bệnh tật Nguyễn Văn An phát biểu."
    assert _agencies(text)[0][0] == "Trung tâm Kiểm soát Bệnh tật Nguyễn Văn An"
    row = {"word": "thủ quỹ", "use": "title_before", "provenance": "user"}
    assert _agencies(text, {"agency_cues": [row]})[0][0] == "Trung tâm Kiểm soát Bệnh tật"


def test_a_stop_word_ends_an_open_name() -> None:
    text = "Quỹ hỗ trợ nông dân giúp hộ nghèo vay vốn."
    assert _agencies(text)[0][0] != "Quỹ Hỗ trợ nông dân"
    row = {"word": "giúp", "ends": "agency_name", "provenance": "user"}
    assert _agencies(text, {"stop_words": [row]})[0][0] == "Quỹ Hỗ trợ nông dân"


def test_an_abbreviation_category_can_be_kept_unexpanded() -> None:
    text = "Ban Chỉ đạo CNTT tỉnh Hậu Giang họp."
    assert _agencies(text)[0][0] == "Ban Chỉ đạo Công nghệ thông tin tỉnh Hậu Giang"
    row = {"category": "ict", "expand_in_names": "no", "provenance": "user"}
    assert _agencies(text, {"abbreviation_categories": [row]})[0][0] == "Ban Chỉ đạo CNTT tỉnh Hậu Giang"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ban Chấp hành Đảng bộ huyện Châu Thành, tỉnh Hậu Giang họp.", "Huyện ủy Châu Thành"),
        ("Ban Chấp hành Đảng bộ tỉnh Hậu Giang họp.", "Tỉnh ủy Hậu Giang"),
        ("Ban Chấp hành Đảng bộ thị xã Ngã Bảy, tỉnh Hậu Giang họp.", "Thị ủy Ngã Bảy"),
    ],
)
def test_the_executive_committee_of_a_party_organisation_is_its_committee(text: str, name: str) -> None:
    assert _agencies(text)[0][0] == name


def test_the_vocabulary_comes_from_the_tables() -> None:
    gaz = Gazetteers.bundled()
    vocab = AgencyVocabulary.build(gaz)
    assert vocab.stop_words == word_classes(gaz).stop_words("agency_name")
    assert {"tổ chức", "của", "và"} <= vocab.stop_words
    assert vocab.committee_by_unit["huyện"] == "Huyện ủy"
    assert vocab.district_units == {"huyện", "quận", "thị xã"}
    assert vocab.commune_units == {"xã", "phường", "thị trấn"}
    assert vocab.title_before.search("Phó Giám đốc")
    kinds = vocab.lex.kinds
    assert kinds["Sở"].lower_head and not kinds["UBND"].lower_head
    assert kinds["Tỉnh ủy"].can_be_parent and not kinds["Ban"].can_be_parent
