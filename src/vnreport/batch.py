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
from .io.dask_stream import stream_inputs
from .io.records_in import read_corpus

__all__ = [
    "Record",
    "extract_bag",
    "extract_dataframe",
    "extract_one",
    "extract_records",
    "make_record",
    "read_corpus",
    "stream_inputs",
    "stream_records",
    "to_dataframe",
    "worker_pipeline",
    "write_jsonl",
    "write_parquet",
]
