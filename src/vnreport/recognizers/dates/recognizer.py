"""Dates and periods → ``doc.found["dates"]``; the meeting date → ``doc.context.event_date``.

Parsing lives in :mod:`.parse`; this module maps offsets back to the
original text, claims every range (``"date"``) so the metrics recogniser does not read
"6 tháng đầu năm" or "19/7/2011" as figures, and picks the event date:

1. a day that opens one of the first paragraphs of the body ("Ngày 19/7/2011, Sở …",
   "Sáng 02/10/2009, …", "(Mic.gov.vn) - Chiều 22.4, …");
2. else the first day with a stated year in the body that is not the signing date of a cited
   document ("Nghị định 43/2011/NĐ-CP ngày 13/6/2011" is not when the meeting took place;
   :mod:`.signing` holds that phrasing, shared with the legal recogniser).

``doc.context.date_spans`` keeps ``IndexedSpan(start, end, index into doc.found["dates"])`` in
normalised offsets, for the legal recogniser's signing dates.
"""

from __future__ import annotations

import datetime as dt
import re

from ...lexicon.gazetteers import Gazetteers
from ...models import DateMention
from ...text.document import Doc, IndexedSpan
from ..base import Recognizer, register
from .parse import DateHit, infer_years, scan
from .signing import signing_date_pattern

# How many body paragraphs (after the title) count as the lead.
_LEAD_PARAGRAPHS = 4

# What may stand between the start of a lead paragraph and its opening date: a source tag
# "(Mic.gov.vn) -", a dateline "HÀ NỘI -", a bullet, a time of day, "ngày".
_LEAD_PREFIX = re.compile(
    r"(?:\([^()\n]{1,40}\)\s*-?\s*|[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ .]{1,30}\s?-\s?)?(?:[-•*+]\s*)?"
    r"(?:(?:vào|trong|từ|đến)\s+)?(?:\d{1,2}\s?(?:h|giờ)(?:\s?\d{1,2}(?:\s?phút)?)?\s+)?"
    r"(?:(?:sáng|chiều|trưa|tối|đêm|khuya|rạng sáng)\s+)?(?:nay\s+)?(?:ngày\s+)?(?:hôm\s+)?",
    re.IGNORECASE,
)
# (Each branch takes its white space possessively: "\s*" before "\s+tại" was quadratic on a run.)
_LEAD_AFTER = re.compile(r"\s*+(?:,|\(|vừa qua|tới)|\s++(?:-\s|tại\b)")
# A time-of-day cue right before a date inside the lead: "…(30.4.1975 - 30.4.2025), sáng 22.4, …"
_CUED = re.compile(r"\b(?:sáng|chiều|trưa|tối|đêm|ngày)\s+(?:nay\s+)?(?:ngày\s+)?\Z")
_PAIR_GAP = re.compile(r"\s*-\s*")
# How far before a date the citation it was signing may start.
_SIGNING_REACH = 120


def _is_signing_date(doc: Doc, signing: re.Pattern[str], hit: DateHit) -> bool:
    """Is ``hit`` the signing date of a citation (see :mod:`.signing`)?"""
    return signing.search(doc.lower, max(0, hit.start - _SIGNING_REACH), hit.start) is not None


def _lead_lines(doc: Doc, limit: int) -> list[tuple[int, int]]:
    """(start, end) of the first ``limit`` non-empty lines, boilerplate skipped (a line that
    opens with a boilerplate source tag starts after it). The title line is kept: a page
    without a title makes the layout take the lead for one."""
    bp = doc.boilerplate_ranges()
    text = doc.text
    out: list[tuple[int, int]] = []
    pos, n, k = 0, len(text), 0
    while pos < n and len(out) < limit:
        e = text.find("\n", pos)
        e = n if e < 0 else e
        s, nxt = pos, e + 1
        while k < len(bp) and bp[k][1] <= s:
            k += 1
        while k < len(bp) and bp[k][0] <= s < bp[k][1]:
            s = bp[k][1]
            k += 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
        pos = nxt
    return out


def _paired(doc: Doc, days: list[DateHit]) -> set[int]:
    """Indexes of days written as a pair "30.4.1975 - 30.4.2025" (anniversaries, terms)."""
    out: set[int] = set()
    for i in range(len(days) - 1):
        a, b = days[i], days[i + 1]
        if _PAIR_GAP.fullmatch(doc.text, a.end, b.start):
            out |= {i, i + 1}
    return out


def _event_date(doc: Doc, signing: re.Pattern[str], hits: list[DateHit]) -> dt.date | None:
    days = [h for h in hits if h.kind == "date" and h.date_start is not None]
    if not days:
        return None
    paired = _paired(doc, days)
    for s, e in _lead_lines(doc, _LEAD_PARAGRAPHS):
        for i, h in enumerate(days):
            if not s <= h.start < e or i in paired:
                continue
            pre = _LEAD_PREFIX.match(doc.text, s, h.start)
            opens = pre is not None and pre.end() == h.start
            cued = _CUED.search(doc.lower, max(s, h.start - 12), h.start) is not None
            if (opens or cued) and _LEAD_AFTER.match(doc.text, h.end) and not _is_signing_date(doc, signing, h):
                return h.date_start
    title = getattr(doc.layout, "title", None)
    for i, h in enumerate(days):
        if not h.explicit_year or i in paired or (title and title[0] <= h.start < title[1]):
            continue
        if not _is_signing_date(doc, signing, h):
            return h.date_start
    return None


@register("dates")
class DateRecognizer(Recognizer):
    label = "dates"

    def __init__(self) -> None:
        self._signing: re.Pattern[str] | None = None

    def setup(self, gazetteers: Gazetteers) -> None:
        self._signing = signing_date_pattern(gazetteers)

    def find(self, doc: Doc) -> list[DateMention]:
        signing = self._signing or signing_date_pattern(Gazetteers.bundled())
        hits = infer_years(scan(doc.lower, doc.boilerplate_ranges()), doc.context.published_date())
        out: list[DateMention] = []
        spans: list[IndexedSpan] = []
        for h in hits:
            s, e, t = doc.orig_offsets(h.start, h.end)
            out.append(
                DateMention(
                    start=s,
                    end=e,
                    text=t,
                    kind=h.kind,  # type: ignore[arg-type]
                    granularity=h.granularity,  # type: ignore[arg-type]
                    date_start=h.date_start,
                    date_end=h.date_end,
                    inferred_year=not h.explicit_year and h.date_start is not None,
                )
            )
            spans.append(IndexedSpan(h.start, h.end, len(out) - 1))
            doc.claim(h.start, h.end, "date")
        doc.context.date_spans = spans
        event = _event_date(doc, signing, hits)
        if event is not None:
            doc.context.event_date = event
        return out
