"""Reports as tidy pandas DataFrames: one table per entity kind, keyed by ``doc_id``.

    >>> frames = vnreport.to_frame(reports)     # Reports, or records read back from JSONL
    >>> frames.officials                         # one row per (official, position)
    >>> frames["legal_documents"].groupby("year").size()

Every table has a fixed set of columns and dtypes (nullable pandas dtypes), even when empty,
so tables from different batches or Dask partitions concatenate and write to Parquet with one
schema. pandas is optional: this module is only imported when a table is asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

try:
    import pandas  # noqa: F401 - the clear message below when pandas is missing
except ImportError as e:  # pragma: no cover - exercised in a subprocess test
    raise ImportError("vnreport.to_frame() needs pandas, which is optional: pip install 'vnreport[pandas]'") from e

from typing import Any

from ..models import Report
from .frame_schema import SCHEMAS, TABLES, table
from .rows import _rows
from .tables import TableWriter, table_paths
from .tableset import TableSet

__all__ = ["SCHEMAS", "TABLES", "Frames", "TableWriter", "table", "table_paths", "to_frame"]


class Frames(TableSet):
    """Tidy tables by name (``frames["officials"]`` or ``frames.officials``).

    Tables: documents (one row per input, with ``error``), officials (one row per official and
    position), agencies, legal_documents, standards, metrics, dates, places, entities (from
    user recognisers) and spans (every labelled span).
    """


def to_frame(reports: Report | Mapping[str, Any] | Iterable[Report | Mapping[str, Any]]) -> Frames:
    """Tidy DataFrames for Reports (or CLI/JSONL records, failed ones included).

    A report without ``doc_id`` is keyed by its position (``"0"``, ``"1"`` …).
    """
    if isinstance(reports, (Report, Mapping)):
        reports = [reports]
    return Frames({name: table(name, rows) for name, rows in _rows(reports).items()})
