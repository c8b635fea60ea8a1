"""The page's lines, sorted into article content and portal boilerplate.

Debris lines (widgets, menus) are boilerplate wherever they stand; after a footer heading
("Tin liên quan", "Các tin khác") the rest of the page is; a related-news teaser ending in its
date and a photo credit ("Ảnh: T.SỸ", alone or at a caption's end) are too, and so is a short
note opening with "* " in the page's tail ("* Mọi ý kiến đóng góp xin gửi về …"). Everything
else is content, in page order, for the metadata steps.

A long paragraph is article prose whatever it opens with or follows: it is never debris, a
teaser or a note, and after a footer heading it resumes the article (an inline "Tin liên quan"
box). Bodies often come as one line ("* Tiếp tục chương trình kỳ họp…", 4,400 characters):
losing one would leave an empty report without a word of warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from .vocabulary import LayoutVocabulary

# A related-news teaser: "Bộ Nông nghiệp tìm cách ổn định giá vật tư(09/06/2005)".
_TEASER = re.compile(r".{5,200}\(\d{1,2}/\d{1,2}/\d{4}\)")
# "… phát biểu. Ảnh: T.SỸ" — the photo credit tail of a caption.
_PHOTO_CREDIT = re.compile(r"[(\[]?\bẢnh\s*+:\s*+(?>[^\n()\[\]:]{1,40})[)\]]?\s*+$", re.IGNORECASE)
# Cheap pre-check: _PHOTO_CREDIT's optional first character makes the engine try every position
# of every line; a leading character class is skipped through at C speed.
_PHOTO_HINT = re.compile(r"[Ảả][nN][hH]")
_LINE_BODY = re.compile(r"\S[^\n]*")
#: A line at least this long is article prose (the longest debris, teaser or note lines in the
#: corpus are ~110 characters; a related-news teaser is at most ~200 by its pattern).
PROSE_CHARS = 200
#: The bullet of a note ("* Mọi ý kiến đóng góp …").
_NOTE_BULLET = "* "


class Line(NamedTuple):
    """Normalised ``[start, end)`` of a line without its surrounding spaces."""

    start: int
    end: int


@dataclass(slots=True)
class SortedLines:
    """The page's content lines in order, and the boilerplate ranges found among them."""

    content: list[Line] = field(default_factory=list)
    boilerplate: list[tuple[int, int]] = field(default_factory=list)


def page_lines(text: str) -> list[Line]:
    """Each non-blank line of ``text``, without surrounding spaces."""
    # From each line's first non-space character to its end, then rstrip: blank lines cost
    # nothing in Python (a text of a million newlines took 0.3 s in a per-line loop).
    out = []
    for m in _LINE_BODY.finditer(text):
        s = m.start()
        out.append(Line(s, s + len(m.group().rstrip())))
    return out


def _photo_credit(line: str) -> re.Match[str] | None:
    return _PHOTO_CREDIT.search(line) if _PHOTO_HINT.search(line) else None


def _is_note(line: str) -> bool:
    return line.startswith(_NOTE_BULLET) and len(line) < PROSE_CHARS


def _is_page_furniture(line: str, vocabulary: LayoutVocabulary) -> bool:
    """Debris or a related-news teaser (never a prose-long line)."""
    if len(line) >= PROSE_CHARS:
        return False
    return bool(vocabulary.debris.fullmatch(line) or _TEASER.fullmatch(line))


def _drop_tail_notes(out: SortedLines, text: str, notes: list[Line]) -> None:
    """Notes with no prose after them are the page's tail (boilerplate); others are content
    (a short "* Về công tác cán bộ:" heading inside the article)."""
    last_prose = max((s for s, e in out.content if e - s >= PROSE_CHARS), default=-1)
    kept = False
    for note in notes:
        if note.start > last_prose:
            out.boilerplate.append(note)
        else:
            out.content.append(note)
            kept = True
    if kept:
        out.content.sort()


def sort_lines(text: str, vocabulary: LayoutVocabulary) -> SortedLines:
    """Content and boilerplate of the page, line by line (see the module docstring)."""
    out = SortedLines()
    notes: list[Line] = []
    footer = False
    for s, e in page_lines(text):
        line = text[s:e]
        if footer and len(line) < PROSE_CHARS:
            out.boilerplate.append((s, e))
            continue
        footer = False
        if len(line) < PROSE_CHARS and vocabulary.footer.fullmatch(line) and (out.content or s > 0):
            footer = True
            out.boilerplate.append((s, e))
            continue
        if _is_page_furniture(line, vocabulary):
            out.boilerplate.append((s, e))
            continue
        if _is_note(line):
            notes.append(Line(s, e))
            continue
        credit = _photo_credit(line)
        if credit is not None and credit.start() == 0:
            out.boilerplate.append((s, e))
            continue
        if credit is not None:
            out.boilerplate.append((s + credit.start(), e))
        out.content.append(Line(s, e))
    _drop_tail_notes(out, text, notes)
    return out
