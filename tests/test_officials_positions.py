"""Officials: how positions are read, deduplicated and given their organisation.

Tables of real-looking sentences with the traps of the genre; the officials recogniser runs
without the agencies recogniser unless a test needs ``Position.organization``.
"""

from __future__ import annotations

import unicodedata

import pytest

from vnreport import Pipeline
from vnreport.models import Official


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline(disable=["agencies"])


def by_name(nlp: Pipeline, text: str) -> dict[str, Official]:
    found = nlp(text).officials
    for o in found:
        for p in o.positions:
            assert p.start is not None and p.end is not None
            assert text[p.start : p.end] == p.text
    return {o.name: o for o in found}


def texts(o: Official) -> list[str]:
    return [p.text for p in o.positions]


@pytest.mark.parametrize(
    "second",
    [
        "Phó\u00a0Chủ tịch UBND tỉnh",  # NBSP
        unicodedata.normalize("NFD", "Phó Chủ tịch UBND tỉnh"),
        "Phó Chủ tị\u00adch UBND tỉnh",  # soft hyphen
        "phó chủ tịch UBND tỉnh",
        "Phó Chủ tịch  UBND tỉnh",
    ],
)
def test_positions_deduplicated_on_normalised_text(nlp: Pipeline, second: str) -> None:
    text = f"Ông Nguyễn Văn An, Phó Chủ tịch UBND tỉnh, phát biểu. Sau đó ông Nguyễn Văn An, {second}, kết luận."
    found = by_name(nlp, text)
    assert texts(found["Nguyễn Văn An"]) == ["Phó Chủ tịch UBND tỉnh"]


def test_old_and_new_tone_spelling_give_one_position(nlp: Pipeline) -> None:
    text = (
        "Ông Lê Văn Bình, Phó Chủ nhiệm Uỷ ban Kiểm tra, dự họp. Ông Lê Văn Bình, Phó Chủ nhiệm Ủy ban Kiểm tra, nói."
    )
    assert len(by_name(nlp, text)["Lê Văn Bình"].positions) == 1


def test_different_offices_stay_apart(nlp: Pipeline) -> None:
    text = "Ông Lê Văn Bình, Phó Chủ tịch UBND tỉnh, dự họp. Ông Lê Văn Bình, Chủ tịch UBND tỉnh, nói."
    assert texts(by_name(nlp, text)["Lê Văn Bình"]) == ["Phó Chủ tịch UBND tỉnh", "Chủ tịch UBND tỉnh"]
