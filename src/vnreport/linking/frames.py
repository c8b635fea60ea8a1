"""A linked corpus as tidy pandas tables, and as CSV or Parquet files.

    >>> frames = corpus.to_frame()
    >>> frames.officials                    # one row per linked official
    >>> frames.timeline                     # one row per official and post, with dates
    >>> frames.mentions.merge(vnreport.to_frame(reports).documents, on="doc_id")
    >>> frames.to_parquet("tables/")        # tables/officials.parquet, tables/timeline.parquet …

Lists (``doc_ids``, ``aliases`` …) are joined with ``"; "`` so every table writes to CSV;
``mentions`` (report × entity) is the table to join on. Columns and dtypes are fixed, as in
:mod:`vnreport.io.frames`. pandas is optional: this module is imported only when asked for.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

try:
    import pandas as pd
except ImportError as e:  # pragma: no cover - exercised in a subprocess test
    raise ImportError("Corpus.to_frame() needs pandas, which is optional: pip install 'vnreport[pandas]'") from e

from ..io import tableset
from ..io.tableset import TableSet

if TYPE_CHECKING:
    from .linker import Corpus

_S, _I, _B, _T = "string", "Int64", "boolean", "datetime64[us]"
_SEEN = {"first_seen": _T, "last_seen": _T, "n_reports": _I, "n_mentions": _I, "doc_ids": _S}

#: Columns and dtypes of every table, in order.
SCHEMAS: dict[str, dict[str, str]] = {
    "officials": {
        "id": _S,
        "name": _S,
        "names": _S,
        "honorifics": _S,
        "roles": _S,
        "provinces": _S,
        "report_provinces": _S,
        "n_positions": _I,
        **_SEEN,
    },
    "timeline": {
        "official_id": _S,
        "name": _S,
        "title": _S,
        "organization": _S,
        "former": _B,
        **_SEEN,
    },
    "agencies": {"id": _S, "name": _S, "aliases": _S, "kind": _S, "level": _S, "province": _S, "parents": _S, **_SEEN},
    "legal_documents": {
        "id": _S,
        "doc_type": _S,
        "number": _S,
        "year": _I,
        "issuer_code": _S,
        "issuer": _S,
        "signed_on": _T,
        "title": _S,
        "aliases": _S,
        "short_forms": _S,
        "report_provinces": _S,
        **_SEEN,
    },
    "mentions": {"doc_id": _S, "kind": _S, "entity_id": _S, "name": _S},
}
TABLES: tuple[str, ...] = tuple(SCHEMAS)
_JOIN = "; "


def _cell(value: Any) -> Any:
    return _JOIN.join(value) if isinstance(value, list) else value


def _rows(corpus: Corpus) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in SCHEMAS}
    for o in corpus.officials:
        d = o.model_dump(exclude={"positions"})
        rows["officials"].append({**d, "n_positions": len(o.positions), "n_reports": len(o.doc_ids)})
        for p in o.positions:
            rows["timeline"].append(
                {**p.model_dump(), "official_id": o.id, "name": o.name, "n_reports": len(p.doc_ids)}
            )
    rows["agencies"] = [{**a.model_dump(), "n_reports": len(a.doc_ids)} for a in corpus.agencies]
    rows["legal_documents"] = [{**d.model_dump(), "n_reports": len(d.doc_ids)} for d in corpus.legal_documents]
    for kind, entities in (
        ("official", corpus.officials),
        ("agency", corpus.agencies),
        ("legal_document", corpus.legal_documents),
    ):
        for e in entities:
            name = getattr(e, "name", None) or e.id
            rows["mentions"] += [{"doc_id": d, "kind": kind, "entity_id": e.id, "name": name} for d in e.doc_ids]
    rows["mentions"].sort(key=lambda r: (r["doc_id"], r["kind"], r["entity_id"]))
    return rows


def table(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """A DataFrame with exactly the columns and dtypes of ``SCHEMAS[name]``."""
    cols = {}
    for column, dtype in SCHEMAS[name].items():
        values = pd.Series([_cell(r.get(column)) for r in rows], dtype="object")
        cols[column] = pd.to_datetime(values, errors="coerce").astype(dtype) if dtype == _T else values.astype(dtype)
    return pd.DataFrame(cols, columns=list(SCHEMAS[name]))


class LinkFrames(TableSet):
    """The tables of a linked corpus by name (``frames["timeline"]`` or ``frames.timeline``):
    officials, timeline (one row per official and post), agencies, legal_documents, mentions."""


def table_paths(target: str | os.PathLike[str], fmt: str) -> dict[str, Path]:
    """``DIR/officials.csv`` when ``target`` is a folder (existing, ending in ``/`` or without a
    suffix), else ``PREFIX.officials.csv`` for ``PREFIX.csv`` — as ``vnreport extract`` does."""
    return tableset.table_paths(target, fmt, SCHEMAS)


def to_frame(corpus: Corpus) -> LinkFrames:
    return LinkFrames({name: table(name, rows) for name, rows in _rows(corpus).items()})
