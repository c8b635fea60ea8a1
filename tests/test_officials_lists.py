"""Officials in lists: every member of an appointment or membership list holds its position.

"5 Phó Chủ tịch LĐLĐ tỉnh gồm các đồng chí: A, B, C" gives A, B and C that position; a list
after "các Ủy viên Bộ Chính trị:" gives each member "Ủy viên Bộ Chính trị" besides the posts
written after their own names. A plural title with no list after it names no one.
"""

from __future__ import annotations

import pytest

from vnreport import Pipeline


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline()  # agencies too: they settle where "Bộ Ngoại giao", "TP. Hà Nội" end


def positions(nlp: Pipeline, text: str) -> dict[str, list[str]]:
    out = {}
    for o in nlp(text).officials:
        for p in o.positions:
            assert p.start is not None and p.end is not None and text[p.start : p.end] == p.text
        out[o.name] = [p.text for p in o.positions]
    return out


CASES = [
    (
        "Đại hội bầu 5 Phó Chủ tịch LĐLĐ tỉnh gồm các đồng chí: Nguyễn Văn An, Trần Thị Bình, Lê Văn Cường.",
        {
            "Nguyễn Văn An": ["Phó Chủ tịch LĐLĐ tỉnh"],
            "Trần Thị Bình": ["Phó Chủ tịch LĐLĐ tỉnh"],
            "Lê Văn Cường": ["Phó Chủ tịch LĐLĐ tỉnh"],
        },
    ),
    (
        "Dự lễ có các Ủy viên Bộ Chính trị: Tòng Thị Phóng, Phó Chủ tịch Thường trực Quốc hội; Phạm Bình Minh,"
        " Phó Thủ tướng Chính phủ, Bộ trưởng Bộ Ngoại giao; đại diện các bộ, ngành Trung ương.",
        {
            "Tòng Thị Phóng": ["Ủy viên Bộ Chính trị", "Phó Chủ tịch Thường trực Quốc hội"],
            "Phạm Bình Minh": ["Ủy viên Bộ Chính trị", "Phó Thủ tướng Chính phủ", "Bộ trưởng Bộ Ngoại giao"],
        },
    ),
    (
        "Các Phó ban chuyên trách, gồm: Ông Cao Đức Phát, Ủy viên Trung ương Đảng; ông Ngô Đông Hải, Ủy viên dự"
        " khuyết Trung ương Đảng và ông Ngô Văn Tuấn, nguyên Vụ trưởng Vụ Tài chính.",
        {
            "Cao Đức Phát": ["Phó ban chuyên trách", "Ủy viên Trung ương Đảng"],
            "Ngô Đông Hải": ["Phó ban chuyên trách", "Ủy viên dự khuyết Trung ương Đảng"],
            "Ngô Văn Tuấn": ["Phó ban chuyên trách", "nguyên Vụ trưởng Vụ Tài chính"],
        },
    ),
    (
        "Ba Phó ban kiêm nhiệm gồm: ông Trần Tuấn Anh, Bộ trưởng Bộ Công Thương; ông Trần Văn Hiếu, Thứ trưởng"
        " Bộ Tài chính.",
        {
            "Trần Tuấn Anh": ["Phó ban kiêm nhiệm", "Bộ trưởng Bộ Công Thương"],
            "Trần Văn Hiếu": ["Phó ban kiêm nhiệm", "Thứ trưởng Bộ Tài chính"],
        },
    ),
    # the plural honorific alone still lists its members, without a position
    (
        "Tham dự có các đồng chí: Hồ Quốc Dũng - Ủy viên Trung ương Đảng; Lê Kim Toàn - Phó Bí thư Tỉnh ủy.",
        {"Hồ Quốc Dũng": ["Ủy viên Trung ương Đảng"], "Lê Kim Toàn": ["Phó Bí thư Tỉnh ủy"]},
    ),
    # traps: a plural title without a list names no one; a list stops at a non-name
    ("Các Phó Chủ tịch UBND tỉnh đã dự họp với ông Nguyễn Văn Hùng.", {"Nguyễn Văn Hùng": []}),
    ("Các Phó Thủ tướng gồm: đại diện các bộ, ngành.", {}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_list_members_hold_the_list_position(nlp: Pipeline, text: str, expected: dict[str, list[str]]) -> None:
    assert positions(nlp, text) == expected


def test_list_honorific_goes_to_every_member(nlp: Pipeline) -> None:
    text = "Ban Thường vụ gồm các đồng chí: Nguyễn Văn An, Trần Thị Bình."
    assert {o.name: o.honorific for o in nlp(text).officials} == {
        "Nguyễn Văn An": "đồng chí",
        "Trần Thị Bình": "đồng chí",
    }


def test_segment_repeating_the_body_starts_a_new_clause(nlp: Pipeline) -> None:
    text = "Theo ông Nguyễn Mạnh Quyền, Giám đốc Sở KH&ĐT TP. Hà Nội, Sở KH&ĐT đã chỉ đạo mạnh mẽ."
    assert positions(nlp, text) == {"Nguyễn Mạnh Quyền": ["Giám đốc Sở KH&ĐT TP. Hà Nội"]}
    text = "Ông Hoàng Văn Xô, Phó Cục trưởng Cục Quản trị, Văn phòng Chính phủ đến công tác."
    assert positions(nlp, text) == {"Hoàng Văn Xô": ["Phó Cục trưởng Cục Quản trị, Văn phòng Chính phủ"]}


def test_semicolon_joins_posts_of_one_person_unless_the_next_is_named(nlp: Pipeline) -> None:
    text = "Ông Lê Văn Hải là Ủy viên Trung ương Đảng khóa XII; Đại biểu Quốc hội tỉnh Nghệ An."
    assert positions(nlp, text) == {
        "Lê Văn Hải": ["Ủy viên Trung ương Đảng khóa XII", "Đại biểu Quốc hội tỉnh Nghệ An"]
    }
    text = (
        "Thượng tướng Tô Lâm, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an; Bí thư Tỉnh ủy, Trưởng đoàn đại biểu"
        " Quốc hội tỉnh Bắc Ninh Nguyễn Nhân Chiến đã tiếp xúc cử tri."
    )
    found = positions(nlp, text)
    assert found["Tô Lâm"] == ["Ủy viên Bộ Chính trị", "Bộ trưởng Bộ Công an"]
    assert "Bí thư Tỉnh ủy" in found["Nguyễn Nhân Chiến"]
