"""Boilerplate never swallows article prose: a long paragraph is content whatever it opens with.

One report lost its whole body (one 4,400-character paragraph opening with "* ") and came out
empty without a warning. Short notes, widgets and teasers are still boilerplate; the whole
shared corpus is held to losing at most a tenth of its text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import vnreport
from vnreport.text import layout
from vnreport.text.document import Doc

ROOT = Path(__file__).resolve().parents[1]


def _shared_corpus() -> Path:
    """The shared corpus beside the checkout (CI lays shared/ next to the clone; a worktree
    sits one level deeper)."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "corpus").is_dir():
            return base / "shared" / "corpus"
    return ROOT / "shared" / "corpus"


CORPUS = _shared_corpus()
REPORTS = [p for sub in ("seeds", "news", "wide") for p in sorted((CORPUS / sub).glob("*.txt"))]

SENTENCE = (
    "Ngày 19/7/2011, Sở Nội vụ tỉnh Hậu Giang tổ chức Hội nghị tổng kết công tác năm 2011, "
    "ông Nguyễn Văn An, Giám đốc Sở, cho biết đã chi 1,5 tỷ đồng theo Nghị định số 43/2011/NĐ-CP. "
)
LONG = SENTENCE * 25  # ~4,400 characters


def _boilerplate_share(doc: Doc) -> float:
    return sum(e - s for s, e in doc.boilerplate_ranges()) / max(1, len(doc.text))


def _is_content(doc: Doc, text: str, part: str) -> bool:
    s = doc.text.index(part)
    return not doc.is_boilerplate(s, s + len(part))


@pytest.mark.parametrize(
    "page",
    [
        f"Tiêu đề bài viết về hội nghị\n* {LONG}\n",  # the reported page: one bulleted paragraph
        f"Tiêu đề\nĐoạn sapo ngắn của bài viết.\n* {LONG}",
        f"Tiêu đề\n{SENTENCE}\n* {LONG}\n{SENTENCE}\n",
        f"Tiêu đề\n{SENTENCE}\n- {LONG}\n",
        f"Tiêu đề\n{SENTENCE}\n• {LONG}\n",
        f"Tiêu đề\n{SENTENCE}\nLượt xem {LONG}\n",  # opens like the view counter widget
        f"Tiêu đề\n{SENTENCE}\nTin liên quan\n{LONG}\n",  # an inline related-news box
        f"Tiêu đề\n{SENTENCE}\n{LONG[:150]}(09/06/2005)\n{LONG}\n",
    ],
)
def test_a_long_paragraph_is_content_whatever_it_opens_with(page: str) -> None:
    doc = Doc(page)
    layout.analyse(doc)
    assert _is_content(doc, page, LONG)
    r = vnreport.extract(page)
    assert any(o.name == "Nguyễn Văn An" for o in r.officials)
    assert any(d.id == "43/2011/NĐ-CP" for d in r.legal_documents)


@pytest.mark.parametrize(
    ("page", "note", "boilerplate"),
    [
        (f"Tiêu đề\n{LONG}\nHồng Hạnh\n* Mọi ý kiến đóng góp xin gửi về hộp thư giaoduc@dantri.com.vn.", "* Mọi", True),
        (f"Tiêu đề\n{SENTENCE}\n* Về công tác cán bộ:\n{LONG}\n", "* Về công tác cán bộ:", False),
        (f"Tiêu đề\n{SENTENCE}\n* Về công tác cán bộ:\n{SENTENCE}\n", "* Về công tác cán bộ:", True),
    ],
)
def test_a_short_bulleted_note_is_boilerplate_only_in_the_page_tail(page: str, note: str, boilerplate: bool) -> None:
    doc = Doc(page)
    layout.analyse(doc)
    assert _is_content(doc, page, note) is not boilerplate


def test_the_byline_before_a_tail_note_is_still_found() -> None:
    page = f"Tiêu đề\n{LONG}\nHồng Hạnh\n* Mọi ý kiến đóng góp về giáo dục, độc giả gửi về hộp thư.\n"
    assert vnreport.extract(page).authors == ["Hồng Hạnh"]


def test_a_footer_still_ends_the_article_for_short_lines() -> None:
    page = f"Tiêu đề\n{LONG}\nTin liên quan\nUBND tỉnh Bình Định họp bàn giá vật tư\nSở Y tế kiểm tra\n"
    doc = Doc(page)
    layout.analyse(doc)
    assert not _is_content(doc, page, "UBND tỉnh Bình Định")
    assert not _is_content(doc, page, "Sở Y tế kiểm tra")


def test_title_sapo_and_one_line_body() -> None:
    page = f"Hội nghị tổng kết công tác năm 2011\nSở Nội vụ tổ chức hội nghị tổng kết.\n{LONG}"
    doc = Doc(page)
    lay = layout.analyse(doc)
    assert lay.title is not None and doc.text[slice(*lay.title)] == "Hội nghị tổng kết công tác năm 2011"
    assert _boilerplate_share(doc) == 0


@pytest.mark.skipif(not REPORTS, reason="shared corpus not present")
def test_no_corpus_report_loses_more_than_a_tenth_to_boilerplate() -> None:
    assert len(REPORTS) >= 384
    worst = []
    for path in REPORTS:
        doc = Doc(path.read_text(encoding="utf-8"))
        layout.analyse(doc)
        share = _boilerplate_share(doc)
        if share > 0.10:
            worst.append((path.name, round(share, 3)))
    assert worst == []
