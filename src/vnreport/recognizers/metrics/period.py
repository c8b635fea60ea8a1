"""The period a figure's sentence states ("6 tháng đầu năm 2024", "quý III", "năm 2023").

``6 tháng đầu năm`` is a period, not a figure; it becomes the ``period`` of the figures of its
sentence: the nearest one before the figure, else the first one after it. Figures come left to
right, so :class:`PeriodSearch` remembers what the previous figure searched and each character
of a sentence is read about once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PERIOD = re.compile(
    r"(?<!\w)(?:(?:\d{1,2}|sáu|chín|ba) tháng (?:đầu|cuối) năm(?: \d{4})?"
    r"|(?:\d{1,2}|sáu|chín|ba) tháng(?: năm \d{4}| qua| vừa qua)"
    r"|quý (?:iv|i{1,3}|[1-4])(?:/\d{4}| năm \d{4})?"
    r"|(?:năm học|giai đoạn|nhiệm kỳ) \d{4} ?- ?\d{4}"
    r"|năm \d{4}|năm (?:qua|nay)|tháng \d{1,2}(?:/\d{4}| năm \d{4})?)(?!\w)"
)

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class SearchedBefore:
    """``[start, upto)`` of a sentence was searched backwards; ``best`` its last period."""

    start: int
    upto: int
    best: Span | None


@dataclass(frozen=True, slots=True)
class SearchedAfter:
    """The search forward from ``start`` up to ``limit`` found ``found``."""

    start: int
    limit: int
    found: Span | None


@dataclass(slots=True)
class PeriodSearch:
    """Per-document memory of the period searches (made by each ``find`` call)."""

    before: SearchedBefore = SearchedBefore(-1, -1, None)
    after: SearchedAfter = SearchedAfter(-1, -1, (-1, -1))

    def period_of(self, text: str, lower: str, s: int, end: int) -> str | None:
        """The period stated in the sentence of the figure at ``[s, end)``, as written."""
        best = self._before(lower, s)
        if best is None:
            best = self._after(lower, end)
        return text[best[0] : best[1]] if best else None

    def _before(self, lower: str, s: int) -> Span | None:
        """The last period phrase between the sentence start and ``s``."""
        lo = max(0, s - 200)
        a = max(lower.rfind(c, lo, s) for c in ";!?\n") + 1
        dot = lower.rfind(". ", lo, s)
        a = max(a, dot + 2 if dot >= 0 else 0, lo)
        prev = self.before
        if prev.start <= a <= prev.upto <= s:
            # [prev.start, prev.upto) was searched; its last period, if it starts before a, is out of reach
            start, best = prev.upto, (prev.best if prev.best is not None and prev.best[0] >= a else None)
        else:
            start, best = a, None
        for pm in PERIOD.finditer(lower, start, s):
            best = pm.span()
        self.before = SearchedBefore(a, s, best)
        return best

    def _after(self, lower: str, end: int) -> Span | None:
        """The first period phrase after ``end`` in the same sentence (searched incrementally)."""
        hi = min(len(lower), end + 150)
        for c in ";!?\n":
            k = lower.find(c, end, hi)
            if k >= 0:
                hi = k
        k = lower.find(". ", end, hi)
        if k >= 0:
            hi = k
        prev = self.after
        found = prev.found
        if found is not None and end <= found[0] and found[1] <= hi:
            return found
        start = prev.limit if found is None and prev.start <= end <= prev.limit else end
        pm = PERIOD.search(lower, start, hi) if start < hi else None
        found = pm.span() if pm else None
        self.after = SearchedAfter(end if found else min(prev.start, end) if start == prev.limit else end, hi, found)
        return found
