"""Provinces, districts and unit words: the place lexicon shared by the place and agency rules.

Both recognisers need the same facts (which strings name a province, which district lies in
which province, which province was valid at a report's date), so they are read once per
gazetteer version from ``provinces.tsv``, ``districts.tsv`` and ``unit_words.tsv`` (the rows
used for ``place``) and cached here.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..text.normalize import lower_same_length, normalize_string
from .gazetteers import Gazetteers
from .words import word_classes

#: Unit words before a place name, by normalised lower-case form → unit type. The rules read
#: them from ``unit_words.tsv`` (``AdminLexicon.unit_of``); these literals, which the table
#: reproduces, remain for code that still imports them.
UNIT_WORDS: dict[str, str] = {
    "tỉnh": "tỉnh",
    "thành phố": "thành phố",
    "tp": "thành phố",
    "tp.": "thành phố",
    "t.p": "thành phố",
    "t.p.": "thành phố",
    "huyện": "huyện",
    "quận": "quận",
    "thị xã": "thị xã",
    "tx": "thị xã",
    "tx.": "thị xã",
    "xã": "xã",
    "phường": "phường",
    "thị trấn": "thị trấn",
}
PROVINCE_UNITS = frozenset({"tỉnh"})
DISTRICT_UNITS = frozenset({"huyện", "quận", "thị xã"})
COMMUNE_UNITS = frozenset({"xã", "phường", "thị trấn"})

_DISTRICT_KIND = {"huyện": "district", "quận": "district", "thị xã": "town", "thành phố": "city"}


def key(s: str) -> str:
    """Lookup key of a name: normalised, lower-cased, single-spaced, dashes unspaced."""
    s = lower_same_length(normalize_string(s)).replace(" - ", "-").replace("- ", "-").replace(" -", "-")
    return " ".join(s.split())


def dash_variants(k: str) -> list[str]:
    """Spellings of a key around its dashes: 'bà rịa-vũng tàu' → also 'bà rịa - vũng tàu'."""
    if "-" not in k:
        return [k]
    parts = k.split("-")
    return ["-".join(parts), " - ".join(parts), " -".join(parts), "- ".join(parts)]


def ascii_fold(s: str) -> str:
    """'Bình Định' → 'binhdinh' (for web domains such as binhdinh.gov.vn)."""
    s = s.replace("Đ", "D").replace("đ", "d")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    return "".join(c for c in s.lower() if c.isalnum())


def _date(s: str) -> dt.date | None:
    s = s.strip()
    if not s:
        return None
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        try:
            return dt.date(int(s[:4]), 1, 1)
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class Province:
    name: str
    code: str | None
    full_name: str
    is_city: bool
    status: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    successor: str | None
    aliases: tuple[str, ...]
    source_tags: tuple[str, ...]

    def valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)

    @property
    def unit_word(self) -> str:
        return "thành phố" if self.is_city else "tỉnh"

    @property
    def party_committee(self) -> str:
        return "Thành ủy" if self.is_city else "Tỉnh ủy"

    def rendered(self) -> str:
        """'tỉnh Hậu Giang', 'thành phố Hà Nội', 'Thành phố Hồ Chí Minh' (its proper name)."""
        if self.name == "Hồ Chí Minh":
            return "Thành phố Hồ Chí Minh"
        return f"{self.unit_word} {self.name}"


@dataclass(frozen=True, slots=True)
class District:
    name: str
    type: str  # huyện | quận | thị xã | thành phố
    code: str | None
    province: str
    valid_to: dt.date | None
    same_name: int

    @property
    def kind(self) -> str:
        return _DISTRICT_KIND.get(self.type, "district")


@dataclass
class AdminLexicon:
    """Provinces and districts by lookup key, plus the phrases to put into a matcher."""

    provinces: list[Province] = field(default_factory=list)
    province_keys: dict[str, list[Province]] = field(default_factory=dict)
    exact_case: dict[str, set[str]] = field(default_factory=dict)
    districts: dict[str, list[District]] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)
    domains: dict[str, str] = field(default_factory=dict)
    #: unit words before a place name (normalised lower case) → the unit type they name
    unit_of: dict[str, str] = field(default_factory=dict)
    #: unit types by level: province (tỉnh), city (thành phố), district, commune
    unit_levels: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, gaz: Gazetteers) -> AdminLexicon:
        lex = cls()
        words = word_classes(gaz)
        for w in words.unit_words("place"):
            if w in words.unit_of:
                lex.unit_of[w] = words.unit_of[w]
        lex.unit_levels = {lv: words.unit_types(lv) for lv in ("province", "city", "district", "commune")}
        lex._read_provinces(gaz)
        lex._read_districts(gaz)
        return lex

    def _read_provinces(self, gaz: Gazetteers) -> None:
        for row in gaz.rows("provinces"):
            typ = row["type"]
            p = Province(
                name=row["name"],
                code=row["code"] or None,
                full_name=row.get("full_name", row["name"]),
                is_city=typ.startswith("thành phố"),
                status=row["status"],
                valid_from=_date(row["valid_from"]),
                valid_to=_date(row["valid_to"]),
                successor=row["successor"] or None,
                aliases=tuple(row.list("aliases")),
                source_tags=tuple(row.list("source_tags")),
            )
            self.provinces.append(p)
            for form in (p.name, *p.aliases):
                if "(" in form:
                    continue
                k = key(form)
                self.province_keys.setdefault(k, []).append(p)
                if len(form) <= 3:
                    self.exact_case.setdefault(k, set()).add(normalize_string(form))
            for tag in p.source_tags:
                self.tags.setdefault(normalize_string(tag), p.name)
            if p.status.startswith("pre2025") or p.status == "historical":
                self.domains.setdefault(ascii_fold(p.name), p.name)

    def _read_districts(self, gaz: Gazetteers) -> None:
        for row in gaz.rows("districts"):
            try:
                same = int(row.get("same_name", "1") or 1)
            except ValueError:
                same = 1
            d = District(
                name=row["name"],
                type=(row["type"] or "huyện").lower(),
                code=row.get("code") or None,
                province=row["province"],
                valid_to=_date(row.get("valid_to", "")),
                same_name=same,
            )
            self.districts.setdefault(key(d.name), []).append(d)

    # ------------------------------------------------------------------ phrases
    def phrases(self) -> Iterator[tuple[str, tuple[str, str]]]:
        """``(phrase, (kind, key))`` for a PhraseMatcher: kind is unit | prov | dist."""
        for w in self.unit_of:
            yield w, ("unit", w)
        for k in self.province_keys:
            for form in dash_variants(k):
                yield form, ("prov", k)
        for k in self.districts:
            for form in dash_variants(k):
                yield form, ("dist", k)

    # ------------------------------------------------------------------ lookups
    def province(self, k: str, when: dt.date | None = None, surface: str | None = None) -> Province | None:
        """The province a key names at date ``when`` (pre-2025 units when no date is known)."""
        rows = self.province_keys.get(k)
        if not rows:
            return None
        if surface is not None and k in self.exact_case and normalize_string(surface) not in self.exact_case[k]:
            # a short alias ("HN") only counts in its own case; a longer name may share the key
            rows = [p for p in rows if key(p.name) == k]
            if not rows:
                return None
        if when is not None:
            valid = [p for p in rows if p.valid_on(when)]
            if valid:
                return valid[0]
        pre = [p for p in rows if not p.status.startswith("post2025")]
        return (pre or rows)[0]

    def province_by_name(self, name: str, when: dt.date | None = None) -> Province | None:
        return self.province(key(name), when)

    def district_candidates(self, k: str) -> list[District]:
        return self.districts.get(k, [])

    def units(self, *levels: str) -> frozenset[str]:
        """Unit types of these levels ("district", "city" → huyện, quận, thị xã, thành phố)."""
        return frozenset().union(*(self.unit_levels.get(lv, frozenset()) for lv in levels))


def admin_lexicon(gaz: Gazetteers) -> AdminLexicon:
    """The lexicon for these gazetteers (built once per version of their rows)."""
    return gaz.derived(AdminLexicon.build)
