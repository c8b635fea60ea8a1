"""Resolve: the report's main province from the evidence of its place mentions.

Named provinces count (double in the title, double after a unit word), the page's source tag
("(BĐ)" is Báo Bình Định; "binhdinh.gov.vn") counts three, and districts count for their
province: a district with a unique name like "tỉnh X", a name shared by several provinces
("Châu Thành") only where one of its provinces is otherwise named. The main province needs
enough evidence, most of it and twice the next province's; national news names several
provinces or none, and gets None. So does a report framed as national (:mod:`.framing`): a
headline naming a central body or a region and no province, and no reference to "the province"
unnamed; and one that names a province once, in passing (no district of it, no "toàn tỉnh").
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace

from ...lexicon.places import AdminLexicon, Province
from .framing import Framing
from .mentions import PlaceMention

#: Evidence of the page's source tag for its province.
_SOURCE_WEIGHT = 3.0
#: A mention inside the title counts this many times.
_TITLE_BONUS = 2.0


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Minimum evidence for a main province, and its minimum share of all province evidence."""

    min_score: float = 2.0
    min_share: float = 0.5
    #: how many times the runner-up's evidence the main province needs
    min_lead: float = 2.0


@dataclass(slots=True)
class Resolution:
    """Mentions with their districts settled (one unit or none), and the main province."""

    mentions: list[PlaceMention]
    main: str | None
    #: every province that gained evidence, by name
    provinces: dict[str, Province] = field(default_factory=dict)


@dataclass(slots=True)
class _Evidence:
    """Per-call tally: score and unit of each province named so far."""

    lex: AdminLexicon
    when: dt.date | None
    title: tuple[int, int] | None
    scores: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    provinces: dict[str, Province] = field(default_factory=dict)

    def bonus(self, m: PlaceMention) -> float:
        return _TITLE_BONUS if self.title and self.title[0] <= m.start < self.title[1] else 1.0

    def add(self, province: Province, weight: float) -> None:
        self.scores[province.name] += weight
        self.provinces[province.name] = province


def source_province(lex: AdminLexicon, source: str | None) -> str | None:
    """The province of a provincial paper's tag ("BĐ") or a provincial portal's domain."""
    if not source:
        return None
    if source in lex.tags:
        return lex.tags[source]
    low = source.lower()
    if "." in low and not low.startswith("mic."):
        for folded, name in lex.domains.items():
            if len(folded) >= 5 and folded in low.replace("-", ""):
                return name
    return None


def _settle_district(ev: _Evidence, m: PlaceMention) -> PlaceMention:
    """One district for the mention if its candidates point to one province, else none."""
    candidates = [d for d in m.districts if d.province in ev.scores] or (
        list(m.districts) if len({d.province for d in m.districts}) == 1 else []
    )
    if len({d.province for d in candidates}) != 1:
        return replace(m, districts=())
    d = candidates[0]
    # a district with a unique name settles its province like "tỉnh X" does
    weight = 2.0 if len({x.province for x in m.districts}) == 1 else m.weight
    ev.scores[d.province] += weight * ev.bonus(m)
    if d.province not in ev.provinces:
        p = ev.lex.province_by_name(d.province, ev.when)
        if p is not None:
            ev.provinces[d.province] = p
    return replace(m, districts=(d,))


def _choose(scores: dict[str, float], limits: Thresholds) -> str | None:
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    name, top = ranked[0]
    total = sum(scores.values())
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if top < limits.min_score or top < limits.min_share * total or top <= second:
        return None
    if top < limits.min_lead * second:
        return None  # two provinces with comparable evidence: ambiguous
    return name


def _is_national(frame: Framing, mentions: list[PlaceMention]) -> bool:
    """A headline naming a central body and no place, in a report that never refers to its own
    province unnamed ("UBND tỉnh", "toàn tỉnh")."""
    if not frame.central_headline or frame.provincial_ref:
        return False
    return not any(frame.in_headline(m.start) for m in mentions)


def resolve(
    lex: AdminLexicon,
    mentions: list[PlaceMention],
    *,
    title: tuple[int, int] | None,
    source: str | None,
    when: dt.date | None,
    limits: Thresholds,
    frame: Framing | None = None,
) -> Resolution:
    """Settle the districts and choose the main province (see the module docstring)."""
    ev = _Evidence(lex, when, title)
    for m in mentions:
        if m.province is not None:
            ev.add(m.province, m.weight * ev.bonus(m))
    src = source_province(lex, source)
    if src is not None:
        p = lex.province_by_name(src, when)
        if p is not None:
            ev.add(p, _SOURCE_WEIGHT)
    settled = [_settle_district(ev, m) if m.districts else m for m in mentions]
    national = frame is not None and src is None and _is_national(frame, settled)
    main = None if national else _choose(ev.scores, limits)
    if main is not None and src is None and _named_once(ev, settled, main, frame):
        main = None  # one passing mention in a report that never speaks of "the province"
    return Resolution(settled, main, ev.provinces)


def _named_once(ev: _Evidence, mentions: list[PlaceMention], main: str, frame: Framing | None) -> bool:
    """The main province is named once, as a province and outside the title, and the report
    never refers to its own province unnamed ("UBND tỉnh", "toàn tỉnh"), not even right after
    naming it: too little to call it the report's. A district or city of it ("TP Vinh") is a
    locality the report is about, enough on its own."""
    if frame is not None and (frame.provincial_ref or frame.anaphoric_ref):
        return False
    if any(d.province == main for m in mentions for d in m.districts):
        return False
    own = [m for m in mentions if m.province is not None and m.province.name == main]
    return len(own) < 2 and not any(ev.bonus(m) > 1 for m in own)
