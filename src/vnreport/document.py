"""The working document that flows through the recognisers.

Recognisers read ``doc.text`` (normalised) or ``doc.lower`` (same offsets, lower-cased), skip
``doc.is_boilerplate(...)`` ranges, and turn normalised offsets into user-facing spans with
``doc.span(start, end)``: the only place where offsets cross back to the original text.
What a recogniser finds goes into ``doc.found[label]``; later recognisers may read it (officials
read agencies), and ``doc.context`` carries document-level facts:

* ``published`` (datetime, from the page's date line), ``event_date`` (date, the meeting date),
* ``province`` (:class:`~vnreport.models.Place`, the report's main province),
* ``agency_spans`` (list of ``(start, end, index into doc.found["agencies"])``, normalised).

Recognisers *claim* the normalised ranges they consumed (``doc.claim(s, e, "legal")``) so that
later ones do not read a document number or a date as a figure (``doc.claimed(s, e)``).
"""

from __future__ import annotations

from bisect import bisect_right, insort
from typing import Any

from .matcher import lower_same_length
from .models import Span
from .normalize import NormalizedText


class Doc:
    __slots__ = ("original", "norm", "text", "lower", "doc_id", "layout", "found", "context",
                 "_bp_starts", "_bp_ends", "_claims")

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
        self._claims: list[tuple[int, int, str]] = []

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

    # ------------------------------------------------------------------ claims
    def claim(self, start: int, end: int, label: str) -> None:
        """Mark normalised ``[start, end)`` as consumed by ``label`` (e.g. a legal citation)."""
        if start < end:
            insort(self._claims, (start, end, label))

    def claimed(self, start: int, end: int, labels: tuple[str, ...] | None = None) -> str | None:
        """The label of a claim overlapping ``[start, end)`` (optionally only ``labels``), or None."""
        claims = self._claims
        # Claims are sorted by start; any overlapping one starts before `end`.
        k = bisect_right(claims, (end, -1, ""))
        for i in range(k - 1, -1, -1):
            s, e, label = claims[i]
            if e > start and (labels is None or label in labels):
                return label
            if i < k - 64 and e <= start:
                break
        return None

    def claims(self, label: str | None = None) -> list[tuple[int, int, str]]:
        return [c for c in self._claims if label is None or c[2] == label]
