"""Agencies: canonical names, kinds, levels and provinces from Vietnamese report snippets.

Each row is (text, mention as written, canonical name, kind, level, province). Snippets carry
their own province context, as reports do ("tỉnh Hậu Giang" somewhere, or a district).
Every test also checks the offset invariant: a mention's text is the original text at its span.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import vnreport
from vnreport import Pipeline
from vnreport.lexicon.gazetteers import GazetteerError
from vnreport.models import Agency, Report

HG = " Hội nghị diễn ra tại tỉnh Hậu Giang, tỉnh Hậu Giang."
BD = " Lễ kỷ niệm tại tỉnh Bình Định, tỉnh Bình Định."

CASES = [
    # provincial departments: abbreviations expanded, province added from context
    (
        "Sở TT&TT Hậu Giang vừa tổ chức hội nghị." + HG,
        "Sở TT&TT Hậu Giang",
        "Sở Thông tin và Truyền thông tỉnh Hậu Giang",
        "Sở",
        "province",
        "Hậu Giang",
    ),
    (
        "Ông Nguyễn Thanh Giang, Phó Giám đốc Sở Nội vụ phát biểu." + HG,
        "Sở Nội vụ",
        "Sở Nội vụ tỉnh Hậu Giang",
        "Sở",
        "province",
        "Hậu Giang",
    ),
    (
        "Sở Lao động, Thương binh và Xã hội tỉnh Thừa Thiên Huế cho biết.",
        "Sở Lao động, Thương binh và Xã hội tỉnh Thừa Thiên Huế",
        "Sở Lao động - Thương binh và Xã hội tỉnh Thừa Thiên Huế",
        "Sở",
        "province",
        "Thừa Thiên Huế",
    ),
    (
        "Giám đốc sở Thông tin tuyền thông Phan Tấn Linh chủ trì." + HG,
        "sở Thông tin tuyền thông",
        "Sở Thông tin và Truyền thông tỉnh Hậu Giang",
        "Sở",
        "province",
        "Hậu Giang",
    ),
    (
        "Sở TN & MT TP Đà Nẵng đã tham mưu.",
        "Sở TN & MT TP Đà Nẵng",
        "Sở Tài nguyên và Môi trường thành phố Đà Nẵng",
        "Sở",
        "province",
        "Đà Nẵng",
    ),
    # local government, inside positions too
    (
        "Phó Chủ tịch UBND tỉnh Nguyễn Thiện phát biểu." + HG,
        "UBND tỉnh",
        "Ủy ban nhân dân tỉnh Hậu Giang",
        "UBND",
        "province",
        "Hậu Giang",
    ),
    (
        "Tại điểm cầu huyện Vũ Quang, Chủ tịch UBND huyện Trịnh Văn Ngọc chủ trì.",
        "UBND huyện",
        "Ủy ban nhân dân huyện Vũ Quang",
        "UBND",
        "district",
        "Hà Tĩnh",
    ),
    (
        "Phần mềm một cửa cho UBND huyện Châu Thành." + HG,
        "UBND huyện Châu Thành",
        "Ủy ban nhân dân huyện Châu Thành",
        "UBND",
        "district",
        "Hậu Giang",
    ),
    (
        "Sở phối hợp cùng Văn phòng UBND tỉnh tổ chức." + HG,
        "Văn phòng UBND tỉnh",
        "Văn phòng Ủy ban nhân dân tỉnh Hậu Giang",
        "Văn phòng",
        "province",
        "Hậu Giang",
    ),
    (
        "Báo chí bám sát định hướng của Tỉnh uỷ, HĐND, UBND tỉnh." + BD,
        "HĐND",
        "Hội đồng nhân dân tỉnh Bình Định",
        "HĐND",
        "province",
        "Bình Định",
    ),
    (
        "Trường mầm non xã Quang Hưng, huyện Phù Cừ, tỉnh Hưng Yên.",
        "Trường mầm non xã Quang Hưng",
        "Trường Mầm non xã Quang Hưng",
        "Trường",
        "commune",
        "Hưng Yên",
    ),
    # Party organs
    (
        "Ông Võ Minh Tâm, Trưởng Ban Tuyên giáo Tỉnh ủy đến dự." + HG,
        "Ban Tuyên giáo Tỉnh ủy",
        "Ban Tuyên giáo Tỉnh ủy Hậu Giang",
        "Ban",
        "province",
        "Hậu Giang",
    ),
    (
        "Thay mặt Ban Thường vụ Tỉnh ủy, đồng chí phát biểu." + HG,
        "Ban Thường vụ Tỉnh ủy",
        "Ban Thường vụ Tỉnh ủy Hậu Giang",
        "Ban Thường vụ",
        "province",
        "Hậu Giang",
    ),
    (
        "Trưởng ban Tổ chức Thành ủy Hà Nội Vũ Đức Bảo trình bày.",
        "ban Tổ chức Thành ủy Hà Nội",
        "Ban Tổ chức Thành ủy Hà Nội",
        "Ban",
        "province",
        "Hà Nội",
    ),
    (
        "Sáng 29/4, Ban Chấp hành Đảng bộ thành phố Hà Nội tổ chức hội nghị.",
        "Ban Chấp hành Đảng bộ thành phố Hà Nội",
        "Thành ủy Hà Nội",
        "Thành ủy",
        "province",
        "Hà Nội",
    ),
    (
        "Ông Phan Thiên Định, Bí thư Thành ủy Huế; đại diện tỉnh Thừa Thiên Huế.",
        "Thành ủy Huế",
        "Thành ủy Huế",
        "Thành ủy",
        "district",
        "Thừa Thiên Huế",
    ),
    (
        "Hồ Quốc Dũng - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy.",
        "Trung ương Đảng",
        "Ban Chấp hành Trung ương Đảng",
        "Ban Chấp hành",
        "central",
        None,
    ),
    # mass organisations, armed forces, public service units
    (
        "Dự có đại diện Liên minh HTX tỉnh." + BD,
        "Liên minh HTX tỉnh",
        "Liên minh Hợp tác xã tỉnh Bình Định",
        "Liên minh HTX",
        "province",
        "Bình Định",
    ),
    (
        "Lãnh đạo Bộ CHQS tỉnh dự lễ." + BD,
        "Bộ CHQS tỉnh",
        "Bộ Chỉ huy Quân sự tỉnh Bình Định",
        "Bộ CHQS",
        "province",
        "Bình Định",
    ),
    (
        "Phó Trưởng Đoàn ĐBQH tỉnh dự lễ." + BD,
        "Đoàn ĐBQH tỉnh",
        "Đoàn đại biểu Quốc hội tỉnh Bình Định",
        "Đoàn ĐBQH",
        "province",
        "Bình Định",
    ),
    (
        "Tỉnh ủy, HĐND, UBND, UBMTTQ Việt Nam tỉnh tổ chức gặp mặt." + BD,
        "UBMTTQ Việt Nam tỉnh",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bình Định",
        "UBMTTQ",
        "province",
        "Bình Định",
    ),
    (
        "Đài PTTH Hậu Giang đã xây dựng chương trình tiếng Khmer.",
        "Đài PTTH Hậu Giang",
        "Đài Phát thanh - Truyền hình tỉnh Hậu Giang",
        "Đài PTTH",
        "province",
        "Hậu Giang",
    ),
    (
        "Phối hợp với Viện Công nghệ Viễn thông TP. Hồ Chí Minh hoàn chỉnh phần mềm.",
        "Viện Công nghệ Viễn thông TP. Hồ Chí Minh",
        "Viện Công nghệ Viễn thông Thành phố Hồ Chí Minh",
        "Viện",
        "province",
        "Hồ Chí Minh",
    ),
    (
        "Hệ thống SAN cho Trung tâm Tích hợp dữ liệu tỉnh và dự án khác." + HG,
        "Trung tâm Tích hợp dữ liệu tỉnh",
        "Trung tâm Tích hợp dữ liệu tỉnh Hậu Giang",
        "Trung tâm",
        "province",
        "Hậu Giang",
    ),
    (
        "Trong năm 2015, Ban Chỉ đạo CNTT tỉnh đã đôn đốc các sở." + HG,
        "Ban Chỉ đạo CNTT tỉnh",
        "Ban Chỉ đạo Công nghệ thông tin tỉnh Hậu Giang",
        "Ban",
        "province",
        "Hậu Giang",
    ),
    (
        "Theo Quỹ hỗ trợ phát triển HTX tỉnh, dư nợ tăng." + BD,
        "Quỹ hỗ trợ phát triển HTX tỉnh",
        "Quỹ Hỗ trợ phát triển Hợp tác xã tỉnh Bình Định",
        "Quỹ",
        "province",
        "Bình Định",
    ),
    (
        "Ngày 10.3.2006, Hiệu trưởng Trường đại học Nghệ thuật Huế ký văn bản.",
        "Trường đại học Nghệ thuật Huế",
        "Trường Đại học Nghệ thuật Huế",
        "Trường",
        "province",
        "Thừa Thiên Huế",
    ),
    ("Đảng ủy Đại học Huế đã họp.", "Đảng ủy Đại học Huế", "Đảng ủy Đại học Huế", "Đảng ủy", "central", None),
    ("Sư đoàn 3 Sao Vàng và Quân khu 5 dự lễ.", "Sư đoàn 3 Sao Vàng", "Sư đoàn 3 Sao Vàng", "Sư đoàn", "central", None),
    # central bodies, including renamed and abolished ministries
    (
        "Bằng khen của Bộ TT&TT cho ông Phan Tấn Linh.",
        "Bộ TT&TT",
        "Bộ Thông tin và Truyền thông",
        "Bộ",
        "central",
        None,
    ),
    (
        "Thông tư giữa Bộ Thương mại - Bộ Kế hoạch &amp; đầu tư - Bộ Công nghiệp.",
        "Bộ Kế hoạch &amp; đầu tư",
        "Bộ Kế hoạch và Đầu tư",
        "Bộ",
        "central",
        None,
    ),
    (
        "Theo Bộ Lao động Thương binh và Xã hội, nông dân mất đất.",
        "Bộ Lao động Thương binh và Xã hội",
        "Bộ Lao động - Thương binh và Xã hội",
        "Bộ",
        "central",
        None,
    ),
    (
        "Phối hợp với phòng thương mại và công nghiệp Việt Nam hỗ trợ doanh nghiệp.",
        "phòng thương mại và công nghiệp Việt Nam",
        "Phòng Thương mại và Công nghiệp Việt Nam",
        "Phòng",
        "central",
        None,
    ),
    (
        "Cục Kiểm tra văn bản pháp luật và Xử lý vi phạm hành chính thuộc Bộ Tư pháp.",
        "Cục Kiểm tra văn bản pháp luật và Xử lý vi phạm hành chính",
        "Cục Kiểm tra văn bản pháp luật và Xử lý vi phạm hành chính",
        "Cục",
        "central",
        None,
    ),
    (
        "Hội nhạc sĩ Việt Nam tổ chức trại sáng tác.",
        "Hội nhạc sĩ Việt Nam",
        "Hội Nhạc sĩ Việt Nam",
        "Hội",
        "central",
        None,
    ),
    ("Trước đó, như Tuổi Trẻ đã thông tin, ông bị khởi tố.", "Tuổi Trẻ", "Báo Tuổi Trẻ", "Báo", "central", None),
    (
        "Tập đoàn VNPT và Bưu điện tỉnh cùng tham gia." + HG,
        "Bưu điện tỉnh",
        "Bưu điện tỉnh Hậu Giang",
        "Bưu điện",
        "province",
        "Hậu Giang",
    ),
    # Party organs written with "T.Ư"/"TƯ"/"TW"
    (
        "Ban chấp hành (BCH) T.Ư đã thông qua nghị quyết.",
        "Ban chấp hành (BCH) T.Ư",
        "Ban Chấp hành Trung ương Đảng",
        "Ban Chấp hành",
        "central",
        None,
    ),
    (
        "Hội nghị BCH T.Ư lần thứ 13 diễn ra tại Hà Nội.",
        "BCH T.Ư",
        "Ban Chấp hành Trung ương Đảng",
        "Ban Chấp hành",
        "central",
        None,
    ),
    (
        "Thực hiện Nghị quyết của T.Ư Đảng, tỉnh triển khai." + HG,
        "T.Ư Đảng",
        "Ban Chấp hành Trung ương Đảng",
        "Ban Chấp hành",
        "central",
        None,
    ),
    (
        "Hội nghị T.Ư 13 đã quyết định nhiều vấn đề.",
        "Hội nghị T.Ư",
        "Ban Chấp hành Trung ương Đảng",
        "Ban Chấp hành",
        "central",
        None,
    ),
    (
        "Ban Bí thư T.Ư đã ban hành chỉ thị.",
        "Ban Bí thư T.Ư",
        "Ban Bí thư Trung ương Đảng",
        "Ban Bí thư",
        "central",
        None,
    ),
    ("Ban Bí thư TW yêu cầu các cấp ủy.", "Ban Bí thư TW", "Ban Bí thư Trung ương Đảng", "Ban Bí thư", "central", None),
    ("Ban Tuyên giáo T.Ư tổ chức hội nghị.", "Ban Tuyên giáo T.Ư", "Ban Tuyên giáo Trung ương", "Ban", "central", None),
    (
        "Ủy ban Kiểm tra TƯ kết luận vi phạm.",
        "Ủy ban Kiểm tra TƯ",
        "Ủy ban Kiểm tra Trung ương",
        "Ủy ban",
        "central",
        None,
    ),
    # central Party organs named in full
    (
        "Đảng ủy Khối các cơ quan Trung ương tổ chức hội nghị.",
        "Đảng ủy Khối các cơ quan Trung ương",
        "Đảng ủy Khối các cơ quan Trung ương",
        "Đảng ủy",
        "central",
        None,
    ),
    (
        "Đại diện Đảng ủy Khối Doanh nghiệp Trung ương dự họp.",
        "Đảng ủy Khối Doanh nghiệp Trung ương",
        "Đảng ủy Khối Doanh nghiệp Trung ương",
        "Đảng ủy",
        "central",
        None,
    ),
    ("Ban Nội chính T.Ư kiểm tra.", "Ban Nội chính T.Ư", "Ban Nội chính Trung ương", "Ban", "central", None),
    # lower-case words inside board names
    (
        "Ban chỉ đạo quốc gia về CNTT đã họp.",
        "Ban chỉ đạo quốc gia về CNTT",
        "Ban Chỉ đạo quốc gia về Công nghệ thông tin",
        "Ban",
        "central",
        None,
    ),
    (
        "Ban điều hành Đề án 112 (BĐH 112) đã họp.",
        "Ban điều hành Đề án 112",
        "Ban Điều hành Đề án 112",
        "Ban",
        "province",
        None,
    ),
    # a lower-case name goes on after "và"
    (
        "Trung tâm Nghiên cứu và phát triển nông nghiệp công nghệ cao tổ chức hội thảo." + BD,
        "Trung tâm Nghiên cứu và phát triển nông nghiệp công nghệ cao",
        "Trung tâm Nghiên cứu và phát triển nông nghiệp công nghệ cao tỉnh Bình Định",
        "Trung tâm",
        "province",
        "Bình Định",
    ),
]


def _agency_with(report: Report, mention: str) -> Agency:
    for a in report.agencies:
        if any(m.text == mention for m in a.mentions):
            return a
    raise AssertionError(
        f"no agency mention {mention!r}; got {[(a.name, [m.text for m in a.mentions]) for a in report.agencies]}"
    )


def _check_offsets(text: str, report: Report) -> None:
    for a in report.agencies:
        for m in a.mentions:
            assert text[m.start : m.end] == m.text, (a.name, m)


@pytest.mark.parametrize(("text", "mention", "name", "kind", "level", "province"), CASES, ids=[c[1] for c in CASES])
def test_canonical_agency(text: str, mention: str, name: str, kind: str, level: str, province: str | None) -> None:
    r = vnreport.extract(text)
    _check_offsets(text, r)
    a = _agency_with(r, mention)
    assert a.name.casefold() == name.casefold()
    assert a.kind == kind
    assert a.level == level
    assert a.province == province


# ------------------------------------------------------------------ one object per organisation
SAME = [
    (
        "Sở TT&TT Hậu Giang tổ chức hội nghị. Sở Thông tin và Truyền thông Hậu Giang phối hợp cùng Ban "
        "Tuyên giáo. Sở Thông tin và Truyền thông đã cấp giấy phép.",
        ["Sở TT&TT Hậu Giang", "Sở Thông tin và Truyền thông Hậu Giang", "Sở Thông tin và Truyền thông"],
    ),
    (
        "Sở TT&TT Thái Nguyên tổng kết năm 2009. Năm 2009, Sở đã hoàn thành xuất sắc nhiệm vụ. "
        "Đồng chí giao nhiệm vụ cho Sở tiếp tục triển khai. Sở TT&TT Thái Nguyên quyết tâm.",
        ["Sở TT&TT Thái Nguyên", "Sở", "Sở", "Sở TT&TT Thái Nguyên"],
    ),
    (
        "Phối hợp với Viện Công nghệ Viễn thông TP. Hồ Chí Minh hoàn chỉnh phần mềm. Viện Công nghệ "
        "Viễn thông đã bàn giao.",
        ["Viện Công nghệ Viễn thông TP. Hồ Chí Minh", "Viện Công nghệ Viễn thông"],
    ),
    (
        "Bộ Giáo dục và Đào tạo (GDĐT) tổ chức hội nghị. Bộ GD&ĐT hướng dẫn. Bộ GDĐT sẽ tổng hợp.",
        ["Bộ Giáo dục và Đào tạo", "Bộ GD&ĐT", "Bộ GDĐT"],
    ),
    (
        "Vụ trưởng Vụ Xuất nhập khẩu. Chuyên viên Vụ Xuất nhập khẩu dự thảo thông báo.",
        ["Vụ Xuất nhập khẩu", "Vụ Xuất nhập khẩu"],
    ),
    (
        "Bộ Lao động - Thương binh và Xã hội triển khai. Bộ Chính trị ban hành Nghị quyết 57. "
        "Các đơn vị thuộc Bộ cần thực hiện. Lãnh đạo Bộ cho biết.",
        ["Bộ Lao động - Thương binh và Xã hội", "Bộ", "Bộ"],
    ),
    ("Ban Bí thư T.Ư ban hành chỉ thị. Ban Bí thư yêu cầu các cấp thực hiện.", ["Ban Bí thư T.Ư", "Ban Bí thư"]),
    (
        "Ban điều hành Đề án 112 (BĐH 112) đã họp. BĐH 112 yêu cầu các bộ báo cáo.",
        ["Ban điều hành Đề án 112", "BĐH 112", "BĐH 112"],
    ),
    (
        "Trung tâm Quốc tế khoa học và giáo dục liên ngành (ICISE) tại Quy Nhơn. Trung tâm ICISE tổ chức "
        "hội thảo. ICISE là nơi gặp gỡ.",
        ["Trung tâm Quốc tế khoa học và giáo dục liên ngành", "ICISE", "Trung tâm ICISE", "ICISE"],
    ),
]


@pytest.mark.parametrize(("text", "mentions"), SAME, ids=[m[0] for _, m in SAME])
def test_one_agency_per_organisation(text: str, mentions: list[str]) -> None:
    r = vnreport.extract(text)
    _check_offsets(text, r)
    a = _agency_with(r, mentions[0])
    assert [m.text for m in a.mentions] == mentions


# ------------------------------------------------------------------ traps: not agencies
NOT_AGENCIES = [
    ("Lãnh đạo các sở, ban, ngành và các huyện dự họp.", None),
    ("Tham dự có đại diện UBND các huyện, thị xã, thành phố.", None),
    ("Bầu cử đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2011 - 2016.", None),
    ("Công ty CP Becamex Bình Định đầu tư khu công nghiệp.", None),
    ("Nghị định 43/2011/NĐ-CP của Thủ tướng Chính phủ quy định.", None),
    ("Tiến tới xây dựng Chính phủ điện tử trên địa bàn.", None),
    ("Hội nghị tổng kết và Hội thảo khoa học diễn ra sáng nay.", None),
    ("Mục tiêu của năm 2016 là thực hiện nhiệm vụ CNTT.", None),
    ("Xuất khẩu hàng dệt may sang thị trường Mỹ tăng.", None),
    ("Triển lãm tư liệu về Hoàng Sa, Trường Sa.", None),
    ("Lý Tiết Hạnh - Tỉnh ủy viên, Phó Trưởng đoàn.", None),
    ("Cán bộ, công chức theo Bộ tiêu chí huyện nông thôn mới.", None),
    ("Ông Nguyễn Văn Ba cho biết cơ sở đào tạo đã sẵn sàng.", None),
    ("Bộ trưởng Bộ Y tế phát biểu.", "Bộ Y tế"),
    ("Ủy viên Ban Thường vụ Tỉnh ủy Bình Định dự lễ.", "Ban Thường vụ Tỉnh ủy Bình Định"),
    ("Đảng bộ Thành phố lãnh đạo; Đại hội XIII của Đảng.", None),
    ("Bộ Chính trị ban hành kết luận. Bộ cũng yêu cầu rà soát.", "Bộ Chính trị"),
    ("Sở Nội vụ và các sở phối hợp thực hiện.", "Sở Nội vụ"),
]


@pytest.mark.parametrize(("text", "only"), NOT_AGENCIES, ids=[t for t, _ in NOT_AGENCIES])
def test_not_an_agency(text: str, only: str | None) -> None:
    r = vnreport.extract(text)
    _check_offsets(text, r)
    assert [a.name for a in r.agencies] == ([only] if only else [])


def test_generic_plurals_are_flagged_when_asked() -> None:
    from vnreport.recognizers.agencies import AgencyRecognizer

    nlp = Pipeline(disable=["agencies"], extra_recognizers=[])
    rec = AgencyRecognizer(include_generic=True)
    nlp.add_recognizer(rec)
    doc = nlp.run(nlp.make_doc("Tham dự có Chủ tịch UBND các huyện, thị xã và thành phố."))
    found = doc.found["agencies"]
    assert [a.generic for a in found] == [True]
    assert found[0].mentions[0].text == "UBND các huyện"


# ------------------------------------------------------------------ interface for officials
def test_agency_spans_cover_mentions_inside_positions() -> None:
    text = "Phó Chủ tịch UBND tỉnh Nguyễn Thiện và Giám đốc Sở TT&TT tỉnh Phan Tấn Linh dự." + HG
    nlp = vnreport.Pipeline()
    doc = nlp.run(nlp.make_doc(text))
    spans = doc.context.agency_spans
    assert spans is not None
    assert spans == sorted(spans)
    got = {doc.text[s:e]: doc.found["agencies"][i].name for s, e, i in spans}
    assert got["UBND tỉnh"] == "Ủy ban nhân dân tỉnh Hậu Giang"
    assert got["Sở TT&TT tỉnh"] == "Sở Thông tin và Truyền thông tỉnh Hậu Giang"


# ------------------------------------------------------------------ gazetteers
def test_user_named_agency_row(tmp_path: Path) -> None:
    f = tmp_path / "agencies.tsv"
    f.write_text(
        "name\tkind\tlevel\taliases\nBan Quản lý Khu kinh tế Dung Quất\tBan\tprovince\tBQL KKT Dung Quất\n",
        encoding="utf-8",
    )
    nlp = Pipeline(gazetteers=[f])
    r = nlp("Theo BQL KKT Dung Quất, vốn đầu tư tăng.")
    assert [(a.name, a.mentions[0].text) for a in r.agencies] == [
        ("Ban Quản lý Khu kinh tế Dung Quất", "BQL KKT Dung Quất")
    ]


def test_malformed_kind_row_names_file_and_line(tmp_path: Path) -> None:
    f = tmp_path / "agency_kinds.tsv"
    f.write_text(
        "# my kinds\nkind\tforms\tcanonical\tname\tunit\tneeds\tlevel\tscope\n"
        "Cảng vụ\tCảng vụ\tCảng vụ\topen\tadmin\t-\tprovince\tnone\textra\tcells\n",
        encoding="utf-8",
    )
    with pytest.raises(GazetteerError, match=r"agency_kinds\.tsv:3"):
        Pipeline(gazetteers=[f])


def test_missing_required_column_names_file_and_line(tmp_path: Path) -> None:
    f = tmp_path / "agency_fields.tsv"
    f.write_text("# fields\nname\tvariants\nThủy lợi\tTL\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"agency_fields\.tsv:2.*field"):
        Pipeline(gazetteers=[f])


# ------------------------------------------------------------------ robustness
@pytest.mark.parametrize("unit", ["Ông ", "Nghị định ", "Sở ", "UBND tỉnh ", "Ban Ban Ban ", "Trung tâm Tích hợp "])
def test_long_repetitive_input_is_fast(unit: str) -> None:
    text = unit * 50_000
    t0 = time.process_time()
    r = vnreport.extract(text)
    assert time.process_time() - t0 < 30
    _check_offsets(text, r)
