"""Dates and periods (Duckling style): tables of input → typed DateMention, traps, event date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

import vnreport
from test_legal_linear import assert_linear
from vnreport.models import DateMention
from vnreport.recognizers.dates import DateRecognizer
from vnreport.text import layout
from vnreport.text.document import Doc

DATES = DateRecognizer()
D = dt.date
PUB = dt.datetime(2011, 8, 1, 9, 30)


def run(text: str, published: dt.datetime | None = None) -> tuple[list[DateMention], Doc]:
    doc = Doc(text)
    doc.layout = layout.analyse(doc)
    if published is not None:
        doc.context.published = published
    found = DATES.find(doc)
    for m in found:
        assert text[m.start : m.end] == m.text, m
    return found, doc


def typed(m: DateMention) -> tuple[str, str, str, dt.date | None, dt.date | None, bool]:
    return m.text, m.kind, m.granularity, m.date_start, m.date_end, m.inferred_year


# ---------------------------------------------------------------------------- full dates
# (text, [(text, kind, granularity, start, end, inferred_year)])
FULL = [
    ("Ngày 19/7/2011, Sở tổ chức", [("19/7/2011", "date", "day", D(2011, 7, 19), D(2011, 7, 19), False)]),
    (
        "Nghị định số 02/NĐ-CP ngày 06 tháng 01 năm 2011 của Chính phủ",
        [("06 tháng 01 năm 2011", "date", "day", D(2011, 1, 6), D(2011, 1, 6), False)],
    ),
    ("ban hành ngày 20-7-2018 về", [("20-7-2018", "date", "day", D(2018, 7, 20), D(2018, 7, 20), False)]),
    ("Ngày 10.3.2006, Hiệu trưởng", [("10.3.2006", "date", "day", D(2006, 3, 10), D(2006, 3, 10), False)]),
    ("Sáng 02/10/2009, tại hội trường", [("02/10/2009", "date", "day", D(2009, 10, 2), D(2009, 10, 2), False)]),
    (
        "(30/4/1975 – 30/4/2011)",
        [
            ("30/4/1975", "date", "day", D(1975, 4, 30), D(1975, 4, 30), False),
            ("30/4/2011", "date", "day", D(2011, 4, 30), D(2011, 4, 30), False),
        ],
    ),
    (
        "từ ngày 25/1 đến ngày 1/2/2021 tại",
        [
            ("25/1", "date", "day", D(2021, 1, 25), D(2021, 1, 25), True),
            ("1/2/2021", "date", "day", D(2021, 2, 1), D(2021, 2, 1), False),
        ],
    ),
    ("vào ngày 27-28/3/2021 vừa qua", [("27-28/3/2021", "date", "range", D(2021, 3, 27), D(2021, 3, 28), False)]),
    ("ngày 29/2/2012 và ngày 29/2/2011", [("29/2/2012", "date", "day", D(2012, 2, 29), D(2012, 2, 29), False)]),
]


@pytest.mark.parametrize(("text", "expected"), FULL)
def test_full_dates(text: str, expected: list[tuple]) -> None:
    found, _ = run(text)
    assert [typed(m) for m in found] == expected


# ---------------------------------------------------------------------------- partial dates
# (text, published, [(text, start, inferred)])
PARTIAL = [
    ("Sáng 7/12, đoàn công tác đã đến", dt.datetime(2011, 12, 9), [("7/12", D(2011, 12, 7), True)]),
    ("Tiếp đó, ngày 13.3, Đảng ủy đã có văn bản", dt.datetime(2006, 3, 20), [("13.3", D(2006, 3, 13), True)]),
    ("Chiều 22.4, lãnh đạo Sở làm việc", dt.datetime(2025, 4, 23), [("22.4", D(2025, 4, 22), True)]),
    ("sáng nay 29/4 tại Hà Nội", dt.datetime(2021, 4, 29), [("29/4", D(2021, 4, 29), True)]),
    (
        "trong đêm 29/4 và đến trưa ngày 30/4",
        dt.datetime(2021, 5, 1),
        [("29/4", D(2021, 4, 29), True), ("30/4", D(2021, 4, 30), True)],
    ),
    ("hôm 12/4, ông cho biết", dt.datetime(2021, 4, 20), [("12/4", D(2021, 4, 12), True)]),
    # a report of early January speaks of last December, one of late December of next January
    ("Ngày 30/12, Sở tổng kết", dt.datetime(2011, 1, 5), [("30/12", D(2010, 12, 30), True)]),
    ("dự kiến ngày 5/1 khai mạc", dt.datetime(2011, 12, 28), [("5/1", D(2012, 1, 5), True)]),
    ("Hội nghị giao ban tổ chức vào ngày 2-3/7, lãnh đạo", dt.datetime(2004, 7, 10), [("2-3/7", D(2004, 7, 2), True)]),
    ("(NLĐ) - Sáng nay 20-3, Hội nghị lần thứ 14 khai mạc", dt.datetime(2006, 3, 21), [("20-3", D(2006, 3, 20), True)]),
    # no page date, no stated year anywhere: a day without a year
    ("Chiều 22.4, lãnh đạo Sở làm việc", None, [("22.4", None, False)]),
]


@pytest.mark.parametrize(("text", "published", "expected"), PARTIAL)
def test_partial_dates_take_a_year(text: str, published: dt.datetime | None, expected: list[tuple]) -> None:
    found, _ = run(text, published)
    assert [(m.text, m.date_start, m.inferred_year) for m in found] == expected


def test_year_from_the_nearest_stated_date_when_the_page_has_none() -> None:
    text = "Ngày 10.3.2006, Hiệu trưởng có văn bản. Tiếp đó, ngày 13.3, Đảng ủy có văn bản."
    found, _ = run(text)
    assert [(m.text, m.date_start) for m in found] == [("10.3.2006", D(2006, 3, 10)), ("13.3", D(2006, 3, 13))]


def test_anniversary_pairs_are_no_anchor_for_the_year() -> None:
    text = "Lễ kỷ niệm Ngày giải phóng (19/4/1972 - 19/4/2025). Sáng 18/4, Huyện ủy tổ chức lễ."
    found, _ = run(text)
    assert found[-1].text == "18/4"
    assert found[-1].date_start == D(2025, 4, 18)


def test_year_from_a_stated_year_when_no_day_states_one() -> None:
    found, _ = run("Trong năm 2024, tỉnh đạt nhiều kết quả. Chiều 22.4, lãnh đạo Sở làm việc.")
    assert [(m.text, m.date_start) for m in found] == [("năm 2024", D(2024, 1, 1)), ("22.4", D(2024, 4, 22))]


# ---------------------------------------------------------------------------- periods
# (text, (text, granularity, start, end, inferred_year))
PERIODS = [
    ("sơ kết 6 tháng đầu năm 2011 của ngành", ("6 tháng đầu năm 2011", "half", D(2011, 1, 1), D(2011, 6, 30), False)),
    ("trong 6 tháng cuối năm 2011, đồng chí", ("6 tháng cuối năm 2011", "half", D(2011, 7, 1), D(2011, 12, 31), False)),
    ("kết quả 9 tháng đầu năm, tỉnh", ("9 tháng đầu năm", "period", D(2011, 1, 1), D(2011, 9, 30), True)),
    ("3 tháng đầu năm 2020", ("3 tháng đầu năm 2020", "quarter", D(2020, 1, 1), D(2020, 3, 31), False)),
    ("sáu tháng đầu năm nay", ("sáu tháng đầu năm nay", "half", D(2011, 1, 1), D(2011, 6, 30), True)),
    ("trong nửa cuối năm 2020", ("nửa cuối năm 2020", "half", D(2020, 7, 1), D(2020, 12, 31), False)),
    ("Hội nghị dân chủ quý III năm 2009", ("quý III năm 2009", "quarter", D(2009, 7, 1), D(2009, 9, 30), False)),
    ("tình hình KT-XH quý I/2025, công tác", ("quý I/2025", "quarter", D(2025, 1, 1), D(2025, 3, 31), False)),
    ("doanh thu quý 4 năm 2019", ("quý 4 năm 2019", "quarter", D(2019, 10, 1), D(2019, 12, 31), False)),
    ("trong quý II, tỉnh", ("quý II", "quarter", D(2011, 4, 1), D(2011, 6, 30), True)),
    ("tổng kết năm 2015 và", ("năm 2015", "year", D(2015, 1, 1), D(2015, 12, 31), False)),
    (
        "cải cách hành chính giai đoạn 2011 – 2015.",
        ("giai đoạn 2011 – 2015", "period", D(2011, 1, 1), D(2015, 12, 31), False),
    ),
    (
        "Hội đồng nhân dân các cấp nhiệm kỳ 2011 - 2016",
        ("nhiệm kỳ 2011 - 2016", "period", D(2011, 1, 1), D(2016, 12, 31), False),
    ),
    ("quy hoạch tỉnh thời kỳ 2021 - 2030", ("thời kỳ 2021 - 2030", "period", D(2021, 1, 1), D(2030, 12, 31), False)),
    ("hoàn thành trong năm học 2004-2005", ("năm học 2004-2005", "period", D(2004, 9, 1), D(2005, 8, 31), False)),
    ("kỷ niệm 50 năm (1975 - 2025) Ngày", ("1975 - 2025", "period", D(1975, 1, 1), D(2025, 12, 31), False)),
    ("3.382 giờ từ tháng 6/2011, Đài", ("tháng 6/2011", "month", D(2011, 6, 1), D(2011, 6, 30), False)),
    ("ký ngày 14 tháng 5 năm 2018", ("14 tháng 5 năm 2018", "day", D(2018, 5, 14), D(2018, 5, 14), False)),
    ("trong tháng 6 năm 2011 tới", ("tháng 6 năm 2011", "month", D(2011, 6, 1), D(2011, 6, 30), False)),
    ("Cách đây đúng 2 năm (tháng 3.2004), nhân", ("tháng 3.2004", "month", D(2004, 3, 1), D(2004, 3, 31), False)),
    ("dự kiến diễn ra vào tháng 2 tới", ("tháng 2", "month", D(2011, 2, 1), D(2011, 2, 28), True)),
]


@pytest.mark.parametrize(("text", "expected"), PERIODS)
def test_periods(text: str, expected: tuple) -> None:
    found, _ = run(text, PUB)
    assert len(found) == 1, [m.text for m in found]
    m = found[0]
    assert (m.text, m.granularity, m.date_start, m.date_end, m.inferred_year) == expected
    assert m.kind == ("date" if expected[1] == "day" else "period")


# ---------------------------------------------------------------------------- not dates
NOT_DATES = [
    "trực 24h/24h, kiểm soát 24/24 toàn bộ vùng cách ly",
    "với 50/53 đại biểu tán thành",
    "419/419 hộ đã ký cam kết",
    "cách mạng công nghiệp 4.0 và chuyển đổi số",
    "huyện đạt 5/9 tiêu chí, có từ 2/3 tổng số đại biểu",
    "tỷ lệ 1/2.000, 1/5.000 và 1/10.000",
    "Nghị định 43/2011/NĐ-CP và Thông tư 19/2011/TT-BTTTT",
    "chi 1.000.000 đồng, 12.500 người, 3,5%",
    "đội nhà thắng 2-1, xếp thứ 22/63",
    "Điện thoại 0293.3870.123",
    "Covid-19, cúm A/H5N1 và 7-8 năm",
    "phát sóng 10 phút/tuần, 4-5 tỷ đồng/năm/tỉnh",
    "ngày 31/4 và ngày 30/2",
    "mã số 2015-2010 không hợp lệ",
    "trong 6 tháng qua, hơn 50 năm",
    "uống thuốc ngày 2-3 lần, mỗi ngày 1-2 viên",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    found, _ = run(text, PUB)
    assert found == [], [m.text for m in found]


# ---------------------------------------------------------------------------- claims
@pytest.mark.parametrize(
    "phrase", ["6 tháng đầu năm", "quý III", "19/7/2011", "giai đoạn 2011 - 2015", "năm 2015", "sáng 7/12"]
)
def test_dates_and_periods_are_claimed(phrase: str) -> None:
    text = f"Báo cáo kết quả {phrase}, tỉnh chi 1.234 tỷ đồng, 50/53 đại biểu."
    _, doc = run(text, PUB)
    s = text.index(phrase)
    assert doc.claimed(s, s + len(phrase)) == "date"
    for figure in ("1.234", "50/53"):
        s = text.index(figure)
        assert doc.claimed(s, s + 5) is None, figure


# ---------------------------------------------------------------------------- event date
# (text, published, event_date)
EVENT = [
    (
        "Tin hoạt động Sở\n\n(Mic.gov.vn) - Sở vừa tổ chức Hội nghị triển khai Nghị định 43/2011/NĐ-CP.\n\n"
        "Ngày 19/7/2011, Sở Thông tin và Truyền thông phối hợp tổ chức Hội nghị.\n",
        None,
        D(2011, 7, 19),
    ),
    (
        "Sở tổng kết năm 2009\n\nSáng 02/10/2009, Sở Thông tin và Truyền thông tổ chức Hội nghị dân chủ.\n",
        None,
        D(2009, 10, 2),
    ),
    (
        "Gặp mặt cán bộ\n\n(BĐ) - Nhân kỷ niệm 50 năm Ngày giải phóng (30.4.1975 - 30.4.2025), sáng 22.4, Ban Tuyên "
        "giáo tổ chức gặp mặt.\n",
        None,
        D(2025, 4, 22),
    ),
    (
        "Ngày 29/4, Bộ Giáo dục và Đào tạo tổ chức hội nghị triển khai Nghị định 116/2020/NĐ-CP.\nNội dung.\n",
        dt.datetime(2021, 4, 30),
        D(2021, 4, 29),
    ),
    # no date opens the lead: the first stated date that is not a signing date
    (
        "Hội nghị triển khai văn bản\n\nSở triển khai Nghị định số 43/2011/NĐ-CP ngày 13/6/2011 của Chính phủ. "
        "Hội nghị diễn ra ngày 19/7/2011 tại hội trường.\n",
        None,
        D(2011, 7, 19),
    ),
    ("Tiêu đề bài\n\nNội dung không có ngày tháng cụ thể nào.\n", None, None),
]


@pytest.mark.parametrize(("text", "published", "event"), EVENT)
def test_event_date(text: str, published: dt.datetime | None, event: dt.date | None) -> None:
    _, doc = run(text, published)
    assert doc.context.event_date == event


def test_signing_dates_of_every_type_word_of_the_doc_types_table() -> None:
    # The citation before a signing date is read with the doc_types table's type words.
    text = "Tiêu đề bài viết\n\nTheo {word} 125 ngày 25/3/2020 của Sở, các đơn vị triển khai.\n"
    for word in ("Thông báo", "Tờ trình", "Pháp lệnh", "Công điện"):
        assert vnreport.extract(text.format(word=word)).event_date is None, word
    assert vnreport.extract(text.format(word="Quyết nghị")).event_date == D(2020, 3, 25)
    row = {"doc_type": "Quyết nghị", "category": "hanh_chinh", "words": "quyết nghị", "bare_number": "always"}
    nlp = vnreport.Pipeline(gazetteers=[{"doc_types": [row]}])
    assert nlp(text.format(word="Quyết nghị")).event_date is None


def test_report_carries_dates_and_event_date() -> None:
    text = "Sở tổng kết năm 2009\n\nSáng 02/10/2009, Sở tổ chức Hội nghị dân chủ quý III năm 2009.\n"
    r = vnreport.extract(text)
    assert r.event_date == D(2009, 10, 2)
    assert [d.text for d in r.dates] == ["năm 2009", "02/10/2009", "quý III năm 2009"]
    for _, span in r.spans():
        assert text[span.start : span.end] == span.text


def test_boilerplate_dates_are_skipped() -> None:
    text = "Tiêu đề bài viết về hội nghị\nNgày 19/7/2011, Sở tổ chức Hội nghị.\nBộ Nông nghiệp tìm cách ổn định giá(09/06/2005)\n"
    found, _ = run(text)
    assert [m.text for m in found] == ["19/7/2011"]


@pytest.mark.parametrize(
    "unit",
    [
        "1.000.",
        "Nghị định ",
        "ngày 1/",
        "sáng 7/12, ",
        "năm 2011 - ",
        "quý I/",
        "(2011-",
        "Nghị định 43 ngày 1/1/2011 ",
    ],
)
def test_hostile_repetitions_run_in_linear_time(unit: str) -> None:
    def make(k: int) -> Callable[[], object]:
        text = unit * k
        return lambda: DATES.find(Doc(text))

    assert_linear(make, 2000 // len(unit) + 1)


RUN_SHAPES = [
    "Tiêu đề\n\nNgày 19/7/2011{run}x",  # the lead's opening date, then what follows it
    "Tiêu đề\n\nSáng 19/7/2011{run}tại Sở",
    "Tiêu đề\n\nTheo Nghị định 43/2011/NĐ-CP{run}ngày 1/2/2011, ",  # a signing date
    "Tiêu đề\n\nTheo Nghị định 43/2011/NĐ-CP{run}x ngày 1/2/2011, ",
    "Tiêu đề\n\nTheo Nghị định 43 của{run}x ngày 1/2/2011, ",
    "Tiêu đề\n\nsáng{run}7/12 và tháng{run}6/2011",
]


@pytest.mark.parametrize("shape", RUN_SHAPES)
@pytest.mark.parametrize("run", ["\n", "\x1c", " \n"], ids=["lf", "fs", "sp-lf"])
def test_runs_of_white_space_around_dates_run_in_linear_time(shape: str, run: str) -> None:
    def make(k: int) -> Callable[[], object]:
        text = shape.format(run=run * k)
        return lambda: DATES.find(Doc(text))

    assert_linear(make, 100)
