"""Grouping a document's resolved mentions into :class:`Agency` objects.

Mentions with one canonical name are one agency; then a mention without unit joins the one
organisation of that name that has one, a short field name ("Bộ Giáo dục") the one longer body
of that head ("Bộ Giáo dục và Đào tạo"), and a bare head ("Sở", "Bộ") the body of that head the
report is about (the most mentioned one, or the one mentioned last before it).
"""

from __future__ import annotations

from collections import defaultdict

from ...lexicon.orgnames import display_name
from ...models import Agency
from ...text.document import IndexedSpan
from .candidates import Candidate, PlaceValue
from .communes import communes_written
from .resolve import Resolver, name_key
from .scan import DocumentScan

#: A bare head picks, among this many equally mentioned bodies, the one mentioned last before it.
_MAX_TIED = 5

Groups = dict[str, list[Candidate]]


def assemble(
    scan: DocumentScan, cands: list[Candidate], include_generic: bool
) -> tuple[list[Agency], list[IndexedSpan]]:
    """The agencies of the document and the spans of their mentions (index into the list)."""
    full = [c for c in cands if not c.bare]
    resolver = Resolver(scan)
    for c in full:
        for x in (c, c.parent):
            if x is not None:
                resolver.local_abbr.update(x.local_abbr)
    for c in full:
        resolver.resolve(c)
    if resolver.context is None:
        named_levels = _levels_named(scan)
        for c in full:
            c.generic = c.generic or (_no_place_named(c) and c.resolution.level not in named_levels)
    groups: Groups = {}
    for c in full:
        if c.generic and not include_generic:
            continue
        groups.setdefault(_group_key(c), []).append(c)
    _join_unplaced(groups)
    _join_short_fields(groups)
    _attach_bares(scan, groups, [c for c in cands if c.bare])
    return _agencies(scan, groups)


#: Heads whose whole name is the head: "UBND", "Tỉnh ủy", "Công an" ("Sở Nội vụ" names a field).
_NAMELESS = frozenset({"none"})
_LEVEL_OF_PLACE = {
    "province": "province",
    "city": "province",
    "district": "district",
    "town": "district",
    "commune": "commune",
    "ward": "commune",
}


def _levels_named(scan: DocumentScan) -> set[str]:
    """Levels of the places the report names ("xã Tân Phú" → commune): a body of such a level
    may be one of them, even where its own place is not settled."""
    levels = {_LEVEL_OF_PLACE.get(sp.place.kind, "") for sp in scan.doc.context.place_spans or ()}
    if any(communes_written(scan).values()):  # "xã Tân Phú": communes are not in the gazetteer
        levels.add("commune")
    return levels


def _no_place_named(c: Candidate) -> bool:
    """A local body in a report about no province that names no place of its own ("UBND cấp
    xã", "Văn phòng HĐND" in a national explainer) is any such body, not one: generic, like
    "các sở, ban, ngành" (unless the report names places of its level: see the caller)."""
    kind, res = c.kind, c.resolution
    if c.parent is not None:  # "Văn phòng HĐND": as generic as its parent
        return c.named is None and res.place is None and _no_place_named(c.parent)
    if kind is None or c.named is not None or c.national or kind.name not in _NAMELESS:
        return False
    local = res.level in ("province", "district", "commune") or (res.level is None and kind.level != "central")
    national_by_name = res.canonical.lower().endswith("việt nam")  # "MTTQ Việt Nam"
    return local and not national_by_name and res.place is None and res.province is None


def _group_key(c: Candidate) -> str:
    """Mentions of one canonical name are one body; a school named after its commune is one
    body with or without the unit word ("Trường THCS Chiềng Đen" = "… xã Chiềng Đen")."""
    res = c.resolution
    if c.kind is not None and c.kind.unit == "name" and isinstance(res.place, str):
        return name_key(f"{res.base} {res.place}")
    return name_key(res.canonical)


def _join_unplaced(groups: Groups) -> None:
    """A mention without unit joins the one organisation of the same name that has one."""
    placed: dict[str, list[str]] = defaultdict(list)
    for k, cs in groups.items():
        if any(x.resolution.place is not None or x.parent is not None for x in cs):
            placed[name_key(cs[0].resolution.base)].append(k)
    for k in list(groups):
        cs = groups[k]
        if any(x.resolution.place is not None or x.parent is not None or x.unit_type for x in cs):
            continue
        base = name_key(cs[0].resolution.base)
        targets = [t for t in placed.get(base, []) if t != k]
        if not targets:  # "Hội đồng Tư vấn …" = the one "Hội đồng Tư vấn … của Thủ tướng Chính phủ"
            targets = [t for t in groups if t.startswith(base + " của ")]
        if len(targets) == 1:
            groups[targets[0]].extend(cs)
            del groups[k]


def _join_short_fields(groups: Groups) -> None:
    """ "Bộ Giáo dục" = the one "Bộ Giáo dục và Đào tạo" of the report; "Ban quản lý Vườn",
    written after "Ban quản lý Vườn quốc gia Phong Nha - Kẻ Bàng", is that board. A short form
    joins the one longest body of its head whose name it begins (of the same place), and an
    open name only one written before it."""
    by_kind: dict[str, list[tuple[str, str, PlaceValue | None, int]]] = defaultdict(list)
    for k, cs in groups.items():
        first = cs[0]
        if first.kind is not None and first.kind.name in _SHORTENED:
            start = min(x.start for x in cs)
            by_kind[first.kind.kind].append((k, name_key(first.resolution.base), first.resolution.place, start))
    for k in list(groups):
        first = groups[k][0]
        if first.kind is None or first.kind.name not in _SHORTENED or first.name_field is not None or first.named:
            continue
        if first.parent is not None or first.unit_type:
            continue
        pre = name_key(first.resolution.base) + " "
        opened = first.kind.name != "field"
        begins = min(x.start for x in groups[k])
        longer = [
            (t, b)
            for t, b, pl, start in by_kind.get(first.kind.kind, ())
            if t != k
            and t in groups
            and b.startswith(pre)
            and pl is first.resolution.place
            and not (opened and start > begins)
        ]
        widest = [t for t, b in longer if not any(b2.startswith(b + " ") for _, b2 in longer)]
        if len(widest) == 1:
            groups[widest[0]].extend(groups[k])
            del groups[k]


#: Name kinds whose short forms join a longer body of the report (agency_kinds.tsv ``name``).
_SHORTENED = frozenset({"field", "open", "field+open"})


def _attach_bares(scan: DocumentScan, groups: Groups, bares: list[Candidate]) -> None:
    """Bare heads ("Sở", "Bộ", "Liên minh") refer to the organisation of that head."""
    if not bares:
        return
    lower = scan.doc.lower
    heads = {b.name.lower() for b in bares}
    hits: dict[str, dict[str, list[int]]] = {h: {} for h in heads}
    for k, cs in groups.items():
        for x in cs:
            # a body whose kind is a longer head ("Bộ Chính trị", "Ban Bí thư") is never what a
            # bare "Bộ"/"Ban" stands for: that is a ministry, a board with a field
            own_kind = x.named.kind.lower() if x.named is not None else ""
            low = lower[x.start : x.end]
            for h in heads:
                if low.startswith(h + " ") and not own_kind.startswith(h + " "):
                    hits[h].setdefault(k, []).append(x.start)
    for b in bares:
        cand = hits[b.name.lower()]
        if not cand:
            continue
        top = max(len(v) for v in cand.values())
        tied = [k for k, v in cand.items() if len(v) == top]
        if len(tied) == 1:
            groups[tied[0]].append(b)
        elif len(tied) <= _MAX_TIED:
            last = {k: max((p for p in cand[k] if p < b.start), default=-1) for k in tied}
            k = max(tied, key=lambda t: last[t])
            if last[k] >= 0:
                groups[k].append(b)


def _agencies(scan: DocumentScan, groups: Groups) -> tuple[list[Agency], list[IndexedSpan]]:
    agencies: list[Agency] = []
    spans: list[IndexedSpan] = []
    for cs in sorted(groups.values(), key=lambda cs: min(x.start for x in cs)):
        cs.sort(key=lambda x: x.start)
        rep = next((x for x in cs if not x.bare and (x.resolution.place is not None or x.parent is not None)), None)
        rep = rep or next(x for x in cs if not x.bare)
        res = rep.resolution
        kind = rep.named.kind if rep.named else (rep.kind.kind if rep.kind else None)
        if rep.kind is not None and rep.kind.kind == "Ban Chấp hành Đảng bộ":
            kind = res.canonical.split(" ")[0] + " ủy" if " ủy " in res.canonical else kind
        parent = rep.named.parent if rep.named else None
        if rep.parent is not None:
            parent = rep.parent.resolution.canonical
        idx = len(agencies)
        agencies.append(
            Agency(
                name=display_name(res.canonical),
                kind=kind,
                level=res.level,
                province=res.province,
                parent=display_name(parent) if parent else None,
                generic=any(x.generic for x in cs),
                mentions=[scan.doc.span(x.start, x.end) for x in cs],
            )
        )
        spans += [IndexedSpan(x.start, x.end, idx) for x in cs]
    spans.sort()
    return agencies, spans
