"""Agencies beyond the Sở/Bộ/UBND core, one table per genre failure class seen on publishers the
rules were not written against: each row is a real-looking snippet and what must (or must not)
come out; traps sit next to the cases they guard.
"""

from __future__ import annotations

import pytest

import vnreport
from vnreport.models import Report

_NLP = vnreport.Pipeline()


def _found(text: str) -> dict[str, set[str]]:
    """Canonical name → surface forms, checking every mention's offsets on the way."""
    r: Report = _NLP(text)
    out: dict[str, set[str]] = {}
    for a in r.agencies:
        for m in a.mentions:
            assert text[m.start : m.end] == m.text
        out[a.name] = {m.text for m in a.mentions}
    return out


def _check(text: str, want: dict[str, str], absent: tuple[str, ...] = ()) -> None:
    got = _found(text)
    for name, mention in want.items():
        assert name in got, f"{name!r} not in {got}"
        assert mention in got[name], f"{mention!r} not a mention of {name!r}: {got[name]}"
    for name in absent:
        assert name not in got, f"{name!r} should not be an agency: {got}"


# ------------------------------------------------------------------ central Party and Assembly
CENTRAL = [
    (
        "Ban Bí thư vừa ban hành Chỉ thị về công tác cán bộ.",
        {"Ban Bí thư Trung ương Đảng": "Ban Bí thư"},
        (),
    ),
    (
        "Ủy ban Tư pháp của Quốc hội thẩm tra dự án luật. Ủy ban Tư pháp đề nghị bổ sung.",
        {"Ủy ban Tư pháp của Quốc hội": "Ủy ban Tư pháp"},
        ("Ủy ban Tư pháp",),
    ),
    (
        "Chủ nhiệm Ủy ban Kinh tế và Tài chính Phan Văn Mãi trình bày báo cáo.",
        {"Ủy ban Kinh tế và Tài chính của Quốc hội": "Ủy ban Kinh tế và Tài chính"},
        ("Ủy ban Kinh tế và Tài chính Phan Văn Mãi",),
    ),
    (
        "Ủy ban Khoa học, Công nghệ và Môi trường của Quốc hội đã khảo sát.",
        {
            "Ủy ban Khoa học, Công nghệ và Môi trường của Quốc hội": "Ủy ban Khoa học, Công nghệ và Môi trường của Quốc hội"
        },
        ("Ủy ban Khoa học",),
    ),
]


@pytest.mark.parametrize(("text", "want", "absent"), CENTRAL, ids=[c[0][:40] for c in CENTRAL])
def test_central_party_and_assembly_bodies(text: str, want: dict[str, str], absent: tuple[str, ...]) -> None:
    _check(text, want, absent)


def test_a_bare_ban_never_stands_for_the_secretariat() -> None:
    # "Ban" alone is a board of the report, not the Ban Bí thư (its kind is a longer head)
    got = _found("Ban Bí thư chỉ đạo. Ban Tuyên giáo Tỉnh ủy Bình Định tổ chức hội nghị; Ban cũng yêu cầu báo cáo.")
    assert got["Ban Bí thư Trung ương Đảng"] == {"Ban Bí thư"}
