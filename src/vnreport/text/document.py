"""The working document that flows through the recognisers.

Recognisers read ``doc.text`` (normalised) or ``doc.lower`` (same offsets, lower-cased), skip
``doc.is_boilerplate(...)`` ranges, and turn normalised offsets into user-facing spans with
``doc.span(start, end)``: the only place where offsets cross back to the original text.
What a recogniser finds goes into ``doc.found[label]``; later recognisers may read it (officials
read agencies), and ``doc.context`` (a :class:`DocContext`) carries document-level facts that
recognisers set for later ones: the dates, the report's province, where places and agencies
were mentioned.

Recognisers *claim* the normalised ranges they consumed (``doc.claim(s, e, "legal")``) so that
later ones do not read a document number or a date as a figure (``doc.claimed(s, e)``).

A ``Doc`` is made per call and holds all per-document state, so one pipeline (and its
recognisers) can be shared by threads.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from ..models import Place, Span
from .normalize import NormalizedText, lower_same_length

if TYPE_CHECKING:
    from .layout import Layout


class IndexedSpan(NamedTuple):
    """Normalised ``[start, end)`` of a mention and the index of its entity in ``doc.found``."""

    start: int
    end: int
    item: int


class PlaceSpan(NamedTuple):
    """Normalised ``[start, end)`` of a place mention and the place."""

    start: int
    end: int
    place: Place


@dataclass(slots=True)
class DocContext:
    """Document-level facts, set by the layout step and by recognisers for later ones.

    A span list is None until the recogniser that fills it has run (a disabled recogniser
    leaves it None, so readers can fall back to their own scan).
    """

    #: the page's date line (or the caller's metadata)
    published: dt.datetime | None = None
    #: the meeting date, from the dates recogniser
    event_date: dt.date | None = None
    #: the report's main province, from the places recogniser
    province: Place | None = None
    #: date mentions, index into ``doc.found["dates"]``
    date_spans: list[IndexedSpan] | None = None
    #: place mentions in text order
    place_spans: list[PlaceSpan] | None = None
    #: agency mentions sorted by position, index into ``doc.found["agencies"]``
    agency_spans: list[IndexedSpan] | None = None

    def report_date(self) -> dt.date | None:
        """The report's date for choosing pre- or post-2025 units (event date, else published)."""
        if self.event_date is not None:
            return self.event_date
        return self.published.date() if self.published is not None else None

    def published_date(self) -> dt.date | None:
        return self.published.date() if self.published is not None else None


class Doc:
    __slots__ = (
        "_bp_ends",
        "_bp_starts",
        "_claims",
        "context",
        "doc_id",
        "found",
        "layout",
        "lower",
        "norm",
        "original",
        "text",
    )

    def __init__(self, text: str, doc_id: str | None = None) -> None:
        self.original = text
        self.norm = NormalizedText.from_text(text)
        self.text = self.norm.text
        self.lower = lower_same_length(self.text)
        self.doc_id = doc_id
        self.layout: Layout | None = None
        self.found: dict[str, Any] = {}
        self.context = DocContext()
        self._bp_starts: list[int] = []
        self._bp_ends: list[int] = []
        self._claims: dict[str, _Claims] = {}

    # ------------------------------------------------------------------ offsets
    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` of the ORIGINAL text for normalised ``[start, end)``."""
        s, e, t = self.norm.original_span(start, end)
        # built from the offset map itself (non-negative offsets, the text slice): nothing to
        # validate, and this runs for every mention of every document
        return Span.model_construct(start=s, end=e, text=t)

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
        return list(zip(self._bp_starts, self._bp_ends, strict=True))

    def is_boilerplate(self, start: int, end: int | None = None) -> bool:
        """True if ``[start, end)`` touches a web-page remnant (menus, rating widgets …)."""
        end = start + 1 if end is None else end
        k = bisect_right(self._bp_starts, start) - 1
        if k >= 0 and start < self._bp_ends[k]:
            return True
        k2 = bisect_right(self._bp_starts, max(start, end - 1)) - 1
        return k2 > k

    # ------------------------------------------------------------------ claims
    # Per label: claims sorted by (start, end) and the running maximum of their ends, so
    # "does any claim overlap [s, e)?" is one bisect and one lookup whatever the claims' lengths
    # (a scan of nearby claims misses a long claim behind many short ones, and a scan back to
    # the start is quadratic on reports with thousands of figures). Recognisers claim mostly in
    # reading order, so the running maximum is extended at the end, rarely recomputed.
    def claim(self, start: int, end: int, label: str) -> None:
        """Mark normalised ``[start, end)`` as consumed by ``label`` (e.g. a legal citation)."""
        if start >= end:
            return
        rec = self._claims.get(label)
        if rec is None:
            rec = self._claims[label] = _Claims()
        rec.add(start, end)

    def claimed(self, start: int, end: int, labels: tuple[str, ...] | None = None) -> str | None:
        """The label of a claim overlapping ``[start, end)`` (optionally only ``labels``), or None.

        When claims of several labels overlap, the first label in ``labels`` (or, without
        ``labels``, the label claimed first in this document) is returned.
        """
        for label in labels if labels is not None else list(self._claims):
            rec = self._claims.get(label)
            if rec is not None and rec.overlaps(start, end):
                return label
        return None

    def claims(self, label: str | None = None) -> list[tuple[int, int, str]]:
        """Claims as ``(start, end, label)`` sorted by position (only ``label``'s if given)."""
        out = [(s, e, lab) for lab, rec in self._claims.items() if label is None or lab == label for s, e in rec.spans]
        out.sort()
        return out


class _Claims:
    """One label's claimed ranges: sorted spans plus the prefix maximum of their ends."""

    __slots__ = ("_max_end", "_valid", "spans")

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []
        self._max_end: list[int] = []  # _max_end[i] = max end of spans[0..i], valid below _valid
        self._valid = 0

    def add(self, start: int, end: int) -> None:
        span = (start, end)
        spans = self.spans
        if not spans or spans[-1] <= span:
            spans.append(span)
            if self._valid == len(spans) - 1:
                self._max_end.append(max(end, self._max_end[-1]) if self._max_end else end)
                self._valid += 1
            return
        i = bisect_right(spans, span)
        spans.insert(i, span)
        self._valid = min(self._valid, i)

    def overlaps(self, start: int, end: int) -> bool:
        spans = self.spans
        k = bisect_left(spans, (end, -1))  # spans[:k] start before ``end``
        if k == 0:
            return False
        if self._valid < k:
            me = self._max_end
            del me[self._valid :]
            run = me[-1] if me else -1
            for _, e in spans[len(me) :]:
                run = max(run, e)
                me.append(run)
            self._valid = len(spans)
        return self._max_end[k - 1] > start
