"""Cross-report linking of officials: what makes two mentions one person, what keeps namesakes apart."""

from __future__ import annotations

import pytest

import vnreport
from test_link_builders import agency, official, post, report, so, tinh_uy, ubnd, year
from vnreport import Report
from vnreport.linking import Corpus, LinkedOfficial
from vnreport.linking.officials import CAREER_GAP_YEARS

BO_KHCN = agency("Bộ Khoa học và Công nghệ", kind="Bộ")
BO_CONG_AN = agency("Bộ Công an", kind="Bộ")
BO_TAI_CHINH = agency("Bộ Tài chính", kind="Bộ")
BO_NN = agency("Bộ Nông nghiệp và Phát triển nông thôn", kind="Bộ")
BO_CHINH_TRI = agency("Bộ Chính trị")
BAN_TO_CHUC = agency("Ban Tổ chức Trung ương", kind="Ban")
BCH_TW = agency("Ban Chấp hành Trung ương Đảng", kind="Ban Chấp hành")
HONG_BANG = agency("Trường ĐHDL Hồng Bàng", level="province", province="Hồ Chí Minh", kind="Trường")


def people(corpus: Corpus, name: str) -> list[list[str]]:
    """The doc_ids of each official of that name, sorted: the partition linking made."""
    return sorted(o.doc_ids for o in corpus.find(name))


def test_the_same_post_in_several_reports_is_one_official_with_all_of_them() -> None:
    reports = [
        report(
            f"news/r{i:03d}.txt",
            official("Phạm Anh Tuấn", post("Chủ tịch", "Ủy ban nhân dân tỉnh Bình Định")),
            agencies=(ubnd("Bình Định"),),
            province="Bình Định",
            published=year(2025, 4, i),
        )
        for i in (8, 10, 15, 16)
    ]
    corpus = vnreport.link(reports)
    (tuan,) = corpus.find("Phạm Anh Tuấn")
    assert tuan.doc_ids == ["news/r008.txt", "news/r010.txt", "news/r015.txt", "news/r016.txt"]
    assert (tuan.first_seen, tuan.last_seen) == (year(2025, 4, 8), year(2025, 4, 16))
    assert tuan.provinces == ["Bình Định"]


def test_namesakes_with_nothing_in_common_stay_apart() -> None:
    corpus = vnreport.link(
        [
            report(
                "r025",
                official("Nguyễn Mạnh Hùng", post("Bộ trưởng", "Bộ Khoa học và Công nghệ")),
                agencies=(BO_KHCN,),
                published=year(2025),
            ),
            report(
                "r098",
                official("Nguyễn Mạnh Hùng", post("Hiệu trưởng", "Trường ĐHDL Hồng Bàng")),
                agencies=(HONG_BANG,),
                province="Hồ Chí Minh",
                published=year(2005),
            ),
        ]
    )
    rector, minister = sorted(corpus.find("Nguyễn Mạnh Hùng"), key=lambda o: o.first_seen or year(1))
    assert [p.organization for p in rector.positions] == ["Trường ĐHDL Hồng Bàng"]
    assert [p.organization for p in minister.positions] == ["Bộ Khoa học và Công nghệ"]
    assert minister.id != rector.id


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a deputy minister of public security and a provincial chairman, the same year
        (
            (post("Thứ trưởng", "Bộ Công an"), BO_CONG_AN, None),
            (post("Chủ tịch", "Ủy ban nhân dân tỉnh Hà Giang"), ubnd("Hà Giang"), "Hà Giang"),
        ),
        # one province's chairman and another's
        (
            (post("Chủ tịch", "Ủy ban nhân dân tỉnh Hà Giang"), ubnd("Hà Giang"), "Hà Giang"),
            (post("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Bình Định"), ubnd("Bình Định"), "Bình Định"),
        ),
        # a minister reported from Bình Định, and Bình Định's own director of finance
        (
            (post("Bộ trưởng", "Bộ Tài chính"), BO_TAI_CHINH, "Bình Định"),
            (post("Giám đốc", "Sở Tài chính tỉnh Bình Định"), so("Tài chính", "Bình Định"), "Bình Định"),
        ),
        # a school's head teacher and a department director of the same province: a school is no state body
        (
            (
                post("Hiệu trưởng", "Trường THPT Quốc Học"),
                agency("Trường THPT Quốc Học", level="province", province="Thừa Thiên Huế", kind="Trường"),
                "Thừa Thiên Huế",
            ),
            (post("Giám đốc", "Sở Y tế tỉnh Thừa Thiên Huế"), so("Y tế", "Thừa Thiên Huế"), "Thừa Thiên Huế"),
        ),
        # a commune chairman and a provincial one: communes have too many namesakes to anchor a province
        (
            (
                post("Chủ tịch", "Ủy ban nhân dân xã Ea Bar"),
                agency("Ủy ban nhân dân xã Ea Bar", level="commune", province="Đắk Lắk", kind="UBND"),
                "Đắk Lắk",
            ),
            (post("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Đắk Lắk"), ubnd("Đắk Lắk"), "Đắk Lắk"),
        ),
        # an unnamed-province "Phòng Khoáng sản" in two provinces' reports
        (
            (
                post("Trưởng phòng", "Phòng Khoáng sản"),
                agency("Phòng Khoáng sản", level="district", kind="Phòng"),
                "Kon Tum",
            ),
            (
                post("Trưởng phòng", "Phòng Khoáng sản"),
                agency("Phòng Khoáng sản", level="district", kind="Phòng"),
                "Bắc Giang",
            ),
        ),
    ],
)
def test_posts_that_share_no_body_or_province_are_namesakes(first: tuple, second: tuple) -> None:
    reports = [
        report(f"d{i}", official("Nguyễn Văn Sơn", p), agencies=(a,), province=prov, published=year(2017))
        for i, (p, a, prov) in enumerate((first, second))
    ]
    assert people(vnreport.link(reports), "Nguyễn Văn Sơn") == [["d0"], ["d1"]]


@pytest.mark.parametrize(
    "chain",
    [
        # promoted within one province: UBND → Tỉnh ủy (the province anchors them)
        [
            (post("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Bình Định"), ubnd("Bình Định"), 2012),
            (post("Chủ tịch", "Ủy ban nhân dân tỉnh Bình Định"), ubnd("Bình Định"), 2016),
            (post("Bí thư", "Tỉnh ủy Bình Định"), tinh_uy("Bình Định"), 2025),
        ],
        # a department director who became the province's vice-chairman
        [
            (post("Giám đốc", "Sở Nội vụ tỉnh Bình Định"), so("Nội vụ", "Bình Định"), 2015),
            (post("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Bình Định"), ubnd("Bình Định"), 2025),
        ],
        # Party organiser who became prime minister: "Thủ tướng" sits in the Politburo
        [
            (post("Trưởng ban", "Ban Tổ chức Trung ương"), BAN_TO_CHUC, 2016),
            (
                (post("Ủy viên", "Bộ Chính trị"), post("Trưởng ban", "Ban Tổ chức Trung ương")),
                (BO_CHINH_TRI, BAN_TO_CHUC),
                2017,
            ),
            (post("Thủ tướng"), None, 2025),
        ],
        # a Politburo member is a Central Committee member
        [
            (post("Ủy viên", "Ban Chấp hành Trung ương Đảng"), BCH_TW, 2016),
            (post("Ủy viên", "Bộ Chính trị"), BO_CHINH_TRI, 2020),
        ],
        # a minister who became deputy prime minister: both sit in the Government
        [
            (post("Bộ trưởng", "Bộ Tài chính"), BO_TAI_CHINH, 2019),
            (post("Phó Thủ tướng"), None, 2025),
        ],
    ],
)
def test_a_career_stays_one_person_when_bodies_or_province_chain_it(chain: list) -> None:
    reports = [
        report(
            f"d{i}",
            official("Hồ Quốc Dũng", *(p if isinstance(p, tuple) else (p,))),
            agencies=a if isinstance(a, tuple) else (a,) if a else (),
            published=year(y),
        )
        for i, (p, a, y) in enumerate(chain)
    ]
    (person,) = vnreport.link(reports).find("Hồ Quốc Dũng")
    assert person.doc_ids == [f"d{i}" for i in range(len(chain))]
    assert (person.first_seen, person.last_seen) == (year(chain[0][2]), year(chain[-1][2]))


def test_two_posts_in_one_report_bridge_the_reports_of_each() -> None:
    both = official("Nguyễn Thiện Nhân", post("Ủy viên", "Bộ Chính trị"), post("Bí thư", "Thành ủy Hồ Chí Minh"))
    thanh_uy = agency("Thành ủy Hồ Chí Minh", level="province", province="Hồ Chí Minh", kind="Thành ủy")
    reports = [
        report("a", official("Nguyễn Thiện Nhân", post("Ủy viên", "Bộ Chính trị")), agencies=(BO_CHINH_TRI,)),
        report("b", both, agencies=(BO_CHINH_TRI, thanh_uy)),
        report(
            "c",
            official("Nguyễn Thiện Nhân", post("Phó Chủ tịch", "Ủy ban nhân dân Thành phố Hồ Chí Minh")),
            agencies=(
                agency("Ủy ban nhân dân Thành phố Hồ Chí Minh", level="province", province="Hồ Chí Minh", kind="UBND"),
            ),
        ),
    ]
    assert people(vnreport.link(reports), "Nguyễn Thiện Nhân") == [["a", "b", "c"]]


# --------------------------------------------------------------------- unanchored mentions
def _anchored(doc_id: str, name: str, y: int = 2017) -> Report:
    return report(
        doc_id,
        official(name, post("Bộ trưởng", "Bộ Nông nghiệp và Phát triển nông thôn")),
        agencies=(BO_NN,),
        published=year(y),
    )


def _local(doc_id: str, name: str, province: str, y: int = 2017) -> Report:
    return report(
        doc_id,
        official(name, post("Chủ tịch", f"Ủy ban nhân dân tỉnh {province}")),
        agencies=(ubnd(province),),
        province=province,
        published=year(y),
    )


@pytest.mark.parametrize(
    ("bare", "joins"),
    [
        (report("x", official("Nguyễn Xuân Cường", post("Bộ trưởng")), published=year(2018)), True),  # same ladder
        (
            report("x", official("Nguyễn Xuân Cường", honorific="ông"), published=year(2018)),
            True,
        ),  # no post: the only candidate
        (report("x", official("Nguyễn Xuân Cường"), province="Hòa Bình"), True),  # undated
        # a deputy director-general is another ladder: the namesake at Tổng cục Đường bộ
        (report("x", official("Nguyễn Xuân Cường", post("Phó Tổng cục trưởng")), published=year(2017)), False),
        # a bare mention far from the minister's years is as likely a namesake
        (
            report("x", official("Nguyễn Xuân Cường", honorific="ông"), published=year(2017 - CAREER_GAP_YEARS - 1)),
            False,
        ),
    ],
)
def test_an_unanchored_mention_joins_the_one_person_it_fits(bare: Report, joins: bool) -> None:
    corpus = vnreport.link([_anchored("a", "Nguyễn Xuân Cường"), bare])
    assert people(corpus, "Nguyễn Xuân Cường") == ([["a", "x"]] if joins else [["a"], ["x"]])


def test_a_bare_title_fits_the_longer_title_it_abbreviates() -> None:
    speaker = report("a", official("Nguyễn Văn An", post("Chủ tịch Quốc hội")), published=year(2004))
    bare = report("b", official("Nguyễn Văn An", post("Chủ tịch")), published=year(2005))
    assert people(vnreport.link([speaker, bare]), "Nguyễn Văn An") == [["a", "b"]]


def test_a_bare_mention_in_another_province_is_not_a_local_official() -> None:
    corpus = vnreport.link(
        [_local("a", "Nguyễn Minh Thuận", "Đắk Lắk"), report("b", official("Nguyễn Minh Thuận"), province="Kiên Giang")]
    )
    assert people(corpus, "Nguyễn Minh Thuận") == [["a"], ["b"]]
    # ... but a central official's bare mention joins whatever province reports it
    corpus = vnreport.link(
        [_anchored("a", "Nguyễn Minh Thuận"), report("b", official("Nguyễn Minh Thuận"), province="Kiên Giang")]
    )
    assert people(corpus, "Nguyễn Minh Thuận") == [["a", "b"]]


def test_an_ambiguous_bare_mention_stays_alone_unless_the_province_decides() -> None:
    two = [_local("a", "Nguyễn Văn Tuấn", "Hậu Giang"), _local("b", "Nguyễn Văn Tuấn", "Hà Giang")]
    assert people(
        vnreport.link([*two, report("x", official("Nguyễn Văn Tuấn", post("Chủ tịch")))]), "Nguyễn Văn Tuấn"
    ) == [["a"], ["b"], ["x"]]
    local = report("x", official("Nguyễn Văn Tuấn", post("Chủ tịch")), province="Hà Giang")
    assert people(vnreport.link([*two, local]), "Nguyễn Văn Tuấn") == [["a"], ["b", "x"]]


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        ([post("Giám đốc"), post("Giám đốc")], [["d0", "d1"]]),
        ([post("Giám đốc"), post("Chủ tịch")], [["d0"], ["d1"]]),
        ([post("Phó Giám đốc"), post("Giám đốc")], [["d0", "d1"]]),  # one ladder
        ([post("Giám đốc"), None], [["d0", "d1"]]),  # an untitled mention joins the only candidate
        ([post("Giám đốc"), post("Chủ tịch"), None], [["d0"], ["d1"], ["d2"]]),  # ... not one of two
        ([None, None], [["d0", "d1"]]),
    ],
)
def test_unanchored_mentions_of_a_name_group_by_title_ladder(mentions: list, expected: list) -> None:
    reports = [report(f"d{i}", official("Trần Văn Bình", *([p] if p else []))) for i, p in enumerate(mentions)]
    assert people(vnreport.link(reports), "Trần Văn Bình") == expected


def test_names_compare_after_normalisation_and_case() -> None:
    decomposed = "Nguye\u0302\u0303n Va\u0306n Hu\u0300ng"  # NFD
    reports = [
        report("a", official("Nguyễn Văn Hùng", post("Bộ trưởng"))),
        report("b", official(decomposed, post("Bộ trưởng"))),
    ]
    (person,) = vnreport.link(reports).officials
    assert person.doc_ids == ["a", "b"] and person.name == "Nguyễn Văn Hùng"


def test_a_generic_agency_anchors_nobody() -> None:
    generic = agency("Ủy ban nhân dân các huyện", level="district", kind="UBND").model_copy(update={"generic": True})
    reports = [
        report(
            f"d{i}",
            official("Lê Văn Hai", post("Chủ tịch", "Ủy ban nhân dân các huyện")),
            agencies=(generic,),
            province=p,
        )
        for i, p in enumerate(("Nghệ An", "Hà Tĩnh"))
    ]
    corpus = vnreport.link(reports)
    # no anchor: the two bare "Chủ tịch" mentions group by ladder, as unanchored mentions do
    assert people(corpus, "Lê Văn Hai") == [["d0", "d1"]]
    assert not [a for a in corpus.agencies if a.name == "Ủy ban nhân dân các huyện"]


def test_a_person_only_named_gives_no_anchor() -> None:
    """``Official.role == "named"`` (read when the recogniser gives it): posts are kept, anchors not."""
    minister = report("a", official("Trần Văn Bình", post("Bộ trưởng", "Bộ Tài chính")), agencies=(BO_TAI_CHINH,))
    record = report(
        "b", official("Trần Văn Bình", post("Giám đốc", "Bộ Tài chính")), agencies=(BO_TAI_CHINH,)
    ).model_dump(mode="json")
    assert people(vnreport.link([minister, record]), "Trần Văn Bình") == [["a", "b"]]  # the ministry anchors both
    record["officials"][0]["role"] = "named"
    corpus = vnreport.link([minister, record])
    assert people(corpus, "Trần Văn Bình") == [["a"], ["b"]]  # unanchored, and on another ladder
    assert [o.roles for o in sorted(corpus.find("Trần Văn Bình"), key=lambda o: o.doc_ids)] == [[], ["named"]]


def test_positions_are_merged_with_their_own_dates() -> None:
    reports = [
        report(
            "a",
            official("Hồ Quốc Dũng", post("Chủ tịch", "Ủy ban nhân dân tỉnh Bình Định")),
            agencies=(ubnd("Bình Định"),),
            published=year(2012),
        ),
        report(
            "b",
            official("Hồ Quốc Dũng", post("Chủ tịch", "Ủy ban nhân dân tỉnh Bình Định")),
            agencies=(ubnd("Bình Định"),),
            published=year(2014),
        ),
        report(
            "c",
            official(
                "Hồ Quốc Dũng",
                post("Bí thư", "Tỉnh ủy Bình Định"),
                post("Chủ tịch", "Ủy ban nhân dân tỉnh Bình Định", former=True),
            ),
            agencies=(tinh_uy("Bình Định"), ubnd("Bình Định")),
            published=year(2025),
        ),
    ]
    (dung,) = vnreport.link(reports).officials
    assert isinstance(dung, LinkedOfficial)
    posts = [(p.title, p.organization, p.former, p.first_seen, p.last_seen, p.doc_ids) for p in dung.positions]
    assert posts == [
        ("Chủ tịch", "Ủy ban nhân dân tỉnh Bình Định", False, year(2012), year(2014), ["a", "b"]),
        ("Bí thư", "Tỉnh ủy Bình Định", False, year(2025), year(2025), ["c"]),
        ("Chủ tịch", "Ủy ban nhân dân tỉnh Bình Định", True, year(2025), year(2025), ["c"]),
    ]
