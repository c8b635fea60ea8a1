"""Bylines in every common shape and place, and what is never an author.

Each ending is tried as the page's last line and as the tail of a one-line body (the shape of
many portals: title / sapo / the whole article on one line).
"""

from __future__ import annotations

import pytest

import vnreport
from vnreport.text import layout
from vnreport.text.document import Doc

TITLE = "Hội nghị tổng kết công tác năm 2017 của ngành"
SAPO = "Sở Nội vụ tổng kết công tác năm và triển khai nhiệm vụ năm tới."
BODY = (
    "Sáng 19/7, Sở Nội vụ tổ chức Hội nghị tổng kết công tác năm 2017. Ông Nguyễn Văn An, Giám đốc "
    "Sở, cho biết ngành đã hoàn thành các chỉ tiêu được giao."
)

BYLINES = [
    ("Từ Lương", ["Từ Lương"]),
    ("Tin, ảnh: Thế Lập (TTXVN)", ["Thế Lập"]),
    ("Tin và ảnh: Xuân Hoàn - Anh Dũng", ["Xuân Hoàn", "Anh Dũng"]),
    ("Bài và ảnh: LÊ QUANG HỒI", ["LÊ QUANG HỒI"]),
    ("Bài,ảnh: Chu Quốc Hùng (TTXVN)", ["Chu Quốc Hùng"]),
    ("Theo TTXVN Hoàng Trọng", ["Hoàng Trọng"]),
    ("Theo Quốc Thanh (NNVN)", ["Quốc Thanh"]),
    ("Theo Thanh Quang/Chinhphu.vn", ["Thanh Quang"]),
    ("Hoàng Thị Hoa (TTXVN)", ["Hoàng Thị Hoa"]),
    ("Lại Thìn/VOV online (ghi)", ["Lại Thìn"]),
    ("Thu Hằng/VOV - Trung tâm Tin", ["Thu Hằng"]),
    ("Minh Thà/KD&PL", ["Minh Thà"]),
    ("Kim Tân - Phương Thảo (Theo Dân Trí)", ["Kim Tân", "Phương Thảo"]),
    ("Hoàng Hoa - Văn Cảnh - Nguyễn Thắng (TTXVN)", ["Hoàng Hoa", "Văn Cảnh", "Nguyễn Thắng"]),
    ("VĂN HÙNG – KIÊN CƯỜNG", ["VĂN HÙNG", "KIÊN CƯỜNG"]),
    ("Lê Tuyết/VOV Lê Tuyết/VOV", ["Lê Tuyết"]),
    ("(Tổng hợp) Hoàng Yên", ["Hoàng Yên"]),
    ("(Nguồn: Trung ương Hội Nông dân Việt Nam) Thành Chung", ["Thành Chung"]),
    ("Y.A ghi", ["Y.A"]),
    ("H.Thủy", ["H.Thủy"]),
    ("B.B.Đ", ["B.B.Đ"]),
    ("PV", ["PV"]),
    ("Nhóm PV", ["Nhóm PV"]),
    ("Phóng viên TTXVN tại các địa phương", ["Phóng viên TTXVN tại các địa phương"]),
    ("Trường Sơn - Anh Vũ", ["Trường Sơn", "Anh Vũ"]),
]

NOT_AUTHORS = [
    "Ảnh: T.SỸ",
    "Nguồn: baochinhphu.vn",
    "(Nguồn: Bộ Y tế)",
    "VnExpress",
    "Theo VnExpress",
    "Theo Vnexpress",
    "Theo Báo Chính phủ",
    "Theo Báo Cà Mau",
    "Theo Dân Trí",
    "Theo Trí Thức Trẻ",
    "Theo VGP",
    "TTXVN/Tin Tức",
    "Tuổi trẻ",
    "Sở TT&TT Khánh Hòa",
    "Ông Phạm Kiết - Nguyên Giám đốc Sở TDTT TP.HCM",
    "PV Kiến Thức sẽ tiếp tục thông tin vụ việc trên...",
    "PV: Xin cảm ơn ông!",
    "Xin cảm ơn ông!",
    "Bộ Công Thương",
]


def _authors(text: str) -> list[str]:
    doc = Doc(text)
    lay = layout.analyse(doc)
    for s, e in lay.authors:
        assert doc.is_boilerplate(s, e)
    return [doc.text[s:e] for s, e in lay.authors]


@pytest.mark.parametrize(("ending", "authors"), BYLINES, ids=[b for b, _ in BYLINES])
def test_byline_on_its_own_last_line(ending: str, authors: list[str]) -> None:
    assert _authors(f"{TITLE}\n{SAPO}\n{BODY}\n{ending}\n") == authors


@pytest.mark.parametrize(("ending", "authors"), BYLINES, ids=[b for b, _ in BYLINES])
def test_byline_ending_a_one_line_body(ending: str, authors: list[str]) -> None:
    assert _authors(f"{TITLE}\n{SAPO}\n{BODY} {ending}") == authors


@pytest.mark.parametrize("after", ["./.", "!", "…", "...", "”.", "./. PV: Xin cảm ơn ông!./."])
def test_byline_after_any_sentence_end(after: str) -> None:
    assert _authors(f"{TITLE}\n{BODY[:-1]}{after} Thế Lập (TTXVN)") == ["Thế Lập"]


@pytest.mark.parametrize("ending", NOT_AUTHORS)
def test_never_an_author(ending: str) -> None:
    assert _authors(f"{TITLE}\n{SAPO}\n{BODY}\n{ending}\n") == []
    assert _authors(f"{TITLE}\n{SAPO}\n{BODY} {ending}") == []


@pytest.mark.parametrize(
    "page",
    [
        f"{TITLE}\n{BODY}\nThanh Sơn\nSở TT&TT Nghệ An\n",
        f"{TITLE}\n{BODY}\nThanh Sơn\nTheo Báo Nghệ An\n",
        f"{TITLE}\n{BODY}\nThanh Sơn\nNguồn: baonghean.vn\n",
        f"{TITLE}\n{BODY} Thanh Sơn\nTheo Báo Nghệ An\n",
    ],
)
def test_byline_before_a_source_line(page: str) -> None:
    assert _authors(page) == ["Thanh Sơn"]


@pytest.mark.parametrize(
    "page",
    [
        f"{TITLE}\n{BODY}",  # the body ends with its sentence
        f"{TITLE}\n{BODY[:-1]} tại buổi Lễ",  # a capitalised last word of a sentence
        f"{TITLE}\n{BODY} Hội nghị kết thúc lúc 11 giờ cùng ngày",  # a last sentence without a stop
        f"{TITLE}\n{BODY}\nPhó Chủ tịch UBND tỉnh Lâm Hải Giang (thứ 5 từ phải sang) tặng hoa",
        f"{TITLE}\n{BODY}\nTuệ Lâm\n{BODY}",  # a name line inside the article
        "Ông Nguyễn Văn An",
    ],
)
def test_no_byline(page: str) -> None:
    assert _authors(page) == []


def test_the_byline_tail_is_not_read_as_a_place_or_an_official() -> None:
    r = vnreport.extract(f"{TITLE}\n{BODY} Thái Bình")
    assert r.authors == ["Thái Bình"]
    assert r.province is None and not r.places
    assert not any(o.name == "Thái Bình" for o in r.officials)
