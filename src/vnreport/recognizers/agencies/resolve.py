"""Resolving a mention: its place from context, its level and its canonical name.

* a district name shared by several provinces is the one in the report's province (or the
  province named last before it);
* bare "tỉnh" and unit-less provincial heads ("Sở Nội vụ", "Tỉnh ủy") take the report's main
  province, else the province named shortly before; "UBND huyện" the district named last;
* the canonical name expands abbreviations, spells the field one way and renders the unit
  ("Sở TT&TT Hậu Giang" → "Sở Thông tin và Truyền thông tỉnh Hậu Giang").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from ...lexicon.orgnames import capitalise
from ...lexicon.places import District, Province
from ...models import Place
from .candidates import UNRESOLVED, Candidate, Level, PlaceValue, Resolution, as_level
from .scan import DocumentScan

_PAREN_ABBR = re.compile(r"\s*\(\s*[^\W_]+\s*\)\s*")
_DASH = re.compile(r"\s*-\s*")
_PROVINCE_WINDOW = 400
_WIDE_WINDOW = 3000
_DISTRICT_PICK_WINDOW = 5000


def name_key(s: str) -> str:
    """How canonical names compare: lower case, one space, dashes unspaced."""
    return " ".join(_DASH.sub("-", s.lower()).split())


@dataclass(slots=True)
class Resolver:
    """Resolves the mentions of one document (``local_abbr``: abbreviations it defined)."""

    scan: DocumentScan
    local_abbr: dict[str, str] = field(default_factory=dict)
    context: Province | None = None
    _place_starts: list[int] | None = None

    def __post_init__(self) -> None:
        p = self.scan.doc.context.province
        if isinstance(p, Place):
            self.context = self.scan.vocab.lex.admin.province_by_name(p.name, self.scan.when)

    def resolve(self, c: Candidate) -> Resolution:
        if c.resolution is not UNRESOLVED:
            return c.resolution
        parent = self.resolve(c.parent) if c.parent is not None else None
        if c.named is not None:
            c.resolution = Resolution(c.place, as_level(c.named.level), None, c.named.name, c.named.name)
            return c.resolution
        place, settled = self._pick_district(c)
        if place is None and c.parent is None:
            place = self._context_place(c)
        level, province = self._level(c, place, parent)
        if not settled:
            province = None  # "Chi cục Thuế Châu Thành" in a report naming none of its provinces
        base, canonical = self._canonical(c, place, parent)
        c.resolution = Resolution(place, level, province, base, canonical)
        return c.resolution

    # ------------------------------------------------------------------ place
    def _nearest_place(self, pos: int, want: str, window: int) -> Place | None:
        """The last place of type ``want`` (province | district) named before ``pos``."""
        spans = self.scan.doc.context.place_spans or []
        if self._place_starts is None:
            self._place_starts = [sp[0] for sp in spans]
        i = bisect_left(self._place_starts, pos)
        while i > 0:
            i -= 1
            s, _e, pl = spans[i]
            if pos - s > window:
                break
            is_prov = pl.kind in ("province", "city") and pl.province is None
            if (want == "province") == is_prov:
                return pl
        return None

    def _pick_district(self, c: Candidate) -> tuple[PlaceValue | None, bool]:
        """Among same-named districts, the one in the report's province or the one named near;
        and whether that settles its province (False: districts of several provinces, none the
        report's or named near, so the first one stands for the name only)."""
        if not c.districts or isinstance(c.place, (Province, District)):
            return c.place, True
        ctx = self.context
        ds = list(c.districts)
        pick = [d for d in ds if ctx is not None and d.province == ctx.name] or ds
        if len(pick) > 1:
            named_near = self._nearest_place(c.start, "province", _DISTRICT_PICK_WINDOW)
            near = [d for d in pick if named_near is not None and d.province == named_near.name]
            if not near:
                return pick[0], len({d.province for d in pick}) < 2
            pick = near
        return pick[0], True

    def _context_place(self, c: Candidate) -> PlaceValue | None:
        """The unit a mention without a written place stands for, from the report's context."""
        kind = c.kind
        assert kind is not None
        u = c.unit_type
        ctx = self.context
        national = c.national or "quốc gia" in c.name.lower()
        if (
            u == "tỉnh"
            or (u is None and kind.scope == "province" and not national)
            or (u is None and (kind.committee_of == "tỉnh" or kind.kind == "Ban Chấp hành Đảng bộ") and not national)
        ):
            if ctx is not None and not (u == "tỉnh" and ctx.is_city):
                return ctx
            if u == "tỉnh" or kind.scope == "province":
                return self._province_near(c.start, _PROVINCE_WINDOW, city=False)
            return None
        city_committee = kind.committee_of == "thành phố"  # Thành ủy, Thành đoàn
        if u == "thành phố" or (u is None and city_committee):
            if ctx is not None and ctx.is_city:
                return ctx
            if kind.level == "province" and not city_committee:
                return self._province_near(c.start, _WIDE_WINDOW, city=True)
            near = self._nearest_place(c.start, "district", _WIDE_WINDOW)
            return self._district_of(near) if near is not None and near.kind == "city" else None
        district_units = self.scan.vocab.district_units
        if u in district_units or (u is None and kind.committee_of in district_units):
            near = self._nearest_place(c.start, "district", _WIDE_WINDOW)
            return self._district_of(near) if near is not None else None
        return None

    def _province_near(self, pos: int, window: int, city: bool) -> Province | None:
        near = self._nearest_place(pos, "province", window)
        if near is None or (city and near.kind != "city"):
            return None
        return self.scan.vocab.lex.admin.province_by_name(near.name, self.scan.when)

    def _district_of(self, pl: Place) -> District | None:
        admin = self.scan.vocab.lex.admin
        for d in admin.district_candidates(pl.name.lower()):
            if d.province == pl.province:
                return d
        ds = admin.district_candidates(" ".join(pl.name.lower().split()))
        return next((d for d in ds if d.province == pl.province), None)

    def _level(
        self, c: Candidate, place: PlaceValue | None, parent: Resolution | None
    ) -> tuple[Level | None, str | None]:
        kind = c.kind
        assert kind is not None
        units = self.scan.vocab
        if isinstance(place, Province):
            return "province", place.name
        if isinstance(place, District):
            return "district", place.province
        if isinstance(place, str) or c.unit_type in units.commune_units:
            return "commune", self.context.name if self.context else None
        if parent is not None:
            return parent.level, parent.province
        if c.national or "quốc gia" in c.name.lower():
            return "central", None
        if c.unit_type in units.district_units:
            return "district", None
        if kind.kind == "Bộ":
            return "central", None
        return as_level(kind.level), None

    # ------------------------------------------------------------------ names
    def _name_part(self, c: Candidate) -> str:
        lex = self.scan.vocab.lex
        if c.name_field is not None:
            rest = c.name[c.field_len :].strip() if c.field_len else ""
            if rest:
                return f"{c.name_field.canonical} {lex.expand(rest, self.local_abbr)}"
            return c.name_field.canonical
        if not c.name:
            return ""
        kind = c.kind
        assert kind is not None
        if kind.name in ("field", "field+open"):
            f = lex.field_for(c.name)
            if f is not None:
                return f.canonical
        return capitalise(lex.expand(_PAREN_ABBR.sub(" ", c.name), self.local_abbr))

    def _canonical(self, c: Candidate, place: PlaceValue | None, parent: Resolution | None) -> tuple[str, str]:
        """``(base, canonical)``: the name without and with its unit or parent."""
        kind = c.kind
        assert kind is not None
        name = self._name_part(c)
        base = " ".join(x for x in (kind.canonical, name) if x)
        if c.national and not (kind.level == "central" and c.national == "Việt Nam") and c.national not in name:
            base = f"{base} {c.national}"
        if kind.kind == "Ban Chấp hành Đảng bộ":
            committee = self._committee(c, place)
            if committee is not None:
                return base, committee
        if parent is not None:
            if name_key(parent.canonical).startswith(name_key(base)):
                return base, parent.canonical
            return base, f"{base} {parent.canonical}"
        if place is None:
            if c.unit_type and kind.unit == "admin":
                return base, f"{base} {c.unit_type}"
            return base, base
        return base, f"{base} {self._rendered_place(c, place)}"

    def _committee(self, c: Candidate, place: PlaceValue | None) -> str | None:
        """ "Ban Chấp hành Đảng bộ tỉnh X" is Tỉnh ủy X (huyện: Huyện ủy …)."""
        if isinstance(place, Province):
            return f"{place.party_committee} {place.name}"
        if isinstance(place, District):
            by_unit = self.scan.vocab.committee_by_unit
            committee = by_unit.get(c.unit_word or place.type) or by_unit.get("huyện", "Huyện ủy")
            return f"{committee} {place.name}"
        return None

    def _rendered_place(self, c: Candidate, place: PlaceValue) -> str:
        kind = c.kind
        assert kind is not None
        if kind.unit == "party":
            return place if isinstance(place, str) else place.name
        if isinstance(place, Province):
            if kind.unit == "name" and c.bare_place:
                written = c.place_surface
                if written.lower().startswith(("tp", "thành phố")):
                    return place.rendered()
                if name_key(written).replace("-", " ") == name_key(place.name) or not written:
                    return place.name
                return written
            return place.rendered()
        if isinstance(place, District):
            if c.bare_place and not c.unit_word:
                # written without its unit word ("Trung tâm Y tế Thuận Thành", "… Cao nguyên đá
                # Đồng Văn"): the place stays as written; which unit it is goes unsaid
                return place.name
            unit = c.unit_word or place.type
            if place.name.lower().startswith(unit + " "):
                return place.name  # "Quận 1": the unit word is part of the name
            return f"{unit} {place.name}"
        return f"{c.unit_type or ''} {place}"
