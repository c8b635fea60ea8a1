"""What follows a name: "Việt Nam", a unit ("tỉnh Hậu Giang", bare "tỉnh"), a place without a
unit word ("Tỉnh ủy Hậu Giang"), a generic plural ("UBND các cấp"), or a parent body.

The parent itself is parsed by the caller (:mod:`.parse`), which owns the reading of a whole
organisation; this module only says where one may start.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from ...lexicon.orgnames import DistrictHit, HeadHit, Kind, NamedHit, ProvinceHit, UnitHit
from ...lexicon.places import District
from ...text.scan import is_capitalised, is_word, token_at
from .candidates import Candidate
from .names import national_at, place_is_name_word
from .scan import DocumentScan

_GENERIC_MARKERS = ("các", "cấp")
#: what a hit at a qualifier position may be
_ROLE: dict[type, str] = {UnitHit: "unit", ProvinceHit: "place", DistrictHit: "place", HeadHit: "org", NamedHit: "org"}


class ParentAt(NamedTuple):
    """Where a parent body may start after a name, and how it is written: right after the name
    ("Ban Tuyên giáo Tỉnh ủy"), after a dash ("Ban Pháp chế - HĐND tỉnh") or in parentheses
    ("Cục Quản lý công sản (Bộ Tài chính)": the mention ends before them)."""

    start: int
    written: str  # plain | dash | paren


def read_qualifiers(scan: DocumentScan, c: Candidate, pos: int, depth: int) -> tuple[int, ParentAt | None]:
    """Read the qualifiers of ``c`` from ``pos``: ``(end, where a parent may start or None)``."""
    text = scan.text
    kind = c.kind
    assert kind is not None
    if c.name and not depth and kind.parent_ok:
        linked = _linked_parent(scan, c, pos)
        if linked is not None:
            return pos, linked
    for _ in range(3):
        t = token_at(text, pos)
        if t is None or t[0] - pos > 1:
            break
        ts, te = t
        tok = text[ts:te]
        if tok.lower() in _GENERIC_MARKERS:
            n = token_at(text, te)
            if n is not None and text[n[0] : n[1]].lower() in scan.vocab.generic_after:
                c.generic = True  # "UBND các cấp", "HĐND các huyện"
                return n[1], None
            break
        opts = scan.at(ts)
        nat = national_at(text, ts)
        if nat and not any(isinstance(h, NamedHit) and e > ts + nat for e, h in opts):
            c.national = "Việt Nam" if text[ts] == "V" else "Trung ương"
            pos = ts + nat
            continue
        unit = place = org = -1
        for e, h in opts:  # one dict lookup per hit: this loop runs for every mention
            role = _ROLE.get(type(h))
            if role == "unit":
                unit = max(unit, e)
            elif role == "place":
                place = max(place, e)
            elif role == "org":
                org = max(org, e)
        if org > max(unit, place):
            unit = place = -1
        if unit > 0 and (unit >= place or not is_capitalised(tok)):  # "quận 1": a place from the unit word
            return read_unit(scan, c, ts, unit), None
        if place > 0 and is_capitalised(tok):
            r = read_bare_place(scan, c, ts, place)
            if r is not None:
                return r, None
        if depth == 0 and (kind.parent_ok or kind.needs == "parent") and is_capitalised(tok) and org >= 0:
            return pos, ParentAt(ts, "plain")
        break
    return pos, None


def _linked_parent(scan: DocumentScan, c: Candidate, pos: int) -> ParentAt | None:
    """A parent after " - " or inside "( )" right after a sub-unit's name."""
    text = scan.text
    t = token_at(text, pos)
    if t is None or t[0] - pos > 1 or text[t[0] : t[1]] not in ("-", "("):
        return None
    n = token_at(text, t[1])
    if n is None or n[0] - t[1] > 1 or not is_capitalised(text[n[0] : n[1]]):
        return None
    if not any(isinstance(h, (HeadHit, NamedHit)) for _, h in scan.at(n[0])):
        return None
    return ParentAt(n[0], "dash" if text[t[0]] == "-" else "paren")


def parent_allowed(p: Candidate, child: Candidate, kinds: Mapping[str, Kind], written: str = "plain") -> bool:
    """A named body, or a kind that may be a parent (agency_kinds.tsv ``can_be_parent``). A
    head that is also a title word takes no body of its own kind ("Thường trực Ban Bí thư" is a
    person's post, not a standing body). After a dash or in parentheses the parent is of
    another kind ("Sở Tài chính - Sở Xây dựng" is a list)."""
    if written != "plain" and p.kind is not None and p.kind is child.kind:
        return False
    if p.named is not None:
        return not (child.kind is not None and child.kind.title_word and p.named.kind not in kinds)
    assert p.kind is not None
    return p.kind.can_be_parent


def read_unit(scan: DocumentScan, c: Candidate, us: int, ue: int) -> int:
    """A unit word at ``[us, ue)`` and the place after it, if any; return the end."""
    text = scan.text
    vocab = scan.vocab
    utype = vocab.unit_of.get(text[us:ue].lower(), "tỉnh")
    c.unit_type, c.unit_word = utype, utype
    numbered = _numbered_district(scan, us, ue)
    if numbered is not None:
        c.districts = numbered[1]
        return numbered[0]
    t = token_at(text, ue)
    if t is None or t[0] - ue > 1:
        return ue
    tok = text[t[0] : t[1]]
    if tok.lower() in _GENERIC_MARKERS or tok == "/":
        c.generic = True  # "UBND tỉnh các ...", "Sở/ngành"
        return ue
    if utype in vocab.commune_units:
        return _commune_name(scan, c, ue)
    if not is_capitalised(tok):
        return ue
    best: tuple[int, str] | None = None
    for e, h in scan.at(t[0]):
        if isinstance(h, (ProvinceHit, DistrictHit)) and (best is None or e > best[0]):
            best = (e, h.key)
    if best is None:
        return ue
    e, k = best
    lex = vocab.lex.admin
    districts = lex.district_candidates(k)
    if utype == "tỉnh" and lex.province_keys.get(k):
        c.place = lex.province(k, scan.when, text[t[0] : e])
        return e if c.place is not None else ue
    if utype == "thành phố":
        p = lex.province(k, scan.when, text[t[0] : e]) if lex.province_keys.get(k) else None
        if p is not None and p.is_city:
            c.place = p
            return e
        ds = [d for d in districts if d.type == "thành phố"] or districts
        if ds:
            c.districts = tuple(ds)
            return e
        return ue
    if utype in vocab.district_units and districts:
        c.districts = tuple(districts)
        return e
    return ue


def _numbered_district(scan: DocumentScan, us: int, ue: int) -> tuple[int, tuple[District, ...]] | None:
    """ "quận 1", "Quận 10": a district whose name is its unit word and a number (districts.tsv
    "Quận 1"), matched from the unit word on."""
    lex = scan.vocab.lex.admin
    best: tuple[int, tuple[District, ...]] | None = None
    for e, h in scan.at(us):
        if isinstance(h, DistrictHit) and e > ue and (best is None or e > best[0]):
            ds = lex.district_candidates(h.key)
            if ds:
                best = (e, tuple(ds))
    return best


def _commune_name(scan: DocumentScan, c: Candidate, ue: int) -> int:
    """ "xã Phong Hải", "phường 3": up to three capitalised words, or a number, name the commune."""
    text = scan.text
    n = token_at(text, ue)
    if n is not None and n[0] - ue <= 1 and text[n[0] : n[1]].isdigit() and len(text[n[0] : n[1]]) <= 2:
        c.place = text[n[0] : n[1]]  # "phường 3"
        return n[1]
    end = cur = ue
    for _ in range(3):
        n = token_at(text, cur)
        if n is None or n[0] - cur > 1 or not is_capitalised(text[n[0] : n[1]]) or not is_word(text[n[0] : n[1]]):
            break
        end = cur = n[1]
    if end > ue:
        c.place = text[ue:end].strip()
    return end


def read_bare_place(scan: DocumentScan, c: Candidate, ts: int, pe: int) -> int | None:
    """A place right after the name, without a unit word ("Tỉnh ủy Hậu Giang", "Huyện ủy Mỏ
    Cày Nam"); None if it is no qualifier (part of a longer proper name)."""
    if place_is_name_word(scan, ts):
        return None
    text = scan.text
    kind = c.kind
    assert kind is not None
    lex = scan.vocab.lex.admin
    for e, h in sorted(scan.at(ts), key=lambda x: -x[0]):
        if e != pe:
            continue
        if isinstance(h, ProvinceHit):
            p = lex.province(h.key, scan.when, text[ts:e])
            if p is not None and kind.committee_of == "thành phố" and not p.is_city:
                ds = [d for d in lex.district_candidates(h.key) if d.type == "thành phố"]
                if ds:
                    c.districts, c.bare_place = tuple(ds), True
                    return e
            if p is not None:
                c.place_surface = text[ts:e]
                c.place, c.bare_place = p, True
                return e
        if isinstance(h, DistrictHit) and kind.unit in ("party", "name", "admin"):
            ds = lex.district_candidates(h.key)
            if ds:
                c.districts, c.bare_place = tuple(ds), True
                return e
    return None
