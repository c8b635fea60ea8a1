"""What the legal recogniser reads from the gazetteers, built once per version of the tables.

``doc_types`` gives the type words ("Nghị định", "quyết định") with how each may cite, the type
abbreviations inside numbers (NĐ, QĐ, NQ) and the standard bodies (ISO, TCVN); ``issuers`` the
issuer codes (CP, TTg, UBND); ``provinces`` which units are centrally-run cities ("Thành ủy Hà
Nội", not "Tỉnh ủy"); the shared ``org_heads`` the words that open an organisation's name, for
codes a report defines itself ("Trường Đại học Nghệ thuật (ĐHNT)").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

import ahocorasick

from ...lexicon import gazetteers as gz
from ...lexicon.orgnames import org_lexicon
from ...lexicon.places import key
from ...lexicon.words import word_classes
from .named_issuers import IssuerReader
from .symbols import SymbolParser

BareNumber = Literal["always", "capitalised", "with_so"]

#: The type of an act closes an old issuer-first number (162/VH-QĐ); a unit code in that place is
#: far more likely than a report or a plan, so only these types close one.
_OLD_NUMBER_TYPES = ("Quyết định", "Nghị định", "Chỉ thị", "Thông tư", "Nghị quyết")
_CITY_TYPE = "thành phố trực thuộc trung ương"


@dataclass(frozen=True, slots=True)
class TypeWord:
    """How a type word ("nghị định", "quyết định", "văn bản") introduces a citation."""

    doc_type: str
    bare_number: BareNumber
    takes_name: bool  # "Luật Giáo dục đại học số …": a name may stand between word and "số"
    word_wins: bool  # the word's type beats the number's abbreviation
    generic: bool  # "văn bản": names no type of its own


@dataclass(frozen=True, slots=True)
class IssuerCode:
    """An issuer code of the ``issuers`` table: the name it stands for and the level it acts at."""

    name: str  # may hold {unit}, {name}, {ủy}; empty when the code does not settle the issuer
    level: str


@dataclass(frozen=True, slots=True)
class LegalLexicon:
    """Everything read-only the recogniser needs, shared by every document and thread."""

    words: Mapping[str, TypeWord]
    type_abbr: Mapping[str, str]  # abbreviation inside a state number → doc_type
    party_abbr: Mapping[str, str]  # abbreviation inside a Party number → doc_type
    default_for: Mapping[str, str]  # issuer code of a year-form number → doc_type
    issuers: Mapping[str, IssuerCode]  # every spelling of a code
    standard_bodies: tuple[str, ...]
    cities: frozenset[str]  # lower-case names of centrally-run cities
    parser: SymbolParser
    type_word_automaton: ahocorasick.Automaton
    standard: re.Pattern[str]
    org_head: re.Pattern[str]
    issuer_reader: IssuerReader  # for issuers the text names


def _words_alternation(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_BARE_NUMBER: dict[str, BareNumber] = {"always": "always", "capitalised": "capitalised", "with_so": "with_so"}


def _type_word(row: gz.Row, doc_type: str, generic: bool) -> TypeWord:
    bare = _BARE_NUMBER[row.get("bare_number", "with_so")]  # the schema allows no other value
    return TypeWord(doc_type, bare, row.get("named") == "yes", row.get("precedence", "word") == "word", generic)


def _standard_pattern(bodies: tuple[str, ...]) -> re.Pattern[str]:
    alternation = _words_alternation(bodies) if bodies else "(?!)"
    return re.compile(
        rf"(?P<body>{alternation})\s?(?P<num>\d{{1,6}}(?:[-.]\d{{1,4}})*)"
        r"(?:\s?:\s?(?P<year>(?:19|20)\d\d))?(?:\s?/\s?(?P<iss>[A-ZĐ][A-ZĐa-z]{1,10}))?(?![\w])"
    )


def _org_head_pattern(gaz: gz.Gazetteers) -> re.Pattern[str]:
    """Capitalised organisation heads ("Trường", "Sở", "Đảng ủy"), for a name before its code."""
    heads = [h[0].upper() + h[1:] for h in word_classes(gaz).org_heads("after_title")]
    return re.compile(rf"\b(?:{'|'.join(re.escape(h) for h in sorted(heads, key=len, reverse=True))})\b")


def _automaton(words: list[str]) -> ahocorasick.Automaton:
    """One Aho-Corasick pass finds every type word (a regex alternation of fifty words, tried at
    every position, was the slowest part of the recogniser)."""
    automaton = ahocorasick.Automaton()
    for w in words:
        automaton.add_word(w, w)
    automaton.make_automaton()
    return automaton


def build_lexicon(gaz: gz.Gazetteers) -> LegalLexicon:
    """The lexicon of ``gaz`` (use through ``gaz.derived(build_lexicon)``: built once per version)."""
    words: dict[str, TypeWord] = {}
    type_abbr: dict[str, str] = {}
    party_abbr: dict[str, str] = {}
    default_for: dict[str, str] = {}
    bodies: list[str] = []
    for row in gaz.rows("doc_types"):
        doc_type = row.get("doc_type")
        cats = set(row.list("category"))
        if "standard" in cats:
            bodies += row.list("abbr")
            continue
        type_abbr.update(dict.fromkeys(row.list("abbr"), doc_type))
        party_abbr.update(dict.fromkeys(row.list("party_abbr"), doc_type))
        default_for.update(dict.fromkeys(row.list("default_for"), doc_type))
        for w in row.list("words"):
            words[w.lower()] = _type_word(row, doc_type, "generic" in cats)
    issuers: dict[str, IssuerCode] = {}
    for row in gaz.rows("issuers"):
        info = IssuerCode(row.get("name"), row.get("level", "central"))
        for code in [row.get("code"), *row.list("variants")]:
            issuers[code] = info
    old_types = {a for a, t in type_abbr.items() if t in _OLD_NUMBER_TYPES}
    cities = frozenset(row["name"].lower() for row in gaz.rows("provinces") if row.get("type") == _CITY_TYPE)
    return LegalLexicon(
        words=MappingProxyType(words),
        type_abbr=MappingProxyType(type_abbr),
        party_abbr=MappingProxyType(party_abbr),
        default_for=MappingProxyType(default_for),
        issuers=MappingProxyType(issuers),
        standard_bodies=tuple(bodies),
        cities=cities,
        parser=SymbolParser(set(type_abbr), set(party_abbr), set(issuers), old_types, set(default_for)),
        type_word_automaton=_automaton(list(words)),
        standard=_standard_pattern(tuple(bodies)),
        org_head=_org_head_pattern(gaz),
        issuer_reader=IssuerReader(
            org_lexicon(gaz),
            MappingProxyType(
                {key(r["name"]): r["name"] for r in gaz.rows("issuers") if r["name"] and r.get("level") == "central"}
            ),
            frozenset(r["surname"] for r in gaz.rows("surnames")),
            word_classes(gaz).stop_words("agency_name"),
            tuple(sorted(word_classes(gaz).org_heads("after_title"), key=len, reverse=True)),
        ),
    )
