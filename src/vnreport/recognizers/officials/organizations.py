"""``Position.organization``: the canonical body of each position, where the text or the title
settles it.

In order: an agency recognised inside the position's text (never one that is a person's name:
"Tổng Bí thư Trường Chinh"); the text after the title when it names a central body
(``agencies`` rows of level central: "Chủ tịch Quốc hội" → Quốc hội) or a bare field after a
ministry title ("Bộ trưởng Công Thương" → Bộ Công Thương, ``titles.field_head``); the body a
national office implies (``titles.organization``: "Thủ tướng" → Chính phủ, "Tổng Bí thư" → Ban
Chấp hành Trung ương Đảng, "Chủ tịch nước" → the state); and for a bare title listed before
another of the same person, when it is ministerial ("Bộ trưởng, Chủ nhiệm Văn phòng Chính
phủ"), that one's body.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ...lexicon.gazetteers import Gazetteers
from ...lexicon.names import name_key
from ...models import Agency
from .reads import NameSpan, PositionRead
from .state import DocumentReading


@dataclass(frozen=True, slots=True)
class BodyNames:
    """Central bodies by every written form, and the fields that name a ministry."""

    central: dict[str, str]  # name key of a name or alias → canonical name
    fields: dict[str, str]  # name key of a field or variant → canonical field

    @classmethod
    def from_gazetteers(cls, gaz: Gazetteers) -> BodyNames:
        central: dict[str, str] = {}
        for row in gaz.rows("agencies"):
            if row["level"] == "central":
                for form in (row["name"], *row.list("aliases")):
                    central.setdefault(name_key(form), row["name"])
        fields: dict[str, str] = {}
        for row in gaz.rows("agency_fields"):
            if "Bộ" in row.list("kinds"):  # former ministries too: reports are dated
                for form in (row["field"], *row.list("variants")):
                    fields.setdefault(name_key(form), row["field"])
        return cls(central, fields)


class Organizations:
    """Resolves the organisations of one document's positions (made per call)."""

    def __init__(
        self, reading: DocumentReading, bodies: BodyNames, agencies: list[Agency], names: list[NameSpan]
    ) -> None:
        self.reading = reading
        self.bodies = bodies
        self.agencies = agencies
        spans = sorted((n.start, n.end) for n in names)
        self.name_starts = [s for s, _ in spans]
        self.name_ends = [e for _, e in spans]

    def is_name(self, start: int, end: int) -> bool:
        """Does ``[start, end)`` overlap a person's name read in this document?"""
        k = bisect.bisect_left(self.name_starts, end) - 1
        return k >= 0 and self.name_ends[k] > start

    def of(self, d: PositionRead) -> str | None:
        found = self._agency_inside(d)
        if found is not None:
            return found
        rest = " ".join(self.reading.text[d.title_end : d.end].strip(" ,-").split())
        info = d.info
        if rest:
            central = self.bodies.central.get(name_key(rest))
            if central is not None:
                return central
            field = self.bodies.fields.get(name_key(rest))
            if info is not None and info.field_head and field is not None:
                return f"{info.field_head} {field}"
        if info is not None and info.organization and self._domestic(rest):
            return info.organization
        return None

    def _domestic(self, rest: str) -> bool:
        """Nothing after a national office's title, or what follows keeps it Vietnamese
        ("… nước Cộng hòa xã hội chủ nghĩa Việt Nam", "Đại biểu Quốc hội tỉnh Trà Vinh",
        "khóa XV"); "Chủ tịch Quốc hội Lào" is a foreign office."""
        if not rest or "việt nam" in rest.lower():
            return True
        words = self.reading.words
        first = rest.split()[0]
        low = rest.lower()
        return first in words.admin_caps or first.lower() in ("khóa", "nhiệm kỳ") or low.startswith(words.admin_words)

    def _agency_inside(self, d: PositionRead) -> str | None:
        """Canonical name of the first agency recognised inside the position's text.

        It may start inside the title when the title ends with the unit's word ("Trưởng
        [Ban Tuyên giáo Tỉnh ủy]"), never at the title's start ("Thủ tướng Chính phủ")."""
        reading = self.reading
        k = bisect.bisect_right(reading.agency_starts, d.start)
        for s, e, idx in reading.agency_spans[k:]:
            if s >= d.end:
                break
            if d.title_end < e <= d.end and 0 <= idx < len(self.agencies) and not self.is_name(s, e):
                return self.agencies[idx].name
        return None

    def shared(self, ordered: list[PositionRead], orgs: list[str | None]) -> list[str | None]:
        """A bare ministerial title right before ", Title Org" of the same person takes that
        body ("Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"). Other bare titles do not: "Tỉnh ủy
        viên, Phó Chủ tịch HĐND tỉnh", "Phó Bí thư, Chủ tịch UBND xã" name two bodies."""
        text = self.reading.text
        out = list(orgs)
        for i in range(len(ordered) - 2, -1, -1):
            d, nxt = ordered[i], ordered[i + 1]
            ministerial = d.info is not None and bool(d.info.field_head)
            if ministerial and out[i] is None and d.end == d.title_end and text[d.end : nxt.start].strip() == ",":
                out[i] = out[i + 1]
        return out
