"""Officials: predicates between a name and its position, title prefixes, nominations.

"bà A (vợ ông B) từng giữ chức X", "ông A được bổ nhiệm làm X", "… Hàm Vụ phó, tập sự Phó Vụ
trưởng …, giữ chức Phó Vụ trưởng …": each post given is a position; a post someone is only
nominated for ("được giới thiệu giữ chức …") is not yet one.
"""

from __future__ import annotations

import pytest

from vnreport import Pipeline


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline()


def positions(nlp: Pipeline, text: str) -> dict[str, list[str]]:
    out = {}
    for o in nlp(text).officials:
        for p in o.positions:
            assert p.start is not None and p.end is not None and text[p.start : p.end] == p.text
        out[o.name] = [p.text for p in o.positions]
    return out


CASES = [
    (
        "Bà Lê Thị Kim Mai (chị ruột ông Toàn) từng giữ chức Chủ tịch Hội Nông dân tỉnh Bình Định.",
        {"Lê Thị Kim Mai": ["Chủ tịch Hội Nông dân tỉnh Bình Định"]},
    ),
    (
        "Ông Trần Đức Minh (chồng bà Mai) từng được bổ nhiệm làm Giám đốc Sở Y tế tỉnh Bình Định.",
        {"Trần Đức Minh": ["Giám đốc Sở Y tế tỉnh Bình Định"]},
    ),
    (
        "Bà Lê Thị Vinh Hương từ Trưởng phòng Tài chính thuộc Sở Tư pháp được bổ nhiệm làm Phó giám đốc Sở Nội vụ.",
        {"Lê Thị Vinh Hương": ["Trưởng phòng Tài chính thuộc Sở Tư pháp", "Phó giám đốc Sở Nội vụ"]},
    ),
    (
        "Bà Lê Thị Điển lần lượt được bổ nhiệm các chức vụ: Phó hiệu trưởng, Hiệu trưởng Trường THPT Trưng Vương"
        " (TP.Quy Nhơn) rồi Phó giám đốc Sở GD-ĐT tỉnh Bình Định.",
        {
            "Lê Thị Điển": [
                "Phó hiệu trưởng",
                "Hiệu trưởng Trường THPT Trưng Vương",
                "Phó giám đốc Sở GD-ĐT tỉnh Bình Định",
            ]
        },
    ),
    (
        "Bộ trưởng bổ nhiệm ông Nguyễn Hoàng Tuấn, Hàm Vụ phó, tập sự Phó Vụ trưởng Vụ Tổ chức cán bộ, giữ chức"
        " Phó Vụ trưởng Vụ Tổ chức cán bộ.",
        {
            "Nguyễn Hoàng Tuấn": [
                "Hàm Vụ phó",
                "tập sự Phó Vụ trưởng Vụ Tổ chức cán bộ",
                "Phó Vụ trưởng Vụ Tổ chức cán bộ",
            ]
        },
    ),
    (
        "Ông Hoàng Vượng, chuyên viên chính Vụ Pháp luật đến công tác tại Vụ Công nghiệp.",
        {"Hoàng Vượng": ["chuyên viên chính Vụ Pháp luật"]},
    ),
    # traps: nominated or planned posts are not positions; a verb that gives no post reads nothing
    ("Ông Nguyễn Văn An được giới thiệu giữ chức Chủ tịch UBND tỉnh Nghệ An.", {"Nguyễn Văn An": []}),
    ("Ông Nguyễn Văn An dự kiến giữ chức Chủ tịch UBND tỉnh.", {"Nguyễn Văn An": []}),
    ("Ông Nguyễn Văn An làm việc với Sở Y tế tỉnh.", {"Nguyễn Văn An": []}),
    ("Ông Nguyễn Văn An đã bổ nhiệm nhiều cán bộ trẻ.", {"Nguyễn Văn An": []}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_predicates_lead_to_positions(nlp: Pipeline, text: str, expected: dict[str, list[str]]) -> None:
    assert positions(nlp, text) == expected


def test_prefix_is_part_of_the_title(nlp: Pipeline) -> None:
    (o,) = nlp("Ông Đào Quang Tuynh, Hàm Vụ phó, dự họp.").officials
    assert [(p.text, p.title) for p in o.positions] == [("Hàm Vụ phó", "Hàm Vụ phó")]


def test_stop_words_end_a_position_before_then_and_since(nlp: Pipeline) -> None:
    text = "Ông Lê Xuân Huế giữ chức Cục trưởng Cục Hải quan Thanh Hóa kể từ ngày 1/3."
    assert positions(nlp, text) == {"Lê Xuân Huế": ["Cục trưởng Cục Hải quan Thanh Hóa"]}
    text = "Ông Đinh La Thăng làm Chủ tịch Hội đồng quản trị PVN rồi Bí thư Đảng ủy."
    assert positions(nlp, text) == {"Đinh La Thăng": ["Chủ tịch Hội đồng quản trị PVN", "Bí thư Đảng ủy"]}


PRONOUNS = [
    (
        "Ông Đinh La Thăng 57 tuổi, quê Nam Định. Ông là Ủy viên Trung ương Đảng khóa XII. Từ năm 2011,"
        " ông làm Bộ trưởng Bộ Giao thông Vận tải.",
        {"Đinh La Thăng": ["Ủy viên Trung ương Đảng khóa XII", "Bộ trưởng Bộ Giao thông Vận tải"]},
    ),
    # the pronoun refers to the last person addressed the same way ("bà" is not "ông")
    (
        "Ông Trần Văn Hải dự họp. Bà Lê Thị Hoa cho biết. Bà là Chủ tịch Hội Phụ nữ xã.",
        {"Trần Văn Hải": [], "Lê Thị Hoa": ["Chủ tịch Hội Phụ nữ xã"]},
    ),
    # no one addressed that way before: nothing
    ("Bà Lê Thị Hoa cho biết. Ông là Chủ tịch Hội Nông dân xã.", {"Lê Thị Hoa": []}),
    # a verb that gives no post
    ("Ông Trần Văn Hải dự họp. Ông là người có nhiều đóng góp.", {"Trần Văn Hải": []}),
]


@pytest.mark.parametrize(("text", "expected"), PRONOUNS)
def test_pronoun_with_a_predicate_is_the_last_person_addressed(
    nlp: Pipeline, text: str, expected: dict[str, list[str]]
) -> None:
    assert positions(nlp, text) == expected
