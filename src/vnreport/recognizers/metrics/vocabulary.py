"""The words the metrics recogniser reads, built once per pipeline from gazetteer tables.

``units``, ``scale_words``, ``metric_qualifiers``, ``number_labels``, ``counted_nouns`` and
``figure_words`` (closed classes: time nouns, period and clock words, link verbs), plus the shared
``stop_words`` rows that end a counted noun or a subject. Everything here is read-only once
built, so one pipeline serves every thread.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from ...lexicon.gazetteers import Gazetteers
from ...lexicon.words import word_classes
from .numbers import scale_words


@dataclass(frozen=True, slots=True)
class UnitEntry:
    """One row of ``units``: what a surface after a number reports."""

    unit: str
    kind: str  # percent | currency | measure
    not_before: frozenset[str]


@dataclass(frozen=True, slots=True)
class QualifierBefore:
    """A qualifier written before a figure, and whether its phrase belongs to the figure's text."""

    qualifier: str
    in_text: bool
    not_after: frozenset[str] = frozenset()  # words that make the phrase part of a noun ("mức tối thiểu")


@dataclass(frozen=True, slots=True)
class FigureVocabulary:
    """Lookups and compiled patterns of one set of gazetteers (see the module doc)."""

    scales: Mapping[str, Decimal]
    scale_re: re.Pattern[str]
    units: Mapping[str, UnitEntry]
    unit_re: re.Pattern[str]
    qualifiers_before: Mapping[str, QualifierBefore]
    qualifier_before_re: re.Pattern[str]
    qualifiers_after: Mapping[str, str]
    qualifier_after_re: re.Pattern[str] | None
    labels: Mapping[str, str]
    noun_stops: frozenset[str]
    subject_stops: frozenset[str]
    counted_nouns: frozenset[str]
    time_nouns: frozenset[str]
    time_second: Mapping[str, frozenset[str]]
    period_next: frozenset[str]
    period_before: frozenset[str]
    calendar_nouns: frozenset[str]
    clock_next: frozenset[str]
    clock_before: frozenset[str]
    anniversary: frozenset[str]
    link_verbs: frozenset[str]
    increase_words: frozenset[str]
    decrease_words: frozenset[str]
    per_words: frozenset[str]
    change_re: re.Pattern[str] | None  # a verb of change right before a figure
    reporting_verbs: frozenset[str]
    reporting_re: re.Pattern[str] | None
    slash_noun_re: re.Pattern[str] | None  # counted nouns written with a slash ("đ/c")
    office_titles: frozenset[str]  # titles of office, counted as office-holders ("5 Phó Chủ tịch")


def alternation(phrases: list[str]) -> str:
    """Regex alternation of ``phrases``, longest first."""
    return "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))


def _figure_words(gazetteers: Gazetteers) -> tuple[dict[str, set[str]], dict[str, frozenset[str]]]:
    """``figure_words`` grouped by use, and the second syllables of time nouns."""
    by_use: dict[str, set[str]] = {}
    second: dict[str, frozenset[str]] = {}
    for row in gazetteers.rows("figure_words"):
        word = row.get("word").lower()
        for use in row.list("use"):
            by_use.setdefault(use, set()).add(word)
        extra = row.list("second")
        if extra:
            second[word] = frozenset(w.lower() for w in extra)
    return by_use, second


def _office_titles(gazetteers: Gazetteers) -> frozenset[str]:
    """Titles of office and membership (and their variants), lower case."""
    out: set[str] = set()
    for row in gazetteers.rows("titles"):
        if row.get("kind") in ("office", "membership"):
            out.add(row.get("title").lower())
            out.update(v.lower() for v in row.list("variants"))
    return frozenset(out)


def _phrases_re(template: str, phrases: frozenset[str]) -> re.Pattern[str] | None:
    """``template`` with the alternation of ``phrases`` in its ``{}``; None for no phrase."""
    return re.compile(template.replace("{}", alternation(list(phrases)))) if phrases else None


def build_vocabulary(gazetteers: Gazetteers) -> FigureVocabulary:
    """The :class:`FigureVocabulary` of ``gazetteers``."""
    scales = scale_words(gazetteers)
    units: dict[str, UnitEntry] = {}
    for row in gazetteers.rows("units"):
        units[row.get("surface").lower()] = UnitEntry(
            row.get("unit"), row.get("kind", "measure"), frozenset(w.lower() for w in row.list("not_before"))
        )
    before: dict[str, QualifierBefore] = {}
    after: dict[str, str] = {}
    for row in gazetteers.rows("metric_qualifiers"):
        phrase = row.get("phrase").lower()
        if row.get("position", "before") == "after":
            after[phrase] = row.get("qualifier")
        else:
            before[phrase] = QualifierBefore(
                row.get("qualifier"),
                row.get("in_text", "yes") != "no",
                frozenset(w.lower() for w in row.list("not_after")),
            )
    classes = word_classes(gazetteers)
    nouns = frozenset(row.get("noun").lower() for row in gazetteers.rows("counted_nouns"))
    slash_nouns = [n for n in nouns if "/" in n]
    by_use, second = _figure_words(gazetteers)

    def words(use: str) -> frozenset[str]:
        return frozenset(by_use.get(use, ()))

    return FigureVocabulary(
        scales=scales,
        scale_re=re.compile(rf"[ ]?({alternation(list(scales))})(?!\w)"),
        units=units,
        unit_re=re.compile(rf"[ ]?({alternation(list(units))})(?![\w²³])"),
        qualifiers_before=before,
        qualifier_before_re=re.compile(rf"(?<!\w)({alternation(list(before))})[ ]{{1,2}}$"),
        qualifiers_after=after,
        qualifier_after_re=re.compile(rf"[ ]{{1,2}}({alternation(list(after))})(?!\w)") if after else None,
        labels={row.get("label").lower(): row.get("kind") for row in gazetteers.rows("number_labels")},
        noun_stops=frozenset(w.lower() for w in classes.stop_words("counted_noun")),
        subject_stops=frozenset(w.lower() for w in classes.stop_words("metric_subject")),
        counted_nouns=nouns,
        time_nouns=words("time_noun"),
        time_second=second,
        period_next=words("period_next"),
        period_before=words("period_before"),
        calendar_nouns=words("calendar_noun"),
        clock_next=words("clock_next"),
        clock_before=words("clock_before"),
        anniversary=words("anniversary"),
        link_verbs=words("link_verb"),
        increase_words=words("increase"),
        decrease_words=words("decrease"),
        per_words=words("per_word"),
        change_re=_phrases_re(r"(?<!\w)({}) $", words("increase") | words("decrease")),
        reporting_verbs=words("reporting_verb"),
        reporting_re=_phrases_re(r"(?<!\w)(?:{})(?!\w)", words("reporting_verb")),
        slash_noun_re=_phrases_re(r"[ ]?({})(?![\w/])", frozenset(slash_nouns)),
        office_titles=_office_titles(gazetteers),
    )
