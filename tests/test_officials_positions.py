"""Officials: how positions are read, deduplicated and given their organisation.

Tables of real-looking sentences with the traps of the genre; the officials recogniser runs
without the agencies recogniser unless a test needs ``Position.organization``.
"""

from __future__ import annotations

import unicodedata

import pytest

from vnreport import Pipeline
from vnreport.models import Official


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline(disable=["agencies"])


def by_name(nlp: Pipeline, text: str) -> dict[str, Official]:
    found = nlp(text).officials
    for o in found:
        for p in o.positions:
            assert p.start is not None and p.end is not None
            assert text[p.start : p.end] == p.text
    return {o.name: o for o in found}


def texts(o: Official) -> list[str]:
    return [p.text for p in o.positions]


@pytest.mark.parametrize(
    "second",
    [
        "Phó\u00a0Chủ tịch UBND tỉnh",  # NBSP
        unicodedata.normalize("NFD", "Phó Chủ tịch UBND tỉnh"),
        "Phó Chủ tị\u00adch UBND tỉnh",  # soft hyphen
        "phó chủ tịch UBND tỉnh",
        "Phó Chủ tịch  UBND tỉnh",
    ],
)
def test_positions_deduplicated_on_normalised_text(nlp: Pipeline, second: str) -> None:
    text = f"Ông Nguyễn Văn An, Phó Chủ tịch UBND tỉnh, phát biểu. Sau đó ông Nguyễn Văn An, {second}, kết luận."
    found = by_name(nlp, text)
    assert texts(found["Nguyễn Văn An"]) == ["Phó Chủ tịch UBND tỉnh"]


def test_old_and_new_tone_spelling_give_one_position(nlp: Pipeline) -> None:
    text = (
        "Ông Lê Văn Bình, Phó Chủ nhiệm Uỷ ban Kiểm tra, dự họp. Ông Lê Văn Bình, Phó Chủ nhiệm Ủy ban Kiểm tra, nói."
    )
    assert len(by_name(nlp, text)["Lê Văn Bình"].positions) == 1


def test_different_offices_stay_apart(nlp: Pipeline) -> None:
    text = "Ông Lê Văn Bình, Phó Chủ tịch UBND tỉnh, dự họp. Ông Lê Văn Bình, Chủ tịch UBND tỉnh, nói."
    assert texts(by_name(nlp, text)["Lê Văn Bình"]) == ["Phó Chủ tịch UBND tỉnh", "Chủ tịch UBND tỉnh"]


@pytest.fixture(scope="module")
def full() -> Pipeline:
    return Pipeline()


ORGANIZATION_CASES = [
    ("Thủ tướng Chính phủ Phạm Minh Chính dự họp.", "Phạm Minh Chính", "Chính phủ"),
    ("Phó Thủ tướng Trần Hồng Hà chủ trì.", "Trần Hồng Hà", "Chính phủ"),
    ("Tổng Bí thư Tô Lâm phát biểu.", "Tô Lâm", "Ban Chấp hành Trung ương Đảng"),
    ("Chủ tịch nước Lương Cường tiếp khách.", "Lương Cường", "Nhà nước Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Chủ tịch Quốc hội Trần Thanh Mẫn phát biểu.", "Trần Thanh Mẫn", "Quốc hội"),
    ("Bộ trưởng Bộ Y tế Đào Hồng Lan cho biết.", "Đào Hồng Lan", "Bộ Y tế"),
    ("Ông Trần Tuấn Anh, Bộ trưởng Công Thương, phát biểu.", "Trần Tuấn Anh", "Bộ Công Thương"),
    ("Ủy viên Bộ Chính trị Nguyễn Văn Nên dự lễ.", "Nguyễn Văn Nên", "Bộ Chính trị"),
]


@pytest.mark.parametrize(("text", "name", "organization"), ORGANIZATION_CASES)
def test_organization_from_text_or_title(full: Pipeline, text: str, name: str, organization: str) -> None:
    (p,) = by_name(full, text)[name].positions
    assert p.organization == organization


def test_bare_title_before_another_takes_its_body(full: Pipeline) -> None:
    text = "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ Mai Tiến Dũng dự họp."
    found = by_name(full, text)["Mai Tiến Dũng"]
    assert [(p.text, p.organization) for p in found.positions] == [
        ("Bộ trưởng", "Văn phòng Chính phủ"),
        ("Chủ nhiệm Văn phòng Chính phủ", "Văn phòng Chính phủ"),
    ]


def test_national_office_keeps_its_own_body_in_a_list(full: Pipeline) -> None:
    text = "Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao Phạm Bình Minh tiếp Đại sứ."
    found = by_name(full, text)["Phạm Bình Minh"]
    assert [p.organization for p in found.positions] == ["Chính phủ", "Bộ Ngoại giao"]


def test_organization_is_never_a_persons_name(full: Pipeline) -> None:
    text = "Tổng Bí thư Trường Chinh là người soạn thảo Đề cương."
    for o in full(text).officials:
        for p in o.positions:
            assert p.organization != "Trường Chinh"


def test_no_organization_where_nothing_settles_it(full: Pipeline) -> None:
    (p,) = by_name(full, "Giám đốc Nguyễn Văn Tâm cho biết.")["Nguyễn Văn Tâm"].positions
    assert p.organization is None


ROLE_CASES = [
    ("Phó Chủ tịch UBND tỉnh Nguyễn Văn An phát biểu.", "Nguyễn Văn An", "office_holder"),
    ("Ông Lê Văn Bình, Ủy viên Ban Thường vụ Tỉnh ủy, dự họp.", "Lê Văn Bình", "office_holder"),
    ("Ông Lò Văn Thái cho biết gia đình đã thoát nghèo.", "Lò Văn Thái", "named"),
    ("Bà Trần Thị Hoa, giáo viên Trường Tiểu học Kim Đồng, chia sẻ.", "Trần Thị Hoa", "named"),
    ("Đại biểu Nguyễn Thị Tuyết Nga đặt câu hỏi.", "Nguyễn Thị Tuyết Nga", "named"),
    ("Đại biểu Quốc hội Nguyễn Thị Tuyết Nga đặt câu hỏi.", "Nguyễn Thị Tuyết Nga", "office_holder"),
]


@pytest.mark.parametrize(("text", "name", "role"), ROLE_CASES)
def test_role_office_holder_or_named(full: Pipeline, text: str, name: str, role: str) -> None:
    assert by_name(full, text)[name].role == role


def test_role_is_unknown_on_older_records_and_hand_built_officials() -> None:
    """Only the recogniser decides a role; a record from an older vnreport, or an Official built
    in code, says nothing (None), so readers such as the linker do not take it for "named"."""
    assert Official.model_validate({"name": "Nguyễn Văn An"}).role is None


def test_other_bare_titles_do_not_borrow_the_next_body(full: Pipeline) -> None:
    text = "Bà Huỳnh Thúy Vân, Tỉnh ủy viên, Phó Chủ tịch HĐND tỉnh Bình Định phát biểu."
    found = by_name(full, text)["Huỳnh Thúy Vân"]
    assert found.positions[0].text == "Tỉnh ủy viên"
    assert found.positions[0].organization is None


HONORIFIC_NOT_POSITION = [
    ("Thượng tá Lê Văn Tám, Trưởng Công an huyện, cho biết.", "Lê Văn Tám", "Thượng tá", ["Trưởng Công an huyện"]),
    (
        "PGS.TS Nguyễn Văn Ba, Hiệu trưởng Trường Đại học Y, phát biểu.",
        "Nguyễn Văn Ba",
        "PGS.TS",
        ["Hiệu trưởng Trường Đại học Y"],
    ),
    ("Đại tá Nguyễn Văn Hùng phát biểu.", "Nguyễn Văn Hùng", "Đại tá", []),
    ("GS.TSKH Trần Văn Thọ cho rằng.", "Trần Văn Thọ", "GS.TSKH", []),
]


@pytest.mark.parametrize(("text", "name", "honorific", "expected"), HONORIFIC_NOT_POSITION)
def test_academic_titles_and_ranks_are_not_positions(
    full: Pipeline, text: str, name: str, honorific: str, expected: list[str]
) -> None:
    o = by_name(full, text)[name]
    assert (o.honorific, texts(o)) == (honorific, expected)
    assert o.role == ("office_holder" if expected else "named")
