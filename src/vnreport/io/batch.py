"""Batch extraction: many inputs → one record per input, in input order, never a gap.

A *record* is the JSON form of a :class:`~vnreport.models.Report`; an input that could not be
read or extracted gives ``{"doc_id": ..., "error": "..."}`` (also a valid ``Report``).

Two engines:

* processes (:func:`extract_records`, :mod:`vnreport.io.pool`): a local process pool;
* Dask (:func:`extract_bag`, :func:`extract_dataframe`, :func:`stream_records`,
  :func:`write_jsonl`, :func:`write_parquet`; :mod:`vnreport.io.dask_engine`).

``options`` everywhere are keyword arguments for :class:`vnreport.Pipeline` (``disable``,
``gazetteers``, ``extra_recognizers`` …); they must be picklable. ``None`` or ``{}`` means the
default pipeline.
"""

from __future__ import annotations

from .dask_engine import extract_bag, extract_dataframe, stream_records, to_dataframe, write_jsonl, write_parquet
from .pool import _with_progress, extract_records
from .records import DocumentTimeout, Record, Task, extract_one, make_record, time_limit, worker_pipeline

__all__ = [
    "DocumentTimeout",
    "Record",
    "Task",
    "_with_progress",
    "extract_bag",
    "extract_dataframe",
    "extract_one",
    "extract_records",
    "make_record",
    "stream_records",
    "time_limit",
    "to_dataframe",
    "worker_pipeline",
    "write_jsonl",
    "write_parquet",
]
