"""Vietnamese personal names: syllable shape and where a name starts in a capitalised run."""

from __future__ import annotations

import pytest

from vnreport.lexicon.gazetteers import Gazetteers
from vnreport.lexicon.names import NameRules, is_name_syllable, name_key


@pytest.fixture(scope="module")
def rules() -> NameRules:
    return NameRules.from_gazetteers(Gazetteers.bundled())


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("Nguyễn", True),
        ("Y", True),
        ("H'Hen", True),
        ("Đỗ", True),
        ("Thúy", True),
        ("UBND", False),
        ("ĐBQH", False),
        ("TT&TT", False),
        ("N.H", False),
        ("T.SỸ", False),
        ("nguyễn", False),
        ("Covid-19", False),
        ("", False),
        ("NguyễnVănAnhTuấn", False),
        ("ThS", False),
    ],
)
def test_name_syllable_shape(token: str, expected: bool) -> None:
    assert is_name_syllable(token) is expected


# (run of capitalised syllables, after an administrative word?, explicit honorific?, index where
# the person's name starts or None when the run is not a name)
SPLITS = [
    ("Hậu Giang Trần Thành Lập", True, False, 2),  # "UBND tỉnh Hậu Giang Trần Thành Lập"
    ("Nguyễn Thiện", True, False, 0),  # "UBND tỉnh Nguyễn Thiện": a very common surname
    ("Lâm Hải Giang", True, False, 0),
    ("Mai Sơn", True, False, None),  # "huyện Mai Sơn": a place
    ("Vũ Quang", True, False, None),  # "huyện Vũ Quang": listed as a place
    ("Châu Thành", True, False, None),
    ("Hà Nội Đinh Tiến Dũng", False, False, 2),  # "Thành ủy Hà Nội Đinh Tiến Dũng"
    ("Hồ Chí Minh Nguyễn Văn Được", True, False, 3),  # "UBND TP Hồ Chí Minh …"
    ("Lào Cai Trịnh Quang Chinh", True, False, 2),
    ("Hà Nội", False, False, None),
    ("Thái Nguyên", True, False, None),
    ("Hà Tĩnh", True, False, None),
    ("Nguyễn Thị Phong Vũ", False, False, 0),  # four syllables, "Vũ" is also a surname
    ("Trần Hữu Châu Giang", False, False, 0),
    ("Trần Hồng Minh", False, False, 0),
    ("Công Thương", False, False, None),  # "Bộ trưởng Công Thương": no surname
    ("Công Thương Nguyễn Hồng Diên", False, False, 2),
    ("Hưng Yên", True, False, None),
    ("Y Bhin Niê", False, True, 0),  # no listed surname: only after an explicit honorific
    ("Y Bhin Niê", False, False, None),
    ("Tô Lâm", False, False, 0),
    ("Nguyễn", False, False, None),  # one syllable is never a full name
]


@pytest.mark.parametrize(("run", "after_admin", "honorific", "expected"), SPLITS, ids=[s[0] for s in SPLITS])
def test_split_run(rules: NameRules, run: str, after_admin: bool, honorific: bool, expected: int | None) -> None:
    got = rules.split_run(run.split(), after_admin=after_admin, allow_unknown_surname=honorific)
    assert got == expected


def test_name_suffix_is_at_most_four_syllables(rules: NameRules) -> None:
    words = "Nguyễn Văn Anh Tuấn Minh".split()
    k = rules.split_run(words)
    assert k is not None and len(words) - k <= 4


def test_surname_ranks_and_places(rules: NameRules) -> None:
    assert rules.surname_rank("Nguyễn") == 1
    assert rules.surname_rank("nguyễn") == 1
    assert rules.surname_rank("Lò") is not None  # unranked rows are surnames too
    assert rules.surname_rank("Sở") is None
    assert rules.place_prefix("Hà Nội Đinh Tiến Dũng".split()) == 2
    assert rules.place_prefix("Đinh Tiến Dũng".split()) == 0
    assert rules.is_excluded(["Bà", "Rịa"])


def test_user_gazetteers_extend_the_rules() -> None:
    gaz = Gazetteers.bundled().extended(
        {
            "surnames": [{"surname": "Kpă", "provenance": "test"}],
            "name_exclusions": [{"phrase": "Nguyễn Trãi", "kind": "other", "provenance": "test"}],
        }
    )
    rules = NameRules.from_gazetteers(gaz)
    assert rules.split_run("Kpă Phước Hà".split()) == 0
    assert rules.split_run("Nguyễn Trãi".split()) is None
    assert NameRules.from_gazetteers(Gazetteers.bundled()).split_run("Kpă Phước Hà".split()) is None


def test_name_key_folds_case_and_space() -> None:
    assert name_key("Nguyễn  Văn A") == name_key("nguyễn văn a")
