"""The Dask engine: a ``dask.bag`` of inputs mapped by partition, on local schedulers or a
``distributed`` cluster (``Client("tcp://host:8786")``); paths must be readable by the workers,
or pass ``read_on_client=True``. The pipeline is built once per worker process and reused for
every partition it runs. Needs ``pip install 'vnreport[dask]'``.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .corpus import InputDoc, expand_paths, read_input
from .records import Record, Task, _crash_record, extract_one

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas as pd


def _require_dask() -> None:
    try:
        import dask.bag  # noqa: F401, PLC0415
    except ImportError as e:
        raise ImportError("the Dask engine needs Dask, which is optional: pip install 'vnreport[dask]'") from e


def _extract_partition(
    tasks: Iterable[Task], options: Mapping[str, Any] | None = None, max_bytes: int | None = None
) -> list[Record]:
    # Runs on a worker; worker_pipeline() caches the pipeline in that worker process.
    return [extract_one(t, options, max_bytes) for t in tasks]


def _partition_size(n: int, npartitions: int | None, partition_size: int | None) -> int:
    if partition_size:
        return max(1, partition_size)
    if npartitions:
        return max(1, math.ceil(n / npartitions))
    return max(1, min(50, math.ceil(n / 100)))  # ≤ ~100 partitions, ≤ 50 documents each


def _bag_inputs(
    paths: Iterable[str | os.PathLike[str]] | str, pattern: str | None, read_on_client: bool, max_bytes: int | None
) -> list[Task]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    names = [os.fspath(p) for p in paths]
    if pattern is not None:
        names = list(expand_paths(names, pattern))
    if "-" in names:
        raise ValueError("the Dask engine reads files, not standard input ('-')")
    if read_on_client:
        return [read_input(p, max_bytes) for p in names]
    # Workers get an absolute path (their working directory may differ); the id stays as given.
    return [(p, os.path.abspath(p)) for p in names]


def extract_bag(
    paths: Iterable[str | os.PathLike[str]] | str,
    *,
    pattern: str | None = "*.txt",
    options: Mapping[str, Any] | None = None,
    npartitions: int | None = None,
    partition_size: int | None = None,
    max_bytes: int | None = None,
    read_on_client: bool = False,
) -> dask.bag.Bag:
    """A ``dask.bag`` of records, one per input file, in input order.

    Folders are expanded (``pattern``; ``None`` if ``paths`` are already expanded) here, on the
    client. Each partition of paths is read and
    extracted on a worker with that worker's pipeline (built once per worker process).
    ``read_on_client=True`` reads the files here and ships their text (for clusters without
    a shared filesystem).
    """
    _require_dask()
    import dask.bag as db  # noqa: PLC0415

    inputs = _bag_inputs(paths, pattern, read_on_client, max_bytes)
    size = _partition_size(len(inputs), npartitions, partition_size)
    bag = db.from_sequence(inputs, partition_size=size)
    return bag.map_partitions(_extract_partition, options=dict(options or {}), max_bytes=max_bytes)


def stream_records(
    paths: Iterable[str | os.PathLike[str]] | str,
    *,
    client: Any = None,
    pattern: str | None = "*.txt",
    options: Mapping[str, Any] | None = None,
    partition_size: int | None = None,
    max_bytes: int | None = None,
    read_on_client: bool = False,
) -> Iterator[Record]:
    """Records in input order as partitions finish, on a ``distributed`` client.

    A partition that fails as a whole (its worker died more often than the scheduler's
    ``allowed-failures``) is retried one input per task; an input that fails again gets an
    error record, so the stream never has gaps.
    """
    _require_dask()
    import dask.bag as db  # noqa: PLC0415

    if client is None:
        from distributed import get_client  # noqa: PLC0415

        client = get_client()
    inputs = _bag_inputs(paths, pattern, read_on_client, max_bytes)
    size = _partition_size(len(inputs), None, partition_size)
    bag = db.from_sequence(inputs, partition_size=size).map_partitions(
        _extract_partition, options=dict(options or {}), max_bytes=max_bytes
    )
    futures = client.compute(bag.to_delayed())
    opts = dict(options or {})
    for i, fut in enumerate(futures):
        chunk = inputs[i * size : (i + 1) * size]
        try:
            records = fut.result()
        except Exception:  # noqa: BLE001 - KilledWorker, lost connection …
            records = _retry_each(client, chunk, opts, max_bytes)
        if len(records) != len(chunk):  # never write a gap, whatever went wrong
            records = [_crash_record(t, RuntimeError("partition returned the wrong number of records")) for t in chunk]
        yield from records
        fut.release()


def _retry_each(client: Any, chunk: Sequence[Task], options: Mapping[str, Any], max_bytes: int | None) -> list[Record]:
    """A lost partition, one input at a time: only the input that kills its worker again fails.

    Sequential on purpose: a task queued on the worker that dies would be lost with it.
    """
    out: list[Record] = []
    for task in chunk:
        try:
            (rec,) = client.submit(_extract_partition, [task], options, max_bytes, pure=False).result()
        except Exception as e:  # noqa: BLE001
            rec = _crash_record(task, e)
        out.append(rec)
    return out


def write_jsonl(bag: dask.bag.Bag, path: str, **kwargs: Any) -> list[str]:
    """One JSONL file per partition: ``write_jsonl(bag, "out/part-*.jsonl")``."""
    import json  # noqa: PLC0415

    return bag.map(json.dumps, ensure_ascii=False).to_textfiles(path, encoding="utf-8", **kwargs)


def _write_partition_tables(records: Sequence[Record], out_dir: str, index: int) -> int:
    from .frames import to_frame  # noqa: PLC0415

    frames = to_frame(list(records))
    for name, df in frames.items():
        folder = Path(out_dir) / name
        folder.mkdir(parents=True, exist_ok=True)
        df.to_parquet(folder / f"part-{index:05d}.parquet", index=False)
    return len(records)


def write_parquet(bag: dask.bag.Bag, out_dir: str | os.PathLike[str]) -> int:
    """Partitioned Parquet, one dataset per table: ``out_dir/officials/part-00000.parquet`` …

    One pass over the bag; read back with ``pandas.read_parquet(out_dir + "/officials")`` or
    ``dask.dataframe.read_parquet``. Returns the number of records written.
    """
    import dask  # noqa: PLC0415

    parts = [dask.delayed(_write_partition_tables)(p, os.fspath(out_dir), i) for i, p in enumerate(bag.to_delayed())]
    return int(sum(dask.compute(*parts)))


def to_dataframe(bag: dask.bag.Bag, table: str = "documents") -> dask.dataframe.DataFrame:
    """One tidy table (see :mod:`vnreport.frames`) of a bag of records as a Dask DataFrame."""
    import dask  # noqa: PLC0415
    import dask.dataframe as dd  # noqa: PLC0415

    from .frames import SCHEMAS  # noqa: PLC0415 - pandas only when a DataFrame is asked for
    from .frames import table as empty_table  # noqa: PLC0415

    if table not in SCHEMAS:
        raise ValueError(f"unknown table {table!r}; tables are {list(SCHEMAS)}")
    parts = [dask.delayed(_records_table)(p, table) for p in bag.to_delayed()]
    return dd.from_delayed(parts, meta=empty_table(table, []), verify_meta=False)


def _records_table(records: Sequence[Record], table: str) -> pd.DataFrame:
    from .frames import to_frame  # noqa: PLC0415

    return to_frame(list(records))[table]


def _frame_partition(
    pdf: pd.DataFrame, text_column: str, id_column: str | None, table: str, options: Mapping[str, Any] | None
) -> pd.DataFrame:
    from .frames import to_frame  # noqa: PLC0415

    ids = pdf[id_column] if id_column else pdf.index.to_series()
    records = []
    for doc_id, text in zip(ids.astype(str), pdf[text_column], strict=True):
        if not isinstance(text, str) or not text.strip():
            records.append({"doc_id": doc_id, "error": f"{doc_id}: no text in column {text_column!r}"})
        else:
            records.append(extract_one(InputDoc(doc_id, text=text), options))
    return to_frame(records)[table]


def extract_dataframe(
    ddf: dask.dataframe.DataFrame,
    text_column: str = "text",
    *,
    id_column: str | None = None,
    table: str = "documents",
    options: Mapping[str, Any] | None = None,
) -> dask.dataframe.DataFrame:
    """Extract every row's ``text_column`` with ``map_partitions``; returns one tidy table.

    ``doc_id`` comes from ``id_column`` (or the index). ``table`` is any of
    :data:`vnreport.frames.TABLES` (``"documents"`` carries the ``error`` of rows that failed).
    """
    from .frames import SCHEMAS  # noqa: PLC0415 - pandas only when a DataFrame is asked for
    from .frames import table as empty_table  # noqa: PLC0415

    if table not in SCHEMAS:
        raise ValueError(f"unknown table {table!r}; tables are {list(SCHEMAS)}")
    return ddf.map_partitions(
        _frame_partition,
        text_column,
        id_column,
        table,
        dict(options or {}),
        meta=empty_table(table, []),
        enforce_metadata=False,
        align_dataframes=False,
    )
