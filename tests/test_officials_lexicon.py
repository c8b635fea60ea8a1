"""The officials lexicon: title lookups, the grammar-word tables and the build cost.

The closed word classes the officials rules read (stop words that end a position, organisation
and unit words, modifiers, copulas …) come from gazetteer tables, so a user can extend them like
any other table; the titles index is built in time linear in the number of rows.
"""

from __future__ import annotations

import time

import pytest

from vnreport import Pipeline
from vnreport.lexicon.gazetteers import Gazetteers
from vnreport.lexicon.titles import PhraseIndex, TitleLexicon, TitleWords


def test_phrase_index_longest_first_whole_word_and_payload_order() -> None:
    idx: PhraseIndex[str] = PhraseIndex()
    for phrase, payload in [
        ("Chủ tịch", "a"),
        ("Chủ tịch UBND", "b"),
        ("chủ tịch", "c"),  # same key: kept after "a"
        ("Chủ", "d"),
    ]:
        idx.add(phrase, payload)
    low = "phó chủ tịch ubnd tỉnh"
    assert idx.all_at(low, 4) == [(17, "b"), (12, "a"), (12, "c"), (7, "d")]
    assert idx.at(low, 4) == (17, "b")
    assert idx.at("chủ tịchx", 0) == (3, "d")  # "Chủ tịch" does not end inside a word
    assert idx.at("x chủ", 2) == (5, "d")
    assert idx.all_at(low, 0) == []


def test_phrase_index_matches_normalised_spelling() -> None:
    idx: PhraseIndex[str] = PhraseIndex([("Uỷ viên", "x")])  # old tone position in the row
    assert idx.at("ủy viên ban", 0) == (7, "x")


def test_word_classes_come_from_tables() -> None:
    words = TitleWords.from_gazetteers(Gazetteers.bundled())
    assert {"đã", "là", "của"} <= words.stop_words
    assert {"phát biểu", "chủ trì"} <= words.stop_phrases
    assert "sở" in words.org_heads and "ủy ban nhân dân" in words.org_heads
    assert words.copulas.index("đồng thời là") < words.copulas.index("là")  # longer first
    assert words.former == ("nguyên", "cựu") and words.acting == ("quyền",) and words.vice == ("phó",)
    assert "tỉnh" in words.admin_single and "TP" in words.admin_caps and "bản" in words.villages
    assert {"các", "chức vụ"} <= words.generic_before
    assert "đường" in words.place_nouns and "đường" in words.streets
    assert words.modifier_prefixes == frozenset({"ng", "cự", "qu", "ph"})


@pytest.mark.parametrize(
    ("rows", "text", "name", "position"),
    [
        # a user's copula: "ông A đương nhiệm Giám đốc …"
        (
            {"title_words": [{"phrase": "đương nhiệm", "role": "copula"}]},
            "Ông Nguyễn Văn An đương nhiệm Giám đốc Sở Y tế tỉnh Nghệ An phát biểu.",
            "Nguyễn Văn An",
            "Giám đốc Sở Y tế tỉnh Nghệ An",
        ),
        # a user's former-office word
        (
            {"title_words": [{"phrase": "từng", "role": "former"}]},
            "Ông Trần Văn Bình, từng Giám đốc Sở Tư pháp, cho biết.",
            "Trần Văn Bình",
            "từng Giám đốc Sở Tư pháp",
        ),
    ],
)
def test_user_rows_extend_the_grammar_words(
    rows: dict[str, list[dict[str, str]]], text: str, name: str, position: str
) -> None:
    plain = {o.name: [p.text for p in o.positions] for o in Pipeline(disable=["agencies"])(text).officials}
    assert position not in plain.get(name, [])  # without the row the position is not read
    found = {o.name: o for o in Pipeline(gazetteers=[rows], disable=["agencies"])(text).officials}
    assert position in [p.text for p in found[name].positions]


def _titles(n: int) -> Gazetteers:
    heads = "Trưởng Phó Chánh Giám đốc Chủ nhiệm Ủy viên Thư ký Điều phối Cố vấn Trợ lý".split()
    rows = [{"title": f"{heads[i % 11]} {heads[i * 7 % 11]} {i}", "kind": "office"} for i in range(n)]
    return Gazetteers.load({"titles": rows})


def _build_seconds(gaz: Gazetteers) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        TitleLexicon.from_gazetteers(gaz)
        best = min(best, time.perf_counter() - t0)
    return best


def test_titles_index_builds_in_linear_time() -> None:
    """10x the user title rows costs about 10x the build (re-sorting a bucket per insert made
    it quadratic: 20 000 rows took 14 s, 200 000 never finished)."""
    small, large = _titles(2_000), _titles(20_000)
    ratio = _build_seconds(large) / _build_seconds(small)
    assert ratio < 25, ratio  # quadratic would be ~100
