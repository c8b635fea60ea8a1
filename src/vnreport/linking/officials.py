"""Which official mentions are one person: the identity model (see :mod:`vnreport.linking`).

Mentions are only ever compared within one name (its :func:`~vnreport.linking.keys.key`). Within a
name, in three steps, each deterministic (inputs sorted, never taken in arrival order):

1. *Anchored* mentions (a post ties them to a body or a province, see
   :mod:`vnreport.linking.evidence`) are one person when they share an anchor, transitively: the
   chain "Phó Chủ tịch UBND tỉnh X" → "Chủ tịch UBND tỉnh X" → "Bí thư Tỉnh ủy X, Ủy viên
   Trung ương" follows a promotion. Mentions that share no anchor stay apart: the 2025
   minister and the 2005 rector named Nguyễn Mạnh Hùng have nothing in common.
2. An *unanchored* mention (bare titles such as "Giám đốc", or no post) joins the one anchored
   person it fits: the same title ladder (:func:`~vnreport.linking.keys.title_family`; a bare
   "Chủ tịch" fits "Chủ tịch Quốc hội") when it has titles; seen within
   :data:`CAREER_GAP_YEARS` of the person's reports when both are dated; and, for a person of
   local posts, in a report of one of the person's provinces. Several fitting people are
   narrowed to those seen in the report's province; a mention that still fits none or several
   stays apart.
3. The remaining unanchored mentions of a name are one person per title ladder; untitled ones
   join when there is exactly one candidate, else stay alone.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .keys import entity_id, title_family
from .mentions import OfficialMention

#: How far (in years) beyond the reports a person is seen in an unanchored mention may lie and
#: still be that person: about two terms of office. Further apart, a bare "ông Nguyễn Văn Hùng"
#: is as likely a namesake.
CAREER_GAP_YEARS = 10


@dataclass(slots=True)
class _Person:
    """A cluster being built, with what step 2 matches against."""

    mentions: list[OfficialMention]
    families: set[str] = field(default_factory=set)
    provinces: set[str] = field(default_factory=set)
    local: bool = False
    first: dt.date | None = None
    last: dt.date | None = None

    @classmethod
    def of(cls, mentions: list[OfficialMention]) -> _Person:
        dates = [m.date for m in mentions if m.date]
        return cls(
            mentions,
            {title_family(t) for m in mentions for t in m.titles},
            {p for m in mentions for p in (*m.provinces, m.report_province) if p},
            any(m.provinces for m in mentions),
            min(dates, default=None),
            max(dates, default=None),
        )

    def fits_place_and_time(self, m: OfficialMention) -> bool:
        """Whether an unanchored mention may be this person as far as where and when go (its
        title ladders are matched by :class:`_Ladders`)."""
        if self.local and m.report_province and m.report_province not in self.provinces:
            return False
        if m.date is None or self.first is None or self.last is None:
            return True
        return self.first.year - CAREER_GAP_YEARS <= m.date.year <= self.last.year + CAREER_GAP_YEARS


def _word_prefixes(ladder: str) -> list[str]:
    """``"chủ tịch quốc hội"`` → ``["chủ", "chủ tịch", "chủ tịch quốc"]`` (proper prefixes)."""
    words = ladder.split(" ")
    return [" ".join(words[:i]) for i in range(1, len(words))]


class _Ladders:
    """The people of one name indexed by title ladder, so an unanchored mention is compared with
    those on its ladders only: equal ladders, or one a shorter statement of the other ("chủ
    tịch" fits "chủ tịch quốc hội"). Linear in the mentions however many namesakes share a name."""

    def __init__(self, persons: list[_Person]) -> None:
        self.persons = persons
        self.exact: dict[str, set[int]] = {}
        self.longer_or_equal: dict[str, set[int]] = {}
        for i, p in enumerate(persons):
            for ladder in p.families:
                self.exact.setdefault(ladder, set()).add(i)
                for prefix in (*_word_prefixes(ladder), ladder):
                    self.longer_or_equal.setdefault(prefix, set()).add(i)

    def on(self, ladders: set[str]) -> list[_Person]:
        """People on any of these ladders, in their order (all people when ``ladders`` is empty)."""
        if not ladders:
            return self.persons
        found: set[int] = set()
        for ladder in ladders:
            found |= self.longer_or_equal.get(ladder, set())
            for prefix in _word_prefixes(ladder):
                found |= self.exact.get(prefix, set())
        return [self.persons[i] for i in sorted(found)]


def people(mentions: Iterable[OfficialMention]) -> list[list[OfficialMention]]:
    """Every person of a corpus as the list of their mentions, in a deterministic order."""
    by_name: dict[str, list[OfficialMention]] = {}
    for m in mentions:
        by_name.setdefault(m.key, []).append(m)
    out: list[list[OfficialMention]] = []
    for name in sorted(by_name):
        out += namesakes(by_name[name])
    return out


def namesakes(mentions: Sequence[OfficialMention]) -> list[list[OfficialMention]]:
    """The people among the mentions of one name (steps 1-3 of the module docstring)."""
    ordered = sorted(mentions, key=lambda m: (m.doc_id, m.order))
    anchored = _by_shared_anchor([m for m in ordered if m.anchors])
    persons = [_Person.of(group) for group in anchored]
    ladders = _Ladders(persons)
    leftover: list[OfficialMention] = []
    joins: list[tuple[_Person, OfficialMention]] = []
    for m in ordered:
        if m.anchors:
            continue
        fits = _fitting(m, ladders)
        if len(fits) == 1:
            joins.append((fits[0], m))  # applied after the loop: step 2 sees step 1's people only
        else:
            leftover.append(m)
    for person, m in joins:
        person.mentions.append(m)
    groups = [p.mentions for p in persons] + _unanchored(leftover, bool(persons))
    return [sorted(g, key=lambda m: (m.doc_id, m.order)) for g in groups]


def _by_shared_anchor(mentions: list[OfficialMention]) -> list[list[OfficialMention]]:
    """Connected groups of mentions sharing an anchor (union-find over the anchors)."""
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[str, int] = {}
    for i, m in enumerate(mentions):
        for anchor in sorted(m.anchors):
            j = first_with.setdefault(anchor, i)
            ri, rj = find(i), find(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[OfficialMention]] = {}
    for i, m in enumerate(mentions):
        groups.setdefault(find(i), []).append(m)
    return [groups[r] for r in sorted(groups)]


def _fitting(m: OfficialMention, ladders: _Ladders) -> list[_Person]:
    """The anchored people an unanchored mention may be (step 2): those it fits, narrowed to
    those seen in its report's province when there are several. Only whether exactly one is
    left matters, so the scan stops once two are certain."""
    fits: list[_Person] = []
    local: list[_Person] = []
    for p in ladders.on({title_family(t) for t in m.titles}):
        if not p.fits_place_and_time(m):
            continue
        fits.append(p)
        if m.report_province is None:
            if len(fits) > 1:
                break
        elif m.report_province in p.provinces:
            local.append(p)
            if len(local) > 1:
                break
    return local if len(fits) > 1 and local else fits


def _unanchored(mentions: list[OfficialMention], others: bool) -> list[list[OfficialMention]]:
    """Step 3: unanchored mentions left over, one person per title ladder; untitled ones join
    the only candidate (when no anchored person of the name exists), else stand alone."""
    groups: list[list[OfficialMention]] = []
    by_family: dict[str, list[OfficialMention]] = {}
    untitled: list[OfficialMention] = []
    for m in mentions:
        families = sorted({title_family(t) for t in m.titles})
        if not families:
            untitled.append(m)
            continue
        target = next((by_family[f] for f in families if f in by_family), None)
        if target is None:
            target = []
            groups.append(target)
        target.append(m)
        for f in families:
            by_family.setdefault(f, target)
    if others or len(groups) > 1:
        return groups + [[m] for m in untitled]
    if groups:
        groups[0].extend(untitled)
        return groups
    return [untitled] if untitled else []


def principal(mentions: Sequence[OfficialMention]) -> str:
    """What a person's id is made of, besides the name: the anchor most of their mentions
    share (ties: the first in sort order); else the commonest title ladder; else the first
    report. Anchors of two people of one name never overlap, so neither do their ids."""
    anchors = Counter(a for m in mentions for a in m.anchors)
    if anchors:
        return min(anchors, key=lambda a: (-anchors[a], a))
    families = Counter(title_family(t) for m in mentions for t in m.titles)
    if families:
        return "title:" + min(families, key=lambda f: (-families[f], f))
    first = min(mentions, key=lambda m: (m.doc_id, m.order))
    return f"doc:{first.doc_id}#{first.order}"


def person_id(mentions: Sequence[OfficialMention]) -> str:
    return entity_id(_display_name(mentions), principal(mentions))


def _display_name(mentions: Sequence[OfficialMention]) -> str:
    counts = Counter(m.name for m in mentions)
    return min(counts, key=lambda n: (-counts[n], n))
