"""HTML pages in: the article only, entities decoded, metadata from the page, exact offsets."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import vnreport
from vnreport.batch import extract_records
from vnreport.io.html import read_page
from vnreport.text.normalize import normalize_string

sys.path.insert(0, str(Path(__file__).resolve().parent))
from portal_pages import TRAPS, portal_page

pytest.importorskip("trafilatura")

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VNREPORT_SHARED", ROOT.parent / "shared"))
if not SHARED.exists():
    SHARED = Path("/work/shared")
SAMPLES = vnreport.samples()


def corpus_texts() -> list[tuple[str, str]]:
    """Every shared news and seed report and every tenth report of ``wide/`` (bundled samples
    when ../shared is missing)."""
    corpus = SHARED / "corpus"
    files = [*sorted((corpus / "news").glob("*.txt")), *sorted((corpus / "seeds").glob("*.txt"))]
    files += sorted((corpus / "wide").glob("*.txt"))[::10]
    texts = [(f"{f.parent.name}/{f.name}", f.read_text(encoding="utf-8")) for f in files]
    return texts or list(SAMPLES.items())


def entity_sets(r: vnreport.Report) -> dict[str, list[object]]:
    return {
        # position texts are spans of different strings (a page's NBSPs become spaces): compare
        # them in the normalised spelling, like every value
        "officials": sorted((o.name, tuple(normalize_string(p.text) for p in o.positions)) for o in r.officials),
        "agencies": sorted(a.name for a in r.agencies),
        "legal_documents": sorted((d.id, d.doc_type) for d in r.legal_documents),
        "metrics": sorted((m.text, m.value, m.unit) for m in r.metrics),
    }


CASES = [(name, text, i % 3, ("plain", "numeric", "named")[i % 3]) for i, (name, text) in enumerate(corpus_texts())]


@pytest.mark.parametrize(("name", "text", "variant", "encoding"), CASES, ids=[c[0] for c in CASES])
def test_a_page_gives_what_its_text_gives(name: str, text: str, variant: int, encoding: str) -> None:
    page = portal_page(text, published="2024-05-03", variant=variant, encoding=encoding, url=f"https://x.gov.vn/{name}")
    want = vnreport.extract(text)
    got = vnreport.extract_html(page.html, url=f"https://x.gov.vn/{name}")
    assert entity_sets(got) == entity_sets(want)
    assert got.text is not None
    assert all(got.text[s.start : s.end] == s.text for _, s in got.spans())
    assert not [t for t in TRAPS if t in got.text]
    assert got.title == want.title  # from <h1>/<b> in the body, or from <title>/og:title
    assert got.url == f"https://x.gov.vn/{name}"
    if want.published is None:
        assert got.published == dt.datetime(2024, 5, 3)  # the page's metadata
    else:
        assert got.published == want.published  # the body's own date line wins


def test_named_and_numeric_references_are_decoded() -> None:
    agency = "S&#7903; Th&ocirc;ng tin v&agrave; Truy&#7873;n th&ocirc;ng t&#x1EC9;nh H&agrave; T&#297;nh"
    html = f"""<html><head><title>Tin</title></head><body><article><h1>H&#7897;i ngh&#7883; giao ban</h1>
<p>Ng&agrave;y 19/7/2011, {agency} t&#7893; ch&#7913;c h&#7897;i ngh&#7883; s&#417; k&#7871;t 6 th&aacute;ng.
&Ocirc;ng Nguy&#7877;n V&#259;n B&igrave;nh, Gi&aacute;m &#273;&#7889;c {agency}, ph&aacute;t bi&#7875;u.</p>
<p>Hội nghị cũng triển khai Nghị định 43/2011/NĐ-CP của Chính phủ về cung cấp thông tin trực tuyến.</p>
</article></body></html>"""
    r = vnreport.extract_html(html)
    assert "Sở Thông tin và Truyền thông tỉnh Hà Tĩnh" in {a.name for a in r.agencies}
    assert [o.name for o in r.officials] == ["Nguyễn Văn Bình"]
    assert "&" not in (r.text or "")


def test_text_escaped_twice_by_the_cms_is_unescaped() -> None:
    html = (
        "<html><body><article><h1>Tin</h1><p>&amp;Ocirc;ng Tr&amp;#7847;n V&amp;#259;n Nam, Gi&amp;aacute;m "
        "&amp;#273;&amp;#7889;c S&amp;#7903; N&amp;#7897;i v&amp;#7909;, ch&#7911; tr&igrave; cu&#7897;c h&#7885;p "
        "v&#7873; c&ocirc;ng t&aacute;c c&aacute;n b&#7897; c&#7911;a t&#7881;nh n&#259;m 2024.</p></article></body></html>"
    )
    r = vnreport.extract_html(html)
    assert [o.name for o in r.officials] == ["Trần Văn Nam"]


def test_script_style_menu_and_footer_never_become_entities() -> None:
    page = portal_page(SAMPLES[next(iter(SAMPLES))], published="2011-07-20", variant=0)
    r = vnreport.extract_html(page.html)
    names = {o.name for o in r.officials}
    assert not names & {"Trần Văn Kịch", "Lê Thị Chân", "Phạm Văn Bên"}
    assert not {d.id for d in r.legal_documents} & {"99/2099/NĐ-CP", "15/2024/QĐ-UBND"}
    # …although every one of them is a real entity when it is in the text.
    trap_text = "Ông Trần Văn Kịch, Giám đốc Sở Nội vụ, ký Quyết định số 15/2024/QĐ-UBND ngày 3/5/2024."
    trapped = vnreport.extract(trap_text)
    assert {o.name for o in trapped.officials} == {"Trần Văn Kịch"}
    assert {d.id for d in trapped.legal_documents} == {"15/2024/QĐ-UBND"}


def test_layout_tables_keep_their_paragraphs() -> None:
    text = SAMPLES[next(iter(SAMPLES))]
    page = portal_page(text, published="2011-07-20", variant=2)
    got = read_page(page.html)
    lines = got.text.splitlines()
    for line in page.body_lines[:5]:  # sub-headings included
        assert any(re.sub(r"\s+", " ", line).strip().startswith(x) for x in lines if x), line


def test_metadata_fills_only_what_the_body_lacks() -> None:
    body = "<p>Sáng 7/12, ông Võ Minh Tâm, Trưởng Ban Tuyên giáo Tỉnh ủy Hậu Giang, dự hội nghị giao ban báo chí.</p>"
    head = (
        '<head><title>Giao ban báo chí - Cổng TTĐT</title><meta property="og:title" content="Giao ban báo chí">'
        '<meta name="author" content="Minh Khang"><meta property="article:published_time" content="2011-12-08T09:00:00">'
        "</head>"
    )
    r = vnreport.extract_html(f"<html>{head}<body><article>{body}</article></body></html>")
    assert r.title == "Giao ban báo chí"
    assert r.published == dt.datetime(2011, 12, 8)
    assert r.authors == ["Minh Khang"]
    assert [d.date_start for d in r.dates if d.text == "7/12"] == [dt.date(2011, 12, 7)]
    assert (r.text or "").startswith("Giao ban báo chí\n\n")
    # A date you pass wins over the page's; a byline in the body wins over the author meta.
    r2 = vnreport.extract_html(
        f"<html>{head}<body><article>{body}<p>Nguyễn Văn Hùng</p></article></body></html>", published="2011-12-09"
    )
    assert r2.published == dt.datetime(2011, 12, 9)


def test_bytes_follow_the_pages_charset() -> None:
    from test_inputs import to_cp1258, to_vni

    html = '<html><head><meta charset="windows-1258"><title>Tin</title></head><body><article><h1>Tin</h1>'
    html += "<p>Ông Võ Minh Tâm, Trưởng Ban Tuyên giáo Tỉnh ủy, phát biểu chỉ đạo hội nghị giao ban.</p></article></body></html>"
    r = vnreport.extract_html(to_cp1258(html))
    assert [o.name for o in r.officials] == ["Võ Minh Tâm"]
    # An old page typed in a VNI font: the extracted text is converted.
    legacy = vnreport.extract_html(to_vni(html.replace("windows-1258", "windows-1252")))
    assert [o.name for o in legacy.officials] == ["Võ Minh Tâm"]


def names(rec: dict) -> list[tuple[str, list[str]]]:
    return [(o["name"], [p["text"] for p in o["positions"]]) for o in rec["officials"]]


def test_cli_reads_pages(tmp_path: Path) -> None:
    text = SAMPLES[next(iter(SAMPLES))]
    (tmp_path / "a.html").write_text(portal_page(text, published="2011-07-20", variant=1).html, encoding="utf-8")
    (tmp_path / "b.page").write_text(portal_page(text, published="2011-07-20", variant=0).html, encoding="utf-8")
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, "-m", "vnreport", "extract", *args]
        return subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, env=env, timeout=300)

    r = run("a.html")
    assert r.returncode == 0, r.stderr
    (rec,) = json.loads(r.stdout)
    want = vnreport.extract(text)
    assert rec["title"] == want.title and rec["published"] == "2011-07-20T00:00:00"
    assert [o["name"] for o in rec["officials"]] == [o.name for o in want.officials]
    r2 = run("b.page", "--input-format", "html")
    assert r2.returncode == 0 and names(json.loads(r2.stdout)[0]) == names(rec)
    # A corpus whose text field holds pages.
    (tmp_path / "pages.jsonl").write_text(
        json.dumps({"id": "p1", "html": (tmp_path / "a.html").read_text(encoding="utf-8")}) + "\n", encoding="utf-8"
    )
    r3 = run("pages.jsonl", "--text-field", "html", "--id-field", "id", "--input-format", "html")
    assert r3.returncode == 0, r3.stderr
    assert json.loads(r3.stdout.splitlines()[0])["officials"] == rec["officials"]  # the same page: same offsets


def test_batch_over_pages_in_processes(tmp_path: Path) -> None:
    text = SAMPLES[next(iter(SAMPLES))]
    for i in range(3):
        (tmp_path / f"{i}.html").write_text(portal_page(text, published="2011-07-20", variant=i).html, encoding="utf-8")
    paths = [str(tmp_path / f"{i}.html") for i in range(3)]
    from vnreport.io.corpus import FileTask

    recs = list(extract_records([FileTask(p, p, None, "html") for p in paths], workers=2))
    assert [r["doc_id"] for r in recs] == paths and all(r["error"] is None for r in recs)
    assert len({json.dumps(names(r)) for r in recs}) == 1  # offsets differ with the layout, not the people


def test_an_empty_or_non_article_page_gives_an_empty_report() -> None:
    r = vnreport.extract_html("<html><body><script>var a = 'Ông Trần Văn Kịch';</script></body></html>")
    assert r.officials == [] and (r.text or "") == ""
