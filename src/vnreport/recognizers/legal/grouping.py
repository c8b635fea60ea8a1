"""Grouping citations into documents: one group per distinct number, short forms ("Nghị định 43",
"Nghị định 03/CP", "116/NĐ-CP") joined to the fully numbered document they abbreviate.
"""

from __future__ import annotations

import re

from .citations import TYPE_FROM_DEFAULT, Citation
from .symbols import Symbol

_LEADING_ZEROS = re.compile(r"(?<![0-9])0+(?=[0-9])")


def _compatible(a: Citation, b: Citation) -> bool:
    """Could two citations name the same document? Types agree, or one names none."""
    return (
        a.doc_type is None
        or b.doc_type is None
        or a.doc_type == b.doc_type
        or a.type_rank <= TYPE_FROM_DEFAULT
        or b.type_rank <= TYPE_FROM_DEFAULT
    )


def _covers(full: Symbol | None, short: Symbol | None) -> bool:
    """Is ``short`` ("116/NĐ-CP", "03/CP", "131/2018") an abbreviation of ``full``?"""
    if full is None or short is None or full.year is None:
        return False
    if short.year is None:
        if short.type_abbr and short.type_abbr != full.type_abbr:
            return False
        return not short.issuer_code or short.issuer_code == full.issuer_code
    return short.year == full.year and short.issuer_code is None and full.issuer_code is not None


class _Groups:
    """Groups under construction: citations by number (an emptied group was merged away)."""

    def __init__(self) -> None:
        self.groups: list[list[Citation]] = []
        self.by_number: dict[str, list[int]] = {}

    def numbered(self, cites: list[Citation]) -> None:
        """One group per distinct number and symbol (leading zeros and case aside)."""
        by_id: dict[str, int] = {}
        for c in cites:
            if c.symbol is None:
                continue
            key = _LEADING_ZEROS.sub("", c.id.upper())
            if key not in by_id:
                by_id[key] = len(self.groups)
                self.by_number.setdefault(c.number_key, []).append(len(self.groups))
                self.groups.append([])
            self.groups[by_id[key]].append(c)

    def join_short_numbers(self) -> None:
        """A short number ("116/NĐ-CP") joins the fuller one it abbreviates ("116/2020/NĐ-CP")."""
        groups = self.groups
        for same in self.by_number.values():
            for gi in same:
                short = groups[gi][0]
                for hj in same:
                    h = groups[hj]
                    if hj != gi and h and _compatible(h[0], short) and _covers(h[0].symbol, short.symbol):
                        h += groups[gi]
                        groups[gi] = []
                        break

    def bare(self, cites: list[Citation]) -> None:
        """A bare number: a short form of a numbered document (the nearest one cited before it,
        else the first), else a document of its own."""
        groups = self.groups
        bare_groups: dict[tuple[str, str | None], int] = {}
        for c in cites:
            if c.symbol is not None:
                continue
            cands = [gi for gi in self.by_number.get(c.number_key, ()) if groups[gi] and _compatible(groups[gi][0], c)]
            before = [gi for gi in cands if groups[gi][0].start <= c.start]
            if before:
                best = max(before, key=lambda gi: groups[gi][0].start)
            elif cands:
                best = cands[0]
            else:
                bare_key = (c.number_key, c.doc_type)
                if bare_key not in bare_groups:
                    bare_groups[bare_key] = len(groups)
                    groups.append([])
                best = bare_groups[bare_key]
            groups[best].append(c)


def group_citations(cites: list[Citation]) -> list[list[Citation]]:
    """Citations (sorted by start) grouped by the document they cite, each group sorted."""
    g = _Groups()
    g.numbered(cites)
    g.join_short_numbers()
    g.bare(cites)
    return [sorted(group, key=lambda c: c.start) for group in g.groups if group]
