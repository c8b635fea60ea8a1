"""Commune and ward bodies take their commune or ward when the report settles which one.

"Đảng ủy xã", "UBND phường", "Công an xã" name no commune; in a report that writes one commune
of that unit ("xã Tứ Cường", however often) they are that commune's bodies. In a report whose
title names the commune ("Đảng ủy xã Tứ Cường, Hải Dương: …") the report's own bodies are the
commune's too: a unit-less "UBND", "HĐND" (agency_kinds.tsv ``commune_body``) and its schools
named only by their level ("Trường Tiểu học" → "Trường Tiểu học Tứ Cường"). Several communes of
one unit, or none: the mentions stay as written (precision first).
"""

from __future__ import annotations

from ...lexicon.orgnames import UnitHit
from ...text.scan import is_capitalised, is_word, token_at, token_before
from .candidates import Candidate
from .scan import DocumentScan

_MAX_NAME_WORDS = 3


def settle_communes(scan: DocumentScan, cands: list[Candidate]) -> None:
    if not any(_wants_commune(scan, c) for c in cands):
        return  # the common case: nothing to settle, no scan of the hits
    named = communes_written(scan)
    single = {unit: next(iter(names)) for unit, names in named.items() if len(names) == 1}
    if not single:
        return
    title_unit = _title_commune(scan, single)
    for c in cands:
        if c.kind is None or c.bare or c.parent is not None or c.districts:
            continue
        if c.place is None and c.unit_type in single:
            c.place = single[c.unit_type]
        elif title_unit is not None and c.place is None and c.unit_type is None and not c.national:
            _own_body(scan, c, title_unit, single[title_unit])


def _wants_commune(scan: DocumentScan, c: Candidate) -> bool:
    kind = c.kind
    if kind is None or c.bare or c.place is not None or c.parent is not None or c.districts:
        return False
    if c.unit_type is not None:
        return c.unit_type in scan.vocab.commune_units
    return (kind.commune_body and not c.name) or (kind.unit == "name" and c.name.lower() in scan.vocab.school_levels)


def _own_body(scan: DocumentScan, c: Candidate, unit: str, name: str) -> None:
    """A unit-less body of the commune the report is about."""
    kind = c.kind
    assert kind is not None
    if kind.commune_body and not c.name:
        c.unit_type = c.unit_word = unit
        c.place = name
    elif kind.unit == "name" and c.name.lower() in scan.vocab.school_levels:
        c.place = name  # "Trường Tiểu học" → "Trường Tiểu học Tứ Cường"


def communes_written(scan: DocumentScan) -> dict[str, set[str]]:
    """Unit type → the commune names written after that unit word ("xã Tứ Cường")."""
    if scan.communes is None:
        scan.communes = _communes_written(scan)
    return scan.communes


def _communes_written(scan: DocumentScan) -> dict[str, set[str]]:
    text = scan.text
    vocab = scan.vocab
    out: dict[str, set[str]] = {}
    for s, hits in scan.hits.items():
        for e, h in hits:
            if not isinstance(h, UnitHit):
                continue
            unit = vocab.unit_of.get(text[s:e].lower())
            if unit not in vocab.commune_units or _in_compound(scan, s):
                continue
            name = _name_after(text, e)
            if name:
                out.setdefault(unit, set()).add(name)
    return out


def _in_compound(scan: DocumentScan, s: int) -> bool:
    """ "hợp tác xã", "thông tấn xã", "thị xã": the unit word ends a compound noun."""
    prev = token_before(scan.text, s)
    return prev is not None and scan.text[prev[0] : prev[1]].lower() in scan.vocab.unit_compounds


def _name_after(text: str, pos: int) -> str:
    end = cur = pos
    for _ in range(_MAX_NAME_WORDS):
        n = token_at(text, cur)
        if n is None or n[0] - cur > 1 or not is_capitalised(text[n[0] : n[1]]) or not is_word(text[n[0] : n[1]]):
            break
        end = cur = n[1]
    return " ".join(text[pos:end].split())


def _title_commune(scan: DocumentScan, single: dict[str, str]) -> str | None:
    """The unit type of the one commune the title names, if it names one."""
    layout = scan.doc.layout
    if layout is None or layout.title is None:
        return None
    title = " ".join(scan.doc.lower[layout.title[0] : layout.title[1]].split())
    found = [unit for unit, name in single.items() if f"{unit} {name.lower()}" in title]
    return found[0] if len(found) == 1 else None
