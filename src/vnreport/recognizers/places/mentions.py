"""Parse: the place mentions of a report, in text order.

A unit word and the name after it ("tỉnh Hậu Giang", "huyện Vũ Quang", "TP. Hồ Chí Minh"), or a
capitalised province name standing alone outside a personal or longer proper name ("Sở TT&TT
Thái Nguyên", not "ông Nguyễn Thái Bình"). Districts are read only after a unit word: bare
district names are too often ordinary words or parts of names. Commune-level units are passed
over whole, so "xã Hà Nam" is no province. Some province names alone name something else and
count only after a unit word ("Hồ Chí Minh" alone is the President); "Thủ đô" names the
capital; the capital as a venue ("tại Hà Nội", where national events take place) is weak
evidence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...lexicon.orgnames import SpanMatcher
from ...lexicon.places import AdminLexicon, District, Province, key
from ...text.document import Doc
from ...text.scan import is_all_caps, is_capitalised, is_word, token_at, token_before

#: Matcher payloads: ("unit" | "prov" | "dist" | "capital", lookup key), by start offset.
Hits = dict[int, list[tuple[int, tuple[str, str]]]]
#: Evidence of the capital named as a venue ("tại Hà Nội").
_VENUE_WEIGHT = 0.5


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A province (``province``) or a district with its candidate units (``districts``)."""

    start: int
    end: int
    province: Province | None = None
    districts: tuple[District, ...] = ()
    #: evidence for the report's province: 2 for a unit word before a province or a unique district
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class PlaceWords:
    """What the parse reads, built once per pipeline (read-only)."""

    lex: AdminLexicon
    matcher: SpanMatcher[tuple[str, str]]
    surnames: frozenset[str]
    #: capitalised words that may stand before a bare province name ("Báo", "Tại")
    before_name: frozenset[str]
    #: unit types that introduce a province (tỉnh, thành phố), a district (huyện, quận, thị xã,
    #: thành phố), a city (thành phố), a commune (xã, phường, thị trấn)
    province_units: frozenset[str]
    district_units: frozenset[str]
    city_units: frozenset[str]
    commune_units: frozenset[str]
    #: province keys that count only after a unit word ("hồ chí minh")
    needs_unit: frozenset[str]
    #: words before the capital that make it a venue ("tại")
    venue: frozenset[str]
    #: the capital's province key ("hà nội"), if the tables name one
    capital: str | None

    @classmethod
    def of(cls, lex: AdminLexicon, surnames: frozenset[str], words: dict[str, list[tuple[str, str]]]) -> PlaceWords:
        """From the lexicon, the surnames and the ``place_words`` rows by use: ``(word, place)``."""
        matcher: SpanMatcher[tuple[str, str]] = SpanMatcher()
        matcher.add_many(lex.phrases())
        capitals = [(w, key(place)) for w, place in words.get("capital", ()) if place]
        matcher.add_many((w, ("capital", k)) for w, k in capitals)
        matcher.by_start("")  # build the automaton now, not on the first document
        return cls(
            lex=lex,
            matcher=matcher,
            surnames=surnames,
            before_name=frozenset(w for w, _ in words.get("before_name", ())),
            needs_unit=frozenset(key(w) for w, _ in words.get("needs_unit", ())),
            venue=frozenset(w for w, _ in words.get("venue", ())),
            capital=capitals[0][1] if capitals else None,
            province_units=lex.units("province", "city"),
            district_units=lex.units("district", "city"),
            city_units=lex.units("city"),
            commune_units=lex.units("commune"),
        )


@dataclass(frozen=True, slots=True)
class _Scan:
    """Per-call state of one document's parse."""

    words: PlaceWords
    doc: Doc
    when: dt.date | None
    hits: Hits


def find_mentions(words: PlaceWords, doc: Doc, when: dt.date | None) -> list[PlaceMention]:
    """Every place mention outside boilerplate, longest first at a position, none overlapping."""
    scan = _Scan(words, doc, when, words.matcher.by_start(doc.lower))
    out: list[PlaceMention] = []
    consumed = -1
    for start in sorted(scan.hits):
        if start < consumed:
            continue
        options = sorted(scan.hits[start], key=lambda hit: -hit[0])
        unit = next(((e, k) for e, (kind, k) in options if kind == "unit"), None)
        if unit is not None and options[0][0] == unit[0]:
            unit_type = words.lex.unit_of[unit[1]]
            if unit_type in words.commune_units:
                consumed = _name_end(scan, unit[0])  # "xã Hà Nam": a commune, no province
                continue
            mention = _after_unit(scan, start, unit[0], unit_type)
        else:
            mention = _bare_province(scan, start, options)
        if mention is not None:
            out.append(mention)
            consumed = mention.end
    return out


def _name_end(scan: _Scan, unit_end: int) -> int:
    """The end of the longest known name right after a unit word (the unit's end if none)."""
    t = token_at(scan.doc.text, unit_end)
    if t is None or t[0] - unit_end > 1:
        return unit_end
    return max((e for e, (kind, _) in scan.hits.get(t[0], ()) if kind != "unit"), default=unit_end)


def _bare_province(scan: _Scan, start: int, options: list[tuple[int, tuple[str, str]]]) -> PlaceMention | None:
    text, words = scan.doc.text, scan.words
    name = next(((e, kind, k) for e, (kind, k) in options if kind in ("prov", "capital")), None)
    if name is None or not is_capitalised(text[start]) or name[2] in words.needs_unit:
        return None
    end, kind, k = name
    province = words.lex.province(k, scan.when, text[start:end] if kind == "prov" else None)
    if province is None or not _bare_name_ok(words, text, start, end):
        return None
    if scan.doc.is_boilerplate(start, end):
        return None
    return PlaceMention(start, end, province=province, weight=_bare_weight(words, text, start, k))


def _bare_weight(words: PlaceWords, text: str, start: int, k: str) -> float:
    if k != words.capital:
        return 1.0
    prev = token_before(text, start)
    return _VENUE_WEIGHT if prev is not None and text[prev[0] : prev[1]].lower() in words.venue else 1.0


def _after_unit(scan: _Scan, start: int, unit_end: int, unit_type: str) -> PlaceMention | None:
    """The place a unit word introduces ("tỉnh Hậu Giang"), if a known name follows it."""
    text, words, lex = scan.doc.text, scan.words, scan.words.lex
    t = token_at(text, unit_end)
    if t is None or t[0] - unit_end > 1 or not is_capitalised(text[t[0]]):
        return None
    if scan.doc.is_boilerplate(start, t[1]) or unit_type in words.commune_units:
        return None
    for end, (kind, k) in sorted(scan.hits.get(t[0], ()), key=lambda hit: -hit[0]):
        if kind == "prov" and unit_type in words.province_units:
            province = lex.province(k, scan.when, text[t[0] : end])
            if province is None:
                continue
            if unit_type in words.city_units and not province.is_city:
                # "thành phố Hà Tĩnh": the provincial city, not the province
                cities = tuple(d for d in lex.district_candidates(k) if d.type in words.city_units)
                if cities:
                    return PlaceMention(start, end, districts=cities, weight=1.0)
                continue
            return PlaceMention(start, end, province=province, weight=2.0)
        if kind == "dist" and unit_type in words.district_units:
            districts = tuple(lex.district_candidates(k))
            if districts:
                return PlaceMention(start, end, districts=districts, weight=1.0)
    return None


def _is_name_word(token: str) -> bool:
    """A capitalised word that is not an abbreviation ("Nguyễn", not "UBND")."""
    return is_word(token) and is_capitalised(token) and not is_all_caps(token)


def _bare_name_ok(words: PlaceWords, text: str, s: int, e: int) -> bool:
    """A bare province name, not part of a personal or longer proper name."""
    prev = token_before(text, s)
    if prev is not None:
        before = text[prev[0] : prev[1]]
        if _is_name_word(before) and before.lower() not in words.before_name:
            return False
    nxt = token_at(text, e)
    if nxt is not None:
        after = text[nxt[0] : nxt[1]]
        if _is_name_word(after) and after not in words.surnames:
            return False
    return True
