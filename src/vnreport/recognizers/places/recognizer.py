"""Provinces and districts, and the report's main province.

A place is found where a unit word introduces it ("tỉnh Hậu Giang", "huyện Vũ Quang", "TP. Hồ
Chí Minh") or where a province name stands alone outside a personal name ("Sở TT&TT Thái
Nguyên", but not "ông Nguyễn Thái Bình"). Districts are read only after a unit word: bare
district names are too often ordinary words or parts of names.

The main province (``doc.context.province``, read by the legal and agency rules) is the
province with most evidence: named provinces, the provinces of named districts, the page's
source tag ("(BĐ)" is Báo Bình Định; "binhdinh.gov.vn") and the title, which counts double.
National news names several provinces or none, and gets None. Each place is the unit valid at
the report's date (pre-2025 names for older reports) and knows its post-2025 ``successor``.

``doc.context.place_spans`` keeps ``PlaceSpan(norm_start, norm_end, Place)`` for every mention, in text
order, so that the agency rule can resolve "UBND huyện" to the district named just before.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from ...lexicon.gazetteers import Gazetteers
from ...lexicon.orgnames import SpanMatcher
from ...lexicon.places import (
    COMMUNE_UNITS,
    DISTRICT_UNITS,
    PROVINCE_UNITS,
    UNIT_WORDS,
    AdminLexicon,
    District,
    Province,
    admin_lexicon,
)
from ...models import Place
from ...text.document import Doc, PlaceSpan
from ...text.scan import is_all_caps, is_capitalised, is_word, token_at, token_before
from ..base import Recognizer, register

#: Capitalised words that may stand right before a bare province name without making it part of
#: a personal name ("Báo Hậu Giang", "Tại Hà Nội").
_BEFORE_PLACE_OK = frozenset(
    "báo đài sở tỉnh thành huyện tại ở về từ đến cho và với của trên khắp toàn cả miền vùng"
    " viện trường đại học hội chi cục ban liên minh trung tâm bệnh".split()
)


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    province: Province | None = None
    districts: tuple[District, ...] = ()
    weight: float = 1.0


@register("places")
class PlaceRecognizer(Recognizer):
    label = "places"

    #: Minimum evidence for a main province, and its minimum share of all province evidence.
    min_score: float = 2.0
    min_share: float = 0.5

    def setup(self, gazetteers: Gazetteers) -> None:
        self.lex: AdminLexicon = admin_lexicon(gazetteers)
        self.matcher: SpanMatcher[tuple[str, str]] = SpanMatcher()
        self.matcher.add_many(self.lex.phrases())
        self.matcher.by_start("")
        self.surnames = frozenset(r["surname"] for r in gazetteers.rows("surnames") if r["surname"])

    # ------------------------------------------------------------------ finding
    def _mentions(self, doc: Doc, when: dt.date | None) -> list[_Mention]:
        text = doc.text
        by_start = self.matcher.by_start(doc.lower)
        out: list[_Mention] = []
        consumed = -1
        for start in sorted(by_start):
            if start < consumed:
                continue
            opts = sorted(by_start[start], key=lambda x: -x[0])
            end0 = opts[0][0]
            unit = next(((e, k) for e, (kd, k) in opts if kd == "unit"), None)
            if unit is not None and end0 == unit[0]:
                m = self._after_unit(doc, by_start, start, unit[0], UNIT_WORDS[unit[1]], when)
                if m is not None:
                    out.append(m)
                    consumed = m.end
                continue
            prov = next(((e, k) for e, (kd, k) in opts if kd == "prov"), None)
            if prov is None or not is_capitalised(text[start]):
                continue
            e, k = prov
            p = self.lex.province(k, when, text[start:e])
            if p is None or not self._bare_ok(text, start, e):
                continue
            if doc.is_boilerplate(start, e):
                continue
            out.append(_Mention(start, e, province=p, weight=1.0))
            consumed = e
        return out

    def _after_unit(
        self, doc: Doc, by_start, start: int, uend: int, utype: str, when: dt.date | None
    ) -> _Mention | None:
        text = doc.text
        t = token_at(text, uend)
        if t is None or t[0] - uend > 1 or not is_capitalised(text[t[0]]):
            return None
        opts = sorted(by_start.get(t[0], ()), key=lambda x: -x[0])
        if doc.is_boilerplate(start, t[1]):
            return None
        if utype in COMMUNE_UNITS:
            return None
        for e, (kd, k) in opts:
            if kd == "prov" and utype in PROVINCE_UNITS | {"thành phố"}:
                p = self.lex.province(k, when, text[t[0] : e])
                if p is None:
                    continue
                if utype == "thành phố" and not p.is_city:
                    cities = tuple(d for d in self.lex.district_candidates(k) if d.type == "thành phố")
                    if cities:
                        return _Mention(start, e, districts=cities, weight=1.0)
                    continue
                return _Mention(start, e, province=p, weight=2.0)
            if kd == "dist" and utype in DISTRICT_UNITS | {"thành phố"}:
                ds = tuple(self.lex.district_candidates(k))
                if ds:
                    return _Mention(start, e, districts=ds, weight=1.0)
        return None

    def _bare_ok(self, text: str, s: int, e: int) -> bool:
        """A bare province name, not part of a personal or longer proper name."""
        prev = token_before(text, s)
        if prev is not None:
            ptok = text[prev[0] : prev[1]]
            if (
                is_word(ptok)
                and is_capitalised(ptok)
                and not is_all_caps(ptok)
                and ptok.lower() not in _BEFORE_PLACE_OK
            ):
                return False
        nxt = token_at(text, e)
        if nxt is not None:
            ntok = text[nxt[0] : nxt[1]]
            if is_word(ntok) and is_capitalised(ntok) and not is_all_caps(ntok) and ntok not in self.surnames:
                return False
        return True

    # ------------------------------------------------------------------ main province
    def _source_province(self, doc: Doc) -> str | None:
        lay = doc.layout
        src = getattr(lay, "source", None) if lay is not None else None
        if not src:
            return None
        if src in self.lex.tags:
            return self.lex.tags[src]
        low = src.lower()
        if "." in low and not low.startswith("mic."):
            for folded, name in self.lex.domains.items():
                if len(folded) >= 5 and folded in low.replace("-", ""):
                    return name
        return None

    def find(self, doc: Doc) -> list[Place]:
        when = doc.context.report_date()
        mentions = self._mentions(doc, when)
        title = getattr(doc.layout, "title", None) if doc.layout is not None else None

        scores: dict[str, float] = defaultdict(float)
        provinces: dict[str, Province] = {}
        for m in mentions:
            if m.province is not None:
                bonus = 2.0 if title and title[0] <= m.start < title[1] else 1.0
                scores[m.province.name] += m.weight * bonus
                provinces[m.province.name] = m.province
        src = self._source_province(doc)
        if src is not None:
            p = self.lex.province_by_name(src, when)
            if p is not None:
                scores[p.name] += 3.0
                provinces[p.name] = p
        # Districts: unambiguous ones count for their province; shared names ("Châu Thành")
        # count only where the province is otherwise named.
        for m in mentions:
            if not m.districts:
                continue
            cands = [d for d in m.districts if d.province in scores] or (
                list(m.districts) if len({d.province for d in m.districts}) == 1 else []
            )
            if len({d.province for d in cands}) == 1:
                d = cands[0]
                bonus = 2.0 if title and title[0] <= m.start < title[1] else 1.0
                # a district with a unique name settles its province like "tỉnh X" does
                weight = 2.0 if len({x.province for x in m.districts}) == 1 else m.weight
                scores[d.province] += weight * bonus
                if d.province not in provinces:
                    p = self.lex.province_by_name(d.province, when)
                    if p is not None:
                        provinces[d.province] = p
                m.districts = (d,)
            else:
                m.districts = ()

        main = self._choose(scores)
        main_place = None
        places: dict[tuple[str, str], Place] = {}
        spans: list[PlaceSpan] = []
        for m in mentions:
            if m.province is not None:
                p = m.province
                pl = places.get(("p", p.name))
                if pl is None:
                    pl = places[("p", p.name)] = Place(
                        name=p.name,
                        kind="city" if p.is_city else "province",
                        code=p.code,
                        successor=p.successor,
                        valid_to=p.valid_to,
                    )
            elif m.districts:
                d = m.districts[0]
                pl = places.get(("d", d.province + "/" + d.name))
                if pl is None:
                    prov = provinces.get(d.province) or self.lex.province_by_name(d.province, when)
                    pl = places[("d", d.province + "/" + d.name)] = Place(
                        name=d.name,
                        kind=d.kind,  # type: ignore[arg-type]
                        code=d.code,
                        province=d.province,
                        successor=prov.successor if prov else None,
                        valid_to=d.valid_to,
                    )
            else:
                continue
            pl.mentions.append(doc.span(m.start, m.end))
            spans.append(PlaceSpan(m.start, m.end, pl))
        if main is not None:
            main_place = places.get(("p", main))
            if main_place is None:
                p = provinces[main]
                main_place = Place(
                    name=p.name,
                    kind="city" if p.is_city else "province",
                    code=p.code,
                    successor=p.successor,
                    valid_to=p.valid_to,
                )
        doc.context.province = main_place
        doc.context.place_spans = spans
        return list(places.values())

    def _choose(self, scores: dict[str, float]) -> str | None:
        if not scores:
            return None
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        name, top = ranked[0]
        total = sum(scores.values())
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        if top < self.min_score or top < self.min_share * total or top <= second:
            return None
        return name
