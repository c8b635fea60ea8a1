"""Figure semantics through the whole pipeline: one figure per compound amount and per range,
change and its base, the rate's denominator, period and as-of dates from the dates found, and
the failure classes seen on reports of other publishers (leading zeros, office-holders, slash
nouns, fractions of amounts, text that is not Vietnamese)."""

from __future__ import annotations

import datetime as dt

import pytest

import vnreport
from vnreport.models import Metric

DATELINE = "Thứ ba, 25/06/2024 16:27\n"


def figures(text: str) -> list[Metric]:
    report = vnreport.extract(text)
    for m in report.metrics:
        assert text[m.start : m.end] == m.text
    return report.metrics


# (text, [(value, unit)]): the failure classes, each with a trap
VALUES = [
    ("với tổng số tiền 566 tỷ 384 triệu đồng", [(566_384e6, "VND")]),
    ("hỗ trợ 2 triệu 500 nghìn đồng mỗi hộ", [(2_500_000, "VND")]),
    ("chi 2 tỷ, 300 triệu đồng còn lại để dự phòng", [(2e9, "VND"), (300e6, "VND")]),  # a comma: two
    ("Đoàn đã tổ chức 02 cuộc kiểm tra.", [(2, "cuộc kiểm tra")]),
    ("có nhiệm kỳ 05 năm và được xem xét bổ nhiệm lại", [(5, "năm")]),
    ("Hội có 5 Phó Chủ tịch và 3 Ủy viên.", [(5, "Phó Chủ tịch"), (3, "Ủy viên")]),
    ("bầu 5 Phó Chủ tịch LĐLĐ tỉnh gồm các đồng chí", [(5, "Phó Chủ tịch")]),
    ("Quân khu 5 Phó Chủ tịch", []),  # still a name
    ("huyện Thanh Miện với 2 Huy chương vàng, 1 HCB", [(2, "Huy chương vàng"), (1, "HCB")]),
    ("có 2 đ/c được tặng Huy hiệu", [(2, "đ/c")]),
    ("giá 50.000 đ/kg", [(50_000, "VND")]),
    ("đã chi trả 923,835/1.010 tỷ đồng", [(923_835e6, "VND"), (1_010e9, "VND")]),
    ("cắt giảm 6.776/9.956 thủ tục hành chính", [(6776, "thủ tục"), (9956, "thủ tục")]),
    ("Ngày 19/7/2011 có 5 người", [(5, "người")]),  # a date stays a date
    ("chỉ trong gần 10 tháng qua, dù khó", [(10, "tháng")]),
    ("chỉ trong vòng 1 tháng qua đã có", [(1, "tháng")]),
    ("trong 6 tháng qua đạt kết quả", []),  # a period, not a duration
    ("sau khi triển khai thí điểm 6 tháng đã đáp ứng", [(6, "tháng")]),  # a pilot's duration
    ("tại điểm 3 khoản 2 Điều 5", []),  # "điểm" alone still labels an item
    ("GRDP 6 tháng ước đạt 13,26%", [(13.26, "%")]),  # "6 tháng ước …" names the half-year
    ("gần 35.700 triệu Yên", [(35_700e6, "JPY")]),
    ("khởi tố ông Tường 2 tội danh", [(2, "tội danh")]),
    ("có thể là 175 lấy 160", []),
    ("On 19 July 2020, the 5 ministers met in Hanoi.", []),
    ("The report (page 12 of 40) was published by the ministry.", []),
]


@pytest.mark.parametrize(("text", "expected"), VALUES)
def test_values(text: str, expected: list[tuple[float, str]]) -> None:
    got = [(m.value, m.unit) for m in figures(text)]
    assert got == [(pytest.approx(v), u) for v, u in expected]


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"),
    [
        ("Tỷ lệ tăng trưởng 34 - 36%.", 34, 36, None),
        ("lãi suất từ 16 đến 17% mỗi năm", 16, 17, None),
        ("khoảng 6 – 6,5% trong năm", 6, 6.5, "approx"),
        ("phạt từ 100 - 200 ngàn đồng", 100_000, 200_000, None),
    ],
)
def test_a_range_is_one_figure(text: str, low: float, high: float, qualifier: str | None) -> None:
    (m,) = figures(text)
    assert (m.value, m.low, m.high, m.qualifier) == (low, low, high, qualifier)


@pytest.mark.parametrize(
    ("text", "change", "base"),
    [
        ("Doanh thu tăng 157% so với cùng kỳ.", "increase", "cùng kỳ"),
        ("Số doanh nghiệp giảm 27,4% so với tháng 5, trong khi vốn tăng.", "decrease", "tháng 5"),
        ("So với cùng kỳ năm trước, số doanh nghiệp tăng 44%.", "increase", "cùng kỳ năm trước"),
        ("cắt giảm 50 thủ tục hành chính", "decrease", None),
        ("Lãi suất cao hơn 5% so với năm 2023.", "increase", "năm 2023"),
        ("Tỷ lệ hộ nghèo là 5% so với cả nước.", None, None),  # a level: no change, no base
        ("tăng trưởng 14% trong năm", None, None),  # a growth rate stated as a level
    ],
)
def test_change_and_base(text: str, change: str | None, base: str | None) -> None:
    (m,) = figures(text)
    assert (m.change, m.change_base) == (change, base)
    assert m.value > 0  # a decrease keeps a positive value


def test_the_whole_of_a_fraction_is_no_change() -> None:
    part, whole = figures("Nước ta đã cắt giảm 6.776/9.956 thủ tục hành chính.")
    assert (part.change, whole.change) == ("decrease", None)


def test_cao_hon_is_a_change_not_an_over_qualifier() -> None:
    (m,) = figures("Lãi suất cao hơn 5%.")
    assert (m.qualifier, m.change) == (None, "increase")


@pytest.mark.parametrize(
    ("text", "unit", "per"),
    [
        ("mức trợ cấp 350.000 đồng/tháng", "VND", "tháng"),
        ("khoảng 8.000 tỷ đồng/năm", "VND", "năm"),
        ("lệ phí 100.000 đồng/hồ sơ", "VND", "hồ sơ"),
        ("tập thể dục 10 phút/tuần", "phút/tuần", "tuần"),  # a count keeps the rate as its unit
        ("năng suất 60 tạ/ha", "tạ/ha", "ha"),
        ("thành lập hơn 25.000 doanh nghiệp mỗi năm", "doanh nghiệp", "năm"),
        ("có 25.000 doanh nghiệp hàng hóa", "doanh nghiệp", None),  # "hàng" + a noun is no rate
    ],
)
def test_rate_denominator(text: str, unit: str, per: str | None) -> None:
    m = figures(text)[0]
    assert (m.unit, m.per) == (unit, per)


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("Trong 6 tháng đầu năm 2024, thu ngân sách đạt 500 tỷ đồng.", "2024-01-01", "2024-06-30"),
        ("Chỉ tính riêng năm 2024, tỉnh có 3 dự án mới, gấp đôi năm 2023.", "2024-01-01", "2024-12-31"),
        ("Quý 2/2020 xuất khẩu tăng 5%.", "2020-04-01", "2020-06-30"),
        ("Tháng 6, giá tiêu dùng giảm 3%.", "2024-06-01", "2024-06-30"),  # year from the report's date
        ("Trong năm, tỉnh có 4 dự án mới.", "2024-01-01", "2024-12-31"),
        ("Từ đầu năm đến nay, đã cắt giảm 50 thủ tục.", "2024-01-01", "2024-06-25"),
    ],
)
def test_period_from_the_dates_found(sentence: str, start: str, end: str) -> None:
    (m,) = figures(DATELINE + sentence)
    assert (m.period_start, m.period_end) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))


@pytest.mark.parametrize(
    ("sentence", "as_of"),
    [
        ("Đến ngày 17.4, tỉnh đã thu hút 36 dự án.", "2024-04-17"),
        ("Tính đến hết tháng 6/2020, có 5 doanh nghiệp.", "2020-06-30"),
        ("Đến nay, tỉnh có 25.000 doanh nghiệp.", "2024-06-25"),
        ("Tỉnh có 25.000 doanh nghiệp.", None),
    ],
)
def test_as_of(sentence: str, as_of: str | None) -> None:
    (m,) = figures(DATELINE + sentence)
    assert m.as_of == (dt.date.fromisoformat(as_of) if as_of else None)
    if as_of:
        assert m.period_start is None  # the as-of date is not also the period


def test_new_fields_default_to_none_for_old_callers() -> None:
    m = Metric(start=0, end=3, text="5 %", value=5, unit="%")
    assert (m.change, m.change_base, m.as_of, m.period_start, m.period_end, m.per, m.low, m.high) == (None,) * 8


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Luật Lao động quy định giá tiêu dùng tăng 10%.", "giá tiêu dùng"),  # after the reporting verb
        ("Chỉ số sản xuất công nghiệp (IIP) tăng 21,08%; kim ngạch tăng.", "Chỉ số sản xuất công nghiệp (IIP)"),
        ("Năm 2024, kinh phí hỗ trợ chủ tàu cá hơn 23 tỷ đồng.", "kinh phí hỗ trợ chủ tàu cá"),  # no link verb
        ("Tại Hà Tĩnh, tiền chưa thực hiện chi trả khoảng 248 tỷ đồng.", "tiền chưa thực hiện chi trả"),
        ("Doanh thu đạt 12.575 tỷ đồng, tăng 1.793 tỷ đồng (tăng 16%) so với năm 2018.", "Doanh thu"),
        ("Hội có 33.800 thương binh.", "thương binh"),  # a count is of its noun
        ("có 20 người được đề nghị tặng thưởng huân chương.", "người được đề nghị tặng thưởng huân chương"),
    ],
)
def test_subject_read_from_the_clause(text: str, subject: str) -> None:
    assert figures(text)[-1].subject == subject


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("mức lương tối thiểu 350.000 đồng/tháng", None),  # the minimum wage is a level
        ("lãi suất tối đa 6%/năm", None),
        ("cán bộ nữ đạt tối thiểu 15%", "at_least"),
        ("thời gian xử lý tối đa 10 ngày", "at_most"),
        ("giá xấp xỉ 20%", "approx"),
    ],
)
def test_a_bound_after_a_noun_is_part_of_the_noun(text: str, qualifier: str | None) -> None:
    assert figures(text)[0].qualifier == qualifier
