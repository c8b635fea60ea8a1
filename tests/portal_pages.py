"""Realistic Vietnamese portal pages built around a report's plain text (test fixtures).

A page wraps the report in what scraped pages carry around it: a top menu, breadcrumbs, a
sidebar of new documents and a visitor counter, related news, a footer naming the agency and
its editor-in-chief, scripts and styles (one of which plants a person and a decree), and the
text itself with named and numeric character references and ``<br>`` line breaks. Every piece of
debris holds entities that must NOT come out of the page: ``TRAPS``.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from html.entities import codepoint2name

#: Strings planted outside the article: none may appear in the extracted text.
TRAPS = (
    "Trần Văn Kịch",  # inside <script>
    "99/2099/NĐ-CP",  # inside <script>
    "Lê Thị Chân",  # the footer's editor-in-chief
    "Phạm Văn Bên",  # a sidebar "leader" box
    "15/2024/QĐ-UBND",  # sidebar "new documents"
    "Thống kê truy cập",
    "Tin liên quan",
    "Bản quyền thuộc",
    "font-family",  # <style>
)

_MENU = [
    "Trang chủ",
    "Giới thiệu",
    "Tin tức - Sự kiện",
    "Văn bản pháp luật",
    "Thủ tục hành chính",
    "Hỏi đáp",
    "Liên hệ",
]
_RELATED = [
    "Hội nghị tổng kết công tác chuyển đổi số năm 2023",
    "Tập huấn kỹ năng sử dụng dịch vụ công trực tuyến mức độ 4",
    "Kiểm tra công tác cải cách hành chính tại các huyện",
]


@dataclass(frozen=True)
class Page:
    html: str
    title: str
    published: str  # ISO date of the page's metadata
    body_lines: list[str]


def _numeric(text: str) -> str:
    return "".join(c if ord(c) < 128 else f"&#{ord(c)};" for c in html.escape(text, quote=False))


def _named(text: str) -> str:
    """Named references where HTML has one (&ocirc; &agrave;), hexadecimal ones elsewhere."""
    out = []
    for c in html.escape(text, quote=False):
        if ord(c) < 128:
            out.append(c)
        elif ord(c) in codepoint2name:
            out.append(f"&{codepoint2name[ord(c)]};")
        else:
            out.append(f"&#x{ord(c):x};")
    return "".join(out)


def _plain(text: str) -> str:
    return html.escape(text, quote=False)


ENCODERS = {"plain": _plain, "numeric": _numeric, "named": _named}


def _paragraph(line: str, enc: object, with_br: bool) -> str:
    e = enc  # type: ignore[assignment]
    if with_br and ". " in line:
        # A paragraph with a hard line break inside, as editors type them.
        head, tail = line.split(". ", 1)
        return f"<p>{e(head)}.<br>\n{e(tail)}</p>"  # type: ignore[operator]
    return f"<p>{e(line)}</p>"  # type: ignore[operator]


def portal_page(text: str, *, published: str, variant: int = 0, encoding: str = "plain", url: str = "") -> Page:
    """A portal page for one report; ``variant`` picks the layout, ``encoding`` the references.

    variant 0: title in <h1> and <title>; 1: the body has no title, only <title> and og:title;
    2: an older table layout with the date only in meta tags.
    """
    enc = ENCODERS[encoding]
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    title, body = lines[0], lines[1:]
    paragraphs = "\n".join(_paragraph(ln, enc, with_br=(i % 3 == 1)) for i, ln in enumerate(body))
    menu = "".join(f'<li><a href="/m{i}">{enc(m)}</a></li>' for i, m in enumerate(_MENU))
    related = "".join(f'<li><a href="/tin/{i}.html">{enc(t)}</a></li>' for i, t in enumerate(_RELATED))
    y, m, d = published.split("-")
    head = f"""<!DOCTYPE html>
<html lang="vi"><head>
<meta charset="utf-8">
<title>{enc(title)} - Cổng thông tin điện tử tỉnh</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="article:published_time" content="{published}T08:30:00+07:00">
<meta name="author" content="Ban Biên tập">
<link rel="canonical" href="{url}">
<style>body {{ font-family: Arial, sans-serif; }} .menu li {{ display: inline; }}</style>
<script>var pageEditor = "Ông Trần Văn Kịch, Giám đốc Sở Nội vụ"; var doc = "Nghị định 99/2099/NĐ-CP";</script>
<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "{published}"}}</script>
</head>"""
    header = f"""<body>
<div id="header"><a href="/"><img src="/logo.png" alt="Logo"></a>
<ul class="menu">{menu}</ul></div>
<div class="breadcrumb"><a href="/">{enc("Trang chủ")}</a> &raquo; <a href="/tin-tuc">{enc("Tin tức - Sự kiện")}</a></div>"""
    sidebar = f"""<div id="sidebar">
<div class="box"><h3>{enc("Lãnh đạo Sở")}</h3><p>{enc("Giám đốc: ông Phạm Văn Bên")}</p></div>
<div class="box"><h3>{enc("Văn bản mới")}</h3><ul>
<li><a href="/vb/1">{enc("Quyết định số 15/2024/QĐ-UBND về ban hành quy chế")}</a></li></ul></div>
<div class="box"><h3>{enc("Thống kê truy cập")}</h3><p>{enc("Đang truy cập: 125 - Tổng lượt truy cập: 1.234.567")}</p></div>
</div>"""
    footer = f"""<div id="footer"><p>{enc("Cơ quan chủ quản: Sở Thông tin và Truyền thông")}<br>
{enc("Chịu trách nhiệm chính: bà Lê Thị Chân - Trưởng Ban Biên tập")}<br>
{enc("Bản quyền thuộc Cổng thông tin điện tử tỉnh. Ghi rõ nguồn khi phát hành lại thông tin từ website này.")}</p></div>
<script>document.getElementById("header").className += " ready";</script>
</body></html>"""
    related_box = f"""<div class="related"><h3>{enc("Tin liên quan")}</h3><ul>{related}</ul></div>"""
    date_vn = f"{int(d):02d}/{int(m):02d}/{y}"
    if variant == 0:
        article = f"""<div id="content"><article class="news-detail">
<h1 class="title">{enc(title)}</h1>
<div class="meta"><span class="date">{enc("Ngày đăng")}: {date_vn}</span></div>
<div class="news-content">
{paragraphs}
</div></article>
{related_box}</div>"""
    elif variant == 1:
        article = f"""<div id="content"><div class="detail">
<div class="content-detail">
{paragraphs}
</div></div>
{related_box}</div>"""
    else:
        article = f"""<table width="100%"><tr><td valign="top" width="75%">
<table class="tin"><tr><td class="tieude"><b>{enc(title)}</b></td></tr>
<tr><td class="noidung">
{paragraphs}
</td></tr></table>
{related_box}</td>
<td valign="top">{sidebar}</td></tr></table>"""
        sidebar = ""
    page = "\n".join((head, header, sidebar, article, footer))
    return Page(html=page, title=title, published=published, body_lines=body)
