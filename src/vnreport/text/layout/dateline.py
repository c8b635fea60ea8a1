"""The page's date line ("Thứ hai, 25/01/2010 16:27", "9:30, Thứ Sáu, 20-7-2018") → published."""

from __future__ import annotations

import datetime as dt
import re


def date_line_pattern(weekday: str) -> re.Pattern[str]:
    """A whole line that is a date, with an optional time and weekday (``weekday``: a pattern)."""
    # Possessive quantifiers (``*+``): every optional part is separated by ``\s*`` runs that
    # could otherwise split a run of spaces or control characters in every possible way
    # (a date line followed by 1,600 "\x1c" took 25 s).
    return re.compile(
        rf"^\s*+(?:(?P<h1>\d{{1,2}})[:h](?P<m1>\d{{2}})\s*+(?:am|pm)?\s*+[,|-]?\s*+)?"
        rf"(?:{weekday}\s*+[,|-]?\s*+)?(?:ngày\s*+)?"
        r"(?P<d>\d{1,2})[/.-](?P<mo>\d{1,2})[/.-](?P<y>\d{4})"
        r"(?:\s*+[,|-]?\s*+(?P<h2>\d{1,2})[:h](?P<m2>\d{2})(?::\d{2})?\s*+(?:am|pm)?)?"
        r"\s*+(?:\(?\s*+GMT\s*+[+-]\s*+\d{1,2}\s*+\)?)?\s*+$",
        re.IGNORECASE,
    )


def parse_date_line(pattern: re.Pattern[str], line: str) -> dt.datetime | None:
    """The date and time ``line`` states, or None if it is no date line or no real date."""
    m = pattern.match(line)
    if not m:
        return None
    try:
        day = dt.date(int(m["y"]), int(m["mo"]), int(m["d"]))
    except ValueError:
        return None
    h, mi = (m["h1"], m["m1"]) if m["h1"] else (m["h2"], m["m2"])
    if h is not None and int(h) < 24 and int(mi) < 60:
        return dt.datetime(day.year, day.month, day.day, int(h), int(mi))
    return dt.datetime(day.year, day.month, day.day)
