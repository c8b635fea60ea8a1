"""The gazetteer facts linking reads: which bodies an office implies, which agency kinds are
state or Party bodies. Read once per linker from :class:`~vnreport.Gazetteers` tables."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..lexicon.gazetteers import Gazetteers
from .keys import key, title_parts, without_trailing_modifier

#: ``agency_kinds.unit`` values of state and Party bodies ("Sở", "UBND", "Tỉnh ủy"); the other
#: value, ``name``, marks named institutions (schools, hospitals, newspapers).
_BODY_UNITS = frozenset({"admin", "party"})


@dataclass(frozen=True, slots=True)
class LinkLexicon:
    """``office_bodies``: title key → canonical names of the bodies its holder sits in;
    ``body_bodies``: body key → bodies every member of it sits in (Bộ Chính trị → Ban Chấp hành
    Trung ương Đảng); ``institution_kinds``: agency kinds (keys) that are named institutions."""

    office_bodies: dict[str, tuple[str, ...]] = field(default_factory=dict)
    body_bodies: dict[str, tuple[str, ...]] = field(default_factory=dict)
    institution_kinds: frozenset[str] = frozenset()

    @classmethod
    def from_gazetteers(cls, gazetteers: Gazetteers | None = None) -> LinkLexicon:
        gaz = gazetteers if gazetteers is not None else Gazetteers.bundled()
        return gaz.derived(_build)

    def bodies_of(self, title: str | None) -> tuple[str, ...]:
        """Bodies implied by a title: each part of a compound title, with or without a trailing
        modifier ("Phó Thủ tướng Thường trực" is a "Phó Thủ tướng")."""
        if not title:
            return ()
        out: list[str] = []
        for part in title_parts(title):
            found = self.office_bodies.get(part) or self.office_bodies.get(without_trailing_modifier(part), ())
            out += [b for b in found if b not in out]
        return tuple(out)

    def bodies_of_body(self, organization: str) -> tuple[str, ...]:
        """Bodies every member of ``organization`` sits in."""
        return self.body_bodies.get(key(organization), ())

    def is_institution(self, kind: str | None) -> bool:
        return kind is not None and key(kind) in self.institution_kinds


def _build(gaz: Gazetteers) -> LinkLexicon:
    by_kind: dict[str, dict[str, tuple[str, ...]]] = {"title": {}, "body": {}}
    for row in gaz.rows("office_bodies"):  # a later row (a user's) replaces an earlier one
        by_kind[row["of"]][key(row["office"])] = tuple(row.list("bodies"))
    institutions = frozenset(
        key(row["kind"]) for row in gaz.rows("agency_kinds") if row.get("unit") and row["unit"] not in _BODY_UNITS
    )
    return LinkLexicon(by_kind["title"], by_kind["body"], institutions)
