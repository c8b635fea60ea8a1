"""Assemble: one :class:`Place` per province or district named, with its mentions and spans."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ...lexicon.places import AdminLexicon, District, Province
from ...models import Place
from ...text.document import Doc, PlaceSpan
from .mentions import PlaceMention
from .province import Resolution


def province_place(p: Province) -> Place:
    return Place(
        name=p.name,
        kind="city" if p.is_city else "province",
        code=p.code,
        successor=p.successor,
        valid_to=p.valid_to,
    )


def _district_place(d: District, province: Province | None) -> Place:
    return Place(
        name=d.name,
        kind=d.kind,  # type: ignore[arg-type]
        code=d.code,
        province=d.province,
        successor=province.successor if province else None,
        valid_to=d.valid_to,
    )


@dataclass(slots=True)
class Assembly:
    """The report's places (first-mention order), mention spans in text order, main province."""

    places: dict[tuple[str, str], Place] = field(default_factory=dict)
    spans: list[PlaceSpan] = field(default_factory=list)
    main: Place | None = None


def _place_of(lex: AdminLexicon, res: Resolution, out: Assembly, m: PlaceMention, when: dt.date | None) -> Place | None:
    if m.province is not None:
        k = ("p", m.province.name)
        if k not in out.places:
            out.places[k] = province_place(m.province)
        return out.places[k]
    if m.districts:
        d = m.districts[0]
        k = ("d", d.province + "/" + d.name)
        if k not in out.places:
            out.places[k] = _district_place(d, res.provinces.get(d.province) or lex.province_by_name(d.province, when))
        return out.places[k]
    return None


def assemble(doc: Doc, lex: AdminLexicon, res: Resolution, when: dt.date | None) -> Assembly:
    out = Assembly()
    for m in res.mentions:
        place = _place_of(lex, res, out, m, when)
        if place is None:
            continue
        place.mentions.append(doc.span(m.start, m.end))
        out.spans.append(PlaceSpan(m.start, m.end, place))
    if res.main is not None:
        out.main = out.places.get(("p", res.main)) or province_place(res.provinces[res.main])
    return out
