"""The byline: the last content lines that read as the authors' names ("Xuân Hoàn - Anh Dũng")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lines import Line
from .vocabulary import LayoutVocabulary

_NAME_SEPARATOR = re.compile(r"\s*(?:\s-\s|,|&|\s+và\s+|/|;)\s*")
#: A byline is short; a longer last line is prose.
_MAX_BYLINE_CHARS = 70
#: How many lines from the end a byline may stand (a source line may follow it).
_BYLINE_LINES = 3


def _is_name_token(token: str) -> bool:
    """'Hoàn', 'HỒNG', 'T.SỸ', 'N.Hữu': capitalised alphabetic pieces joined by dots."""
    parts = token.rstrip(".").split(".")
    return all(p and p.isalpha() and p[0].isupper() for p in parts)


def byline_names(text: str, line: Line, vocabulary: LayoutVocabulary) -> list[tuple[int, int]] | None:
    """Name spans if the line reads as a byline ("Xuân Hoàn - Anh Dũng"), else None."""
    s, e = line
    body = text[s:e]
    if len(body) > _MAX_BYLINE_CHARS or any(ch.isdigit() for ch in body) or vocabulary.source_line.match(body):
        return None
    note = vocabulary.byline_note.search(body)
    if note:
        body = body[: note.start()]
    names: list[tuple[int, int]] = []
    pos = 0
    for part in _NAME_SEPARATOR.split(body):
        idx = body.find(part, pos)
        pos = idx + len(part)
        part = part.strip(" .")
        if not part:
            continue
        tokens = part.split()
        if not 1 <= len(tokens) <= 5 or not all(_is_name_token(t) for t in tokens):
            return None
        start = s + body.find(part, idx)
        names.append((start, start + len(part)))
    return names or None


def _is_source_line(line: str, vocabulary: LayoutVocabulary) -> bool:
    """A short line naming an organisation ("Sở TT&TT Hậu Giang"), which may follow a byline."""
    return bool(vocabulary.source_line.match(line)) and len(line.split()) <= 8 and not line.endswith(".")


def find_byline(
    text: str, content: Sequence[Line], title: Line | None, vocabulary: LayoutVocabulary
) -> tuple[Line, list[tuple[int, int]]] | None:
    """The byline line and its names: the last content line that reads as names, looking past
    source-organisation lines; never the title or the first line."""
    for line in reversed(content[-_BYLINE_LINES:]):
        if line == title or line == content[0]:
            return None
        names = byline_names(text, line, vocabulary)
        if names:
            return line, names
        if not _is_source_line(text[line.start : line.end], vocabulary):
            return None
    return None
