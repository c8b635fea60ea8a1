"""The tidy tables' fixed columns and dtypes, and the DataFrame of rows for one table.

Every table has a fixed set of columns and nullable pandas dtypes, even when empty, so tables
from different batches or Dask partitions concatenate and write to Parquet with one schema.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

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
        "url": _S,
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
        "role": _S,
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
        "period_start": _T,
        "period_end": _T,
        "as_of": _T,
        "change": _S,
        "change_base": _S,
        "per": _S,
        "low": _F,
        "high": _F,
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
