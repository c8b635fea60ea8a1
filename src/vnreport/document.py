"""The working document that flows through the recognisers.

Recognisers read ``doc.text`` (normalised) or ``doc.lower`` (same offsets, lower-cased), skip
``doc.is_boilerplate(...)`` ranges, and turn normalised offsets into user-facing spans with
``doc.span(start, end)``: the only place where offsets cross back to the original text.
What a recogniser finds goes into ``doc.found[label]``; later recognisers may read it (officials
read agencies), and ``doc.context`` carries document-level facts (published date, province).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from .matcher import lower_same_length
from .models import Span
from .normalize import NormalizedText


class Doc:
    __slots__ = ("original", "norm", "text", "lower", "doc_id", "layout", "found", "context",
                 "_bp_starts", "_bp_ends")

    def __init__(self, text: str, doc_id: str | None = None) -> None:
        self.original = text
        self.norm = NormalizedText.from_text(text)
        self.text = self.norm.text
        self.lower = lower_same_length(self.text)
        self.doc_id = doc_id
        self.layout: Any = None
        self.found: dict[str, Any] = {}
        self.context: dict[str, Any] = {}
        self._bp_starts: list[int] = []
        self._bp_ends: list[int] = []

    # ------------------------------------------------------------------ offsets
    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` of the ORIGINAL text for normalised ``[start, end)``."""
        s, e, t = self.norm.original_span(start, end)
        return Span(start=s, end=e, text=t)

    def orig_offsets(self, start: int, end: int) -> tuple[int, int, str]:
        """Original ``(start, end, text)`` for normalised ``[start, end)``."""
        return self.norm.original_span(start, end)

    # ------------------------------------------------------------------ boilerplate
    def set_boilerplate(self, ranges: list[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for s, e in sorted(ranges):
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], e))
            else:
                merged.append((s, e))
        self._bp_starts = [s for s, _ in merged]
        self._bp_ends = [e for _, e in merged]

    def boilerplate_ranges(self) -> list[tuple[int, int]]:
        return list(zip(self._bp_starts, self._bp_ends))

    def is_boilerplate(self, start: int, end: int | None = None) -> bool:
        """True if ``[start, end)`` touches a web-page remnant (menus, rating widgets …)."""
        end = start + 1 if end is None else end
        k = bisect_right(self._bp_starts, start) - 1
        if k >= 0 and start < self._bp_ends[k]:
            return True
        k2 = bisect_right(self._bp_starts, max(start, end - 1)) - 1
        return k2 > k
