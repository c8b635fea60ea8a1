"""The layout's word lists are data: bundled rows give the rules, user rows extend them."""

from __future__ import annotations

from pathlib import Path

import pytest

from vnreport import Pipeline
from vnreport.lexicon.gazetteers import GazetteerError, Gazetteers
from vnreport.text import layout

BODY = "Ngày 19/7/2011, Sở Nội vụ tổ chức Hội nghị tổng kết công tác năm 2011 với nhiều nội dung."


def test_bundled_vocabulary_is_built_once_from_the_bundled_tables() -> None:
    assert layout.bundled_vocabulary() is layout.vocabulary_of(Gazetteers.bundled())
    assert Pipeline().layout_vocabulary is layout.bundled_vocabulary()


@pytest.mark.parametrize(
    ("rows", "line", "debris"),
    [
        ({"page_lines": [{"phrase": "bản in", "role": "debris", "match": "line"}]}, "Bản in", True),
        ({"page_lines": [{"phrase": "lượt thích", "role": "debris", "match": "prefix"}]}, "Lượt thích: 12", True),
        ({"page_lines": [{"phrase": "bình chọn", "role": "debris", "match": "counter"}]}, "Bình chọn (3)", True),
        ({"page_lines": [{"phrase": "bình chọn", "role": "debris", "match": "counter"}]}, "Bình chọn xong", False),
        ({}, "Bản in", False),
    ],
)
def test_user_page_lines_extend_the_debris(rows: dict, line: str, debris: bool) -> None:
    text = f"Tiêu đề bài viết về hội nghị\n{BODY}\n{line}\nĐoạn cuối của bài viết.\n"
    nlp = Pipeline(gazetteers=[rows] if rows else [])
    doc = nlp.make_doc(text)
    s = text.index(line)
    assert doc.is_boilerplate(s, s + len(line)) is debris


def test_user_footer_heading_ends_the_article() -> None:
    rows = {"page_lines": [{"phrase": "đọc thêm", "role": "footer", "match": "line"}]}
    text = f"Tiêu đề\n{BODY}\nĐọc thêm\nUBND tỉnh Bình Định họp bàn về giá vật tư\n"
    doc = Pipeline(gazetteers=[rows]).make_doc(text)
    s = text.index("UBND tỉnh Bình Định")
    assert doc.is_boilerplate(s, s + 10)
    assert not doc.is_boilerplate(text.index("Sở Nội vụ"), text.index("Sở Nội vụ") + 9)


def test_user_byline_note_and_source_word(tmp_path: Path) -> None:
    f = tmp_path / "page_words.tsv"
    f.write_text("word\tuse\tmatch\nbiên tập\tbyline_note\tword\n", encoding="utf-8")
    nlp = Pipeline(gazetteers=[f])
    r = nlp(f"Tiêu đề bài viết\n{BODY}\nHồng Hà (Biên tập)\n")
    assert r.authors == ["Hồng Hà"]
    assert Pipeline()(f"Tiêu đề bài viết\n{BODY}\nHồng Hà (Biên tập)\n").authors == []


def test_weekday_words_may_drop_their_spaces() -> None:
    doc = Pipeline().make_doc(f"Tiêu đề bài viết\n\nThứ2, 25/01/2010 16:27\n\n{BODY}")
    assert doc.layout is not None and doc.layout.published is not None
    assert doc.layout.published.isoformat() == "2010-01-25T16:27:00"


def test_a_bad_row_is_refused_naming_the_column(tmp_path: Path) -> None:
    f = tmp_path / "page_lines.tsv"
    f.write_text("phrase\trole\tmatch\nbản in\tmenu\tline\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"page_lines\.tsv:2: column 'role'"):
        Pipeline(gazetteers=[f])
