"""Passes over a document's parsed mentions that need the other mentions of the report.

* a lower-case tail that another mention of the same body lacks is the predicate
  ("Vụ Xuất nhập khẩu dự thảo ..." where the report also says "Vụ Xuất nhập khẩu");
* a unit written after a list applies to its members ("Tỉnh ủy, HĐND, UBND tỉnh");
* an abbreviation defined in parentheses is that body wherever it stands alone later.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import replace

from .candidates import Candidate
from .scan import DocumentScan

_LIST_GAP = re.compile(r"\s*(?:,|-|và|&)\s*")
_MAX_ALIAS_DEFINITIONS = 20
_MAX_ALIAS_MENTIONS = 10000


def truncate_tails(text: str, cands: list[Candidate]) -> None:
    """ "Vụ Xuất nhập khẩu dự thảo ..." where the report also says "Vụ Xuất nhập khẩu": the
    lower-case tail is the predicate, not part of the name."""
    by_kind: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        if c.kind is not None and c.name and not c.bare:
            by_kind[c.kind.kind].append(c)
    for group in by_kind.values():
        names = {c.name for c in group}
        if len(names) < 2:
            continue
        longest_first = sorted(names, key=len, reverse=True)
        for c in group:
            if not (c.parent or c.unit_type or c.place or c.districts or c.national):
                _truncate(text, c, longest_first)


def _truncate(text: str, c: Candidate, names: list[str]) -> None:
    words = c.name.split()
    for other in names:
        ow = other.split()
        if len(ow) < len(words) and words[: len(ow)] == ow and all(w[0].islower() for w in words[len(ow) :]):
            end = text.find(ow[-1], c.name_start + len(" ".join(ow[:-1])))
            if end >= 0:
                c.name = other
                c.end = end + len(ow[-1])
                if c.name_field is not None and c.field_len > len(other):
                    c.field_len = len(other)
            break


def distribute_units(text: str, cands: list[Candidate]) -> None:
    """ "Tỉnh ủy, HĐND, UBND tỉnh": a unit written after a list applies to its members."""
    for i in range(len(cands) - 1, 0, -1):
        last = cands[i]
        if not (last.unit_type or last.place or last.districts) or last.kind is None:
            continue
        j = i - 1
        while j >= 0:
            c, nxt = cands[j], cands[j + 1]
            if not _LIST_GAP.fullmatch(text[c.end : nxt.start]) or c.kind is None or c.bare:
                break
            if (
                c.parent
                or c.unit_type
                or c.place
                or c.districts
                or c.kind.unit == "name"
                or last.kind.unit == "name"
                or c.kind.level == "central"
            ):
                break
            c.unit_type, c.place, c.districts = last.unit_type, last.place, last.districts
            c.bare_place = last.bare_place
            c.generic = c.generic or last.generic
            j -= 1


def inherit_title_parent(scan: DocumentScan, cands: list[Candidate]) -> None:
    """ "Vụ Pháp luật" in a report titled on the Văn phòng Chính phủ is its Vụ: a sub-unit
    written without a parent (agency_kinds.tsv ``inherits_parent``) belongs to the one central
    body the title names and the text mentions most; with none or several, or where the report
    writes another body as a sub-unit's parent ("Cục Quản lý công sản (Bộ Tài chính)"), it
    stays as written."""
    title = scan.doc.layout.title if scan.doc.layout is not None else None
    if title is None:
        return
    bodies = [c for c in cands if title[0] <= c.start and c.end <= title[1] and _central_parent(c)]
    names = {_body_key(scan, c) for c in bodies}
    written = {_body_key(scan, c.written_parent) for c in cands if c.written_parent is not None}
    if len(names) != 1 or not written <= names:
        return
    counts = Counter(_body_key(scan, c) for c in cands if _central_parent(c))
    ranked = [*counts.most_common(2), ("", 0)]
    if ranked[0][0] not in names or ranked[0][1] <= ranked[1][1]:
        return
    parent = bodies[0]
    for c in cands:
        orphan = not (c.parent or c.unit_type or c.place or c.districts or c.national)
        if orphan and c.kind is not None and c.kind.inherits_parent and not c.bare and c.start >= title[1]:
            c.parent = parent


def _body_key(scan: DocumentScan, c: Candidate) -> str:
    if c.named is not None:
        return c.named.name
    if c.name_field is not None:
        return f"bộ {c.name_field.canonical.lower()}"
    return " ".join(scan.doc.lower[c.start : c.end].split())


def _central_parent(c: Candidate) -> bool:
    if c.named is not None:
        return c.named.departments
    return c.kind is not None and c.kind.kind == "Bộ" and c.name_field is not None


def join_national(scan: DocumentScan, cands: list[Candidate]) -> None:
    """In a national report, "Hội Cựu TNXP" written once as "Hội Cựu TNXP Việt Nam" (a named
    national body) is that body, not a chapter of a province named nearby."""
    if scan.doc.context.province is not None:
        return
    lower = scan.doc.lower
    national = {}
    for c in cands:
        if c.named is None or c.named.level != "central":
            continue
        surface = " ".join(lower[c.start : c.end].split())
        if surface.endswith(" việt nam"):
            national[surface[: -len(" việt nam")]] = c.named
    if not national:
        return
    for c in cands:
        if c.kind is None or c.named is not None or c.bare or c.has_unit or c.national:
            continue
        named = national.get(" ".join(lower[c.start : c.end].split()))
        if named is not None:
            c.named = named


def alias_mentions(text: str, cands: list[Candidate]) -> None:
    """ "Ban Điều hành Đề án 112 (BĐH 112) ... BĐH 112 yêu cầu": an abbreviation defined in
    parentheses right after a name is that organisation wherever it stands alone later."""
    defs = [c for c in cands if c.alias][:_MAX_ALIAS_DEFINITIONS]
    if not defs:
        return
    n = len(text)
    starts = [c.start for c in cands]
    added: list[Candidate] = []
    for c in defs:
        a = c.alias
        i = text.find(a, c.end)
        while i >= 0 and len(added) < _MAX_ALIAS_MENTIONS:
            e = i + len(a)
            if (i == 0 or not text[i - 1].isalnum()) and (e >= n or not text[e].isalnum()):
                j = bisect_left(starts, e) - 1
                if j < 0 or cands[j].end <= i:
                    added.append(replace(c, start=i, end=e, alias=""))
            i = text.find(a, e)
    if added:
        cands.extend(added)
        cands.sort(key=lambda x: x.start)
