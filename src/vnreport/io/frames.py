"""Reports as tidy pandas DataFrames: one table per entity kind, keyed by ``doc_id``.

    >>> frames = vnreport.to_frame(reports)     # Reports, or records read back from JSONL
    >>> frames.officials                         # one row per (official, position)
    >>> frames["legal_documents"].groupby("year").size()

Every table has a fixed set of columns and dtypes (nullable pandas dtypes), even when empty,
so tables from different batches or Dask partitions concatenate and write to Parquet with one
schema. pandas is optional: this module is only imported when a table is asked for.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

try:
    import pandas as pd
except ImportError as e:  # pragma: no cover - exercised in a subprocess test
    raise ImportError("vnreport.to_frame() needs pandas, which is optional: pip install 'vnreport[pandas]'") from e

from typing import Any

from ..models import Report
from .frame_schema import SCHEMAS, TABLES, table
from .rows import _rows
from .tables import TableWriter, table_paths

__all__ = ["SCHEMAS", "TABLES", "Frames", "TableWriter", "table", "table_paths", "to_frame"]


class Frames(Mapping[str, pd.DataFrame]):
    """Tidy tables by name (``frames["officials"]`` or ``frames.officials``).

    Tables: documents (one row per input, with ``error``), officials (one row per official and
    position), agencies, legal_documents, standards, metrics, dates, places, entities (from
    user recognisers) and spans (every labelled span).
    """

    def __init__(self, tables: Mapping[str, pd.DataFrame]) -> None:
        self._tables = dict(tables)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self._tables[name]

    def __getattr__(self, name: str) -> pd.DataFrame:
        try:
            return self.__dict__["_tables"][name]
        except KeyError:
            raise AttributeError(f"no table {name!r}; tables are {list(SCHEMAS)}") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._tables)

    def __len__(self) -> int:
        return len(self._tables)

    def __repr__(self) -> str:
        return "Frames(" + ", ".join(f"{k}={len(v)}" for k, v in self._tables.items()) + ")"

    def to_csv(self, target: str | os.PathLike[str]) -> dict[str, Path]:
        """Write one CSV per table into a folder (``out/``) or with a prefix (``out/run.csv``)."""
        return self._write(target, "csv")

    def to_parquet(self, target: str | os.PathLike[str]) -> dict[str, Path]:
        """Write one Parquet file per table (needs pyarrow)."""
        return self._write(target, "parquet")

    def _write(self, target: str | os.PathLike[str], fmt: str) -> dict[str, Path]:
        paths = table_paths(target, fmt)
        for name, path in paths.items():
            if fmt == "csv":
                self._tables[name].to_csv(path, index=False)
            else:
                self._tables[name].to_parquet(path, index=False)
        return paths


def to_frame(reports: Report | Mapping[str, Any] | Iterable[Report | Mapping[str, Any]]) -> Frames:
    """Tidy DataFrames for Reports (or CLI/JSONL records, failed ones included).

    A report without ``doc_id`` is keyed by its position (``"0"``, ``"1"`` …).
    """
    if isinstance(reports, (Report, Mapping)):
        reports = [reports]
    return Frames({name: table(name, rows) for name, rows in _rows(reports).items()})
