"""Organisation names: the vocabulary of heads, fields and named bodies, and canonicalisation.

Vietnamese organisation names are built as *head* (kind word: Sở, UBND, Trung tâm) + *name*
(a field such as "Thông tin và Truyền thông", or a proper name) + *unit* ("tỉnh Hậu Giang") or
*parent* ("Tỉnh ủy" in "Ban Tuyên giáo Tỉnh ủy"). This module reads the gazetteers that describe
those parts (agency_kinds, agency_fields, agencies, agency_negatives, abbreviations) once per
gazetteer version and turns what the recogniser read into one canonical spelling, so that
"Sở TT&TT Hậu Giang" and "Sở Thông tin và Truyền thông tỉnh Hậu Giang" become one agency.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from ..text.normalize import normalize_string
from .gazetteers import Gazetteers, Row
from .matcher import PhraseMatcher
from .places import AdminLexicon, admin_lexicon, key
from .words import word_classes

T = TypeVar("T")
_WORD = re.compile(r"[^\W_]+(?:&[^\W_]+)*")
_DASH = re.compile(r"\s*-\s*")
_AMP = re.compile(r"\s*&\s*")


class SpanMatcher(PhraseMatcher[T], Generic[T]):
    """A PhraseMatcher that returns its whole-word matches grouped by start offset, as plain
    tuples: recognisers look matches up by position, and thousands of match objects per
    document would cost more than the automaton pass itself."""

    def by_start(self, lowered: str) -> dict[int, list[tuple[int, T]]]:
        out: dict[int, list[tuple[int, T]]] = {}
        for start, end, payloads in self.hits(lowered):
            lst = out.get(start)
            if lst is None:
                lst = out[start] = []
            for p in payloads:
                lst.append((end, p))
        return out


@dataclass(frozen=True, slots=True)
class Kind:
    kind: str
    canonical: str
    name: str  # none | field | field+open | open | number
    unit: str  # admin | party | name
    needs: str  # - | unit | parent
    level: str
    scope: str  # province | none
    lower_name: bool
    parent_ok: bool
    lower_head: bool = False
    committee_of: str | None = None
    can_be_parent: bool = False
    title_word: bool = False
    parent_mention: bool = False
    inherits_parent: bool = False
    commune_body: bool = False

    @property
    def takes_name(self) -> bool:
        return self.name != "none"


@dataclass(frozen=True, slots=True)
class Field:
    canonical: str
    valid_to: str | None = None
    successor: str | None = None


@dataclass(frozen=True, slots=True)
class Named:
    name: str
    kind: str
    level: str
    exact_case: bool
    parent: str | None
    valid_to: str | None
    successor: str | None
    #: it has departments of its own (Vụ, Cục)
    departments: bool = False


# ---------------------------------------------------------------------------- matcher hits
# What one phrase of the organisation matcher stands for: the recogniser reads the hits starting
# at a position and decides by their type.


@dataclass(frozen=True, slots=True)
class HeadHit:
    """A head word that opens a name of this kind ("Sở", "UBND", "Trung tâm")."""

    kind: Kind


@dataclass(frozen=True, slots=True)
class FieldHit:
    """A field that names a ministry or department ("Thông tin và Truyền thông")."""

    field: Field


@dataclass(frozen=True, slots=True)
class NamedHit:
    """A named body ("Bộ Chính trị", "VNPT"), as the form written in the gazetteer."""

    named: Named
    form: str


@dataclass(frozen=True, slots=True)
class NegativeHit:
    """A phrase that begins like an organisation but is not one ("Bộ luật", "Ban ngày")."""


@dataclass(frozen=True, slots=True)
class BareHit:
    """A head that may stand alone for the report's body of that head ("Sở", "Bộ")."""

    form: str


@dataclass(frozen=True, slots=True)
class UnitHit:
    """An administrative unit word ("tỉnh", "huyện", "TP.")."""

    word: str


@dataclass(frozen=True, slots=True)
class ProvinceHit:
    """A province name, by its lookup key."""

    key: str


@dataclass(frozen=True, slots=True)
class DistrictHit:
    """A district name, by its lookup key."""

    key: str


OrgHit = HeadHit | FieldHit | NamedHit | NegativeHit | BareHit | UnitHit | ProvinceHit | DistrictHit
_PLACE_HITS: dict[str, type[ProvinceHit] | type[DistrictHit]] = {"prov": ProvinceHit, "dist": DistrictHit}


def field_key(s: str) -> str:
    """'Khoa học & Công nghệ' and 'Khoa học và Công nghệ' → 'khoa học công nghệ'."""
    s = key(s)
    s = re.sub(r"[&,\-]| và ", " ", f" {s} ")
    return " ".join(s.split())


@dataclass
class OrgLexicon:
    admin: AdminLexicon
    kinds: dict[str, Kind] = field(default_factory=dict)
    fields: dict[str, Field] = field(default_factory=dict)  # field_key → Field
    named: dict[str, Named] = field(default_factory=dict)  # canonical key → Named
    abbreviations: dict[str, str] = field(default_factory=dict)
    matcher: SpanMatcher[OrgHit] = field(default_factory=SpanMatcher)
    _field_memo: dict[str, Field | None] = field(default_factory=dict)
    _expand_memo: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, gaz: Gazetteers) -> OrgLexicon:
        lex = cls(admin=admin_lexicon(gaz))
        m = lex.matcher
        for row in gaz.rows("agency_kinds"):
            k = _kind_of(row)
            lex.kinds[k.kind] = k
            for form in row.list("forms"):
                m.add(form, HeadHit(k))
        for row in gaz.rows("agency_fields"):
            f = Field(row["field"], row.get("valid_to") or None, row.get("successor") or None)
            for form in (row["field"], *row.list("variants")):
                lex.fields.setdefault(field_key(form), f)
                for v in _spacing_variants(form):
                    m.add(v, FieldHit(f))
        for row in gaz.rows("agencies"):
            n = Named(
                row["name"],
                row["kind"],
                row["level"] or "central",
                row.get("match_case") == "exact",
                row.get("parent") or None,
                row.get("valid_to") or None,
                row.get("successor") or None,
                row.get("departments") == "yes",
            )
            lex.named[key(n.name)] = n
            for form in _central_variants((n.name, *row.list("aliases"))):
                for v in _spacing_variants(form):
                    m.add(v, NamedHit(n, normalize_string(v)))
        negative = NegativeHit()
        for row in gaz.rows("agency_negatives"):
            m.add(row["phrase"], negative)
        lex.abbreviations = _expandable_abbreviations(gaz)
        words = word_classes(gaz)
        for word in words.unit_words("place"):
            m.add(word, UnitHit(word))
        for phrase, (what, place_key) in lex.admin.phrases():
            place_hit = _PLACE_HITS.get(what)
            if place_hit is not None:
                m.add(phrase, place_hit(place_key))
        for form in words.org_heads("bare_form"):
            m.add(form, BareHit(form))
        m.by_start("")  # build the automaton now, not on the first document
        return lex

    # ------------------------------------------------------------------ canonical parts
    def field_for(self, surface: str) -> Field | None:
        """The field a written name stands for, exactly or as a near miss (a typo)."""
        if surface in self._field_memo:
            return self._field_memo[surface]
        f = self._field_for(surface)
        if len(self._field_memo) < 50000:
            self._field_memo[surface] = f
        return f

    def _field_for(self, surface: str) -> Field | None:
        k = field_key(surface)
        f = self.fields.get(k)
        if f is not None:
            return f
        if len(k) < 6:
            return None
        words = k.split()
        for fk, fv in self.fields.items():
            fw = fk.split()
            if len(fw) != len(words):
                continue
            diff = [(a, b) for a, b in zip(words, fw, strict=True) if a != b]
            # one misspelt word, same first letter, close spelling ("tuyền" for "truyền")
            if len(diff) == 1:
                a, b = diff[0]
                if a[0] == b[0] and len(b) >= 3 and difflib.SequenceMatcher(None, a, b).ratio() >= 0.75:
                    return fv
        return None

    def expand(self, name: str, local: dict[str, str] | None = None) -> str:
        """Expand the unambiguous abbreviations in a written name ("Ban Chỉ đạo CNTT")."""
        if not local:
            hit = self._expand_memo.get(name)
            if hit is None:
                hit = self._expand(name, None)
                if len(self._expand_memo) < 50000:
                    self._expand_memo[name] = hit
            return hit
        return self._expand(name, local)

    def _expand(self, name: str, local: dict[str, str] | None) -> str:
        if not any(c.isupper() for c in name[1:]):
            return name

        def rep(m: re.Match[str]) -> str:
            w = m.group(0)
            if local and w in local:
                return local[w]
            # an abbreviation inside a name stands for a proper-name part: "Ban Chỉ đạo CNTT"
            # is "Ban Chỉ đạo Công nghệ thông tin"
            x = self.abbreviations.get(w)
            return w if x is None else capitalise(x)

        return _WORD.sub(rep, name)


def _expandable_abbreviations(gaz: Gazetteers) -> dict[str, str]:
    """Abbreviations that expand inside a name: one row, no other reading, an expanded category
    (abbreviation_categories.tsv), no parenthesis in the expansion, three characters or more."""
    flags = {r["category"]: r["expand_in_names"] == "yes" for r in gaz.rows("abbreviation_categories")}
    expand = {category for category, yes in flags.items() if yes}  # a later row wins
    counts: dict[str, int] = {}
    for row in gaz.rows("abbreviations"):
        counts[row["abbr"]] = counts.get(row["abbr"], 0) + 1
    out: dict[str, str] = {}
    for row in gaz.rows("abbreviations"):
        a = row["abbr"]
        if (
            counts[a] == 1
            and not row.get("ambiguity")
            and row["category"] in expand
            and "(" not in row["expansion"]
            and len(a) >= 3
        ):
            out[a] = row["expansion"]
    return out


_KIND_FLAGS = (
    "lower_name",
    "parent_ok",
    "lower_head",
    "can_be_parent",
    "title_word",
    "parent_mention",
    "inherits_parent",
    "commune_body",
)


def _kind_of(row: Row) -> Kind:
    """One ``agency_kinds`` row as a :class:`Kind` (yes/no columns as flags, defaults filled)."""
    return Kind(
        kind=row["kind"],
        canonical=row["canonical"],
        name=row["name"] or "none",
        unit=row["unit"] or "admin",
        needs=row["needs"] or "-",
        level=row["level"] or "province",
        scope=row["scope"] or "none",
        committee_of=row.get("committee_of") or None,
        **{flag: row.get(flag) == "yes" for flag in _KIND_FLAGS},
    )


def _central_variants(forms: tuple[str, ...]) -> list[str]:
    """'Ban Bí thư Trung ương' is also written 'Ban Bí thư T.Ư', 'TƯ' and 'TW' (newspaper style)."""
    out: list[str] = []
    for form in forms:
        for v in (form, *(form.replace("Trung ương", a) for a in ("T.Ư", "TƯ", "TW") if "Trung ương" in form)):
            if v not in out:
                out.append(v)
    return out


def _spacing_variants(form: str) -> list[str]:
    """'TN&MT' is also written 'TN & MT'; 'GD-ĐT' also 'GD - ĐT' and 'GD- ĐT'."""
    out = [form]
    if "&" in form:
        out.append(re.sub(r"\s*&\s*", " & ", form))
    if "-" in form:
        for sep in (" - ", "- ", " -", "-"):
            v = re.sub(r"\s*-\s*", sep, form)
            if v not in out:
                out.append(v)
    return out


def org_lexicon(gaz: Gazetteers) -> OrgLexicon:
    """The lexicon for these gazetteers (built once per version of their rows)."""
    return gaz.derived(OrgLexicon.build)


def capitalise(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def display_name(s: str) -> str:
    """Tidy spacing of a canonical name: one space, spaced dashes ("Phát thanh - Truyền hình")."""
    s = _DASH.sub(" - ", s)
    s = _AMP.sub(" và ", s)
    return " ".join(s.split())
