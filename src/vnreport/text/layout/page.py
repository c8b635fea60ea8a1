"""Page layout of a scraped report: boilerplate, title, date line, source tag, byline.

Scraped provincial pages carry portal debris (``ĐÁNH GIÁ BÀI VIẾT( 0)``, ``EmailPrintAa``,
``Xem với cỡ chữ : A- A A+``, banner/icon blocks, related-news lists) around the article.
Those ranges are marked as boilerplate so no recogniser produces entities from them; the
article's own metadata (title, published date, source tag, byline) goes to the Report.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .document import Doc

# Lines that are portal debris wherever they appear (matched against the whole stripped line).
_DEBRIS = re.compile(
    r"(?:đánh giá bài viết\s*\(\s*\d*\s*\)"
    r"|email\s*print\s*a+|e-?mail|print|in bài(?: viết)?|rss|top|banner|icon|img|image|logo"
    r"|xem với cỡ chữ.*|cỡ chữ.*|chia sẻ(?: bài viết)?|bình luận|trang chủ|về đầu trang|lên đầu trang"
    r"|số lượt truy cập.*|lượt xem.*|xem (?:chi tiết|tiếp|thêm)(?: icon)?|đọc tiếp|quay lại"
    r"|tin (?:trong tỉnh|trong nước|địa phương|nổi bật|mới(?: nhất)?|đọc nhiều)"
    r"|\|+|[-=_*•·]{2,})",
    re.IGNORECASE,
)
# Lines after which the rest of the page is navigation, not article.
_FOOTER_START = re.compile(
    r"(?:banner|các tin (?:khác|đã đưa)|tin (?:liên quan|cùng chuyên mục|khác)|bài viết liên quan"
    r"|đánh giá bài viết\s*\(\s*\d*\s*\)|cổng thông tin điện tử của các đơn vị.*)",
    re.IGNORECASE,
)
# A related-news teaser: "Bộ Nông nghiệp tìm cách ổn định giá vật tư(09/06/2005)".
_TEASER = re.compile(r".{5,200}\(\d{1,2}/\d{1,2}/\d{4}\)")
# "… phát biểu. Ảnh: T.SỸ" — the photo credit tail of a caption.
_PHOTO_CREDIT = re.compile(r"[(\[]?\bẢnh\s*:\s*[^\n()\[\]:]{1,40}[)\]]?\s*$", re.IGNORECASE)
# Cheap pre-check: _PHOTO_CREDIT's optional first character makes the engine try every position
# of every line; a leading character class is skipped through at C speed.
_PHOTO_HINT = re.compile(r"[Ảả][nN][hH]")

_WEEKDAY = r"(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật|cn)"
_DATE_LINE = re.compile(
    rf"^\s*(?:(?P<h1>\d{{1,2}})[:h](?P<m1>\d{{2}})\s*(?:am|pm)?\s*[,|-]?\s*)?"
    rf"(?:{_WEEKDAY}\s*[,|-]?\s*)?(?:ngày\s*)?"
    r"(?P<d>\d{1,2})[/.-](?P<mo>\d{1,2})[/.-](?P<y>\d{4})"
    r"(?:\s*[,|-]?\s*(?P<h2>\d{1,2})[:h](?P<m2>\d{2})(?::\d{2})?\s*(?:am|pm)?)?"
    r"\s*(?:\(?\s*GMT\s*[+-]\s*\d{1,2}\s*\)?)?\s*$",
    re.IGNORECASE,
)
# "(Mic.gov.vn) - …", "(BĐ) - …", "(NLĐO)- …": a source tag before the lead.
_SOURCE_TAG = re.compile(r"\((?P<src>[A-ZĐ][\w.]{0,29}|[a-z][\w-]*(?:\.[\w-]+)+)\)\s*-\s*")

# First words of a line that names an organisation (a source line), not a byline.
_ORG_START = re.compile(
    r"^(?:sở|bộ|báo|đài|cổng|trung tâm|ubnd|ủy ban|ban|văn phòng|phòng|cục|tổng cục|viện|trường|hội"
    r"|theo|nguồn|ttxvn|vov|vtv|chinhphu|tin|ảnh|video|clip)\b",
    re.IGNORECASE,
)
_BYLINE_SPLIT = re.compile(r"\s*(?:\s-\s|,|&|\s+và\s+|/|;)\s*")
_BYLINE_SUFFIX = re.compile(r"\s*\((?:thực hiện|th|tổng hợp|tổng hợp[^)]*|lược dịch|biên dịch|theo [^)]*)\)\s*$", re.I)


_LINE_BODY = re.compile(r"\S[^\n]*")


@dataclass
class Layout:
    title: tuple[int, int] | None = None
    published: dt.datetime | None = None
    source: str | None = None
    authors: list[tuple[int, int]] = field(default_factory=list)
    boilerplate: list[tuple[int, int]] = field(default_factory=list)


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line without surrounding spaces; blank lines dropped."""
    # From each line's first non-space character to its end, then rstrip: blank lines cost
    # nothing in Python (a text of a million newlines took 0.3 s in a per-line loop).
    out = []
    for m in _LINE_BODY.finditer(text):
        s = m.start()
        out.append((s, s + len(m.group().rstrip())))
    return out


def _parse_date_line(line: str) -> dt.datetime | None:
    m = _DATE_LINE.match(line)
    if not m:
        return None
    try:
        day = dt.date(int(m["y"]), int(m["mo"]), int(m["d"]))
    except ValueError:
        return None
    h, mi = (m["h1"], m["m1"]) if m["h1"] else (m["h2"], m["m2"])
    if h is not None and int(h) < 24 and int(mi) < 60:
        return dt.datetime(day.year, day.month, day.day, int(h), int(mi))
    return dt.datetime(day.year, day.month, day.day)


def _is_name_token(token: str) -> bool:
    """'Hoàn', 'HỒNG', 'T.SỸ', 'N.Hữu': capitalised alphabetic pieces joined by dots."""
    parts = token.rstrip(".").split(".")
    return all(p and p.isalpha() and p[0].isupper() for p in parts)


def _byline_names(text: str, s: int, e: int) -> list[tuple[int, int]] | None:
    """Name spans if the line ``text[s:e]`` reads as a byline ("Xuân Hoàn - Anh Dũng")."""
    line = text[s:e]
    if len(line) > 70 or any(ch.isdigit() for ch in line) or _ORG_START.match(line):
        return None
    m = _BYLINE_SUFFIX.search(line)
    if m:
        line = line[: m.start()]
    names: list[tuple[int, int]] = []
    pos = 0
    for part in _BYLINE_SPLIT.split(line):
        idx = line.find(part, pos)
        pos = idx + len(part)
        part = part.strip(" .")
        if not part:
            continue
        tokens = part.split()
        if not 1 <= len(tokens) <= 5 or not all(_is_name_token(t) for t in tokens):
            return None
        start = s + line.find(part, idx)
        names.append((start, start + len(part)))
    return names or None


# A lead paragraph opens with its date ("Ngày 29/4, Bộ …", "Sáng 31/5, Thủ tướng …"); a title doesn't.
_LEAD_OPENING = re.compile(
    r"(?:ngày|sáng|chiều|tối|trưa|đêm|hôm qua|hôm nay)(?: nay| qua)?\s*(?:ngày\s*)?\d{1,2}\s*[/.-]\s*\d{1,2}\b",
    re.IGNORECASE,
)


def _looks_like_title(line: str) -> bool:
    """A headline: short, not opening with the lead's date, not a long finished sentence."""
    words = len(line.split())
    if words > 40 or _LEAD_OPENING.match(line):
        return False
    return not (words > 25 and line.endswith("."))


def analyse(doc: Doc) -> Layout:
    """Find boilerplate and metadata; record boilerplate on ``doc`` and return the layout."""
    text = doc.text
    lines = _lines(text)
    lay = Layout()
    content: list[tuple[int, int]] = []
    footer = False
    for s, e in lines:
        line = text[s:e]
        if footer:
            lay.boilerplate.append((s, e))
            continue
        if _FOOTER_START.fullmatch(line) and (content or s > 0):
            footer = True
            lay.boilerplate.append((s, e))
            continue
        if _DEBRIS.fullmatch(line) or _TEASER.fullmatch(line) or line.startswith("* "):
            lay.boilerplate.append((s, e))
            continue
        m = _PHOTO_CREDIT.search(line) if _PHOTO_HINT.search(line) else None
        if m and m.start() > 0:
            lay.boilerplate.append((s + m.start(), e))
        elif m:
            lay.boilerplate.append((s, e))
            continue
        content.append((s, e))

    # Date line near the top → published.
    for i, (s, e) in enumerate(content[:6]):
        when = _parse_date_line(text[s:e])
        if when is not None:
            lay.published = when
            lay.boilerplate.append((s, e))
            content.pop(i)
            break

    # Source tag in the first lines: "(Mic.gov.vn) - …".
    for s, e in content[:3]:
        m = _SOURCE_TAG.search(text, s, e)
        if m and (m.start() == s or text[m.start() - 1] == " "):
            src = m["src"]
            if "." in src or src.upper() == src:
                lay.source = src
                lay.boilerplate.append((m.start(), m.end()))
                break

    # Title: the first content line, unless it is really the lead paragraph.
    if content:
        s, e = content[0]
        if lay.source is not None:
            m = _SOURCE_TAG.search(text, s, e)
            if m and m.start() > s:
                e = m.start()
                while e > s and text[e - 1].isspace():
                    e -= 1
        if len(content) > 1 and _looks_like_title(text[s:e]):
            lay.title = (s, e)

    # Byline: the last content line that reads as names, skipping a source-organisation line.
    for s, e in reversed(content[-3:]):
        if (s, e) == lay.title or (s, e) == content[0]:
            break
        names = _byline_names(text, s, e)
        if names:
            lay.authors = names
            lay.boilerplate.append((s, e))
            break
        if not (_ORG_START.match(text[s:e]) and len(text[s:e].split()) <= 8 and not text[s:e].endswith(".")):
            break

    doc.set_boilerplate(lay.boilerplate)
    return lay
