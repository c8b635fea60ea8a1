"""The words the layout rules read, as data: ``page_lines.tsv`` and ``page_words.tsv``.

Portal widgets, related-news headings, weekday words of a date line, the words that open a
source line, credit labels, press outlets and the notes after a byline: users meet new portals
and extend these lists like any gazetteer (``Pipeline(gazetteers=[...])``). The structure
around the words (a count in brackets, a date's digits, separators) stays in the patterns
here. Built once per version of the tables, read-only afterwards, so one vocabulary serves
every document and thread.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from .dateline import date_line_pattern


class _Row(Protocol):
    def __getitem__(self, column: str) -> str: ...

    def list(self, column: str) -> list[str]: ...


class Tables(Protocol):
    """What the vocabulary needs of the gazetteers: rows by table name."""

    def rows(self, table: str) -> Sequence[_Row]: ...


#: Debris that is structure, not words: the glued share widget "EmailPrintAa", runs of
#: separators ("|||", "-----", "* * *" is not: it has spaces).
_STRUCTURAL_DEBRIS = (r"email\s*+print\s*+a++", r"\|++", r"[-=_*•·]{2,}+")


def _alternation(patterns: Iterable[str]) -> str:
    """``(?:a|b|…)`` of the patterns, longest first (a longer word is tried before its prefix)."""
    unique = sorted(set(patterns), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(unique) + ")" if unique else "(?!)"


def _escaped(words: Iterable[str]) -> str:
    return _alternation(re.escape(w) for w in words)


def _line_pattern(phrase: str, match: str) -> str:
    word = re.escape(phrase)
    if match == "prefix":
        return word + ".*"
    if match == "counter":
        return word + r"\s*+\(\s*+\d*+\s*+\)"
    return word


def _spaced(word: str) -> str:
    """A word whose spaces may be left out ("Thứ2", "chủnhật")."""
    return r"\s*+".join(re.escape(part) for part in word.split())


def _lead_opening(time_words: str) -> re.Pattern[str]:
    """ "Ngày 29/4", "Sáng nay 31/5", "Chiều ngày 19/7": a time word, then a day and month."""
    return re.compile(
        rf"{time_words}(?: nay| qua)?\s*+(?:ngày\s*+)?\d{{1,2}}\s*+[/.-]\s*+\d{{1,2}}\b",
        re.IGNORECASE,
    )


def _words_at_start(words: Iterable[str]) -> re.Pattern[str]:
    """One of ``words`` at the start of a (lower-cased) text, ending at a word boundary."""
    return re.compile(rf"{_escaped(words)}(?![\w&])")


@dataclass(frozen=True, slots=True)
class _WordRow:
    word: str
    match: str


@dataclass(frozen=True, slots=True)
class BylineWords:
    """Patterns and word sets of the byline rules, all matched against lower-cased text."""

    #: the first word of a source line ("sở …", "theo …")
    source_line: re.Pattern[str]
    #: a note after the names, in brackets or bare ("thực hiện", "theo dân trí", "ghi"): fullmatch
    note: re.Pattern[str]
    #: "tin, ảnh:": the label (group ``words``) and its colon
    label: re.Pattern[str]
    author_labels: frozenset[str]
    source_labels: frozenset[str]
    #: a press outlet at the start of a text ("vnexpress", "ttxvn")
    outlet: re.Pattern[str]
    #: the head of an outlet's name at the start of a text ("báo …", "đài …")
    outlet_head: re.Pattern[str]
    #: a generic byline at the start of a text ("pv", "phóng viên")
    reporter: re.Pattern[str]
    #: lower-case words a generic byline may go on with ("tại các địa phương")
    reporter_words: frozenset[str]
    #: capitalised first words that make a phrase, not a name ("ông", "xin")
    not_name: frozenset[str]

    @classmethod
    def of(cls, rows: dict[str, list[_WordRow]]) -> BylineWords:
        def words(use: str) -> list[str]:
            return [r.word for r in rows.get(use, ())]

        label_word = _escaped(words("credit_author") + words("credit_photo") + words("credit_source"))
        notes = (re.escape(r.word) + (r"(?:\s.*)?" if r.match == "opens" else "") for r in rows.get("byline_note", ()))
        return cls(
            source_line=_words_at_start(words("source_line")),
            note=re.compile(_alternation(notes)),
            label=re.compile(rf"(?P<words>{label_word}(?:\s*+(?:,|/|&|\bvà\b)\s*+{label_word})*+)\s*+:\s*+"),
            author_labels=frozenset(words("credit_author")),
            source_labels=frozenset(words("credit_source")),
            outlet=_words_at_start(words("outlet")),
            outlet_head=_words_at_start(words("outlet_head")),
            reporter=_words_at_start(words("reporter")),
            reporter_words=frozenset(w for phrase in words("reporter_word") for w in phrase.split()),
            not_name=frozenset(words("not_name")),
        )


@dataclass(frozen=True, slots=True)
class LayoutVocabulary:
    """Compiled patterns of the layout rules (see the module docstring)."""

    #: a whole line that is portal debris wherever it stands
    debris: re.Pattern[str]
    #: a whole line after which the rest of the page is navigation
    footer: re.Pattern[str]
    #: a whole line that is the page's date line ("Thứ hai, 25/01/2010 16:27")
    date_line: re.Pattern[str]
    #: a lead paragraph's opening time and date ("Ngày 29/4, …", "Sáng 31/5, …"); a title has none
    lead_opening: re.Pattern[str]
    #: the words of bylines and source lines
    byline: BylineWords

    @classmethod
    def from_tables(cls, tables: Tables) -> LayoutVocabulary:
        debris: list[str] = list(_STRUCTURAL_DEBRIS)
        footer: list[str] = []
        for row in tables.rows("page_lines"):
            pattern = _line_pattern(row["phrase"], row["match"])
            roles = row.list("role")
            if "debris" in roles:
                debris.append(pattern)
            if "footer" in roles:
                footer.append(pattern)
        words: dict[str, list[_WordRow]] = {}
        for row in tables.rows("page_words"):
            words.setdefault(row["use"], []).append(_WordRow(row["word"].lower(), row["match"]))
        return cls(
            debris=re.compile(_alternation(debris), re.IGNORECASE),
            footer=re.compile(_alternation(footer), re.IGNORECASE),
            date_line=date_line_pattern(_alternation(_spaced(r.word) for r in words.get("weekday", ()))),
            lead_opening=_lead_opening(_escaped(r.word for r in words.get("lead_time", ()))),
            byline=BylineWords.of(words),
        )


def vocabulary_of(tables: Tables) -> LayoutVocabulary:
    """The vocabulary of ``tables``, built once per version of their rows when they keep derived
    structures (the gazetteers do)."""
    derived = getattr(tables, "derived", None)
    if derived is not None:
        built: LayoutVocabulary = derived(LayoutVocabulary.from_tables)
        return built
    return LayoutVocabulary.from_tables(tables)


@lru_cache(maxsize=1)
def bundled_vocabulary() -> LayoutVocabulary:
    """The vocabulary of the bundled gazetteers (for ``analyse`` called without one)."""
    from ...lexicon.gazetteers import Gazetteers  # noqa: PLC0415 - text/ is below lexicon/

    return vocabulary_of(Gazetteers.bundled())
