"""Officials: where names start and end in the harder shapes of real reports.

A form of address capitalised mid-sentence, a name cut before its last syllable elsewhere in
the report, a heading that runs into the next sentence ("… Nguyễn Văn Thiện  Ngày 25.5, …").
"""

from __future__ import annotations

import pytest

from vnreport import Pipeline


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline()


def names(nlp: Pipeline, text: str) -> dict[str, list[str]]:
    return {o.name: [p.text for p in o.positions] for o in nlp(text).officials}


CASES = [
    (
        "Tại hội nghị, Bà Nguyễn Thị Lan, Giám đốc Sở Y tế tỉnh Nghệ An, phát biểu.",
        {"Nguyễn Thị Lan": ["Giám đốc Sở Y tế tỉnh Nghệ An"]},
    ),
    ("Sau đó, Ông Trần Văn Hải cho biết thêm.", {"Trần Văn Hải": []}),
    # "Anh" inside a name, "Bà" in place names: not an address
    ("Anh hùng Lao động Phạm Anh Tuấn dự lễ.", {"Phạm Anh Tuấn": []}),
    ("Đoàn đến thăm tỉnh Bà Rịa - Vũng Tàu và xã Bà Điểm.", {}),
    # a name cut before its last syllable is the known person
    ("Ông Phạm Quang Nghị trả lời. Ông Phạm Quang nghị: Tôi không có thẩm quyền.", {"Phạm Quang Nghị": []}),
    (
        "Ông Đậu Anh Tuấn nêu quan điểm. Theo VCCI, ông Đậu Anh Tuấn-Trưởng Ban Pháp chế đánh giá cao.",
        {"Đậu Anh Tuấn": ["Trưởng Ban Pháp chế"]},
    ),
    ("Ông Hoàng Vượng dự họp. Ông Hoàng Vượng Anh phát biểu.", {"Hoàng Vượng": [], "Hoàng Vượng Anh": []}),
    # a heading ends with the name, the next sentence starts with a date
    (
        "Cảnh cáo nguyên Bí thư Tỉnh ủy Bình Định Nguyễn Văn Thiện  Ngày 25.5, tại Hà Nội, Ban Bí thư đã họp.",
        {"Nguyễn Văn Thiện": ["nguyên Bí thư Tỉnh ủy Bình Định"]},
    ),
    ("Ông Trần Văn Sáng 20 tuổi, trú tại thôn 3.", {"Trần Văn Sáng": []}),
    ("Ông Nguyễn Văn Ngày phát biểu.", {"Nguyễn Văn Ngày": []}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_name_boundaries(nlp: Pipeline, text: str, expected: dict[str, list[str]]) -> None:
    assert names(nlp, text) == expected


def test_capitalised_address_inside_a_name_is_not_an_honorific(nlp: Pipeline) -> None:
    (o,) = nlp("Anh hùng Lao động Phạm Anh Tuấn dự lễ.").officials
    assert (o.name, o.honorific) == ("Phạm Anh Tuấn", "Anh hùng Lao động")


FOREIGN = [
    ("Ông Xay-sổm-phon Phôm-vi-hản, Chủ tịch Quốc hội Lào, phát biểu.", "Xay-sổm-phon Phôm-vi-hản"),
    ("Bà Kristalina Georgieva, Tổng Giám đốc IMF, cho biết.", "Kristalina Georgieva"),
    ("Ông Marc Knapper, Đại sứ Hoa Kỳ, cho biết.", "Marc Knapper"),
]


@pytest.mark.parametrize(("text", "name"), FOREIGN)
def test_foreign_officials_after_an_honorific(nlp: Pipeline, text: str, name: str) -> None:
    (o,) = nlp(text).officials
    assert o.name == name and o.positions and o.role == "office_holder"


def test_foreign_office_does_not_take_the_vietnamese_body(nlp: Pipeline) -> None:
    (o,) = nlp("Ông Xay-sổm-phon Phôm-vi-hản, Chủ tịch Quốc hội Lào, phát biểu.").officials
    assert o.positions[0].organization is None
    (o,) = nlp("Ông Lê Văn An, Đại biểu Quốc hội tỉnh Trà Vinh, phát biểu.").officials
    assert o.positions[0].organization == "Quốc hội"


def test_hyphen_joined_title_is_not_a_foreign_name(nlp: Pipeline) -> None:
    (o,) = nlp("Ông Nguyễn Văn An-Trưởng phòng Nội vụ cho biết.").officials
    assert o.name == "Nguyễn Văn An"
