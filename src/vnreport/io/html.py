"""Reports as pages: main content and page metadata of an HTML page, then the usual extraction.

The article is found by trafilatura (main-content extraction made for news pages: menus,
sidebars, related news, comments, footers, scripts and styles never reach the text; every
named and numeric character reference is decoded by its HTML parser). What it does not do for
this genre is done here, on the parsed tree, never on the markup as text:

* tables used for layout (older government portals put the whole article in a ``<td>``) are
  turned into plain blocks first, so paragraphs inside a cell stay paragraphs instead of being
  joined into one table row;
* the page title (``<h1>``, ``og:title``, ``<title>``) becomes the first line when the body
  lacks it, the page date (meta tags, JSON-LD, URL: htmldate) fills ``published`` where the
  body has no date line, and the ``author`` meta fills ``authors`` where no byline was found;
* text double-escaped by the CMS ("Th&ocirc;ng" still in the extracted text) is unescaped, and
  legacy TCVN3/VNI text (``.VnTime`` pages) converted.

The plain text that the offsets point into is returned as ``Report.text``:
``report.text[s.start:s.end] == s.text``.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .corpus import InputDoc
from .encodings import EncodingError, decode_as, detect, unmangle

if TYPE_CHECKING:
    from ..models import Report
    from ..pipeline import Pipeline, PublishedLike

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_LEFTOVER_REF = re.compile(r"&(?:#\d{2,7}|#x[0-9a-fA-F]{2,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
_BLOCK_TAGS = ("p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "br", "article", "section")


@dataclass(frozen=True, slots=True)
class Page:
    """The article of a page as plain text, and what the page's metadata says."""

    text: str
    title: str | None
    published: str | None
    author: str | None
    url: str | None


def decode_page(data: bytes, name: str, encoding: str | None = None) -> InputDoc:
    """The markup of an HTML file: ``encoding`` if given, else a BOM, the page's own
    ``<meta charset>``, or detection."""
    try:
        markup = decode_as(data, encoding).text if encoding else _declared(data) or detect(data).text
    except EncodingError as e:
        return InputDoc(name, error=f"{name}: {e}")
    if not markup.strip():
        return InputDoc(name, error=f"{name}: empty file (no page to extract)")
    return InputDoc(name, text=markup, format="html")


def _declared(data: bytes) -> str | None:
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return None  # a BOM: detect() reads it
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        return data.decode(m.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None  # a wrong declaration is common; detection decides


def _unwrap_layout_tables(tree: Any) -> None:
    """Tables whose cells hold blocks (paragraphs, nested tables) are layout, not data: make
    them divs so the extractor keeps their paragraphs apart, and (on a page without an
    ``<article>``) mark the cell holding the most paragraph text as the article, as a modern
    page would, so that short paragraphs in it (sub-headings) are not pruned as debris."""
    cells: list[Any] = []
    for table in list(tree.iter("table")):
        table_cells = list(table.iter("td", "th"))
        if not any(child.tag in _BLOCK_TAGS for c in table_cells for child in c):
            continue
        cells += table_cells
        for el in table.iter("table", "tbody", "thead", "tfoot", "tr", "td", "th"):
            el.tag = "div"
            for attr in ("width", "valign", "align", "colspan", "rowspan"):
                el.attrib.pop(attr, None)
    if not cells or next(tree.iter("article"), None) is not None:
        return

    def paragraph_text(cell: Any) -> int:
        paragraphs = [c for c in cell if c.tag == "p"]
        return sum(len(p.text_content()) for p in paragraphs) if len(paragraphs) >= 2 else 0

    best = max(cells, key=paragraph_text)
    if paragraph_text(best) > 0:
        best.tag = "article"


def _clean_text(text: str) -> str:
    if _LEFTOVER_REF.search(text):
        text = htmllib.unescape(text)  # the CMS escaped twice: "Th&ocirc;ng" after parsing
    fixed = unmangle(text)
    return fixed.text if fixed is not None else text


def read_page(markup: str | bytes, *, url: str | None = None) -> Page:
    """The article text and metadata of one page (trafilatura on the cleaned-up tree)."""
    import lxml.etree  # noqa: PLC0415 - only pages need the HTML stack
    import lxml.html  # noqa: PLC0415
    import trafilatura  # noqa: PLC0415

    if isinstance(markup, bytes):
        markup = _declared(markup) or detect(markup).text
    if not markup.strip():
        return Page("", None, None, None, url)
    try:
        tree = lxml.html.document_fromstring(markup)
    except (ValueError, lxml.etree.ParserError):  # e.g. an XML declaration with an encoding
        tree = lxml.html.document_fromstring(markup.encode("utf-8"))
    _unwrap_layout_tables(tree)
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
    )
    if doc is None:
        return Page("", None, None, None, url)
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = _clean_text(meta.get("text") or "")
    title = _clean_text(meta["title"]).strip() if meta.get("title") else None
    author = _clean_text(meta["author"]).strip() if meta.get("author") else None
    return Page(text, title or None, meta.get("date"), author or None, url or meta.get("url"))


def _with_title(text: str, title: str | None) -> str:
    """The title as the first line (as plain reports have it) unless the body's first line is
    the title already (a lead sentence that merely repeats the title's words is not)."""
    if not title:
        return text
    first = text.lstrip().split("\n", 1)[0].strip().casefold()
    wanted = title.strip().casefold()
    if first == wanted or (first.startswith(wanted) and len(first) - len(wanted) <= 3):
        return text
    return f"{title}\n\n{text}"


def extract_html(
    html: str | bytes,
    *,
    url: str | None = None,
    published: PublishedLike | None = None,
    doc_id: str | None = None,
    pipeline: Pipeline | None = None,
    tokens: bool = False,
) -> Report:
    """Extract a :class:`~vnreport.Report` from an HTML page (a ``str``, or ``bytes`` decoded
    by its ``<meta charset>`` or detection).

    Title, date and author come from the page's metadata where the body lacks them; a
    ``published`` you pass wins over the page's own metadata (not over a date line in the body).
    ``report.text`` is the plain text that every span's offsets point into.
    """
    from ..pipeline import default_pipeline  # noqa: PLC0415

    page = read_page(html, url=url)
    text = _with_title(page.text, page.title)
    nlp = pipeline or default_pipeline()
    report = nlp(text, doc_id=doc_id, tokens=tokens, published=published or page.published, url=page.url)
    if not report.authors and page.author:
        report.authors = [a.strip() for a in re.split(r"[;,]", page.author) if a.strip()]
    report.text = text
    return report


__all__ = ["Page", "decode_page", "extract_html", "read_page"]
