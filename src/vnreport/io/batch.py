"""Batch extraction: many inputs → one record per input, in input order, never a gap.

A *record* is the JSON form of a :class:`~vnreport.models.Report` plus ``error`` (``None``), or
``{"doc_id": ..., "error": "..."}`` for an input that could not be read or extracted.

Two engines:

* processes (:func:`extract_records`): a local process pool; the pipeline is built once per
  worker process; a worker that dies (out of memory, a crash in native code) costs only the
  document that killed it, which gets an error record.
* Dask (:func:`extract_bag`, :func:`extract_dataframe`, :func:`stream_records`,
  :func:`write_jsonl`, :func:`write_parquet`): a ``dask.bag`` of paths mapped by partition, the
  pipeline built once per worker process and reused for every partition it runs. Works with
  the local schedulers and with a ``distributed`` cluster (``Client("tcp://host:8786")``);
  paths must then be readable by the workers, or pass ``read_on_client=True``.
  Needs ``pip install 'vnreport[dask]'``.

``options`` everywhere are keyword arguments for :class:`vnreport.Pipeline` (``disable``,
``gazetteers``, ``extra_recognizers`` …); they must be picklable. ``None`` or ``{}`` means the
default pipeline.
"""

from __future__ import annotations

import math
import os
import pickle
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .corpus import FileTask, InputDoc, expand_paths, read_input

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas as pd

    from ..pipeline import Pipeline

Record = dict[str, Any]
#: A path, an already-read input, ``(doc_id, path)`` (read ``path``, call it ``doc_id``), or a
#: :class:`~vnreport.io.corpus.FileTask` (a path with reading options).
Task = str | InputDoc | tuple[str, str] | FileTask


# ---------------------------------------------------------------------- one document
def _extract_input(inp: InputDoc, extract: Any) -> Any:
    """The report of one read input: a page through the HTML extractor, metadata passed on."""
    if inp.format == "html":
        from .html import extract_html  # noqa: PLC0415 - the HTML extractor only for pages

        return extract_html(inp.text or "", url=inp.url, published=inp.published, doc_id=inp.doc_id, pipeline=extract)
    meta = {k: v for k, v in (("published", inp.published), ("url", inp.url)) if v is not None}
    report = extract(inp.text, doc_id=inp.doc_id, **meta)
    if inp.keep_text:
        report.text = inp.text
    return report


def make_record(inp: InputDoc, extract: Any) -> Record:
    """The output record for one input; an extraction exception becomes an ``error``."""
    if inp.error is not None:
        return {"doc_id": inp.doc_id, "error": inp.error}
    try:
        report = _extract_input(inp, extract)
    except Exception as e:  # noqa: BLE001 - one bad document must not sink the batch
        return {"doc_id": inp.doc_id, "error": f"{inp.doc_id}: {type(e).__name__}: {e}"}
    return {"error": None, **report.model_dump(mode="json")}


_PIPELINES: dict[bytes, Pipeline] = {}
_PIPELINES_LOCK = threading.Lock()


def worker_pipeline(options: Mapping[str, Any] | None = None) -> Pipeline:
    """The pipeline for ``options``, built once per process (and per distinct options)."""
    from ..pipeline import Pipeline, default_pipeline  # noqa: PLC0415

    if not options:
        return default_pipeline()
    key = pickle.dumps(sorted(options.items()))
    with _PIPELINES_LOCK:
        pipe = _PIPELINES.get(key)
        if pipe is None:
            pipe = _PIPELINES[key] = Pipeline(**options)
    return pipe


def extract_one(task: Task, options: Mapping[str, Any] | None = None, max_bytes: int | None = None) -> Record:
    """Read (if ``task`` is a path) and extract one input: always a record, never an exception."""
    if isinstance(task, InputDoc):
        inp = task
    elif isinstance(task, FileTask):
        inp = task.read(max_bytes)
    elif isinstance(task, tuple):
        inp = read_input(task[1], max_bytes, name=task[0])
    else:
        inp = read_input(task, max_bytes)
    if inp.error is not None:
        return make_record(inp, None)
    return make_record(inp, worker_pipeline(options))


def _task_id(task: Task) -> str:
    if isinstance(task, InputDoc):
        return task.doc_id
    if isinstance(task, FileTask):
        return task.name
    return task[0] if isinstance(task, tuple) else str(task)


def _tasks(inputs: Iterable[Task | os.PathLike[str]]) -> Iterator[Task]:
    for x in inputs:
        if isinstance(x, (InputDoc, FileTask)):
            yield x
        elif str(x) == "-":
            yield read_input("-")  # stdin is only readable here, in the parent
        elif isinstance(x, tuple):
            yield x
        else:
            yield os.fspath(x)


# ---------------------------------------------------------------------- process pool
def extract_records(
    inputs: Iterable[Task | os.PathLike[str]],
    *,
    workers: int = 1,
    options: Mapping[str, Any] | None = None,
    max_bytes: int | None = None,
    progress: bool = False,
    total: int | None = None,
    mp_context: Any = None,
) -> Iterator[Record]:
    """Records for paths (or :class:`InputDoc` s), in input order, ``workers`` processes.

    ``workers=1`` runs in this process. The pipeline is built here first (bad options fail
    fast, and forked workers inherit it), then at most once in each worker. ``progress`` shows
    a tqdm bar on stderr (if tqdm is installed).
    """
    worker_pipeline(options)  # validate options now; forked workers inherit the cache
    records = (
        (extract_one(t, options, max_bytes) for t in _tasks(inputs))
        if workers <= 1
        else _pool_records(_tasks(inputs), workers, options, max_bytes, mp_context)
    )
    return _with_progress(records, total) if progress else records


def _with_progress(records: Iterator[Record], total: int | None) -> Iterator[Record]:
    try:
        from tqdm import tqdm  # noqa: PLC0415
    except ImportError:
        yield from records
        return
    with tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True) as bar:
        for rec in records:
            if rec.get("error"):
                bar.set_postfix_str("failed: " + str(rec.get("doc_id")), refresh=False)
            bar.update(1)
            yield rec


def _init_worker(options: Mapping[str, Any] | None) -> None:
    worker_pipeline(options)  # once per worker process, before its first document


def _crash_record(task: Task, exc: BaseException) -> Record:
    name = _task_id(task)
    return {
        "doc_id": name,
        "error": f"{name}: worker process died while extracting this input ({type(exc).__name__}: {exc})",
    }


def _pool_records(
    tasks: Iterator[Task], workers: int, options: Mapping[str, Any] | None, max_bytes: int | None, mp_context: Any
) -> Iterator[Record]:
    """Ordered results from a bounded window of futures; survives workers that die.

    When the pool breaks, every unfinished document of the window is retried alone in a fresh
    pool, so the one that kills its worker again gets an error record and the others succeed.
    """

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, mp_context=mp_context, initializer=_init_worker, initargs=(options,))

    window = max(2, 4 * workers)
    pool = new_pool()
    # A future of None: the pool broke before this input could be submitted (a worker died
    # while the window was being filled); it is retried alone like the unfinished ones.
    pending: deque[tuple[Task, Future[Record] | None]] = deque()
    try:
        while True:
            while len(pending) < window:
                task = next(tasks, None)
                if task is None:
                    break
                try:
                    submitted: Future[Record] | None = pool.submit(extract_one, task, options, max_bytes)
                except BrokenProcessPool:
                    submitted = None
                pending.append((task, submitted))
                if submitted is None:
                    break
            if not pending:
                return
            task, fut = pending[0]
            try:
                if fut is None:
                    raise BrokenProcessPool("the pool broke before this input was submitted")
                rec = fut.result()
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                for task, fut in list(pending):
                    pending.popleft()
                    if fut is not None and fut.done() and not fut.cancelled() and fut.exception() is None:
                        yield fut.result()
                        continue
                    rec, pool = _retry_alone(pool, new_pool, task, options, max_bytes)
                    yield rec
                continue
            except Exception as e:  # noqa: BLE001 - e.g. a result that cannot be unpickled
                rec = {"doc_id": _task_id(task), "error": f"{_task_id(task)}: {type(e).__name__}: {e}"}
            pending.popleft()
            yield rec
    finally:
        for _, fut in pending:
            if fut is not None:
                fut.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _retry_alone(
    pool: ProcessPoolExecutor, new_pool: Any, task: Task, options: Mapping[str, Any] | None, max_bytes: int | None
) -> tuple[Record, ProcessPoolExecutor]:
    try:
        return pool.submit(extract_one, task, options, max_bytes).result(), pool
    except BrokenProcessPool as e:
        pool.shutdown(wait=False, cancel_futures=True)
        return _crash_record(task, e), new_pool()


# ---------------------------------------------------------------------- Dask
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
