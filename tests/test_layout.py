"""Page layout: portal debris is boilerplate; title, date line, source tag and byline are metadata."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from vnreport.text import layout
from vnreport.text.document import Doc

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"

BODY = "Ngày 19/7/2011, Sở Nội vụ tổ chức Hội nghị tổng kết công tác năm 2011 với nhiều nội dung."


def analyse(text: str) -> tuple[Doc, layout.Layout]:
    doc = Doc(text)
    return doc, layout.analyse(doc)


@pytest.mark.parametrize(
    "line",
    [
        "ĐÁNH GIÁ BÀI VIẾT( 0)",
        "ĐÁNH GIÁ BÀI VIẾT (12)",
        "EmailPrintAa",
        "Rss",
        "Top",
        "banner",
        "icon",
        "img",
        "Xem với cỡ chữ : A- A A+",
        "Số lượt truy cập",
        "Tin trong tỉnh",
        "Xem chi tiết icon",
        "Xem tiếp",
        "Bộ Nông nghiệp tìm cách ổn định giá vật tư(09/06/2005)",
        "* Mọi ý kiến đóng góp xin gửi về hộp thư",
    ],
)
def test_debris_lines_are_boilerplate(line: str) -> None:
    text = f"Tiêu đề bài viết về hội nghị\n{BODY}\n{line}\n"
    doc, lay = analyse(text)
    s = text.index(line)
    assert doc.is_boilerplate(s, s + len(line))
    assert not doc.is_boilerplate(text.index("Sở Nội vụ"), text.index("Sở Nội vụ") + 9)


def test_everything_after_a_footer_marker_is_boilerplate() -> None:
    text = f"Tiêu đề\n{BODY}\nbanner\nCổng dịch vụ công\nQuốc Gia\nChính sách pháp luật Việt Nam\n"
    doc, _ = analyse(text)
    s = text.index("Chính sách")
    assert doc.is_boilerplate(s, s + 10)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Thứ hai, 25/01/2010 16:27", dt.datetime(2010, 1, 25, 16, 27)),
        ("9:30, Thứ Sáu, 20-7-2018", dt.datetime(2018, 7, 20, 9, 30)),
        ("Chủ nhật, 03/02/2019", dt.datetime(2019, 2, 3)),
        ("20/07/2018 08:15 (GMT+7)", dt.datetime(2018, 7, 20, 8, 15)),
        ("Thứ Ba, 31/02/2010", None),  # not a real date
    ],
)
def test_date_line_gives_published(line: str, expected: dt.datetime | None) -> None:
    doc, lay = analyse(f"Tiêu đề bài viết\n\n{line}\n\n{BODY}")
    assert lay.published == expected


@pytest.mark.parametrize(
    ("lead", "source"),
    [
        ("(Mic.gov.vn) - ", "Mic.gov.vn"),
        ("(BĐ) - ", "BĐ"),
        ("(NLĐO)- ", "NLĐO"),
        ("(binhdinh.gov.vn) - ", "binhdinh.gov.vn"),
        ("(theo báo) - ", None),
    ],
)
def test_source_tag(lead: str, source: str | None) -> None:
    doc, lay = analyse(f"Tiêu đề bài viết\n{lead}{BODY}\nđoạn hai của bài.")
    assert lay.source == source


@pytest.mark.parametrize(
    ("ending", "authors"),
    [
        ("Ái Phương\n\nSở TT&TT Hậu Giang\n\nĐÁNH GIÁ BÀI VIẾT( 0)", ["Ái Phương"]),
        ("Xuân Hoàn - Anh Dũng\n\nRss", ["Xuân Hoàn", "Anh Dũng"]),
        ("Đức Văn - Thái Bá", ["Đức Văn", "Thái Bá"]),
        ("T.SỸ", ["T.SỸ"]),
        ("HỒNG HÀ (Thực hiện)", ["HỒNG HÀ"]),
        ("Sở TT&TT Khánh Hòa\n\nĐÁNH GIÁ BÀI VIẾT( 0)", []),
        ("Hội nghị kết thúc tốt đẹp.", []),
        ("Quang cảnh buổi gặp mặt. Ảnh: N.H", []),
        ("Theo Báo Bình Định", []),
    ],
)
def test_byline(ending: str, authors: list[str]) -> None:
    text = f"Tiêu đề bài viết\n{BODY}\n{ending}\n"
    doc, lay = analyse(text)
    assert [doc.orig_offsets(s, e)[2] for s, e in lay.authors] == authors
    for s, e in lay.authors:
        assert doc.is_boilerplate(s, e)


def test_photo_credit_tail_is_boilerplate_but_caption_is_not() -> None:
    text = f"Tiêu đề\n{BODY}\nChủ tịch UBND tỉnh Phạm Anh Tuấn phát biểu. Ảnh: T.SỸ\nđoạn cuối của bài viết."
    doc, _ = analyse(text)
    credit = text.index("Ảnh: T.SỸ")
    assert doc.is_boilerplate(credit + 5, credit + 9)
    name = text.index("Phạm Anh Tuấn")
    assert not doc.is_boilerplate(name, name + 13)


def test_title_is_first_content_line() -> None:
    text = "Số lượt truy cập\n\nEmailPrintAa\n\nTổng kết hoạt động ngành TT&TT\n\n" + BODY
    doc, lay = analyse(text)
    assert lay.title is not None and doc.text[slice(*lay.title)] == "Tổng kết hoạt động ngành TT&TT"


def test_title_before_source_tag_on_the_same_line() -> None:
    text = "Áp dụng lương mới từ 1-2 (NLĐO) - Bộ trưởng Nguyễn Thị Hằng đã tuyên bố.\nĐoạn hai."
    doc, lay = analyse(text)
    assert lay.source == "NLĐO"
    assert doc.text[slice(*lay.title)] == "Áp dụng lương mới từ 1-2"


def test_single_line_text_has_no_title_or_byline() -> None:
    doc, lay = analyse("Ông Nguyễn Văn An")
    assert lay.title is None and lay.authors == []


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_samples_boilerplate_maps_to_original(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    doc, lay = analyse(text)
    for s, e in doc.boilerplate_ranges():
        os_, oe, t = doc.orig_offsets(s, e)
        assert text[os_:oe] == t


@pytest.mark.parametrize(
    ("first", "is_title"),
    [
        ("Sở TT&TT Thái Nguyên tổng kết năm 2009 và triển khai nhiệm vụ năm 2010", True),
        ("Hưng Yên đã phong tỏa thôn Hoàng Xá, nơi có 2 ca mắc Covid-19.", True),
        ("Ngày 29/4, Bộ Giáo dục và Đào tạo tổ chức hội nghị triển khai Nghị định.", False),
        ("Sáng 31/5, Thủ tướng đã dự Lễ khai trương Cổng Pháp luật quốc gia", False),
        ("Chiều ngày 19/7/2018, Sở tổ chức Hội nghị", False),
        (" ".join(["từ"] * 41), False),
        (" ".join(["từ"] * 30) + ".", False),
    ],
)
def test_lead_paragraph_is_not_a_title(first: str, is_title: bool) -> None:
    doc, lay = analyse(f"{first}\n{BODY}")
    assert (lay.title is not None) == is_title
