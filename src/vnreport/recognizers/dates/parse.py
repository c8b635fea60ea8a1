"""Dates and periods in Vietnamese report text, with their ISO intervals.

One compiled regex scans the lower-cased normalised text (``doc.lower``) and yields
:class:`DateHit` objects with *normalised* offsets; :mod:`vnreport.recognizers.dates` turns them
into :class:`~vnreport.models.DateMention` objects and the legal recogniser reuses them for the
signing date of a cited document.

Shapes (``-`` stands for every dash, normalisation has unified them):

* full dates ``19/7/2011``, ``20-7-2018``, ``10.3.2006``, ``ngày 06 tháng 01 năm 2011``;
* day ranges ``27-28/3/2021``, ``ngày (27-28/4)``;
* partial dates ``Sáng 7/12``, ``ngày 13.3``, ``Chiều 22.4`` — only after a cue word (``ngày``,
  ``sáng``, ``chiều`` …): without one, ``5/9 tiêu chí`` or ``2/3 tổng số`` are fractions;
* months ``tháng 6/2011``, ``tháng 6 năm 2011``, ``tháng 3.2004``, ``tháng 6``;
* quarters ``quý III năm 2009``, ``quý I/2025``; parts of a year ``6 tháng đầu năm 2011``,
  ``9 tháng đầu năm``, ``6 tháng cuối năm 2011``, ``nửa đầu năm``;
* years ``năm 2015``; spans of years ``giai đoạn 2011 - 2015``, ``nhiệm kỳ 2011 - 2016``,
  ``năm học 2004-2005``, ``(1975 - 2025)``.

A mention without a year gets one from an anchor (the page date, else the nearest mention that
states its year): of the anchor's year and its neighbours, the one that puts the date closest
to the anchor ("ngày 30/12" in a report of 5 January is last year's), flagged ``inferred_year``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterable
from typing import NamedTuple

# Cue words that make a bare "D/M" a date rather than a fraction or a score.
_CUE = r"(?:ngày|sáng|chiều|trưa|tối|đêm|khuya|rạng sáng|hôm)"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_WORD_NUM = {"ba": 3, "sáu": 6, "chín": 9}
_Y = r"(?:1[89]\d\d|20\d\d)"  # a plausible year

# Two scans, each with a cheap first character (one big alternation would try every branch at
# every position and run ten times slower): shapes that open with a digit, and shapes that open
# with a word. What may stand before a match (no letter or digit, no "/" before a number) is
# checked in Python, not with look-behinds that defeat the regex engine's fast start.
_DIGIT_RE = re.compile(
    r"(?P<d1>\d{1,4})(?:"
    # day range: "27-28/3/2021", "(27-28/4)"
    rf"(?P<rng>\s?-\s?(?P<r_d2>\d{{1,2}})/(?P<r_m>\d{{1,2}})(?:/(?P<r_y>{_Y}))?(?![\d/]|\.\d))"
    # full numeric date: "19/7/2011", "20-7-2018", "10.3.2006", "24/6/ 2019" (a stray space)
    rf"|(?P<full>(?P<f_sep>[/.-])(?P<f_m>\d{{1,2}})(?P=f_sep) ?(?P<f_y>{_Y})(?![\d]|[/-]\s?[a-zđ]))"
    # long form: "06 tháng 01 năm 2011"
    rf"|(?P<long>\s+tháng\s+(?P<l_m>\d{{1,2}})\s+năm\s+(?P<l_y>{_Y})(?!\d))"
    # part of a year: "6 tháng đầu năm 2011"
    rf"|(?P<part>\s+tháng\s+(?P<p_side>đầu|cuối)\s+năm(?:\s+(?P<p_y>{_Y})(?!\d)|\s+nay)?)"
    # span of years in brackets: "(1975 - 2025)"
    rf"|(?P<years>\s?-\s?(?P<ys_2>{_Y}|\d\d)(?![\d/])))"
)
# Shapes that open with a word: one regex per opening word, so that each scan starts from a
# literal prefix (an alternation of all of them runs several times slower).
_WORD_RES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # month: "tháng 6/2011", "tháng 6 năm 2011", "tháng 3.2004", "tháng 6";
    # part of a year in words: "sáu tháng đầu năm" (the number word is checked before "tháng")
    (
        "thang",
        re.compile(
            rf"tháng\s+(?:(?P<m_m>\d{{1,2}})(?:\s?[/.-]\s?(?P<m_y>{_Y})|\s+năm\s+(?P<m_y2>{_Y}))?"
            r"(?![\d/.,]\d|\d|\s?(?:ngày|tuần|giờ|phút)\b)"
            rf"|(?P<p_side>đầu|cuối)\s+năm(?:\s+(?P<p_y>{_Y})(?!\d)|\s+nay)?)"
        ),
    ),
    # "nửa đầu năm", "nửa cuối năm 2020"
    ("nua", re.compile(rf"nửa\s+(?P<p_side>đầu|cuối)\s+năm(?:\s+(?P<p_y>{_Y})(?!\d)|\s+nay)?")),
    # quarter: "quý III năm 2009", "quý I/2025", "quý 2"
    ("quarter", re.compile(rf"quý\s+(?P<q>iv|i{{1,3}}|[1-4])(?![\w])(?:\s?(?:[/-]|năm)\s?(?P<q_y>{_Y}))?(?!\d)")),
    # year "năm 2015"; span "năm 2019 - 2020", "năm học 2004-2005", "năm tài chính 2020-2021"
    (
        "nam",
        re.compile(
            rf"năm\s+(?:(?P<ys_cue>học|tài chính)\s+)?(?P<ys_1>{_Y})(?:\s?-\s?(?P<ys_2>{_Y}|\d\d)(?![\d/]))?"
            r"(?![\d/.,]\d|\d)"
        ),
    ),
    # span of years: "giai đoạn 2011 - 2015", "nhiệm kỳ 2011 - 2016", "từ năm 2011-2015"
    (
        "years",
        re.compile(
            r"(?P<ys_cue>giai đoạn|nhiệm kỳ|nhiệm kì|thời kỳ|thời kì|niên khóa|từ năm|khóa)"
            rf"\s+(?P<ys_1>{_Y})\s?-\s?(?P<ys_2>{_Y}|\d\d)(?![\d/])"
        ),
    ),
    # partial date after a cue: "sáng 7/12", "ngày 13.3", "chiều 22.4", "sáng nay 20-3"
    (
        "partial",
        re.compile(
            rf"{_CUE}\s+(?:nay\s+|mai\s+)?(?:ngày\s+)?(?P<p_dm>(?P<pd_d>\d{{1,2}})[/.-](?P<pd_m>\d{{1,2}}))"
            r"(?![\d/]|[.-]\d|\s?(?:%|giờ|ngày|tuần|tháng|năm|lần|người)(?!\w))"
        ),
    ),
)
_EACH_BEFORE = re.compile(r"(?:mỗi|hằng|hàng|một|mấy|vài)\s+\Z")
_WORD_NUM_BEFORE = re.compile(r"(?:^|[^\w])(?P<n>ba|sáu|chín)\s+\Z")
_NOT_BEFORE_NUMBER = frozenset("/.,:-&")

# A day range without a year needs "ngày" or "(" right before it.
_RANGE_CUE = re.compile(r"(?:ngày\s|\()\Z")
_PAIR_GAP = re.compile(r"\s*-\s*")


class DateHit(NamedTuple):
    """One date or period in normalised offsets ``[start, end)`` (a tuple: one per date, hot).

    ``explicit_year`` is False when the year was inferred or is still unknown (``date_start`` is
    then None until :func:`infer_years` gives a copy with it).
    """

    start: int
    end: int
    kind: str  # "date" | "period"
    granularity: str  # day | month | quarter | half | year | range | period
    date_start: dt.date | None
    date_end: dt.date | None
    explicit_year: bool
    # For mentions without a year: how to build the interval once a year is known.
    month: int | None = None
    day: int | None = None
    day_end: int | None = None
    months: tuple[int, int] | None = None  # first and last month of a quarter / part of year
    opens_pair: bool = False  # "30/4/1975" in "30/4/1975 - 30/4/2011": history, not a time anchor

    def with_interval(self, start: dt.date, end: dt.date) -> DateHit:
        """This hit with the interval a year gave it."""
        return self._replace(date_start=start, date_end=end)

    def opening_pair(self) -> DateHit:
        """This hit as the first date of a pair ("30/4/1975 - 30/4/2011")."""
        return self._replace(opens_pair=True)


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _months_interval(y: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, first, 1), _month_end(y, last)


def _part_months(n: int, side: str) -> tuple[int, int] | None:
    if not 1 <= n <= 12:
        return None
    return (1, n) if side == "đầu" else (13 - n, 12)


def _part_granularity(first: int, last: int) -> str:
    n = last - first + 1
    if n == 6:
        return "half"
    if n == 3:
        return "quarter"
    if n == 12:
        return "year"
    return "period"


def _valid_day(d: int, mo: int) -> bool:
    return 1 <= d <= 31 and 1 <= mo <= 12 and not (mo == 2 and d > 29) and not (d == 31 and mo in (4, 6, 9, 11))


def _digit_hit(m: re.Match[str]) -> DateHit | None:
    """A hit from :data:`_DIGIT_RE` (the match starts with the day, count or year)."""
    kind = m.lastgroup
    s, e = m.span()
    lead = m["d1"]
    if kind != "years" and len(lead) > 2:
        return None
    if kind == "full":
        d = _date(int(m["f_y"]), int(m["f_m"]), int(lead))
        return DateHit(s, e, "date", "day", d, d, True) if d else None
    if kind == "long":
        d = _date(int(m["l_y"]), int(m["l_m"]), int(lead))
        return DateHit(s, e, "date", "day", d, d, True) if d else None
    if kind == "rng":
        d1, d2, mo = int(lead), int(m["r_d2"]), int(m["r_m"])
        if not (1 <= d1 < d2 <= 31 and 1 <= mo <= 12):
            return None
        if m["r_y"]:
            a, b = _date(int(m["r_y"]), mo, d1), _date(int(m["r_y"]), mo, d2)
            return DateHit(s, e, "date", "range", a, b, True) if a and b else None
        if not _RANGE_CUE.search(m.string, max(0, s - 6), s):
            return None  # "2-3/7" alone may be a score or a fraction; "ngày 2-3/7" is a date
        return DateHit(s, e, "date", "range", None, None, False, month=mo, day=d1, day_end=d2)
    if kind == "part":
        return _part_hit(s, e, int(lead), m["p_side"], m["p_y"])
    if kind == "years":
        if len(lead) != 4 or s == 0 or m.string[s - 1] != "(" or not re.fullmatch(_Y, lead):
            return None  # a span of years needs a cue word or brackets: "(1975 - 2025)"
        return _years_hit(s, e, int(lead), m["ys_2"], "")
    return None


def _part_hit(s: int, e: int, n: int, side: str, year: str | None) -> DateHit | None:
    months = _part_months(n, side)
    if months is None:
        return None
    gran = _part_granularity(*months)
    if year:
        a, b = _months_interval(int(year), *months)
        return DateHit(s, e, "period", gran, a, b, True)
    return DateHit(s, e, "period", gran, None, None, False, months=months)


def _years_hit(s: int, e: int, y1: int, raw2: str, cue: str) -> DateHit | None:
    y2 = int(raw2) if len(raw2) == 4 else (y1 // 100) * 100 + int(raw2)
    if not y1 < y2 <= y1 + 50:
        return None
    if cue in ("năm học", "niên khóa"):  # a school year runs September to August
        return DateHit(s, e, "period", "period", dt.date(y1, 9, 1), dt.date(y2, 8, 31), True)
    return DateHit(s, e, "period", "period", dt.date(y1, 1, 1), dt.date(y2, 12, 31), True)


def _word_hit(kind: str, m: re.Match[str]) -> DateHit | None:
    """A hit from one of :data:`_WORD_RES` (the match starts with a word)."""
    s, e = m.span()
    if kind == "partial":
        if _EACH_BEFORE.search(m.string, max(0, s - 6), s):
            return None  # "mỗi ngày 1-2 viên", "hằng ngày 2/3 số hộ": a rate, not a date
        s, e = m.span("p_dm")
        d, mo = int(m["pd_d"]), int(m["pd_m"])
        if not _valid_day(d, mo):
            return None
        return DateHit(s, e, "date", "day", None, None, False, month=mo, day=d)
    if kind in ("thang", "nua") and m["p_side"]:
        if kind == "nua":
            return _part_hit(s, e, 6, m["p_side"], m["p_y"])
        num = _WORD_NUM_BEFORE.search(m.string, max(0, s - 6), s)
        if num is None:
            return None  # "6 tháng đầu năm" is read by the digit scan; "các tháng đầu năm" is no period
        return _part_hit(num.start("n"), e, _WORD_NUM[num["n"]], m["p_side"], m["p_y"])
    if kind == "thang":
        mo = int(m["m_m"])
        if not 1 <= mo <= 12:
            return None
        y = m["m_y"] or m["m_y2"]
        if y:
            a, b = _months_interval(int(y), mo, mo)
            return DateHit(s, e, "period", "month", a, b, True)
        return DateHit(s, e, "period", "month", None, None, False, months=(mo, mo))
    if kind == "quarter":
        q = _ROMAN[m["q"]]
        first, last = 3 * q - 2, 3 * q
        if m["q_y"]:
            a, b = _months_interval(int(m["q_y"]), first, last)
            return DateHit(s, e, "period", "quarter", a, b, True)
        return DateHit(s, e, "period", "quarter", None, None, False, months=(first, last))
    if kind in ("nam", "years") and m["ys_2"]:
        cue = m["ys_cue"] or ""
        return _years_hit(s, e, int(m["ys_1"]), m["ys_2"], "năm " + cue if kind == "nam" and cue else cue)
    if kind == "nam":
        y = int(m["ys_1"])
        return DateHit(s, e, "period", "year", dt.date(y, 1, 1), dt.date(y, 12, 31), True)
    return None


def _candidates(lower: str) -> list[DateHit]:
    """Hits of both scans, the leftmost-longest kept where they overlap."""
    hits: list[DateHit] = []
    for m in _DIGIT_RE.finditer(lower):
        s = m.start()
        if s and (lower[s - 1].isalnum() or lower[s - 1] in _NOT_BEFORE_NUMBER):
            continue
        hit = _digit_hit(m)
        if hit is not None:
            hits.append(hit)
    for kind, pattern in _WORD_RES:
        for m in pattern.finditer(lower):
            s = m.start()
            if s and lower[s - 1].isalnum():
                continue
            hit = _word_hit(kind, m)
            if hit is not None:
                hits.append(hit)
    hits.sort(key=lambda h: (h.start, -h.end))
    out: list[DateHit] = []
    for h in hits:
        if not out or h.start >= out[-1].end:
            out.append(h)
    return out


def scan(lower: str, skip: Iterable[tuple[int, int]] = ()) -> list[DateHit]:
    """Every date or period in ``lower`` (lower-cased normalised text), years not yet inferred.

    ``skip`` holds sorted ``(start, end)`` ranges (boilerplate) whose hits are dropped.
    """
    ranges = list(skip)
    out: list[DateHit] = []
    k = 0
    for hit in _candidates(lower):
        while k < len(ranges) and ranges[k][1] <= hit.start:
            k += 1
        if k < len(ranges) and ranges[k][0] < hit.end:
            continue
        prev = out[-1] if out else None
        if prev is not None and prev.kind == hit.kind == "date" and _PAIR_GAP.fullmatch(lower, prev.end, hit.start):
            out[-1] = prev.opening_pair()
        out.append(hit)
    return out


def _filled(hit: DateHit, year: int) -> DateHit:
    """``hit`` with the interval it has in ``year`` (itself if that date does not exist)."""
    if hit.months is not None:
        return hit.with_interval(*_months_interval(year, *hit.months))
    if hit.month is None or hit.day is None:
        return hit
    a = _date(year, hit.month, hit.day)
    b = _date(year, hit.month, hit.day_end) if hit.day_end else a
    if a is None or b is None:
        return hit
    return hit.with_interval(a, b)


def _closest_year(hit: DateHit, anchor: dt.date) -> int:
    """The year of a day/month without one, seen from ``anchor``.

    Reports mostly look back: the anchor's year unless that puts the date more than three
    months after the anchor (then the year before) or more than nine months before it
    ("ngày 5/1" in a report of 28 December: next year).
    """
    if hit.month is None:
        return anchor.year  # months, quarters and parts of a year: the anchor's own year
    d = _date(anchor.year, hit.month, hit.day or 1) or _date(anchor.year, hit.month, 28)
    if d is None:
        return anchor.year
    gap = (d - anchor).days
    if gap > 92:
        return anchor.year - 1
    if gap < -275:
        return anchor.year + 1
    return anchor.year


def infer_years(hits: list[DateHit], published: dt.date | None) -> list[DateHit]:
    """``hits`` with the interval of every hit without a year filled in where it can be.

    The anchor is ``published``, else the nearest hit that states its year: a day if there is
    one (its neighbouring years are considered, see :func:`_closest_year`), else a month,
    quarter or year, whose year is taken as it is.
    """
    if all(h.explicit_year for h in hits):
        return hits
    tiers = (("day", "range"), ("month", "quarter", "half"), ("year",))
    anchors: list[DateHit] = []
    for tier in tiers:
        anchors = [h for h in hits if h.explicit_year and h.granularity in tier and not h.opens_pair]
        if anchors:
            break
    starts = [a.start for a in anchors]
    return [h if h.explicit_year else _inferred(h, published, anchors, starts) for h in hits]


def _inferred(hit: DateHit, published: dt.date | None, anchors: list[DateHit], starts: list[int]) -> DateHit:
    if published is not None:
        return _filled(hit, _closest_year(hit, published))
    if not anchors:
        return hit
    near = _nearest(anchors, starts, hit.start)
    if near.date_start is None:
        return hit
    if near.granularity in ("day", "range"):
        return _filled(hit, _closest_year(hit, near.date_start))
    return _filled(hit, near.date_start.year)


def _nearest(anchors: list[DateHit], starts: list[int], pos: int) -> DateHit:
    """The anchor closest to ``pos`` (the earlier one on a tie); ``starts`` is sorted."""
    k = bisect_left(starts, pos)
    if k == 0:
        return anchors[0]
    if k == len(anchors):
        return anchors[-1]
    before, after = anchors[k - 1], anchors[k]
    return after if after.start - pos < pos - before.start else before
