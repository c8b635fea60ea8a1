"""A named set of tidy tables and where their files go: the shape shared by the per-report
tables (:func:`vnreport.to_frame`) and the linked-corpus tables (``Corpus.to_frame()``).

Only pandas objects pass through here; the module imports nothing of pandas itself, so it
stays cheap for the CLI's output planning.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


def table_paths(
    target: str | os.PathLike[str], fmt: str, names: Iterable[str], *, create: bool = True
) -> dict[str, Path]:
    """Where each table goes: ``DIR/officials.csv`` if ``target`` is a folder (existing, ending
    in ``/`` or without a suffix), else ``PREFIX.officials.csv`` for ``PREFIX.csv``. The
    folder is created unless ``create=False``."""
    raw = os.fspath(target)
    path = Path(raw)
    if path.is_dir() or raw.endswith(("/", os.sep)) or not path.suffix:
        folder, paths = path, {name: path / f"{name}.{fmt}" for name in names}
    else:
        stem = path.with_suffix("") if path.suffix.lstrip(".") == fmt else path
        folder, paths = stem.parent, {name: stem.parent / f"{stem.name}.{name}.{fmt}" for name in names}
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return paths


class TableSet(Mapping[str, "pd.DataFrame"]):
    """Tables by name (``tables["officials"]`` or ``tables.officials``), written as one CSV or
    Parquet file per table."""

    def __init__(self, tables: Mapping[str, pd.DataFrame]) -> None:
        self._tables = dict(tables)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self._tables[name]

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("_tables", {})
        try:
            return tables[name]
        except KeyError:
            raise AttributeError(f"no table {name!r}; tables are {list(tables)}") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._tables)

    def __len__(self) -> int:
        return len(self._tables)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(" + ", ".join(f"{k}={len(v)}" for k, v in self._tables.items()) + ")"

    def to_csv(self, target: str | os.PathLike[str]) -> dict[str, Path]:
        """Write one CSV per table into a folder (``out/``) or with a prefix (``out/run.csv``)."""
        return self._write(target, "csv")

    def to_parquet(self, target: str | os.PathLike[str]) -> dict[str, Path]:
        """Write one Parquet file per table (needs pyarrow)."""
        return self._write(target, "parquet")

    def _write(self, target: str | os.PathLike[str], fmt: str) -> dict[str, Path]:
        paths = table_paths(target, fmt, self._tables)
        for name, path in paths.items():
            if fmt == "csv":
                self._tables[name].to_csv(path, index=False)
            else:
                self._tables[name].to_parquet(path, index=False)
        return paths
