"""What a citation says about its document: the signing date ("… ngày 13/6/2011", "(số 162/VH-QĐ,
ngày 29.11.1976)", "Ngày 10.3.2006, … đã có văn bản (số 153/…)"), the trích yếu ("về việc …",
"quy định …") and the issuing body as the citation names it ("… của Bộ Chính trị").

Dates come from the dates recogniser's hits (or a scan of our own when it did not run).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from ...text.document import Doc
from ..dates.parse import infer_years, scan
from ..dates.signing import SIGNING_LINK, SIGNING_VERB_ON_DAY
from .citations import Citation

# Date right after a citation: "… ngày 13/6/2011", "(ngày 21-5-2003)", ", ký ngày",
# "của Chính phủ, ban hành ngày 6-1-2006" (the phrasing is shared with the dates recogniser).
_DATE_NEAR_AFTER = re.compile(SIGNING_LINK)
# After "<number>, ngày <date>" the citation must go on for the date to be its own; otherwise the
# comma opened a new clause ("… theo Chỉ thị 16/CT-TTg, ngày 1/4/2020 tỉnh đã …").
_CITATION_GOES_ON = re.compile(r"\s*(?:\)|;|\.(?:\s|$)|$|\n|của\b|về\b|quy định\b|hướng dẫn\b|ban hành\b|phê duyệt\b)")
# "…, được … ký phát hành ngày 26-11-2003" later in the same sentence.
_DATE_FAR_AFTER = re.compile(rf"(?:[^.;!?\n]|\.(?=\S)){{0,160}}?{SIGNING_VERB_ON_DAY}")
# "Ngày 10.3.2006, Hiệu trưởng … đã có văn bản (số …" — the date opens the clause that issues it.
_DATE_BEFORE_GAP = re.compile(
    r"\s*+,\s*+(?:[^.;!?\n]|\.(?=\S)){0,160}?\b(?:(?:đã|vừa|tiếp tục|lại|cũng)\s++)*"
    r"(?:có|ký|ban hành|ra|gửi|phát hành)\s++(?:(?:bản|một)\s++)?"
)
_NGAY_BEFORE = re.compile(r"\bngày\s+\Z")
# How far from its citation a signing date may stand.
_DATE_REACH = 200

# Trích yếu: "về việc …", "quy định …" after the citation (and its date and issuer). White space
# is taken possessively (``\s*+``): a run of it split between greedy ``\s*`` made these cubic.
_TITLE_START = re.compile(
    r"\s*+\)?\s*+,?\s*+(?:của\s++(?P<who>[^,.;()\n]{1,80}?)(?<!\svà)\s++)?"
    r"(?P<title>(?:về việc|v/v|về|quy định|hướng dẫn|phê duyệt|ban hành|sửa đổi|thành lập|triển khai)\b)"
)
# "… (ngày 29/4) của UBND tỉnh", "… do Sở Tư pháp ký", "… giữa Bộ A - Bộ B", "… mà Bộ X đã ban hành".
_WHO = re.compile(
    r"\s*+\)?\s*+,?\s*+(?:ngày\s++\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{4})?\s*+,?\s*+)?"
    r"(?:của|do|giữa|mà)\s++(?P<who>[^,.;()\n]{1,80})"
)
# "UBND tỉnh Nghệ An ban hành Quyết định số …", "Tập đoàn … (EVN) vừa có văn bản số …": the body
# that opens the clause issuing the citation, found back from the verb (cheap tests first: a
# lazy search over the whole clause cost a millisecond per citation).
_VERB_BEFORE = re.compile(r"(?:ban hành|có|ký|ra|gửi|phát hành)\s++(?:(?:bản|một)\s++)?\Z")
_ADVERBS_BEFORE = re.compile(r"\s*+,?\s*+(?:(?:đã|vừa|mới|cũng|lại|chính thức)\s++)*\Z")
_CLAUSE_BREAK = re.compile(r"[,.;:\n][^,.;:\n]*\Z")
_WHO_BEFORE_REACH = 120
# Where a trích yếu ends: a sentence or clause break, a bracket or quote, a comma (unless it
# only separates short list items: "khoa học, công nghệ và …", "phòng, chống …"), or the next
# citation ("… và Quyết định số …").
_TITLE_END = re.compile(r"[;\n()\"…]|\.(?:\s|$)|,\s|\s(?:và|cùng)\s(?=(?:nghị|quyết|chỉ|thông|công|luật)\b)")
_LIST_ITEM = re.compile(r",\s+(?:chống|bổ sung|(?:[^\s,;.]+\s+){0,2}[^\s,;.]+(?=\s+và\s|,\s))")
_TITLE_REACH = 300


class SigningDay(NamedTuple):
    """A day-precise date of the text (normalised offsets; a tuple: one per date, hot)."""

    start: int
    end: int
    day: dt.date


def signing_days(doc: Doc) -> list[SigningDay]:
    """Day-precise dates, from the dates recogniser if it ran."""
    spans = doc.context.date_spans
    found = doc.found.get("dates")
    if spans is not None and found is not None:
        out = []
        for s, e, i in spans:
            d = found[i]
            if d.kind == "date" and d.date_start is not None:
                out.append(SigningDay(s, e, d.date_start))
        return out
    hits = infer_years(scan(doc.lower, doc.boilerplate_ranges()), doc.context.published_date())
    return [SigningDay(h.start, h.end, h.date_start) for h in hits if h.kind == "date" and h.date_start is not None]


class CitationContext:
    """One document's citations and dates, indexed for bisection (everything stays linear).

    Made per call of ``find``: it is the recogniser's per-document state.
    """

    def __init__(self, doc: Doc, cites: list[Citation], days: list[SigningDay]) -> None:
        self.doc = doc
        self.starts = [c.start for c in cites]
        self.ends = [c.end for c in cites]
        self.word_starts = sorted(c.word_start for c in cites)
        self.days = sorted(days)
        self.day_starts = [d.start for d in self.days]
        self.day_ends = [d.end for d in self.days]
        self._definitions: dict[str, list[int]] | None = None

    def definitions(self, paren_code: re.Pattern[str]) -> dict[str, list[int]]:
        """Offsets of "(CODE)" in the text, by code (built once, on first use)."""
        if self._definitions is None:
            self._definitions = {}
            for m in paren_code.finditer(self.doc.text):
                self._definitions.setdefault(m[1], []).append(m.start())
        return self._definitions


def _date_after(ctx: CitationContext, i: int, c: Citation) -> tuple[dt.date | None, int]:
    """The signing date written after citation ``i``, and where the citation's phrase goes on."""
    low = ctx.doc.lower
    next_cite = ctx.starts[i + 1] if i + 1 < len(ctx.starts) else len(low)
    k = bisect_left(ctx.day_starts, c.end)
    if k == len(ctx.days):
        return None, c.end
    day = ctx.days[k]
    if day.start > c.end + _DATE_REACH or day.start > next_cite:
        return None, c.end
    near = _DATE_NEAR_AFTER.fullmatch(low, c.end, day.start)
    if near and not (
        near["comma"] and not near["paren"] and not near["verb"] and not _CITATION_GOES_ON.match(low, day.end)
    ):
        return day.day, day.end
    if _DATE_FAR_AFTER.fullmatch(low, c.end, day.start):
        return day.day, c.end
    return None, c.end


def _date_before(ctx: CitationContext, i: int, c: Citation) -> dt.date | None:
    """A date that opens the clause issuing the citation: "Ngày 10.3.2006, … đã có văn bản (số …"."""
    low = ctx.doc.lower
    prev_end = ctx.ends[i - 1] if i > 0 else 0
    k = bisect_right(ctx.day_ends, c.word_start) - 1
    if k < 0:
        return None
    day = ctx.days[k]
    if (
        day.start >= prev_end
        and c.word_start - day.end <= _DATE_REACH
        and _NGAY_BEFORE.search(low, max(0, day.start - 12), day.start)
        and _DATE_BEFORE_GAP.fullmatch(low, day.end, c.word_start)
    ):
        return day.day
    return None


def _title_end(low: str, t0: int, next_word: int) -> int:
    """Where a trích yếu starting at ``t0`` ends (before the next type word at the latest)."""
    limit = min(len(low), t0 + _TITLE_REACH)
    end = limit
    quotes = 0
    for stop in _TITLE_END.finditer(low, t0, limit):
        if stop.group().startswith(",") and _LIST_ITEM.match(low, stop.start()):
            continue
        if stop.group() == '"':
            quotes += 1
            if quotes % 2 == 1 and stop.start() > t0 and low[stop.start() - 1] == " ":
                continue  # an opening quote: 'phê duyệt Đề án "Giáo dục …"'
            if quotes % 2 == 0:
                continue  # the matching closing quote
        end = stop.start()
        break
    while end > t0 and not low[end - 1].isalnum():
        end -= 1
    end = min(end, next_word)
    while end > t0 and not low[end - 1].isalnum():
        end -= 1
    return end


def attach(ctx: CitationContext, i: int, c: Citation) -> Citation:
    """Citation ``i`` with its signing date, trích yếu and named issuer, where the text gives them."""
    doc, low = ctx.doc, ctx.doc.lower
    signed_on, after_end = _date_after(ctx, i, c)
    if signed_on is None:
        signed_on = _date_before(ctx, i, c)
    title: tuple[int, int] | None = None
    who: str | None = None
    m = _TITLE_START.match(low, after_end)
    if m:
        t0 = m.start("title")
        k = bisect_left(ctx.word_starts, c.end)
        next_word = ctx.word_starts[k] if k < len(ctx.word_starts) else len(low)
        end = _title_end(low, t0, next_word)
        if end > m.end("title") + 3:
            title = (t0, end)
        if m["who"]:
            who = doc.text[m.start("who") : m.end("who")]
    if who is None:
        w = _WHO.match(low, after_end)
        if w:
            who = doc.text[w.start("who") : w.end("who")]
    return c.with_details(signed_on, title, who or _who_before(doc, c.word_start))


def _who_before(doc: Doc, word_start: int) -> str | None:
    """The subject of the clause that issues a citation ("Chính phủ vừa ban hành Nghị định …")."""
    low = doc.lower
    verb = _VERB_BEFORE.search(low, max(0, word_start - 30), word_start)
    if verb is None:
        return None
    end = verb.start()
    adverbs = _ADVERBS_BEFORE.search(low, max(0, end - 40), end)
    end = adverbs.start() if adverbs else end
    start = max(0, end - _WHO_BEFORE_REACH)
    brk = _CLAUSE_BREAK.search(low, start, end)
    who = doc.text[(brk.start() + 1 if brk else start) : end].strip()
    return who if len(who) >= 2 else None
