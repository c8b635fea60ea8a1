"""Corpus files as inputs: one report per row of a JSONL, CSV or Parquet file, read lazily.

Scrapers hand over corpora as one file of records (``{"url": ..., "published": ...,
"content": ...}``), not a folder of ``.txt`` files. Each row becomes one
:class:`~vnreport.io.corpus.InputDoc`, in file order, with its id (``id_field``, else
``FILE:ROW``) and its metadata (``published``, ``url``) passed into the report. A row that
cannot be used (broken JSON, no text, a date that is not ISO) becomes an InputDoc with an
``error`` naming the file and row, exactly like an unreadable file: one record per row, always.

Rows are read one at a time (JSONL and CSV line by line, Parquet by record batches), so a
corpus of any size never sits in memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .corpus import InputDoc, InputFormat, default_max_bytes
from .encodings import canonical_encoding

#: Corpus file kinds by suffix (``.gz`` allowed after ``.jsonl``/``.csv``).
CORPUS_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
#: Report fields a corpus column can fill (``--meta-fields published,url`` or ``published=date``).
META_TARGETS = ("published", "url")


class CorpusError(ValueError):
    """A corpus file that cannot be read at all (missing, no such text column)."""


@dataclass(frozen=True)
class CorpusFields:
    """Which columns hold the text, the id and the metadata.

    ``meta`` maps a report field (``published``, ``url``) to its column; by default the
    columns named ``published`` and ``url`` are used when a row has them.
    """

    text: str = "text"
    id: str | None = None
    meta: Mapping[str, str] = field(default_factory=lambda: {t: t for t in META_TARGETS})
    input_format: InputFormat = "text"

    @classmethod
    def parse_meta(cls, spec: str | Iterable[str] | None) -> dict[str, str]:
        """``"published,url"`` or ``"published=date,url=link"`` → ``{report field: column}``."""
        if spec is None:
            return {t: t for t in META_TARGETS}
        items = spec.split(",") if isinstance(spec, str) else [s for part in spec for s in part.split(",")]
        out: dict[str, str] = {}
        for item in (i.strip() for i in items):
            if not item:
                continue
            target, _, column = item.partition("=")
            target = target.strip()
            if target not in META_TARGETS:
                raise CorpusError(
                    f"--meta-fields: {target!r} is not a report field a column can fill; use {', '.join(META_TARGETS)}"
                    " (or FIELD=COLUMN, e.g. published=date)"
                )
            out[target] = column.strip() or target
        return out


def corpus_kind(path: str) -> str | None:
    """``jsonl``/``csv``/``parquet`` for a corpus file name, else None."""
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return CORPUS_SUFFIXES.get(Path(name).suffix)


def _published(value: Any) -> str | None:
    """A row's date as an ISO string; raises ValueError for anything that is not ISO."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "isoformat"):  # pandas/pyarrow timestamps
        return str(value.isoformat())
    text = str(value).strip()
    try:
        dt.datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
    except ValueError:
        raise ValueError(f"published {text!r} is not an ISO 8601 date or datetime (e.g. 2013-10-21)") from None
    return text


def row_input(row: Mapping[str, Any], where: str, fields: CorpusFields, limit: int) -> InputDoc:
    """One row as an InputDoc (never raises: problems become the InputDoc's ``error``)."""
    raw_id = row.get(fields.id) if fields.id else None
    doc_id = str(raw_id) if raw_id not in (None, "") else where
    text = row.get(fields.text)
    if fields.text not in row:
        return InputDoc(doc_id, error=f"{where}: no field {fields.text!r} (fields: {', '.join(map(str, row))})")
    if not isinstance(text, str) or not text.strip():
        return InputDoc(doc_id, error=f"{where}: field {fields.text!r} holds no text")
    if len(text) > limit:
        return InputDoc(doc_id, error=f"{where}: text too large ({len(text):,} characters > {limit:,}); split it first")
    try:
        published = _published(row.get(fields.meta["published"])) if "published" in fields.meta else None
    except ValueError as e:
        return InputDoc(doc_id, error=f"{where}: {e}")
    url = row.get(fields.meta["url"]) if "url" in fields.meta else None
    return InputDoc(
        doc_id,
        text=text,
        published=published,
        url=str(url) if url not in (None, "") else None,
        format=fields.input_format,
    )


def _open_text(path: str, encoding: str | None) -> io.TextIOWrapper:
    enc = canonical_encoding(encoding) if encoding else "utf-8-sig"
    if enc in ("tcvn3", "vni"):
        raise CorpusError(f"{path}: a corpus file must be Unicode; convert its text column from {encoding} first")
    raw: Any = gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")  # noqa: SIM115
    return io.TextIOWrapper(raw, encoding=enc, errors="strict", newline="")


def _jsonl_rows(path: str, encoding: str | None) -> Iterator[tuple[str, Mapping[str, Any] | str]]:
    with _open_text(path, encoding) as fh:
        number = 0
        while True:
            try:
                line = fh.readline()
            except UnicodeDecodeError as e:
                number += 1
                yield f"{path}:{number}", f"not valid {fh.encoding} ({e.reason}); the rest of the file is skipped"
                return
            if not line:
                return
            number += 1
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                yield f"{path}:{number}", f"not a JSON record ({e.msg} at column {e.colno})"
                continue
            if not isinstance(row, dict):
                yield f"{path}:{number}", f"not a JSON object but {type(row).__name__}"
                continue
            yield f"{path}:{number}", row


def _csv_rows(path: str, encoding: str | None) -> Iterator[tuple[str, Mapping[str, Any] | str]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # a report is one (long) cell
    with _open_text(path, encoding) as fh:
        reader = csv.DictReader(fh)
        try:
            for row in reader:
                yield f"{path}:{reader.line_num}", row
        except (csv.Error, UnicodeDecodeError) as e:
            yield f"{path}:{reader.line_num + 1}", f"unreadable CSV ({e}); the rest of the file is skipped"


def _parquet_rows(path: str, fields: CorpusFields) -> Iterator[tuple[str, Mapping[str, Any] | str]]:
    try:
        import pyarrow.parquet as pq  # noqa: PLC0415 - optional, only for Parquet corpora
    except ImportError as e:
        raise CorpusError(f"{path}: reading Parquet needs pyarrow: pip install 'vnreport[pandas]'") from e
    pf = pq.ParquetFile(path)
    names = set(pf.schema_arrow.names)
    wanted = [c for c in (fields.text, fields.id, *fields.meta.values()) if c and c in names]
    if fields.text not in names:
        raise CorpusError(f"{path}: no column {fields.text!r} (columns: {', '.join(sorted(names))}); see --text-field")
    number = 0
    for batch in pf.iter_batches(batch_size=256, columns=list(dict.fromkeys(wanted))):
        for row in batch.to_pylist():
            number += 1
            yield f"{path}:{number}", row


def iter_corpus(
    path: str,
    fields: CorpusFields | None = None,
    *,
    kind: str | None = None,
    encoding: str | None = None,
    max_bytes: int | None = None,
) -> Iterator[InputDoc]:
    """The rows of one corpus file as InputDocs, in order, lazily (see the module docstring).

    ``kind`` (``jsonl``/``csv``/``parquet``) overrides the file's suffix."""
    fields = fields or CorpusFields()
    kind = kind or corpus_kind(path)
    if kind is None:
        raise CorpusError(f"{path}: not a corpus file (.jsonl, .ndjson, .csv, .parquet)")
    limit = default_max_bytes() if max_bytes is None else max_bytes
    try:
        if not Path(path).is_file():
            raise CorpusError(f"{path}: no such file")
        rows = (
            _jsonl_rows(path, encoding)
            if kind == "jsonl"
            else _csv_rows(path, encoding)
            if kind == "csv"
            else _parquet_rows(path, fields)
        )
        for where, row in rows:
            if isinstance(row, str):
                yield InputDoc(where, error=f"{where}: {row}")
            else:
                yield row_input(row, where, fields, limit)
    except (CorpusError, OSError) as e:
        # The file as a whole cannot be read: one error record for it, as for a bad file.
        message = str(e) if isinstance(e, CorpusError) else f"{path}: cannot read ({e})"
        yield InputDoc(path, error=message)


def read_corpus(
    paths: str | Iterable[str],
    text_field: str = "text",
    *,
    id_field: str | None = None,
    meta_fields: str | Iterable[str] | None = None,
    input_format: InputFormat = "text",
    encoding: str | None = None,
    max_bytes: int | None = None,
) -> Iterator[InputDoc]:
    """Every row of one or more corpus files, lazily; feed it to
    :func:`vnreport.batch.extract_records` (processes) or :func:`vnreport.batch.stream_inputs`
    (Dask). ``meta_fields``: ``"published,url"`` or ``"published=date"`` (report field=column)."""
    fields = CorpusFields(text_field, id_field, CorpusFields.parse_meta(meta_fields), input_format)
    for p in [paths] if isinstance(paths, str) else paths:
        yield from iter_corpus(p, fields, encoding=encoding, max_bytes=max_bytes)


__all__ = ["CORPUS_SUFFIXES", "CorpusError", "CorpusFields", "corpus_kind", "iter_corpus", "read_corpus", "row_input"]
