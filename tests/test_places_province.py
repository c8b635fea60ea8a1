"""The report's province from what the text offers, and null for national or ambiguous news.

National reports name provinces as where their people come from, as examples or as venues;
their headline names a central body. Provincial reports refer to "the province" without
naming it. Where two provinces have comparable evidence, the answer is null, not a guess.
"""

from __future__ import annotations

import pytest

import vnreport


def _province(text: str) -> str | None:
    r = vnreport.extract(text)
    return r.province.name if r.province else None


CASES = [
    # the President's name is no city; the city has its unit word
    ("Hội nghị\n\nHọc tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; Lăng Chủ tịch Hồ Chí Minh.", None),
    ("Hội nghị\n\nUBND TP Hồ Chí Minh họp; Thành phố Hồ Chí Minh có 22 quận, huyện.", "Hồ Chí Minh"),
    # "Thủ đô" is Hà Nội, the capital of another country is not
    ("Giao thông đô thị\n\nThủ đô sẽ mở thêm 3 tuyến buýt; người dân Thủ đô đồng tình.", "Hà Nội"),
    ("Hợp tác\n\nĐoàn đã thăm Thủ đô Viêng Chăn và Thủ đô Phnôm Pênh.", None),
    # a commune named like a province
    ("Bầu cử\n\nCử tri xã Hà Nam và xã Thái Bình đi bỏ phiếu; xã Hà Nam đạt 99%.", None),
    # a national headline, provinces only where the people come from
    (
        "Điều động nhân sự tại Văn phòng Chính phủ\n\nBộ trưởng, Chủ nhiệm Văn phòng Chính phủ ký quyết định. "
        "Chủ tịch UBND tỉnh Hà Giang trao quyết định; UBND tỉnh Hà Giang công bố; Phó Chánh Văn phòng UBND "
        "tỉnh Hà Giang nhận công tác.",
        None,
    ),
    # … but a report that speaks of "the province" unnamed is provincial
    (
        "Điều động nhân sự tại Văn phòng Chính phủ\n\nChủ tịch UBND tỉnh Hà Giang trao quyết định; UBND tỉnh Hà "
        "Giang công bố.\n" + "Ông Bình từng công tác nhiều năm ở cơ sở và được đánh giá cao. " * 6 + "\nLãnh đạo "
        "UBND tỉnh chúc mừng ông Bình; toàn tỉnh có 11 huyện.",
        "Hà Giang",
    ),
    # … while "UBND tỉnh" right after the named province only refers back to it
    (
        "Điều động nhân sự tại Văn phòng Chính phủ\n\nBộ trưởng, Chủ nhiệm Văn phòng Chính phủ ký quyết định. "
        "UBND tỉnh Hà Giang công bố quyết định đối với ông Nguyễn Thế Bình, Phó Chánh Văn phòng UBND tỉnh. "
        "Chủ tịch UBND tỉnh Hà Giang trao quyết định.",
        None,
    ),
    # … and a headline that names the province
    ("Hà Giang điều động nhân sự theo chỉ đạo của Chính phủ\n\nUBND tỉnh Hà Giang công bố quyết định.", "Hà Giang"),
    # two provinces with comparable evidence: ambiguous
    (
        "Tiếp xúc cử tri\n\nĐoàn đại biểu Quốc hội tỉnh Sơn La tiếp xúc cử tri tỉnh Sơn La. Đoàn đại biểu tỉnh "
        "Bắc Ninh tiếp xúc cử tri tỉnh Bắc Ninh tại huyện Gia Bình.",
        None,
    ),
    (
        "Tiếp xúc cử tri\n\nĐoàn đại biểu Quốc hội tỉnh Bắc Ninh tiếp xúc cử tri tỉnh Bắc Ninh tại huyện Gia Bình, "
        "huyện Quế Võ; cử tri tỉnh Bắc Ninh kiến nghị. Một đại biểu quê tỉnh Sơn La.",
        "Bắc Ninh",
    ),
    # the capital as a venue of a national event is weak evidence
    (
        "Hội thảo doanh nghiệp\n\nNgày 20/12, tại Hà Nội, Hiệp hội doanh nghiệp nhỏ và vừa tổ chức hội thảo; "
        "hội nghị tiếp theo cũng họp tại Hà Nội.",
        None,
    ),
    ("Doanh nghiệp\n\nSở Kế hoạch và Đầu tư Hà Nội cho biết Hà Nội dẫn đầu cả nước.", "Hà Nội"),
    # a district, a city of a province
    ("Cải cách hành chính\n\nCán bộ phường Lê Lợi, TP Vinh giải quyết thủ tục cho người dân.", "Nghệ An"),
]


@pytest.mark.parametrize(("text", "province"), CASES, ids=[t.split("\n")[0][:40] + f"→{p}" for t, p in CASES])
def test_report_province(text: str, province: str | None) -> None:
    assert _province(text) == province


def test_a_provincial_source_tag_is_not_overruled_by_a_national_headline() -> None:
    text = "Thủ tướng Chính phủ thăm tỉnh\n(BĐ) - Sáng 22.4, Thủ tướng làm việc với lãnh đạo tỉnh Bình Định."
    assert _province(text) == "Bình Định"
