"""When a figure holds: the period it covers and the date it is stated at.

Both are read from the dates the dates recogniser found (``doc.context.date_spans``, with ISO
intervals, years inferred from the report's date) in the figure's sentence:

* ``as_of``: a date after "đến", "tới", "tính đến (hết)" ("Đến ngày 17/4/2024, tỉnh đã thu hút
  36 dự án" → 2024-04-17; "tính đến hết tháng 6/2020" → 2020-06-30, the end of the month), or
  "đến nay"/"hiện nay" opening the clause → the report's publication date;
* ``period``: the nearest period before the figure in its sentence, else the first one after it
  ("6 tháng đầu năm 2024" → 2024-01-01..2024-06-30); a period implied by the clause takes the
  report's year: "trong năm", "năm nay", "cả năm" → that year, "từ đầu năm (đến nay)" → from
  1 January to the report's date.

When the dates recogniser did not run (a custom pipeline), the period is the phrase
:class:`~.period.PeriodSearch` finds, without ISO bounds.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ...models import DateMention
from ...text.document import Doc, IndexedSpan

_AS_OF_CUE = re.compile(r"(?:(?:tính|lũy kế|cộng dồn) )?(?:đến|tới)(?: hết| cuối)?(?: ngày)? $")
_AS_OF_NOW = re.compile(
    r"(?<!\w)(?:(?:tính )?(?:đến|tới) nay|hiện (?:nay|tại))"
    r"(?!\w)(?! đã qua)"
)
_COMPARED_BEFORE = re.compile(r"so với (?:cùng kỳ )?(?:của )?$")
_FROM_YEAR_START = re.compile(r"(?<!\w)(?:từ|kể từ) đầu năm(?: (?:đến|tới) nay)?(?!\w)")
_THIS_YEAR = re.compile(r"(?<!\w)(?:trong năm|năm nay|cả năm)(?!\w)(?! \d)")
_PERIOD_GRANULARITIES = frozenset({"month", "quarter", "half", "year", "range", "period"})


@dataclass(frozen=True, slots=True)
class FigureTiming:
    """The period (text and ISO bounds) and the as-of date of one figure."""

    period: str | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    as_of: dt.date | None = None


_SENTENCE_MARK = re.compile(r"[;!?\n]")
_FULL_STOP = re.compile(r"\. ")


@dataclass(frozen=True, slots=True)
class SentenceIndex:
    """Where the sentences of one document break (``;!?``, a line end, ". "), for bisecting."""

    length: int
    marks: list[int]
    stops: list[int]

    @classmethod
    def of(cls, lower: str) -> SentenceIndex:
        return cls(
            len(lower),
            [m.start() for m in _SENTENCE_MARK.finditer(lower)],
            [m.start() for m in _FULL_STOP.finditer(lower)],
        )

    def bounds(self, s: int, end: int) -> tuple[int, int]:
        """``[a, b)`` of the sentence around the figure at ``[s, end)``, at most 200 characters
        before it and 150 after it."""
        lo = max(0, s - 200)
        a = lo
        i = bisect_left(self.marks, s) - 1
        if i >= 0 and self.marks[i] >= lo:
            a = max(a, self.marks[i] + 1)
        j = bisect_right(self.stops, s - 2) - 1
        if j >= 0 and self.stops[j] >= lo:
            a = max(a, self.stops[j] + 2)
        b = min(self.length, end + 150)
        k = bisect_left(self.marks, end)
        if k < len(self.marks) and self.marks[k] < b:
            b = self.marks[k]
        k = bisect_left(self.stops, end)
        if k < len(self.stops) and self.stops[k] + 2 <= b:
            b = self.stops[k]
        return a, b


def _report_day(doc: Doc) -> dt.date | None:
    return doc.context.published_date() or doc.context.report_date()


def _dates_in(spans: list[IndexedSpan], starts: list[int], a: int, b: int) -> list[IndexedSpan]:
    out = []
    for i in range(bisect_left(starts, a), len(spans)):
        if spans[i].start >= b:
            break
        out.append(spans[i])
    return out


def _as_of(doc: Doc, dates: list[tuple[IndexedSpan, DateMention]], a: int, s: int) -> tuple[dt.date | None, int]:
    """The as-of date before the figure at ``s`` and the date span it used (-1 for none)."""
    lower = doc.lower
    for span, mention in reversed(dates):
        if span.end > s:
            continue
        if _AS_OF_CUE.search(lower, max(a, span.start - 24), span.start) and mention.date_end is not None:
            return mention.date_end, span.start
    if (lower.find(" nay", a, s) >= 0 or lower.find("hiện tại", a, s) >= 0) and (
        _AS_OF_NOW.search(lower, a, s) and not _FROM_YEAR_START.search(lower, a, s)
    ):
        return _report_day(doc), -1
    return None, -1


def _period(
    doc: Doc, dates: list[tuple[IndexedSpan, DateMention]], a: int, b: int, s: int, used: int
) -> FigureTiming | None:
    """The period of the figure at ``s`` in ``[a, b)``, skipping the as-of date at ``used``."""
    periods = [p for p in dates if _is_period(doc, p, used)]
    before = [p for p in periods if p[0].end <= s]
    chosen = before[-1] if before else next((p for p in periods if p[0].start >= s), None)
    if chosen is not None:
        span, m = chosen
        return FigureTiming(doc.text[span.start : span.end], m.date_start, m.date_end)
    day = _report_day(doc)
    if day is None:
        return None
    lower = doc.lower
    if lower.find("năm", a, b) < 0:
        return None
    fm = _FROM_YEAR_START.search(lower, a, b)
    if fm:
        return FigureTiming(doc.text[fm.start() : fm.end()], dt.date(day.year, 1, 1), day)
    ym = _THIS_YEAR.search(lower, a, b)
    if ym:
        return FigureTiming(doc.text[ym.start() : ym.end()], dt.date(day.year, 1, 1), dt.date(day.year, 12, 31))
    return None


@dataclass(frozen=True, slots=True)
class DateIndex:
    """The date mentions of one document sorted by position, for bisecting (built once per ``find``)."""

    spans: list[IndexedSpan]
    starts: list[int]
    mentions: list[DateMention]

    @classmethod
    def of(cls, doc: Doc) -> DateIndex | None:
        """None when the dates recogniser did not run."""
        if doc.context.date_spans is None:
            return None
        spans = sorted(doc.context.date_spans)
        return cls(spans, [sp.start for sp in spans], list(doc.found.get("dates") or []))


def _is_period(doc: Doc, dated: tuple[IndexedSpan, DateMention], used: int) -> bool:
    """A period mention that is neither the as-of date nor the base of a change ("so với năm 2015")."""
    span, m = dated
    if m.granularity not in _PERIOD_GRANULARITIES or span.start == used or m.date_start is None:
        return False
    return _COMPARED_BEFORE.search(doc.lower, max(0, span.start - 24), span.start) is None


def figure_timing(doc: Doc, index: DateIndex, sentence: tuple[int, int], s: int) -> FigureTiming:
    """The timing of the figure at ``s`` in the ``sentence`` ``[a, b)`` (see the module doc)."""
    a, b = sentence
    found = index.mentions
    dates = [(sp, found[sp.item]) for sp in _dates_in(index.spans, index.starts, a, b) if sp.item < len(found)]
    as_of, used = _as_of(doc, dates, a, s)
    period = _period(doc, dates, a, b, s, used)
    if period is None:
        return FigureTiming(as_of=as_of)
    return FigureTiming(period.period, period.period_start, period.period_end, as_of)
