"""Closed word classes that several recognisers consult, read from gazetteer tables.

``stop_words.tsv`` (words that end a name, a position, a counted noun), ``org_heads.tsv`` (words
that open an organisation's name) and ``unit_words.tsv`` (administrative unit words). Each row
says which readings use it, so one table serves every recogniser without each keeping its own
drifting copy, and users extend them like any gazetteer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .gazetteers import Gazetteers


@dataclass(frozen=True, slots=True)
class WordClasses:
    """The word classes of one set of gazetteers, grouped by use (file order kept)."""

    stops: Mapping[str, frozenset[str]]
    heads: Mapping[str, tuple[str, ...]]
    units: Mapping[str, tuple[str, ...]]
    unit_of: Mapping[str, str]
    level_of_unit: Mapping[str, str]

    def stop_words(self, ends: str) -> frozenset[str]:
        """Words and two-word phrases that end a reading of kind ``ends`` (e.g. ``"title"``)."""
        return self.stops.get(ends, frozenset())

    def org_heads(self, use: str) -> tuple[str, ...]:
        return self.heads.get(use, ())

    def unit_words(self, use: str) -> tuple[str, ...]:
        return self.units.get(use, ())

    def unit_types(self, level: str) -> frozenset[str]:
        """Unit types of an administrative ``level`` ("district" → huyện, quận, thị xã)."""
        return frozenset(u for u, lv in self.level_of_unit.items() if lv == level)


def _grouped(gaz: Gazetteers, table: str, key: str, column: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for row in gaz.rows(table):
        for use in row.list(column):
            group = out.setdefault(use, [])
            if row[key] not in group:
                group.append(row[key])
    return out


def _build(gaz: Gazetteers) -> WordClasses:
    unit_of: dict[str, str] = {}
    level_of_unit: dict[str, str] = {}
    for row in gaz.rows("unit_words"):
        if row["unit"]:
            unit_of.setdefault(row["word"], row["unit"])
            if row["level"]:
                level_of_unit.setdefault(row["unit"], row["level"])
    return WordClasses(
        stops={k: frozenset(v) for k, v in _grouped(gaz, "stop_words", "word", "ends").items()},
        heads={k: tuple(v) for k, v in _grouped(gaz, "org_heads", "phrase", "use").items()},
        units={k: tuple(v) for k, v in _grouped(gaz, "unit_words", "word", "use").items()},
        unit_of=unit_of,
        level_of_unit=level_of_unit,
    )


def word_classes(gaz: Gazetteers) -> WordClasses:
    """The word classes of ``gaz``, built once per version of its tables."""
    return gaz.derived(_build)
