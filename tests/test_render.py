"""Review pages out: marks nest and keep the text, the panel and index count right, and the
pages work in a real headless Chromium (no console errors, marks present, a screenshot)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

import vnreport
from vnreport.io.render import page_name, write_review
from vnreport.io.render.marks import Mark, marked_html, nestable
from vnreport.io.render.page import report_page

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = vnreport.samples()
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
#: The flags that work on this kind of machine (no sandbox as root, no network beyond loopback).
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _Text(HTMLParser):
    """The text content of one element (by id), as a browser's textContent gives it."""

    def __init__(self, element_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.element_id, self.depth, self.parts = element_id, 0, []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += 1
        elif ("id", self.element_id) in attrs:
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)


def text_of(page: str, element_id: str = "text") -> str:
    p = _Text(element_id)
    p.feed(page)
    return "".join(p.parts)


# ---------------------------------------------------------------------- marks
def test_marks_nest_and_crossing_ones_are_dropped() -> None:
    text = "Giám đốc Sở Y tế Hà Nội năm nay"
    marks = [
        Mark("POSITION", 0, 23),
        Mark("AGENCY", 9, 23),
        Mark("LOC", 17, 23),
        Mark("DATE", 20, 31),  # starts inside the LOC, ends after it: crosses, left out
        Mark("AGENCY", 9, 23),  # the same span twice
        Mark("METRIC", 3, 3),  # empty
    ]
    kept = nestable(marks, len(text))
    assert [(m.label, m.start, m.end) for m in kept] == [("POSITION", 0, 23), ("AGENCY", 9, 23), ("LOC", 17, 23)]
    out = marked_html(text, kept)
    assert out == (
        '<mark class="ent" data-label="POSITION">Giám đốc <mark class="ent" data-label="AGENCY">Sở Y tế '
        '<mark class="ent" data-label="LOC">Hà Nội</mark></mark></mark> năm nay'
    )


def test_markup_in_the_text_is_escaped_and_the_text_kept() -> None:
    text = "<b>Ông A</b> & 5% <script>x</script>"
    out = marked_html(text, [Mark("METRIC", 16, 18, "f0", "5 %")])
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert text_of(f'<div id="text">{out}</div>') == text


@pytest.mark.parametrize("doc_id", list(SAMPLES))
def test_a_page_holds_the_text_exactly_and_lists_every_entity(doc_id: str) -> None:
    text = SAMPLES[doc_id]
    report = vnreport.extract(text, doc_id=doc_id)
    page = report_page(report, text)
    assert text_of(page) == text
    for o in report.officials:
        assert o.name in text_of(page, "o" + str(report.officials.index(o))) or o.mentions[0].text in page
    assert page.count('data-label="OFFICIAL"') >= len(report.officials)
    assert page.count('<a href="#d') == len(report.legal_documents)
    assert page.count('<a href="#f') == len(report.metrics)
    assert f"Officials ({len(report.officials)})" in page and f"Figures ({len(report.metrics)})" in page


def test_page_names_are_safe() -> None:
    assert page_name(1, "r001.txt") == "0001-r001.html"
    assert page_name(12, "https://baomoi.com/Tin tức/12225088.epi") == "0012-12225088.html"
    assert page_name(3, "Sở Nội vụ/../../etc") == "0003-etc.html"
    assert page_name(4, None) == "0004-report.html"


def test_review_folder_and_index(tmp_path: Path) -> None:
    items = [(vnreport.extract(t, doc_id=d), t) for d, t in SAMPLES.items()]
    written = write_review([*items, {"doc_id": "bad.txt", "error": "bad.txt: empty file"}], tmp_path / "review")
    assert [p.name for p in written][-1] == "index.html" and len(written) == len(SAMPLES) + 1
    index = (tmp_path / "review" / "index.html").read_text(encoding="utf-8")
    assert index.count('<tr class="ok">') == len(SAMPLES) and index.count('<tr class="failed">') == 1
    total = sum(len(r.officials) for r, _ in items)
    assert f"<div><b>{total:,}</b>officials</div>" in index
    assert "bad.txt: empty file" in index
    with pytest.raises(ValueError, match="no text to mark"):
        write_review([{"error": None, **items[0][0].model_dump(mode="json")}], tmp_path / "r2")


def test_cli_render(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from portal_pages import portal_page

    text = next(iter(SAMPLES.values()))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "page.html").write_text(portal_page(text, published="2011-07-20").html, encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "row1", "text": text}) + "\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "vnreport",
            "render",
            "in",
            "page.html",
            "c.jsonl",
            "-o",
            "review",
            "--workers",
            "2",
            "--id-field",
            "id",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert r.returncode == 1, r.stderr  # the empty file failed, and is listed
    assert "empty file" in r.stderr
    pages = sorted(p.name for p in (tmp_path / "review").glob("*.html"))
    assert pages == ["0001-a.html", "0003-page.html", "0004-row1.html", "index.html"]
    for name in pages[:-1]:
        page = (tmp_path / "review" / name).read_text(encoding="utf-8")
        assert "Võ Minh Tâm" in text_of(page) and 'data-label="OFFICIAL"' in page


def test_colours_match_the_displacy_ones() -> None:
    pytest.importorskip("spacy")
    from vnreport.io.render.style import LABEL_COLORS
    from vnreport.spacy_component import LABEL_COLORS as DISPLACY

    assert LABEL_COLORS == DISPLACY


# ---------------------------------------------------------------------- a real browser
def browser_available() -> bool:
    if not Path(CHROMIUM).exists():
        return False
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.skipif(
    not browser_available() and not os.environ.get("CI"),
    reason="needs Debian's chromium (scripts/test.sh installs it) and playwright",
)
def test_pages_in_headless_chromium(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    items = [(vnreport.extract(t, doc_id=d), t) for d, t in SAMPLES.items()]
    write_review(items, tmp_path / "review")
    shots = Path(os.environ.get("VNREPORT_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("console", lambda m: errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
        page.goto((tmp_path / "review" / "index.html").as_uri())
        assert page.locator("table.reports tbody tr").count() == len(SAMPLES)
        page.screenshot(path=str(shots / "index.png"), full_page=True)
        page.locator("table.reports tbody tr a").first.click()
        page.wait_for_load_state()
        report, text = items[0]
        assert page.locator("article#text").text_content() == text
        for label, n in (("OFFICIAL", len(report.officials)), ("LEGAL_DOC", len(report.legal_documents))):
            assert page.locator(f'mark.ent[data-label="{label}"]').count() >= n > 0
        assert page.locator("aside section").count() == 4
        mark = page.locator('mark.ent[data-label="OFFICIAL"]').first
        shown = mark.evaluate("m => getComputedStyle(m).backgroundColor")
        page.screenshot(path=str(shots / "report.png"), full_page=False)
        # The legend hides a kind; a panel link jumps to the first mention.
        page.locator('.legend input[value="OFFICIAL"]').uncheck()
        assert "hide-OFFICIAL" in (page.locator("body").get_attribute("class") or "")
        assert mark.evaluate("m => getComputedStyle(m).backgroundColor") != shown
        page.locator("aside a[href='#o0']").click()
        assert page.evaluate("location.hash") == "#o0"
        browser.close()
    assert errors == []
    assert (shots / "report.png").stat().st_size > 10_000
