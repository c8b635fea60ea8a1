"""Tidy tables written to files: one CSV or Parquet file per table, or one Excel workbook,
streamed a chunk of records at a time."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from ..models import Report
from . import tableset
from .frame_schema import SCHEMAS, table
from .rows import _rows


def table_paths(target: str | os.PathLike[str], fmt: str, *, create: bool = True) -> dict[str, Path]:
    """Where each per-report table goes (:func:`vnreport.io.tableset.table_paths` for
    :data:`SCHEMAS`)."""
    return tableset.table_paths(target, fmt, SCHEMAS, create=create)


class TableWriter:
    """Streams records into one CSV or Parquet file per table, or one Excel workbook with a
    sheet per table, a chunk at a time.

    Memory stays bounded by ``chunk_size`` records; every chunk has the fixed schema, so the
    Parquet files get one row group per chunk and the CSVs one header. ``target`` is a folder or
    prefix (see :func:`table_paths`), an ``.xlsx`` path, or explicit paths by table name (for
    xlsx: ``{"records": path}``). CSVs start with a UTF-8 byte-order mark unless
    ``csv_bom=False``, so that Excel shows Vietnamese text as it is.
    """

    def __init__(
        self,
        target: str | os.PathLike[str] | Mapping[str, Path],
        fmt: str,
        chunk_size: int = 500,
        *,
        csv_bom: bool = True,
    ) -> None:
        if fmt not in ("csv", "parquet", "xlsx"):
            raise ValueError(f"TableWriter writes csv, parquet or xlsx, not {fmt!r}")
        _require_writer(fmt)
        self.fmt = fmt
        if isinstance(target, Mapping):
            self.paths = {k: Path(v) for k, v in target.items()}
        elif fmt == "xlsx":
            self.paths = {"records": Path(target)}
        else:
            self.paths = table_paths(target, fmt)
        self.chunk_size = chunk_size
        self.csv_bom = csv_bom
        self._pending: list[Report | Mapping[str, Any]] = []
        self._count = 0
        self._writers: dict[str, Any] = {}
        self._workbook: Any = None
        self._started = False

    def write(self, record: Report | Mapping[str, Any]) -> None:
        self._pending.append(record)
        if len(self._pending) >= self.chunk_size:
            self._flush()

    def _flush(self) -> None:
        rows = _rows(self._pending, self._count)
        self._count += len(self._pending)
        self._pending = []
        if self.fmt == "xlsx":
            self._write_xlsx(rows)
        for name, path in self.paths.items() if self.fmt != "xlsx" else ():
            df = table(name, rows[name])
            if self.fmt == "csv":
                encoding = "utf-8-sig" if self.csv_bom and not self._started else "utf-8"
                df.to_csv(
                    path, index=False, header=not self._started, mode="a" if self._started else "w", encoding=encoding
                )
            else:
                self._write_parquet(name, path, df)
        self._started = True

    def _write_xlsx(self, rows: dict[str, list[dict[str, Any]]]) -> None:
        """Append rows to one sheet per table (openpyxl's write-only mode streams them)."""
        if self._workbook is None:
            from openpyxl import Workbook  # noqa: PLC0415 - only for Excel output

            self._workbook = Workbook(write_only=True)
            for name in SCHEMAS:
                self._workbook.create_sheet(name).append(list(SCHEMAS[name]))
        for name in SCHEMAS:
            sheet = self._workbook[name]
            for row in table(name, rows[name]).itertuples(index=False):
                sheet.append([_cell(v) for v in row])

    def _write_parquet(self, name: str, path: Path, df: pd.DataFrame) -> None:
        import pyarrow as pa  # noqa: PLC0415
        import pyarrow.parquet as pq  # noqa: PLC0415

        writer = self._writers.get(name)
        if writer is None:
            schema = pa.Schema.from_pandas(table(name, []), preserve_index=False)
            writer = self._writers[name] = pq.ParquetWriter(path, schema)
        if len(df):
            writer.write_table(pa.Table.from_pandas(df, schema=writer.schema, preserve_index=False))

    def close(self) -> None:
        if self._pending or not self._started:
            self._flush()
        for w in self._writers.values():
            w.close()
        self._writers.clear()
        if self._workbook is not None:
            self._workbook.save(self.paths["records"])
            self._workbook = None

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _require_writer(fmt: str) -> None:
    needs = {
        "parquet": ("pyarrow", "Parquet output needs pyarrow: pip install 'vnreport[pandas]'"),
        "xlsx": ("openpyxl", "Excel output needs openpyxl: pip install 'vnreport[pandas]'"),
    }
    if fmt not in needs:
        return
    module, message = needs[fmt]
    try:
        __import__(module)
    except ImportError as e:
        raise ImportError(message) from e


def _cell(value: Any) -> Any:
    """A DataFrame value as an Excel cell: missing values empty, timestamps as naive datetimes,
    numbers as numbers (not text), everything else as it is."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:  # NaN
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime().replace(tzinfo=None)
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value
