"""The records the agencies rules pass between stages.

A :class:`Candidate` is one mention as the parser reads it (head, name, unit or parent); the
later passes of the same document complete it (a unit written after a list, an abbreviation's
later mentions). :class:`Resolution` is what resolving makes of it: the place settled from
context, the level and the canonical name. Both live only inside one ``find()`` call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from ...lexicon.orgnames import Field, Kind, Named
from ...lexicon.places import District, Province

Level = Literal["central", "province", "district", "commune"]
_LEVELS: dict[str, Level] = {"central": "central", "province": "province", "district": "district", "commune": "commune"}


def as_level(s: str | None) -> Level | None:
    """A table's level cell as a Report level (None if empty or unknown)."""
    return _LEVELS.get(s) if s else None


#: A written place after a head: a province or district of the lexicon, or a commune's name.
PlaceValue = Province | District | str


class Resolution(NamedTuple):
    """A mention's settled place, level, province and names (``base``: without the unit).
    (A NamedTuple: one is made per mention, and a frozen dataclass costs a call per field.)"""

    place: PlaceValue | None
    level: Level | None
    province: str | None
    base: str
    canonical: str


#: The resolution of a candidate not resolved yet.
UNRESOLVED = Resolution(None, None, None, "", "")


@dataclass(slots=True)
class Candidate:
    """One organisation mention being read: ``[start, end)`` in the normalised text.

    Either a head of ``kind`` with its ``name`` (``name_field`` when the name is a known field,
    ``field_len`` characters of it) and qualifiers (a unit, a place, a parent, "Việt Nam"), or a
    ``named`` body of the gazetteer, or a ``bare`` head ("Sở") standing for the report's body.
    """

    start: int
    end: int
    kind: Kind | None = None
    named: Named | None = None
    name_field: Field | None = None
    field_len: int = 0
    name_start: int = 0
    name: str = ""
    #: the unit type written ("tỉnh", "huyện"), possibly without a place ("UBND tỉnh")
    unit_type: str | None = None
    place: PlaceValue | None = None
    #: same-named districts a written district name may be (picked when resolving)
    districts: tuple[District, ...] = ()
    #: the place follows the head without a unit word ("Tỉnh ủy Hậu Giang")
    bare_place: bool = False
    place_surface: str = ""
    unit_word: str | None = None
    national: str | None = None
    parent: Candidate | None = None
    #: a parent written after a dash or in parentheses, kept out of the name
    written_parent: Candidate | None = None
    generic: bool = False
    bare: bool = False
    #: abbreviations defined in parentheses inside this name ("Ban Điều hành Đề án 112 (BĐH 112)")
    local_abbr: dict[str, str] = field(default_factory=dict)
    #: the abbreviation defined right after this name: its later mentions are this body
    alias: str = ""
    #: set by the resolver (``UNRESOLVED`` until then; bare heads are never resolved)
    resolution: Resolution = UNRESOLVED

    @property
    def has_unit(self) -> bool:
        """A unit, a place or a parent was written after the head."""
        return bool(self.unit_type or self.place or self.districts or self.parent)
