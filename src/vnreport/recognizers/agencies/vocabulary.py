"""The read-only vocabulary of the agencies rules, built once per pipeline from the gazetteers.

Everything a rule consults besides the text: the organisation lexicon (heads, fields, named
bodies, places, one matcher over all of them), the shared word classes (stop words, unit words)
and the cue words of ``agency_cues.tsv``. Built in ``setup()`` and never changed, so one
pipeline can serve many threads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ...lexicon.gazetteers import Gazetteers
from ...lexicon.orgnames import Kind, OrgLexicon, org_lexicon
from ...lexicon.words import word_classes


@dataclass(frozen=True, slots=True)
class AgencyVocabulary:
    lex: OrgLexicon
    surnames: frozenset[str]
    #: words and two-word phrases that end an open name: the predicate starts there
    stop_words: frozenset[str]
    #: a title earlier in the clause (a person's name may follow the body's name)
    title_before: re.Pattern[str]
    lower_head_prev: frozenset[str]
    generic_before: frozenset[str]
    generic_after: frozenset[str]
    lower_bare_prev: frozenset[str]
    lower_bare: frozenset[str]
    bare_next: frozenset[str]
    board_functions: frozenset[str]
    #: last words of a title: a head that is also a title word belongs to the title after them
    title_ends: frozenset[str]
    #: lower-case phrases that go on inside a name although they hold a stop word ("nhỏ và vừa")
    name_phrases: tuple[str, ...]
    #: titles after which a bare field names a ministry ("Bộ trưởng Công Thương"), each with
    #: the space that follows it
    ministry_titles: tuple[str, ...]
    #: a school named only by its level ("Trường Tiểu học") in a commune's report is the commune's
    school_levels: frozenset[str]
    #: words before a unit word that make a compound noun of it ("hợp tác xã", "thị xã")
    unit_compounds: frozenset[str]
    #: "của <body>" phrases that end a committee's name ("… của Thủ tướng Chính phủ")
    owner_phrases: tuple[str, ...]
    #: heads of committees and councils (org_heads.tsv ``committee``), lower case
    committee_heads: frozenset[str]
    #: unit word as written (lower case) → unit type ("tp." → "thành phố")
    unit_of: dict[str, str]
    district_units: frozenset[str]
    commune_units: frozenset[str]
    #: district-level unit type → the kind of its Party committee ("huyện" → "Huyện ủy")
    committee_by_unit: dict[str, str]

    @classmethod
    def build(cls, gaz: Gazetteers) -> AgencyVocabulary:
        words = word_classes(gaz)
        lex = org_lexicon(gaz)
        cues: dict[str, list[str]] = {}
        for row in gaz.rows("agency_cues"):
            for use in row.list("use"):
                cues.setdefault(use, []).append(row["word"])
        titles = cues.get("title_before", [])
        return cls(
            lex=lex,
            surnames=frozenset(r["surname"] for r in gaz.rows("surnames") if r["surname"]),
            stop_words=words.stop_words("agency_name"),
            title_before=re.compile(
                "(?:" + "|".join(re.escape(t) for t in titles) + ")" if titles else "(?!)", re.IGNORECASE
            ),
            lower_head_prev=frozenset(cues.get("lower_head_prev", ())),
            generic_before=frozenset(cues.get("generic_before", ())),
            generic_after=frozenset(cues.get("generic_after", ())),
            lower_bare_prev=frozenset(cues.get("lower_bare_prev", ())),
            lower_bare=frozenset(cues.get("lower_bare", ())),
            bare_next=frozenset(cues.get("bare_next", ())),
            board_functions=frozenset(cues.get("board_function", ())),
            title_ends=frozenset(cues.get("title_end", ())),
            name_phrases=tuple(sorted(cues.get("name_phrase", ()), key=len, reverse=True)),
            ministry_titles=tuple(t + " " for t in cues.get("ministry_title", ())),
            school_levels=frozenset(cues.get("school_level", ())),
            unit_compounds=frozenset(cues.get("unit_compound", ())),
            owner_phrases=tuple(sorted(cues.get("owner_phrase", ()), key=len, reverse=True)),
            committee_heads=frozenset(h.lower() for h in words.org_heads("committee")),
            unit_of=dict(words.unit_of),
            district_units=words.unit_types("district"),
            commune_units=words.unit_types("commune"),
            committee_by_unit=_committees(lex.kinds.values()),
        )


def _committees(kinds: Iterable[Kind]) -> dict[str, str]:
    out: dict[str, str] = {}
    for k in kinds:
        if k.committee_of:
            out.setdefault(k.committee_of, k.kind)
    return out
