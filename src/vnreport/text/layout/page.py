"""One page's layout: boilerplate first, then the metadata lines near the top and the bottom.

The steps, in order, each reading the content lines the previous ones left:

1. :func:`~.lines.sort_lines`: debris, footer, teasers and photo credits → boilerplate;
2. the date line among the first lines → ``published`` (and boilerplate);
3. the source tag "(Mic.gov.vn) - " in the first lines → ``source`` (and boilerplate);
4. the title: the first content line (before a source tag on the same line), unless it reads
   as the lead paragraph;
5. the byline among the last lines → ``authors`` (and boilerplate).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..document import Doc
from .byline import find_byline
from .dateline import parse_date_line
from .lines import Line, sort_lines
from .vocabulary import LayoutVocabulary, bundled_vocabulary

# "(Mic.gov.vn) - …", "(BĐ) - …", "(NLĐO)- …": a source tag before the lead.
_SOURCE_TAG = re.compile(r"\((?P<src>[A-ZĐ][\w.]{0,29}|[a-z][\w-]*(?:\.[\w-]+)+)\)\s*+-\s*+")
#: How many first content lines may hold the date line, and the source tag.
_DATE_LINE_LINES = 6
_SOURCE_TAG_LINES = 3


@dataclass
class Layout:
    """What the page says about the article (normalised offsets)."""

    title: tuple[int, int] | None = None
    published: dt.datetime | None = None
    source: str | None = None
    authors: list[tuple[int, int]] = field(default_factory=list)
    boilerplate: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class _Page:
    """Per-call state: the text, its remaining content lines and the layout being filled."""

    text: str
    vocabulary: LayoutVocabulary
    content: list[Line]
    layout: Layout


def _take_date_line(page: _Page) -> None:
    for i, (s, e) in enumerate(page.content[:_DATE_LINE_LINES]):
        when = parse_date_line(page.vocabulary.date_line, page.text[s:e])
        if when is not None:
            page.layout.published = when
            page.layout.boilerplate.append((s, e))
            page.content.pop(i)
            return


def _take_source_tag(page: _Page) -> None:
    text = page.text
    for s, e in page.content[:_SOURCE_TAG_LINES]:
        m = _SOURCE_TAG.search(text, s, e)
        if m and (m.start() == s or text[m.start() - 1] == " "):
            src = m["src"]
            if "." in src or src.upper() == src:
                page.layout.source = src
                page.layout.boilerplate.append((m.start(), m.end()))
                return


def _looks_like_title(line: str, vocabulary: LayoutVocabulary) -> bool:
    """A headline: short, not opening with the lead's date, not a long finished sentence."""
    words = len(line.split())
    if words > 40 or vocabulary.lead_opening.match(line):
        return False
    return not (words > 25 and line.endswith("."))


def _take_title(page: _Page) -> None:
    if not page.content:
        return
    text = page.text
    s, e = page.content[0]
    if page.layout.source is not None:
        m = _SOURCE_TAG.search(text, s, e)
        if m and m.start() > s:
            e = m.start()
            while e > s and text[e - 1].isspace():
                e -= 1
    if len(page.content) > 1 and _looks_like_title(text[s:e], page.vocabulary):
        page.layout.title = (s, e)


def _take_byline(page: _Page) -> None:
    title = Line(*page.layout.title) if page.layout.title else None
    found = find_byline(page.text, page.content, title, page.vocabulary)
    if found is not None:
        page.layout.authors = found.names
        page.layout.boilerplate.append(found.span)


def analyse(doc: Doc, vocabulary: LayoutVocabulary | None = None) -> Layout:
    """Find boilerplate and metadata; record boilerplate on ``doc`` and return the layout."""
    vocabulary = vocabulary or bundled_vocabulary()
    lines = sort_lines(doc.text, vocabulary)
    page = _Page(doc.text, vocabulary, lines.content, Layout(boilerplate=lines.boilerplate))
    _take_date_line(page)
    _take_source_tag(page)
    _take_title(page)
    _take_byline(page)
    doc.set_boilerplate(page.layout.boilerplate)
    return page.layout
