"""Columns and tables of the gazetteer schema, and how one cell is checked against its column.

The schema itself (every bundled table) is :mod:`vnreport.lexicon.schema`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

ColumnKind = Literal["text", "list", "enum", "enums", "int", "multiplier", "date"]

#: Longest cell accepted (the longest bundled cell is ~230 characters); far longer cells are a
#: broken file (a missing newline) and would make the matchers' automata needlessly huge.
MAX_CELL_CHARS = 2000

#: Columns every table may carry for people, not for the rules.
FREE_COLUMNS = ("provenance", "source", "note", "comment")

_DATE = re.compile(r"\d{4}(?:-\d{2}-\d{2})?")
_INT = re.compile(r"\d{1,9}")
_MULTIPLIER = re.compile(r"[1-9]\d{0,17}")


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: ColumnKind = "text"
    required: bool = False
    nonempty: bool = False
    choices: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TableSchema:
    """One table: its columns in file order, and what it is for (shown in errors)."""

    name: str
    about: str
    columns: tuple[Column, ...]
    by_name: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {c.name: c for c in self.columns})

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)

    def allows_column(self, name: str) -> bool:
        return name in self.by_name or name in FREE_COLUMNS


def table(name: str, about: str, *columns: Column) -> TableSchema:
    return TableSchema(name, about, columns)


def key_column(name: str, kind: ColumnKind = "text") -> Column:
    """The first column: required and filled in every row."""
    return Column(name, kind, required=True, nonempty=True)


def required(name: str, kind: ColumnKind = "text", choices: Iterable[str] = (), nonempty: bool = False) -> Column:
    return Column(name, kind, required=True, nonempty=nonempty, choices=tuple(choices))


def optional(name: str, kind: ColumnKind = "text", choices: Iterable[str] = ()) -> Column:
    return Column(name, kind, choices=tuple(choices))


def check_cell(col: Column, cell: str) -> str | None:
    if col.kind == "enum" and cell not in col.choices:
        return f"{cell!r} is not allowed; {expected(col)}"
    if col.kind == "enums":
        bad = [x.strip() for x in cell.split("|") if x.strip() not in col.choices]
        if bad:
            return f"{bad} not allowed; {expected(col)}"
    if col.kind == "int" and not _INT.fullmatch(cell):
        return f"{cell!r} is not a whole number"
    if col.kind == "multiplier" and not _MULTIPLIER.fullmatch(cell):
        return f"{cell!r} is not a whole number from 1 to 18 digits (e.g. 1000000 for 'triệu')"
    if col.kind == "date" and not _DATE.fullmatch(cell):
        return f"{cell!r} is not a date (YYYY-MM-DD) or a year (YYYY)"
    return None


def expected(col: Column) -> str:
    if col.kind in ("enum", "enums"):
        many = " (several joined by |)" if col.kind == "enums" else ""
        return f"allowed: {' | '.join(col.choices)}{many}"
    return {
        "int": "expected a whole number",
        "multiplier": "expected a whole number such as 1000",
        "date": "expected YYYY-MM-DD or YYYY",
        "list": "expected values joined by |",
    }.get(col.kind, "expected a value")
