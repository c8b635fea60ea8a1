"""A report's text as HTML with its spans marked, nested where they nest.

Spans overlap in a report (a POSITION holds an AGENCY; a METRIC may sit in a DATE's range):
marks are nested when one span lies inside another, and a span that crosses another's edge is
left unmarked (it is still listed in the side panel). Only ``<mark>`` elements are added and
every character is escaped, so the page's text is exactly the report's text.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ...models import Span


@dataclass(frozen=True, slots=True)
class Mark:
    label: str
    start: int
    end: int
    anchor: str | None = None  # id of the element, for links from the side panel
    note: str | None = None  # tooltip: the canonical value


def nestable(marks: Iterable[Mark], length: int) -> list[Mark]:
    """Marks sorted outer-first, without empty ones and without ones that cross another."""
    ordered = sorted((m for m in marks if 0 <= m.start < m.end <= length), key=lambda m: (m.start, -m.end, m.label))
    kept: list[Mark] = []
    open_ends: list[int] = []
    for m in ordered:
        while open_ends and open_ends[-1] <= m.start:
            open_ends.pop()
        if open_ends and m.end > open_ends[-1]:
            continue  # crosses the end of an enclosing mark
        if kept and (kept[-1].start, kept[-1].end) == (m.start, m.end) and kept[-1].label == m.label:
            continue  # the same span twice
        kept.append(m)
        open_ends.append(m.end)
    return kept


def marked_html(text: str, marks: Sequence[Mark], debris: Sequence[Span] = ()) -> str:
    """``text`` escaped, with ``<mark>`` around each nestable mark and page debris greyed."""
    items = nestable([*marks, *(Mark("DEBRIS", s.start, s.end) for s in debris)], len(text))
    out: list[str] = []
    pos = 0
    stack: list[Mark] = []  # the marks open at ``pos``, innermost last

    def close() -> None:
        nonlocal pos
        m = stack.pop()
        out.append(html.escape(text[pos : m.end]) + ("</span>" if m.label == "DEBRIS" else "</mark>"))
        pos = m.end

    for m in items:
        while stack and stack[-1].end <= m.start:
            close()
        out.append(html.escape(text[pos : m.start]) + _open(m))
        pos = m.start
        stack.append(m)
    while stack:
        close()
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _open(m: Mark) -> str:
    if m.label == "DEBRIS":
        return '<span class="debris" title="page debris, skipped">'
    attrs = f' class="ent" data-label="{html.escape(m.label)}"'
    if m.anchor:
        attrs += f' id="{html.escape(m.anchor)}"'
    if m.note:
        attrs += f' title="{html.escape(m.note)}"'
    return f"<mark{attrs}>"
