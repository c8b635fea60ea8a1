"""Places: provinces, districts and the report's main province.

Tables of (text → expected main province) and (text → expected places), with traps: person
names that contain a province name, district names shared by several provinces, national news.
Every test checks the offset invariant of the place mentions against the original text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import vnreport
from vnreport import Pipeline
from vnreport.lexicon.gazetteers import GazetteerError
from vnreport.models import Report


def _check_offsets(text: str, r: Report) -> None:
    for p in r.places:
        for m in p.mentions:
            assert text[m.start : m.end] == m.text, (p.name, m)
    if r.province is not None:
        for m in r.province.mentions:
            assert text[m.start : m.end] == m.text


MAIN = [
    # named in the title / with an agency
    ("Sở TT&TT Thái Nguyên tổng kết năm 2009\n\nNgày 20/01/2010, Sở tổ chức hội nghị.", "Thái Nguyên"),
    ("Tin hoạt động Sở TT&TT Hậu Giang\n\nSở TT&TT Hậu Giang vừa tổ chức hội nghị tại tỉnh Hậu Giang.", "Hậu Giang"),
    ("Gặp mặt tiêu biểu\n\nChiều 30/3, Tỉnh ủy, HĐND, UBND tỉnh Bình Định tổ chức gặp mặt.", "Bình Định"),
    # only a district names the province
    ("Tổng kết năm\n\nTại điểm cầu trực tuyến huyện Vũ Quang, Chủ tịch UBND huyện chủ trì.", "Hà Tĩnh"),
    ("Lễ kỷ niệm\n\nSáng 18/4, UBND huyện Hoài Ân tổ chức lễ kỷ niệm; huyện Hoài Ân có nhiều đổi mới.", "Bình Định"),
    # the press source tag of a provincial paper
    ("Gặp mặt cán bộ\n\n(BĐ) - Sáng 22.4, Ban Tuyên giáo Tỉnh ủy tổ chức gặp mặt.", "Bình Định"),
    # pre-2025 names, with their dashes
    ("Hội nghị\n\nQuyết định của UBND tỉnh Thừa Thiên - Huế; Bí thư Thành ủy Huế dự.", "Thừa Thiên Huế"),
    ("Hà Nội: bí thư cấp huyện\n\nBí thư Thành ủy Hà Nội phát biểu tại thành phố Hà Nội.", "Hà Nội"),
    # national news: several provinces or none
    (
        "Hội nghị\n\nBộ Giáo dục và Đào tạo họp với ba đầu cầu Hà Nội, TP.HCM, Đà Nẵng. Đại diện UBND tỉnh "
        "Lạng Sơn và UBND tỉnh Sơn La phát biểu.",
        None,
    ),
    ("Khai trương\n\nThủ tướng Phạm Minh Chính dự lễ khai trương Cổng Pháp luật quốc gia.", None),
    # traps: a province name inside a person's name or a company
    ("Phát biểu\n\nÔng Nguyễn Thái Bình và bà Lê Thị Hà Nam phát biểu tại hội nghị.", None),
    ("Hợp tác\n\nHTX hợp tác cùng Thái Bình Seed thực hiện chuỗi giá trị.", None),
    # a district name shared by ten provinces gives no province by itself
    ("Phần mềm\n\nPhần mềm một cửa cho UBND huyện Châu Thành đã nghiệm thu.", None),
]


@pytest.mark.parametrize(("text", "province"), MAIN, ids=[t.split("\n")[0] + f"→{p}" for t, p in MAIN])
def test_main_province(text: str, province: str | None) -> None:
    r = vnreport.extract(text)
    _check_offsets(text, r)
    assert (r.province.name if r.province else None) == province


PLACES = [
    # text, place name, kind, its province (districts), successor
    ("Ngày 19/7/2011, hội nghị tại tỉnh Hậu Giang.", "Hậu Giang", "province", None, "Cần Thơ"),
    ("Khách du lịch về TP Hồ Chí Minh tăng.", "Hồ Chí Minh", "city", None, "Hồ Chí Minh"),
    ("Hội nghị của Sở TT&TT tỉnh Thừa Thiên Huế.", "Thừa Thiên Huế", "province", None, "Huế"),
    ("Đoàn công tác làm việc tại huyện Vũ Quang.", "Vũ Quang", "district", "Hà Tĩnh", "Hà Tĩnh"),
    ("Xã Nhơn Thọ, TX An Nhơn được công nhận.", "An Nhơn", "town", "Bình Định", "Gia Lai"),
    ("Phòng Giáo dục và Đào tạo thành phố Huế ký kết.", "Huế", "city", "Thừa Thiên Huế", "Huế"),
    ("Hoạt động của UBND huyện Châu Thành, tỉnh Hậu Giang.", "Châu Thành", "district", "Hậu Giang", "Cần Thơ"),
    ("Trước năm 2008 tỉnh Hà Tây có nhiều làng nghề.", "Hà Tây", "province", None, "Hà Nội"),
]


@pytest.mark.parametrize(("text", "name", "kind", "province", "successor"), PLACES, ids=[p[1] for p in PLACES])
def test_places(text: str, name: str, kind: str, province: str | None, successor: str | None) -> None:
    r = vnreport.extract(text)
    _check_offsets(text, r)
    found = [p for p in r.places if p.name == name and p.kind == kind]
    assert found, [(p.name, p.kind, p.province) for p in r.places]
    assert found[0].province == province
    assert found[0].successor == successor
    assert found[0].mentions


def test_validity_and_successor_of_a_merged_province() -> None:
    r = vnreport.extract("Hội nghị\n\nNgày 19/7/2011, Sở TT&TT tỉnh Hậu Giang và tỉnh Hậu Giang.")
    assert r.province is not None
    assert (r.province.name, r.province.successor, r.province.valid_to) == (
        "Hậu Giang",
        "Cần Thơ",
        dt.date(2025, 6, 30),
    )


def test_post_2025_report_uses_the_new_province() -> None:
    nlp = Pipeline()
    doc = nlp.make_doc("UBND tỉnh Gia Lai họp. Tỉnh Gia Lai (mới) gồm tỉnh Gia Lai và tỉnh Bình Định cũ.")
    doc.context.published = dt.datetime(2025, 8, 15)
    nlp.run(doc)
    r = nlp.to_report(doc)
    gia_lai = next(p for p in r.places if p.name == "Gia Lai")
    assert gia_lai.valid_to is None and gia_lai.successor is None
    old = nlp("UBND tỉnh Gia Lai họp ngày 15/8/2020 tại tỉnh Gia Lai.")
    assert old.province is not None and old.province.valid_to == dt.date(2025, 6, 30)


def test_context_for_other_recognisers() -> None:
    nlp = Pipeline()
    doc = nlp.run(nlp.make_doc("Tại điểm cầu huyện Vũ Quang, tỉnh Hà Tĩnh, UBND huyện chủ trì."))
    assert doc.context.province is not None and doc.context.province.name == "Hà Tĩnh"
    spans = doc.context.place_spans
    assert spans is not None
    assert [doc.text[s:e] for s, e, _ in spans] == ["huyện Vũ Quang", "tỉnh Hà Tĩnh"]


def test_malformed_user_province_row_names_file_and_line(tmp_path: Path) -> None:
    f = tmp_path / "provinces.tsv"
    f.write_text(
        "# my provinces\nname\tcode\ttype\tstatus\tvalid_from\tvalid_to\tsuccessor\taliases\n"
        "\t99\ttỉnh\tpre2025_unchanged\t\t\t\t\n",
        encoding="utf-8",
    )
    with pytest.raises(GazetteerError, match=r"provinces\.tsv:3"):
        Pipeline(gazetteers=[f])


def test_user_district_row_extends_the_gazetteer(tmp_path: Path) -> None:
    f = tmp_path / "districts.tsv"
    f.write_text("name\ttype\tprovince\nTừ Liêm\tHuyện\tHà Nội\n", encoding="utf-8")
    r = Pipeline(gazetteers=[f])("Hội nghị\n\nUBND huyện Từ Liêm (cũ) tổ chức hội nghị tại huyện Từ Liêm.")
    assert r.province is not None and r.province.name == "Hà Nội"


@pytest.mark.parametrize("unit", ["Ông ", "Nghị định ", "tỉnh ", "huyện Châu Thành ", "Hà Nội "])
def test_long_repetitive_input(unit: str) -> None:
    text = unit * 50_000
    r = vnreport.extract(text)
    _check_offsets(text, r)
