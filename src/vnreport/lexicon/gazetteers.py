"""Gazetteers: TSV tables a user can read and extend.

Format (every file in a gazetteer folder, one concept per file, the file stem is the table
name, e.g. ``titles.tsv`` → table ``titles``):

* UTF-8, tab-separated, the first non-comment line is the header;
* lines starting with ``#`` are comments, blank lines are skipped;
* a list inside a cell is separated by ``|``;
* cells are normalised like report text (NFC, ``hóa``/``ủy`` tone position), so entries match
  whichever spelling a report uses.

Users add folders or single files (``Pipeline(gazetteers=["my_gaz/"])``) or rows from code
(``gaz.add("titles", {"title": "Chánh Thanh tra", ...})``). Rows from later sources come after
the bundled ones; a recogniser decides how duplicates combine (usually the later row wins).
Every table is checked against one static schema (:mod:`vnreport.lexicon.schema`: columns,
required cells, allowed values) on every load and ``add``; a malformed file or a bad value raises
:class:`GazetteerError` naming the file, line and column, and a file whose name is a misspelt
table ("surname.tsv") is refused rather than silently ignored.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar, Union

from ..text.normalize import normalize_string
from . import schema
from .bundled import CHECKOUT_DATA, data_dir

LIST_SEPARATOR = "|"

T = TypeVar("T")
_UIDS = itertools.count()

GazetteerSource = Union[str, os.PathLike, Mapping[str, Sequence[Mapping[str, str]]], "Gazetteers"]


class GazetteerError(ValueError):
    """A gazetteer file or entry is malformed; the message names the file and line."""


def _check_table_name(table: str, origin: str) -> None:
    """Refuse a misspelt table name; a name far from every known one is a user table."""
    if table in schema.TABLES:
        return
    near = schema.close_table_name(table)
    if near is not None:
        raise GazetteerError(
            f"{origin}: unknown gazetteer table {table!r}; did you mean {near!r}? "
            f"(the file name is the table name: {near}.tsv)"
        )


@dataclass(slots=True)
class Row:
    """One gazetteer entry: cell values by column, and where it came from (``file:line``)."""

    values: dict[str, str]
    origin: str

    def __getitem__(self, column: str) -> str:
        return self.values.get(column, "")

    def get(self, column: str, default: str = "") -> str:
        return self.values.get(column) or default

    def list(self, column: str) -> list[str]:
        """A ``|``-separated cell as a list (empty cell → empty list)."""
        cell = self.values.get(column, "")
        return [x.strip() for x in cell.split(LIST_SEPARATOR) if x.strip()]


@dataclass
class Gazetteers:
    """All tables, by name. :meth:`extended` returns a new object; :meth:`add` changes this one
    (not allowed on the process-wide bundled object, which every pipeline shares).

    Structures computed from the tables (automata, lexicons) are kept with them through
    :meth:`derived`, so pipelines that share gazetteers share those too, and a change of rows
    rebuilds them. Recognisers read gazetteers in ``setup``: rows added after a pipeline was
    built do not reach it — build a new ``Pipeline``.
    """

    tables: dict[str, list[Row]] = field(default_factory=dict)
    columns: dict[str, list[str]] = field(default_factory=dict)
    _uid: int = field(default_factory=lambda: next(_UIDS), init=False, repr=False, compare=False)
    _version: int = field(default=0, init=False, repr=False, compare=False)
    _frozen: bool = field(default=False, init=False, repr=False, compare=False)
    _derived: dict[Any, tuple[int, Any]] = field(default_factory=dict, init=False, repr=False, compare=False)

    # ------------------------------------------------------------------ loading
    @staticmethod
    def default_dir() -> Path:
        """The bundled folder: inside the installed package, or ``data/gazetteers`` of a checkout."""
        folder = data_dir("gazetteers")
        if folder is None:
            raise GazetteerError(
                "bundled gazetteers not found: expected vnreport/data/gazetteers in the installed "
                f"package or {CHECKOUT_DATA / 'gazetteers'}; reinstall vnreport"
            )
        return folder

    @classmethod
    def bundled(cls) -> Gazetteers:
        """The bundled gazetteers, read once per process."""
        return _bundled()

    @classmethod
    def load(cls, *sources: GazetteerSource, bundled: bool = True) -> Gazetteers:
        """Bundled tables (unless ``bundled=False``) extended by each source in order."""
        gaz = _bundled() if bundled else cls()
        return gaz.extended(*sources) if sources else gaz

    def extended(self, *sources: GazetteerSource) -> Gazetteers:
        """A copy with rows from folders, ``.tsv`` files, mappings or other Gazetteers added."""
        out = Gazetteers({k: list(v) for k, v in self.tables.items()}, {k: list(v) for k, v in self.columns.items()})
        for src in sources:
            if isinstance(src, Gazetteers):
                for name, rows in src.tables.items():
                    out._merge(name, src.columns.get(name, []), rows)
            elif isinstance(src, Mapping):
                for name, entries in src.items():
                    _check_table_name(str(name), "<code>")
                    for entry in entries:
                        out.add(name, entry)
            else:
                path = Path(src)
                if path.is_dir():
                    files = sorted(path.glob("*.tsv"))
                    if not files:
                        raise GazetteerError(f"{path}: no .tsv files in this gazetteer folder")
                    for f in files:
                        out._merge(f.stem, *read_table(f))
                elif path.is_file():
                    out._merge(path.stem, *read_table(path))
                else:
                    raise GazetteerError(f"{path}: no such gazetteer file or folder")
        return out

    def _merge(self, name: str, columns: list[str], rows: list[Row]) -> None:
        have = self.columns.setdefault(name, [])
        have += [c for c in columns if c not in have]
        self.tables.setdefault(name, []).extend(rows)

    # ------------------------------------------------------------------ access
    def add(self, table: str, row: Mapping[str, str], origin: str = "<code>") -> None:
        """Add one entry from code; values are normalised and validated like file rows."""
        if self._frozen:
            raise GazetteerError(
                "the bundled gazetteers are shared by every pipeline and cannot be changed in place; "
                "use Gazetteers.load({...}) / gaz.extended(...) or Pipeline(gazetteers=[...])"
            )
        _check_table_name(table, origin)
        values = {str(k): normalize_string(str(v)) for k, v in row.items() if v is not None}
        problem = schema.check_header(table, values)
        if problem is None:
            problem = schema.check_values(table, {k: v for k, v in values.items() if v})
        if problem:
            raise GazetteerError(f"{origin}: entry for table {table!r}: {problem}")
        cols = self.columns.setdefault(table, [])
        cols += [c for c in values if c not in cols]
        self.tables.setdefault(table, []).append(Row(values, origin))
        self._version += 1

    def rows(self, table: str) -> list[Row]:
        """Rows of a table ([] if no source defines it)."""
        return self.tables.get(table, [])

    def __contains__(self, table: str) -> bool:
        return table in self.tables

    def names(self) -> list[str]:
        return sorted(self.tables)

    def fingerprint(self) -> tuple[int, int]:
        """Unique to this object and its current rows (never reused within a process)."""
        return self._uid, self._version

    def derived(self, build: Callable[[Gazetteers], T]) -> T:
        """``build(self)``, computed once per version of these tables and kept with them."""
        hit = self._derived.get(build)
        if hit is not None and hit[0] == self._version:
            return hit[1]
        value = build(self)
        self._derived[build] = (self._version, value)
        return value


def read_table(path: Path) -> tuple[list[str], list[Row]]:
    """Read one TSV gazetteer file (table ``path.stem``), checked against its schema; raise
    :class:`GazetteerError` with ``file:line`` on error."""
    table = path.stem
    _check_table_name(table, str(path))
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise GazetteerError(f"{path}: cannot read ({e.strerror})") from e
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        bad_line = raw[: e.start].count(b"\n") + 1
        raise GazetteerError(f"{path}:{bad_line}: not valid UTF-8") from e
    header: list[str] | None = None
    rows: list[Row] = []
    for lineno, line in enumerate(content.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            if len(set(header)) != len(header) or any(not c for c in header):
                raise GazetteerError(f"{path}:{lineno}: header has empty or repeated column names")
            problem = schema.check_header(table, header)
            if problem:
                raise GazetteerError(f"{path}:{lineno}: {problem}")
            continue
        if len(cells) > len(header):
            extra = cells[len(header) :]
            if any(extra):
                raise GazetteerError(f"{path}:{lineno}: {len(cells)} cells but the header has {len(header)} columns")
            cells = cells[: len(header)]
        # a short row: its missing cells are empty
        values = {c: normalize_string(v) for c, v in zip(header, cells, strict=False) if v}
        first = header[0]
        if not values.get(first):
            raise GazetteerError(f"{path}:{lineno}: first column {first!r} is empty")
        problem = schema.check_values(table, values)
        if problem:
            raise GazetteerError(f"{path}:{lineno}: {problem}")
        rows.append(Row(values, f"{path}:{lineno}"))
    if header is None:
        raise GazetteerError(f"{path}:1: empty gazetteer file (a header line is required)")
    return header, rows


@lru_cache(maxsize=1)
def _bundled() -> Gazetteers:
    folder = Gazetteers.default_dir()
    gaz = Gazetteers().extended(folder)
    gaz._frozen = True
    return gaz
