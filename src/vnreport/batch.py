"""Batch extraction over processes and Dask (public path); see :mod:`vnreport.io.batch`."""

from .io.batch import (
    Record,
    extract_bag,
    extract_dataframe,
    extract_one,
    extract_records,
    make_record,
    stream_records,
    to_dataframe,
    worker_pipeline,
    write_jsonl,
    write_parquet,
)

__all__ = [
    "Record",
    "extract_bag",
    "extract_dataframe",
    "extract_one",
    "extract_records",
    "make_record",
    "stream_records",
    "to_dataframe",
    "worker_pipeline",
    "write_jsonl",
    "write_parquet",
]
