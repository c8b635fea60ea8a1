"""Number scanning: every run of digits, and the shapes that are no figure.

Dates (``19/7/2011``, ``30.4.1975``, ``20-7-2018``), times (``16:27``), document numbers
(``43/2011/NĐ-CP``, ``66-NQ/TW``), codes glued to letters (``Covid-19``) and phone numbers are
skipped here, whatever the date and legal recognisers claimed before. A number may be followed
by a second one: a range (``15 - 20``) or a fraction (``95/155``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ...text.document import Doc
from .around import skip_token
from .numbers import DIGITS_PATTERN, is_thousands_grouped, parse_decimal

# A run of digits not glued to a word, a separator, a slash, a colon or a plus on its left
# (those are parts of codes, dates, times and chainages such as "Km 25+300"). Repetition is bounded,
# so a 5 MB line of "1.000." costs one short match per start position and never backtracks far.
NUMBER = re.compile(rf"(?<![\w.,/:+]){DIGITS_PATTERN}(?!\d)")
_DATE_TAIL = re.compile(r"[/.-]\d{1,2}[/.-]\d{1,4}(?!\d)")  # 19/7/2011, 20-7-2018, 30.4.1975
_DOC_NUMBER_TAIL = re.compile(r"/\d{1,4}/[^\W\d_]")  # 43/2011/NĐ-CP
_CODE_TAIL = re.compile(r"[-/][^\W\d_][\w./-]{0,40}")  # 11/NQ-CP, 66-NQ/TW
_TIME_TAIL = re.compile(r":\d")  # 16:27, 9001:2008
# The second end of a range: "15 - 20", "8,3%-8,5%" (a percent sign on both ends), "từ 70% đến
# dưới 100%" (a bound on the upper end).
_RANGE = re.compile(rf"[ ]?%?[ ]?(?:-|đến|tới)[ ]?(?:dưới |trên )?({DIGITS_PATTERN})(?![\d/.:-]?\d)(?![/:])")
_SLASH = re.compile(rf"/({DIGITS_PATTERN})(?![\d/])")


@dataclass(frozen=True, slots=True)
class NumberHit:
    """A number that may be a figure, with the second number of a range or fraction."""

    start: int
    end: int
    value: Decimal
    second: tuple[int, int] | None  # the second number of "15 - 20" / "95/155"
    value2: Decimal | None
    fraction: bool

    @property
    def numbers_end(self) -> int:
        """Where the last number read ends."""
        return self.second[1] if self.second else self.end


def code_before_dash(text: str, dash: int) -> bool:
    """The dash at ``dash`` joins a code to its number ("Covid-19", "Covid -19")."""
    i = dash - 1
    if i >= 0 and text[i] == " ":
        i -= 1
    return i >= 0 and text[i].isalpha()


def plain_number(raw: str) -> bool:
    """Digits that read as one figure: no phone/code shape, no leading zero on long runs."""
    intpart = re.split(r"[.,]", raw, maxsplit=1)[0]
    if len(intpart) >= 3 and intpart[0] == "0":
        return False  # 0912.345.678, 0646
    if raw.count(".") > 1 and not is_thousands_grouped(raw.split(",")[0], "."):
        return False  # 30.4.1975, 1.2.3
    return "." in raw or "," in raw or len(raw) <= 12


def _not_a_figure_after(text: str, raw: str, e: int) -> int | None:
    """Where a date, document number, code or clock time glued after ``e`` ends, if any.

    A date starts with plain digits: "923,835/1.010 tỷ đồng" and "6.776/9.956 thủ tục" are
    fractions, not dates.
    """
    nxt = text[e : e + 1]
    if nxt and nxt in "/.-":
        dm = _DATE_TAIL.match(text, e) if raw.isdigit() else None
        if dm:
            return dm.end()
        if _DOC_NUMBER_TAIL.match(text, e):
            return skip_token(text, e)
        cm = _CODE_TAIL.match(text, e)
        if cm:
            return cm.end()
    if nxt == ":" and _TIME_TAIL.match(text, e):
        return skip_token(text, e)
    return None


def read_number(doc: Doc, s: int, e: int) -> tuple[NumberHit | None, int]:
    """The number at ``[s, e)`` (with a second one) if its shape can be a figure, and the
    offset the scan goes on from when it cannot."""
    text = doc.text
    raw = text[s:e]
    if s >= 1 and text[s - 1] == "-" and code_before_dash(text, s - 1):
        return None, e  # Covid-19, SARS-CoV-2, "Covid -19"
    if not plain_number(raw):
        return None, e  # phone numbers, codes, dotted dates
    skip = _not_a_figure_after(text, raw, e)
    if skip is not None:
        return None, skip
    second: tuple[int, int] | None = None
    fraction = text.startswith("/", e)
    if fraction:
        sm = _SLASH.match(text, e)
        if sm is None:
            return None, e + 1
        second = sm.span(1)
    else:
        rm = _RANGE.match(doc.lower, e)
        if rm and doc.claimed(*rm.span(1)) is None:
            second = rm.span(1)
    try:
        value = parse_decimal(raw)
        value2 = parse_decimal(text[second[0] : second[1]]) if second else None
    except ValueError:
        return None, second[1] if second else e
    if second and not plain_number(text[second[0] : second[1]]):
        return None, second[1]
    hit = NumberHit(s, e, value, second, value2, fraction)
    return hit, hit.numbers_end
