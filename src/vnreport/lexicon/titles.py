"""Titles, honorifics and the small closed vocabularies around them.

The officials recogniser needs to know, at any point of a sentence, whether a title starts there
("Phó Chủ tịch", "UVTV"), an honorific ("ông", "PGS.TS"), an organisation word ("Sở", "UBND",
"Văn phòng"), an administrative word ("tỉnh", "huyện"), or a word that ends a position ("cho
biết", "đã", "triển khai"). Titles and honorifics come from ``titles.tsv``/``honorifics.tsv``;
the grammar words around them (modifiers, organisation and unit words, words that end a
position) are closed classes of the genre, read from ``title_words.tsv`` and the shared
``stop_words``/``org_heads``/``unit_words`` tables.

Lookups happen at token starts while a sentence is read, so :class:`PhraseIndex` answers "which
phrase starts exactly here?" in O(candidates) without a pass over the whole document; the one
document-wide pass (finding where to start reading) uses :class:`~vnreport.matcher.PhraseMatcher`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..text.normalize import lower_same_length, normalize_string
from .gazetteers import Gazetteers
from .matcher import PhraseMatcher, is_word_char
from .words import word_classes

T = TypeVar("T")

HONORIFIC_KINDS = frozenset({"address", "academic", "honour", "rank"})


@dataclass(frozen=True, slots=True)
class TitleInfo:
    """One surface form of a title or honorific."""

    form: str  # as in the gazetteer (normalised)
    title: str  # expanded (UVTV → Ủy viên Ban Thường vụ)
    kind: str  # office | membership | occupation | address | academic | honour | rank
    exact: bool = False  # abbreviation: match this capitalisation only
    lower_only: bool = False  # "anh", "ông": lower case, or capitalised at a sentence start
    organization: str = ""  # the body a national office belongs to ("Thủ tướng" → Chính phủ)
    field_head: str = ""  # head a bare field after it takes ("Bộ trưởng Công Thương" → Bộ)
    holds_office: bool = True  # False: "đại biểu", occupations — the person is only named

    @property
    def is_honorific(self) -> bool:
        return self.kind in HONORIFIC_KINDS


class PhraseIndex(Generic[T]):
    """Longest phrase (case-insensitive, whole word) starting exactly at an offset.

    Phrases are kept by their exact key, and for each two-letter prefix the distinct key lengths
    (longest first): a lookup tries one slice per length, and adding a phrase costs O(1) plus an
    insertion among the few distinct lengths (re-sorting a bucket on every add made a 20 000-row
    titles table take seconds to build).
    """

    def __init__(self, phrases: Iterable[tuple[str, T]] = ()) -> None:
        self._payloads: dict[str, list[T]] = {}
        self._lengths: dict[str, list[int]] = {}  # prefix → distinct key lengths, longest first
        for phrase, payload in phrases:
            self.add(phrase, payload)

    def add(self, phrase: str, payload: T) -> None:
        key = lower_same_length(normalize_string(phrase).strip())
        if not key:
            return
        same = self._payloads.get(key)
        if same is not None:
            same.append(payload)
            return
        self._payloads[key] = [payload]
        lengths = self._lengths.setdefault(key[:2], [])
        if len(key) not in lengths:
            lengths.append(len(key))
            lengths.sort(reverse=True)

    def all_at(self, lower: str, pos: int) -> list[tuple[int, T]]:
        """Every phrase starting at ``pos``, longest first, as ``(end, payload)``."""
        lengths = self._lengths.get(lower[pos : pos + 2])
        if not lengths:
            return []
        out: list[tuple[int, T]] = []
        n = len(lower)
        for length in lengths:
            end = pos + length
            if end > n:
                continue
            payloads = self._payloads.get(lower[pos:end])
            if payloads is None:
                continue
            if end < n and is_word_char(lower[end]) and is_word_char(lower[end - 1]):
                continue
            out.extend((end, p) for p in payloads)
        return out

    def at(self, lower: str, pos: int) -> tuple[int, T] | None:
        """The longest phrase starting at ``pos``, as ``(end, payload)``, or None."""
        hits = self.all_at(lower, pos)
        return hits[0] if hits else None


# ---------------------------------------------------------------------- grammar words
def _grouped(gaz: Gazetteers, table: str, key: str, column: str) -> dict[str, tuple[str, ...]]:
    """Cells of ``key`` grouped by each value of the list column ``column``, file order kept."""
    out: dict[str, list[str]] = {}
    for row in gaz.rows(table):
        for use in row.list(column):
            group = out.setdefault(use, [])
            if row[key] not in group:
                group.append(row[key])
    return {k: tuple(v) for k, v in out.items()}


@dataclass(frozen=True, slots=True)
class TitleWords:
    """The closed word classes the officials rules read around titles and names.

    From the shared tables (``stop_words`` rows that end a ``title``, ``org_heads``,
    ``unit_words``) and this area's ``title_words`` (roles explained in its header). Tuples
    keep the file order where the rules try words in order.
    """

    stop_words: frozenset[str]  # one-word stops: a lower-case word that ends a position
    stop_phrases: frozenset[str]  # two-word stops ("phát biểu"): first syllable also in names
    org_heads: tuple[str, ...]  # words that open an organisation after a title
    institutions: frozenset[str]  # school/company/hospital words: a name after them is theirs
    committees: frozenset[str]  # boards whose name may go on with "về …"
    admin_words: tuple[str, ...]  # "tỉnh", "huyện" …: a place follows inside a position
    admin_single: frozenset[str]  # the one-word ones
    admin_caps: frozenset[str]  # "TP", "TX": matched in capitals only
    villages: frozenset[str]  # "thôn", "bản": a capitalised place must follow
    generic_before: frozenset[str]
    former: tuple[str, ...]
    acting: tuple[str, ...]
    vice: tuple[str, ...]
    suffix_modifiers: tuple[str, ...]
    copulas: tuple[str, ...]
    place_nouns: frozenset[str]
    streets: frozenset[str]
    demonstratives: frozenset[str]
    boundary_before_bare_name: frozenset[str]
    unit_names: tuple[str, ...]
    title_ends_with_unit: tuple[str, ...]
    plurals: frozenset[str] = frozenset()
    list_openings: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()  # part of the title in any case: "Hàm Vụ phó", "tập sự …"
    predicates: tuple[tuple[str, str], ...] = ()  # (phrase, role) leading from a name to a post
    time_words: frozenset[str] = frozenset()  # "Ngày 25.5": a new sentence, not a name syllable

    @property
    def modifier_prefixes(self) -> frozenset[str]:
        """First two letters of every modifier written before a title."""
        return frozenset(w[:2] for w in (*self.former, *self.acting, *self.vice))

    @classmethod
    def from_gazetteers(cls, gaz: Gazetteers) -> TitleWords:
        shared = word_classes(gaz)
        stops = shared.stop_words("title")
        admin = shared.unit_words("position")
        own = _grouped(gaz, "title_words", "phrase", "role")
        return cls(
            stop_words=frozenset(w for w in stops if " " not in w),
            stop_phrases=frozenset(w for w in stops if " " in w),
            org_heads=shared.org_heads("after_title"),
            institutions=frozenset(shared.org_heads("institution")),
            committees=frozenset(shared.org_heads("committee")),
            admin_words=admin,
            admin_single=frozenset(w for w in admin if " " not in w),
            admin_caps=frozenset(shared.unit_words("position_caps")),
            villages=frozenset(shared.unit_words("village")),
            generic_before=frozenset(own.get("generic_before", ())),
            former=own.get("former", ()),
            acting=own.get("acting", ()),
            vice=own.get("vice", ()),
            suffix_modifiers=own.get("suffix_modifier", ()),
            copulas=own.get("copula", ()),
            place_nouns=frozenset(own.get("place_noun", ())),
            streets=frozenset(own.get("street", ())),
            demonstratives=frozenset(own.get("demonstrative", ())),
            boundary_before_bare_name=frozenset(own.get("boundary_before_bare_name", ())),
            unit_names=own.get("unit_name", ()),
            title_ends_with_unit=own.get("title_ends_with_unit", ()),
            plurals=frozenset(own.get("plural", ())),
            list_openings=own.get("list_opening", ()),
            prefixes=own.get("prefix", ()),
            time_words=frozenset(own.get("time_word", ())),
            predicates=tuple(
                (phrase, role)
                for role in ("copula", "appointment", "predicate_adverb", "nomination")
                for phrase in own.get(role, ())
            ),
        )


class TitleLexicon:
    """Titles and honorifics from the gazetteers, and the grammar words around them."""

    def __init__(self, words: TitleWords) -> None:
        self.words = words
        self.triggers: PhraseMatcher[TitleInfo] = PhraseMatcher()
        self.titles: PhraseIndex[TitleInfo] = PhraseIndex()
        self.office_prefixes: set[str] = set()  # first two letters of every non-honorific title
        self.org_heads: PhraseIndex[str] = PhraseIndex((p, p) for p in words.org_heads)
        self.admin: PhraseIndex[str] = PhraseIndex((p, p) for p in words.admin_words)
        self.predicates: PhraseIndex[str] = PhraseIndex(words.predicates)

    @classmethod
    def from_gazetteers(cls, gaz: Gazetteers) -> TitleLexicon:
        lex = cls(TitleWords.from_gazetteers(gaz))
        for row in gaz.rows("titles"):
            title = row["title"]
            expansion = row.get("expansion") or title
            exact = row.get("case") == "exact"
            kind = row.get("kind", "office")
            for form in [title, *row.list("variants")]:
                info = TitleInfo(
                    form,
                    expansion,
                    kind,
                    exact=exact,
                    organization=row.get("organization"),
                    field_head=row.get("field_head"),
                    holds_office=kind != "occupation" and row.get("role") != "named",
                )
                lex._add(info)
        for row in gaz.rows("honorifics"):
            form = row["honorific"]
            expansion = row.get("expansion") or form
            case = row.get("case")
            lex._add(
                TitleInfo(
                    form, expansion, row.get("kind", "address"), exact=case == "exact", lower_only=case == "lower"
                )
            )
        return lex

    def _add(self, info: TitleInfo) -> None:
        self.triggers.add(info.form, info)
        self.titles.add(info.form, info)
        if not info.is_honorific:
            self.office_prefixes.add(lower_same_length(normalize_string(info.form))[:2])


def is_sentence_start(text: str, pos: int) -> bool:
    """True when only punctuation or nothing precedes ``pos`` in its clause."""
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in "\n.!?:;\"'(-–…[*•"
