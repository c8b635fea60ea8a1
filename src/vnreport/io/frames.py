"""Reports as tidy pandas DataFrames: one table per entity kind, keyed by ``doc_id``.

    >>> frames = vnreport.to_frame(reports)     # Reports, or records read back from JSONL
    >>> frames.officials                         # one row per (official, position)
    >>> frames["legal_documents"].groupby("year").size()

Every table has a fixed set of columns and dtypes (nullable pandas dtypes), even when empty,
so tables from different batches or Dask partitions concatenate and write to Parquet with one
schema. pandas is optional: this module is only imported when a table is asked for.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

try:
    import pandas as pd
except ImportError as e:  # pragma: no cover - exercised in a subprocess test
    raise ImportError("vnreport.to_frame() needs pandas, which is optional: pip install 'vnreport[pandas]'") from e

from ..models import Report

_S, _I, _F, _B, _T = "string", "Int64", "Float64", "boolean", "datetime64[us]"

#: Columns and dtypes of every table, in order. ``start``/``end`` are the first mention's offsets.
SCHEMAS: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": _S,
        "title": _S,
        "published": _T,
        "source": _S,
        "authors": _S,
        "event_date": _T,
        "province": _S,
        "text_length": _I,
        "n_officials": _I,
        "n_agencies": _I,
        "n_legal_documents": _I,
        "n_standards": _I,
        "n_metrics": _I,
        "n_dates": _I,
        "n_places": _I,
        "n_entities": _I,
        "error": _S,
    },
    "officials": {
        "doc_id": _S,
        "official_index": _I,
        "name": _S,
        "honorific": _S,
        "position": _S,
        "title": _S,
        "organization": _S,
        "former": _B,
        "position_start": _I,
        "position_end": _I,
        "n_mentions": _I,
        "start": _I,
        "end": _I,
    },
    "agencies": {
        "doc_id": _S,
        "name": _S,
        "kind": _S,
        "level": _S,
        "province": _S,
        "parent": _S,
        "generic": _B,
        "n_mentions": _I,
        "start": _I,
        "end": _I,
        "text": _S,
    },
    "legal_documents": {
        "doc_id": _S,
        "id": _S,
        "doc_type": _S,
        "number": _S,
        "year": _I,
        "issuer_code": _S,
        "issuer": _S,
        "signed_on": _T,
        "title": _S,
        "n_mentions": _I,
        "start": _I,
        "end": _I,
        "text": _S,
    },
    "standards": {"doc_id": _S, "id": _S, "body": _S, "n_mentions": _I, "start": _I, "end": _I, "text": _S},
    "metrics": {
        "doc_id": _S,
        "value": _F,
        "unit": _S,
        "qualifier": _S,
        "subject": _S,
        "period": _S,
        "start": _I,
        "end": _I,
        "text": _S,
    },
    "dates": {
        "doc_id": _S,
        "kind": _S,
        "granularity": _S,
        "date_start": _T,
        "date_end": _T,
        "inferred_year": _B,
        "start": _I,
        "end": _I,
        "text": _S,
    },
    "places": {
        "doc_id": _S,
        "name": _S,
        "kind": _S,
        "code": _S,
        "province": _S,
        "successor": _S,
        "valid_to": _T,
        "n_mentions": _I,
        "start": _I,
        "end": _I,
        "text": _S,
    },
    "entities": {"doc_id": _S, "label": _S, "start": _I, "end": _I, "text": _S, "attrs": _S},
    "spans": {"doc_id": _S, "label": _S, "start": _I, "end": _I, "text": _S},
}
TABLES: tuple[str, ...] = tuple(SCHEMAS)


# ---------------------------------------------------------------------- records -> rows
def _as_report(item: Report | Mapping[str, Any], position: int) -> tuple[str, Report | None, str | None]:
    """``(doc_id, report, error)`` for a Report or a CLI record (a Report's JSON)."""
    if isinstance(item, Report):
        doc_id = item.doc_id if item.doc_id is not None else str(position)
        return (doc_id, None, item.error) if item.error else (doc_id, item, None)
    if isinstance(item, Mapping):
        error = item.get("error")
        raw_id = item.get("doc_id")
        doc_id = str(raw_id) if raw_id is not None else str(position)
        if error:
            return doc_id, None, str(error)
        report = Report.model_validate(item)
        return doc_id, report, None
    raise TypeError(f"to_frame() takes Reports or record dicts, got {type(item).__name__}")


def _first(mentions: list[Any]) -> tuple[int | None, int | None, str | None]:
    return (mentions[0].start, mentions[0].end, mentions[0].text) if mentions else (None, None, None)


def _report_rows(doc_id: str, r: Report | None, error: str | None) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in SCHEMAS}
    if r is None:
        rows["documents"].append({"doc_id": doc_id, "error": error})
        return rows
    rows["documents"].append(
        {
            "doc_id": doc_id,
            "title": r.title,
            "published": r.published,
            "source": r.source,
            "authors": "; ".join(r.authors) or None,
            "event_date": r.event_date,
            "province": r.province.name if r.province else None,
            "text_length": r.text_length,
            "n_officials": len(r.officials),
            "n_agencies": len(r.agencies),
            "n_legal_documents": len(r.legal_documents),
            "n_standards": len(r.standards),
            "n_metrics": len(r.metrics),
            "n_dates": len(r.dates),
            "n_places": len(r.places),
            "n_entities": len(r.entities),
            "error": None,
        }
    )
    for i, o in enumerate(r.officials):
        s, e, _ = _first(o.mentions)
        base = {
            "doc_id": doc_id,
            "official_index": i,
            "name": o.name,
            "honorific": o.honorific,
            "n_mentions": len(o.mentions),
            "start": s,
            "end": e,
        }
        for p in o.positions or [None]:  # type: ignore[list-item]  # one row even without a position
            rows["officials"].append(
                base
                if p is None
                else {
                    **base,
                    "position": p.text,
                    "title": p.title,
                    "organization": p.organization,
                    "former": p.former,
                    "position_start": p.start,
                    "position_end": p.end,
                }
            )
    for a in r.agencies:
        s, e, t = _first(a.mentions)
        rows["agencies"].append(
            {
                **a.model_dump(exclude={"mentions"}),
                "doc_id": doc_id,
                "n_mentions": len(a.mentions),
                "start": s,
                "end": e,
                "text": t,
            }
        )
    for d in r.legal_documents:
        s, e, t = _first(d.mentions)
        rows["legal_documents"].append(
            {
                **d.model_dump(exclude={"mentions"}),
                "doc_id": doc_id,
                "n_mentions": len(d.mentions),
                "start": s,
                "end": e,
                "text": t,
            }
        )
    for st in r.standards:
        s, e, t = _first(st.mentions)
        rows["standards"].append(
            {
                "doc_id": doc_id,
                "id": st.id,
                "body": st.body,
                "n_mentions": len(st.mentions),
                "start": s,
                "end": e,
                "text": t,
            }
        )
    rows["metrics"] += [{**m.model_dump(), "doc_id": doc_id} for m in r.metrics]
    rows["dates"] += [{**d.model_dump(), "doc_id": doc_id} for d in r.dates]
    for pl in r.places:
        s, e, t = _first(pl.mentions)
        rows["places"].append(
            {
                **pl.model_dump(exclude={"mentions"}),
                "doc_id": doc_id,
                "n_mentions": len(pl.mentions),
                "start": s,
                "end": e,
                "text": t,
            }
        )
    rows["entities"] += [
        {
            "doc_id": doc_id,
            "label": x.label,
            "start": x.start,
            "end": x.end,
            "text": x.text,
            "attrs": json.dumps(x.attrs, ensure_ascii=False) if x.attrs else None,
        }
        for x in r.entities
    ]
    rows["spans"] += [
        {"doc_id": doc_id, "label": label, "start": sp.start, "end": sp.end, "text": sp.text} for label, sp in r.spans()
    ]
    return rows


def _naive(v: Any) -> Any:
    # datetime64 columns are timezone-naive; keep the wall-clock time in UTC for aware values.
    if isinstance(v, dt.datetime) and v.tzinfo is not None:
        return v.astimezone(dt.UTC).replace(tzinfo=None)
    return v


def table(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """A DataFrame with exactly the columns and dtypes of ``SCHEMAS[name]`` (extra keys dropped)."""
    schema = SCHEMAS[name]
    data = {c: [r.get(c) for r in rows] for c in schema}
    cols = {}
    for c, dtype in schema.items():
        values = data[c]
        if dtype == _T:
            cols[c] = pd.to_datetime(pd.Series([_naive(v) for v in values], dtype="object"), errors="coerce").astype(
                dtype
            )
        else:
            cols[c] = pd.Series(values, dtype="object").astype(dtype)
    return pd.DataFrame(cols, columns=list(schema))


def _rows(items: Iterable[Report | Mapping[str, Any]], start: int = 0) -> dict[str, list[dict[str, Any]]]:
    acc: dict[str, list[dict[str, Any]]] = {name: [] for name in SCHEMAS}
    for pos, item in enumerate(items, start):
        for name, rows in _report_rows(*_as_report(item, pos)).items():
            acc[name] += rows
    return acc


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


# ---------------------------------------------------------------------- files
def table_paths(target: str | os.PathLike[str], fmt: str, *, create: bool = True) -> dict[str, Path]:
    """Where each table goes: ``DIR/officials.csv`` if ``target`` is a folder (existing, ending
    in ``/`` or without a suffix), else ``PREFIX.officials.csv`` for ``PREFIX.csv``. The
    folder is created unless ``create=False``."""
    raw = os.fspath(target)
    path = Path(raw)
    if path.is_dir() or raw.endswith(("/", os.sep)) or not path.suffix:
        folder, names = path, {name: path / f"{name}.{fmt}" for name in SCHEMAS}
    else:
        stem = path.with_suffix("") if path.suffix.lstrip(".") == fmt else path
        folder, names = stem.parent, {name: stem.parent / f"{stem.name}.{name}.{fmt}" for name in SCHEMAS}
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return names


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
