"""The metrics recogniser, Duckling style: tables of (text → figures) per pattern family.

Each row runs the recogniser alone on a short report-like sentence (so that these tests do not
depend on the date and legal recognisers) and checks every figure found, in order, as
``(value, unit, qualifier)``; every figure must satisfy ``text[start:end] == metric.text``.
"""

from __future__ import annotations

import time
import unicodedata
from pathlib import Path

import pytest

from vnreport.lexicon.gazetteers import Gazetteers
from vnreport.models import Metric
from vnreport.recognizers.metrics import MetricRecognizer
from vnreport.text.document import Doc

GAZ_DIR = Path(__file__).resolve().parents[1] / "data" / "gazetteers"
TABLES = ("units", "scale_words", "metric_qualifiers", "number_labels", "counted_nouns", "figure_words", "stop_words")

Expected = tuple[float, str, str | None]


@pytest.fixture(scope="module")
def gaz() -> Gazetteers:
    return Gazetteers.load(*(GAZ_DIR / f"{t}.tsv" for t in TABLES), bundled=False)


@pytest.fixture(scope="module")
def rec(gaz: Gazetteers) -> MetricRecognizer:
    r = MetricRecognizer()
    r.setup(gaz)
    return r


def run(rec: MetricRecognizer, text: str, doc: Doc | None = None) -> list[Metric]:
    doc = doc or Doc(text)
    found = rec.find(doc)
    for m in found:
        assert text[m.start : m.end] == m.text, (m, text)
    return found


def check(rec: MetricRecognizer, text: str, expected: list[Expected]) -> list[Metric]:
    found = run(rec, text)
    got = [(m.value, m.unit, m.qualifier) for m in found]
    assert len(got) == len(expected), got
    for (gv, gu, gq), (ev, eu, eq) in zip(got, expected, strict=True):
        assert gv == pytest.approx(ev, rel=1e-9), got
        assert gu == eu, got
        assert gq == eq, got
    return found


PERCENT = [
    ("Hiện 100% cán bộ công chức cấp tỉnh được trang bị máy tính.", [(100, "%", None)]),
    ("47,9% viên chức của các đơn vị trực thuộc", [(47.9, "%", None)]),
    ("Đến nay, trên 85% văn bản điện tử trao đổi trên mạng.", [(85, "%", "over")]),
    ("ở cấp huyện là 67,4%.", [(67.4, "%", None)]),
    ("khoảng 70% cán bộ, công chức sử dụng", [(70, "%", "approx")]),
    ("tăng 11,79% so với cùng kỳ, đạt 16,97% kế hoạch năm 2025.", [(11.79, "%", None), (16.97, "%", "reached")]),
    ("Trên 50% Bí thư, Chủ tịch UBND cấp xã", [(50, "%", "over")]),
    ("đạt tối thiểu 15%, cán bộ nữ đạt tối thiểu 15%;", [(15, "%", "at_least"), (15, "%", "at_least")]),
    ("từ 90% trở lên hồ sơ công việc tại cấp tỉnh", [(90, "%", "at_least")]),
    ("mức tăng học phí không quá 10% đối với giáo dục mầm non", [(10, "%", "at_most")]),
    ("chiếm 0,55% tổng số", [(0.55, "%", None)]),
    ("giảm 5 phần trăm", [(5, "%", None)]),
    ("giảm 1,2 điểm phần trăm so với năm 2022", [(1.2, "điểm phần trăm", None)]),
    ("tỷ lệ dưới 50% số phiếu", [(50, "%", "under")]),
    ("đạt bình quân 7 - 7,2%/năm.", [(7, "%", None)]),  # one range: low 7, high 7.2
]

MONEY = [
    ("với tổng giá trị gần 4 tỷ đồng, phấn đấu khai trương", [(4e9, "VND", "approx")]),
    ("tổng thu ngân sách đạt trên 16.500 tỷ đồng.", [(16_500e9, "VND", "over")]),
    ("tổng vốn 13.596 tỷ đồng", [(13_596e9, "VND", None)]),
    ("đạt 655,44 tỷ đồng, tăng", [(655.44e9, "VND", "reached")]),
    ("hỗ trợ 1,5 triệu USD cho dự án", [(1.5e6, "USD", None)]),
    ("thu nhập 40 triệu đồng/năm", [(40e6, "VND", None)]),
    ("không quá 200.000 đồng/người/tháng.", [(200_000, "VND", "at_most")]),
    ("hỗ trợ 200.000 đồng/người/khoá học", [(200_000, "VND", None)]),
    ("tỉnh bỏ thêm 750 triệu đồng để tăng số vốn", [(750e6, "VND", None)]),
    ("chi phí là 13.000đ; nội trú khoảng 87.600 đồng.", [(13_000, "VND", None), (87_600, "VND", "approx")]),
    ("giá 5.000 VNĐ mỗi kg", [(5000, "VND", None)]),
    ("phạt tiền từ 100 - 200 ngàn đồng và buộc", [(1e5, "VND", None)]),
    ("tối đa 4-5 tỷ đồng/năm/tỉnh, trong khi", [(4e9, "VND", "at_most")]),
    ("kết dư 2 nghìn tỷ đồng", [(2e12, "VND", None)]),
    ("kinh phí 1,2 tỉ đồng", [(1.2e9, "VND", None)]),
    ("Nhà nước phải chi 2.000 tỷ, tăng 26,5%", [(2e12, "VND", None), (26.5, "%", None)]),
    ("kim ngạch xuất khẩu đạt 1,2 tỷ USD", [(1.2e9, "USD", "reached")]),
    ("giá 1.200 USD/tấn", [(1200, "USD", None)]),
    ("thu nhập bình quân 10 triệu/tháng.", [(1e7, "VND", None)]),
]

COUNTS = [
    ("Báo đã phát hành được 72 kỳ với gần 270.000 tờ;", [(72, "kỳ", None), (270_000, "tờ", "approx")]),
    ("trao bằng khen cho 2 tập thể và 3 cá nhân có thành tích", [(2, "tập thể", None), (3, "cá nhân", None)]),
    ("gần 8.300 sản phẩm tin bài các loại phản ánh", [(8300, "sản phẩm", "approx")]),
    ("cùng 104 đại biểu nguyên là cán bộ", [(104, "đại biểu", None)]),
    ("Đến nay đã truy vết được 34 F1, đã lấy mẫu", [(34, "F1", None)]),
    ("toàn tỉnh có 62 HTX hợp tác với 3 DN khác", [(62, "HTX", None), (3, "DN", None)]),
    ("ghi nhận 2 caCovid-19(BN2912 và BN2913)", [(2, "ca", None)]),
    ("sẽ được thu hút vào 14 cụm thủ công nghiệp xa đô thị.", [(14, "cụm thủ công nghiệp", None)]),
    ("có 298 hộ xây nhà mới", [(298, "hộ", None)]),
    ("hơn 5.000 giáo viên, trong khi", [(5000, "giáo viên", "over")]),
    ("phối hợp với 5 giáo viên Trường Trung cấp", [(5, "giáo viên", None)]),
    ("giãn cách xã hội 2 thôn (Hoàng Các và Nại Khê)", [(2, "thôn", None)]),
    ("Ban chỉ đạo có tới 3 đồng chí phó ban.", [(3, "đồng chí phó ban", None)]),
    ("trong tổng số 400.000 lao động chỉ có 16,7% đã qua đào tạo", [(400_000, "lao động", None), (16.7, "%", None)]),
    ("mỗi năm 700 người đi xuất khẩu lao động", [(700, "người", None)]),
    ("Có 3 trong số 5 dự án bị chậm tiến độ.", [(5, "dự án", None)]),
    ("Tổng cộng có 1.2 triệu người dân", [(1.2e6, "người", None)]),
    ("tạo việc làm cho 1,5 triệu người lao động", [(1.5e6, "người", None)]),
    ("thành lập mới từ 15 - 20 HTX hoạt động", [(15, "HTX", None)]),
    ("đã tổ chức 3 Hội nghị Thành ủy để kiện toàn", [(3, "Hội nghị Thành ủy", None)]),
    ("Hà Tĩnh 121 người, Nghệ An 96 người...", [(121, "người", None), (96, "người", None)]),
    ("vẫn thiếu 2 chỉ tiêu: Chưa đủ", [(2, "chỉ tiêu", None)]),
    ("tổng đàn gia súc 300.000 con", [(300_000, "con", None)]),
    ("khách lưu trú khoảng 1,3 triệu lượt, tăng 20%", [(1.3e6, "lượt", "approx"), (20, "%", None)]),
    ("vừa học vừa đào tạo được ít nhất 1 nghề cơ bản", [(1, "nghề cơ bản", "at_least")]),
]

FRACTIONS = [
    ("với 419/419 hộ dân thuộc diện được hỗ trợ", [(419, "hộ dân", None), (419, "hộ dân", None)]),
    ("được 95/155 xã, phường, thị trấn trên địa bàn", [(95, "xã", None), (155, "xã", None)]),
    ("50/53 đại biểu tán thành", [(50, "đại biểu", None), (53, "đại biểu", None)]),
    ("xã Phước An chỉ đạt 16/19 tiêu chí, còn thiếu", [(16, "tiêu chí", "reached"), (19, "tiêu chí", None)]),
]

MEASURES = [
    ("diện tích 100 ha gắn với chuỗi liên kết", [(100, "ha", None)]),
    ("DN mua 674,573 tấn lúa giống", [(674.573, "tấn", None)]),
    ("với tỷ lệ 1 kg lúa giống bằng 1,3 kg lúa thịt.", [(1, "kg", None), (1.3, "kg", None)]),
    ("DN đã mua hơn 675.800 kg lúa giống", [(675_800, "kg", "over")]),
    ("tổng diện tích tự nhiên 606.640 ha, đến nay, hơn 565.339 ha", [(606_640, "ha", None), (565_339, "ha", "over")]),
    ("với diện tích 1.137m2 đã được xây dựng", [(1137, "m2", None)]),
    ("nền đường lún hơn 1 mét đến hầm chui", [(1, "m", "over")]),
    ("cách đây khoảng 3 - 4km, còn cụ thể", [(3, "km", "approx")]),
    ("nhà máy điện mặt trời 50 MW", [(50, "MW", None)]),
    ("năng suất đạt 60 tạ/ha.", [(60, "tạ/ha", "reached")]),
    ("hỗ trợ 0,5 tấn xi măng/hộ", [(0.5, "tấn", None)]),
    ("sản lượng lúa đạt 1,2 triệu tấn", [(1.2e6, "tấn", "reached")]),
    ("nhiệt độ lên tới 35 độ C", [(35, "°C", None)]),
    ("công suất xử lý 500 m3/ngày đêm;", [(500, "m3/ngày đêm", None)]),
]

DURATIONS_AND_RATES = [
    ("Đài thực hiện 3.382 giờ đặc biệt", [(3382, "giờ", None)]),
    ("phát sóng gần 3.700 giờ với", [(3700, "giờ", "approx")]),
    ("thời lượng phát sóng 10 phút/tuần đã góp phần", [(10, "phút/tuần", None)]),
    ("năng lực xét nghiệm khoảng 600 mẫu/ngày.", [(600, "mẫu/ngày", "approx")]),
    ("trong thời hạn 30 ngày kể từ ngày kết thúc", [(30, "ngày", None)]),
    ("Sau 2 năm học, khi tốt nghiệp", [(2, "năm học", None)]),
    ("chỉ trong 28 ngày đêm liên tục chiến đấu", [(28, "ngày đêm", None)]),
    ("giám sát chặt chẽ đủ 14 ngày các đối tượng", [(14, "ngày", "exact")]),
    ("giới thiệu việc làm trong 6 tháng, nếu không", [(6, "tháng", None)]),
    ("kéo dài suốt 21 năm đầy gian lao", [(21, "năm", None)]),
    ("người ứng cử dưới 35 tuổi là 25,9%", [(35, "tuổi", "under"), (25.9, "%", None)]),
    ("Người đã nuôi giấu cán bộ, 2 lần bị địch bắt giữ", [(2, "lần", None)]),
    ("số lần khám bình quân là 0,78 lần/năm", [(0.78, "lần/năm", None)]),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    PERCENT + MONEY + COUNTS + FRACTIONS + MEASURES + DURATIONS_AND_RATES,
)
def test_figures(rec: MetricRecognizer, text: str, expected: list[Expected]) -> None:
    check(rec, text, expected)


# Shapes that must give no figure at all, whatever the other recognisers claimed.
NOT_FIGURES = [
    "Ngày 19/7/2011, Sở tổ chức hội nghị",
    "sáng 22.4, Ban Tuyên giáo tổ chức gặp mặt",
    "thống nhất đất nước (30.4.1975 - 30.4.2025), sáng nay",
    "9:30, Thứ Sáu, 20-7-2018",
    "Thứ hai, 25/01/2010 16:27",
    "Nghị định số 02/NĐ-CP ngày 06 tháng 01 năm 2011 của Chính phủ",
    "Trong năm 2015, công tác quản lý có nhiều đổi mới",
    "giai đoạn 2011 – 2015 theo hướng dẫn",
    "năm học 2021-2022 không được vượt quá",
    "triển khai Nghị định 43/2011/NĐ-CP của Thủ tướng",
    "Quyết định số 1182/QĐ-UBND ngày",
    "Nghị quyết số 66-NQ/TW ngày",
    "Nghị quyết 11/NQ-CP của Chính phủ",
    "theo Chỉ thị số 16 của Thủ tướng Chính phủ",
    "ban hành thông tư số 65 hướng dẫn thực hiện",
    "thông tư liên tịch 02/2003 giữa Bộ Thương mại",
    "cuộc thi viết thư UPU quốc tế lần thứ 37...",
    "Tại Hội nghị lần thứ 4, Ban Chấp hành",
    "tiêm vắc xin đợt 2 cho các đối tượng",
    "Chủ tịch UBND tỉnh (thứ 2 từ trái sang) tặng hoa",
    "các cựu chiến binh Sư đoàn 3 Sao Vàng và",
    "Đại biểu Quân khu 5, Mẹ Việt Nam Anh hùng",
    "Trong những ngày tháng 3 lịch sử, hưởng ứng",
    "6 tháng đầu năm 2011, ngành Thông tin",
    "6 tháng qua, Đài Truyền thanh các huyện",
    "triển khai nhiệm vụ 6 tháng cuối năm 2018",
    "9 tháng đầu năm 2009, Sở đạt được",
    "đến 20 giờ ngày 31 tháng 3 năm 1975, lá cờ",
    "lúc 11 giờ 47 phút ngày 16.4, tại một quán",
    "Từ 7 giờ đến 11 giờ sáng ngày 5/6",
    "từ 20h ngày 30/4, tạm dừng hoạt động",
    "duy trì hoạt động 24h/24h hàng ngày",
    "Liên hệ ĐT: 0912.345.678 hoặc 0236 3822 123",
    "hệ thống quản lý chất lượng ISO 9001:2008 vào",
    "phòng, chống dịch Covid-19 trên địa bàn",
    "do tình hình dịch bệnh Covid -19 diễn biến phức tạp",
    "xét nghiệm SARS-CoV-2, năng lực",
    "là F1 của bệnh nhân ở Hà Nam",
    "thực hiện nghiêm yêu cầu 5K.",
    "phổ cập dịch vụ mạng di động 4G/5G và",
    "Công tác đào tạo và quản lý hệ 9+ tại trường",
    "lập bản đồ địa chính tỷ lệ 1/500, 1/2.000",
    "theo hệ tọa độ VN 2.000 tại các xã",
    "các dịch vụ công mức độ 3 và 4 được tăng cường",
    "đào tạo học sinh cấp 3 tại trường",
    "năm 2018 được 300, 2019 là 396, và năm nay 2020",
    "Về phía Trung ương, ngày 2/7, liên bộ Tài chính",
    "kỉ niệm 81 năm Ngày thành lập Đảng",
    "thực hiện kiểm soát 24/24 toàn bộ vùng cách ly",
    "gồm: Vân Canh 1, Vân Canh 2 và xã Canh Liên",
    "HTX Nông nghiệp 1 Nhơn Lộc (xã Nhơn Lộc)",
    "Ban Chỉ đạo 389 Quốc gia về công tác chống buôn lậu",
    "ĐÁNH GIÁ BÀI VIẾT( 0)",
    "tại Km 25+300 Quốc lộ 1A đã xảy ra",
    "tổ chức Hội nghị ngày 2-3/7, lãnh đạo các Sở",
    "Trước đó (ngày 19-11), nguyên thứ trưởng",
    "Nghị định 86 chưa quy định",
    "đây là một trong ba khâu đột phá",  # numbers in words are optional: not read
    "",
    "2020",
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_figures(rec: MetricRecognizer, text: str) -> None:
    assert run(rec, text) == []


def test_subject_of_percentages_in_a_list(rec: MetricRecognizer) -> None:
    text = (
        "Hiện 100% cán bộ công chức cấp tỉnh, cấp huyện, 47,9% viên chức của các đơn vị trực thuộc "
        "các sở, ban, ngành cấp tỉnh, 66,67% cán bộ, công chức cấp xã được trang bị máy tính; "
        "100% sở, ban, ngành, huyện, thành phố và thị xã có mạng LAN."
    )
    subjects = [m.subject for m in run(rec, text)]
    assert subjects == [
        "cán bộ công chức cấp tỉnh, cấp huyện",
        "viên chức của các đơn vị trực thuộc các sở, ban, ngành cấp tỉnh",
        "cán bộ, công chức cấp xã",
        "sở, ban, ngành, huyện, thành phố và thị xã",
    ]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "Năm 2024, tổng thu ngân sách nhà nước của tỉnh đạt trên 16.500 tỷ đồng.",
            "tổng thu ngân sách nhà nước của tỉnh",
        ),
        ("tỷ lệ cử tri đồng ý phương án sắp xếp chiếm 96,39% tổng số cử tri.", "tỷ lệ cử tri đồng ý phương án sắp xếp"),
        ("thu ngân sách đạt trên 15.000 tỉ đồng, tăng 26,5%; thu hút đầu tư", "thu ngân sách"),
        ("kinh tế số chiếm 20% GRDP; về xã hội số", "kinh tế số"),
        ("GDP tăng 9,5% so với cùng kỳ năm trước", "GDP"),
        ("liên kết sản xuất 170 ha lúa giống TBR1.", "lúa giống TBR1"),
    ],
)
def test_subject(rec: MetricRecognizer, text: str, subject: str) -> None:
    assert run(rec, text)[-1].subject == subject


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("6 tháng đầu năm, Báo Hậu Giang đã phát hành được 72 kỳ với gần 270.000 tờ", "6 tháng đầu năm"),
        ("quý I/2025 tổng giá trị sản phẩm địa phương đạt 655,44 tỷ đồng", "quý I/2025"),
        ("Năm 2024, có 616 nông dân tham gia", "Năm 2024"),
        ("thu nhập đạt 2,4 triệu đồng trong năm 2020.", "năm 2020"),
        ("có 616 nông dân tham gia. Năm 2024 là năm bản lề", None),
    ],
)
def test_period(rec: MetricRecognizer, text: str, period: str | None) -> None:
    assert run(rec, text)[0].period == period


def test_text_includes_the_qualifier_but_not_the_verb(rec: MetricRecognizer) -> None:
    found = run(rec, "đã phát sóng gần 3.700 giờ, đạt 655,44 tỷ đồng, từ 90% trở lên hồ sơ")
    assert [m.text for m in found] == ["gần 3.700 giờ", "655,44 tỷ đồng", "từ 90% trở lên"]


def test_money_per_unit_keeps_the_rate_in_the_text_only(rec: MetricRecognizer) -> None:
    (m,) = run(rec, "giá từ 11.000 đồng/kg, cao hơn giá lúa")
    assert (m.value, m.unit, m.text) == (11000, "VND", "11.000 đồng/kg")


def test_offsets_survive_normalisation(rec: MetricRecognizer) -> None:
    # NBSP, CRLF, a double space, decomposed (NFD) letters and a curly dash in the original
    text = unicodedata.normalize("NFD", "Hoá ra\r\ngần\u00a04 tỷ  đồng và 15 \u2013 20 HTX, 47,9\u00a0%")
    found = run(rec, text)
    assert [(m.value, m.unit) for m in found] == [(4e9, "VND"), (15, "HTX"), (47.9, "%")]
    assert (found[1].low, found[1].high) == (15, 20)
    assert found[0].text.startswith("g") and found[0].text.endswith("ng")
    # values are in the normalised spelling, whatever the caller's
    (m,) = run(rec, unicodedata.normalize("NFD", "Năm 2024, chiếm 20% GRDP của tỉnh Khánh Hoà"))
    assert (m.period, m.subject) == ("Năm 2024", "GRDP của tỉnh Khánh Hòa")


def test_claimed_and_boilerplate_ranges_are_skipped(rec: MetricRecognizer) -> None:
    text = "đạt 20% kế hoạch. ĐÁNH GIÁ BÀI VIẾT 5 sao có 30 người."
    doc = Doc(text)
    doc.claim(4, 6, "date")
    bp = text.index("ĐÁNH")
    doc.set_boilerplate([(bp, text.index(" có"))])
    found = run(rec, text, doc)
    assert [(m.value, m.unit) for m in found] == [(30, "người")]


def test_figures_claim_their_ranges(rec: MetricRecognizer) -> None:
    text = "có 62 HTX và trên 5,35 tỷ đồng"
    doc = Doc(text)
    run(rec, text, doc)
    assert [(text[s:e], label) for s, e, label in doc.claims("metric")] == [
        ("62 HTX", "metric"),
        ("trên 5,35 tỷ đồng", "metric"),
    ]


def test_users_add_units_in_the_gazetteer(gaz: Gazetteers) -> None:
    extended = gaz.extended({"units": [{"surface": "lượng vàng", "unit": "lượng", "kind": "measure"}]})
    r = MetricRecognizer()
    r.setup(extended)
    (m,) = run(r, "thu giữ 3 lượng vàng")
    assert (m.value, m.unit) == (3, "lượng")


def test_words_that_look_like_units_are_not(rec: MetricRecognizer) -> None:
    # "đồng" is money only when it is not the start of another word ("đồng chí", "đồng bào")
    found = run(rec, "có 4 đồng chí và 300 đồng bào, nhận 300 đồng")
    assert [(m.value, m.unit) for m in found] == [(4, "đồng chí"), (300, "đồng bào"), (300, "VND")]


_LINE = "Năm 2024, có 616 nông dân tham gia liên kết sản xuất 170 ha lúa giống, đạt 25% "


@pytest.mark.parametrize(
    ("unit", "reps"),
    [
        ("1.000.", 200_000),  # one 1.2 MB number-like token
        ("1.000. ", 30_000),
        ("1 - ", 30_000),
        ("5 tỷ đồng ", 10_000),  # 100 kB of figures
        ("12 người ", 11_000),
        ("1/", 100_000),
        (_LINE, 1_300),  # one long line
    ],
    ids=["one-huge-token", "dotted", "dashes", "money", "counts", "slashes", "one-long-line"],
)
def test_adversarial_input_stays_linear(rec: MetricRecognizer, unit: str, reps: int) -> None:
    """Ten times the hostile text costs about ten times the time (CPU time, best of three; a
    ratio, not a budget, so a loaded machine does not fail it, while a quadratic path would
    cost ~100x)."""

    def cost(n: int) -> float:
        doc = Doc(unit * n + "1")
        best = float("inf")
        for _ in range(3):
            t0 = time.process_time()
            rec.find(doc)
            best = min(best, time.process_time() - t0)
        return best

    cost(reps // 10)  # warm caches
    ratio = cost(reps) / max(cost(reps // 10), 1e-4)
    assert ratio < 25, f"10x the text took {ratio:.1f}x the time"


@pytest.mark.parametrize(
    ("text", "unit", "subject"),
    [
        ("và 121 hộ sửa chữa nhà ở", "hộ", "hộ sửa chữa nhà ở"),  # the subject goes on past the unit
        ("ghi nhận 2 ca dương tính với SARS-CoV-2", "ca", "ca dương tính"),
        ("đấu giá 3 ngôi nhà thuộc sở hữu nhà nước", "ngôi nhà", "ngôi nhà thuộc sở hữu nhà nước"),  # classifier
        ("mua 500 con bò giống", "con bò giống", "con bò giống"),
        ("có 20 người được đề nghị khen thưởng.", "người", "người được đề nghị khen thưởng"),
    ],
)
def test_counted_noun_and_its_phrase(rec: MetricRecognizer, text: str, unit: str, subject: str | None) -> None:
    (m,) = run(rec, text)
    assert (m.unit, m.subject) == (unit, subject)
