"""The local process engine: many inputs, N worker processes, records in input order.

The pipeline is built once per worker process. A worker that dies (out of memory, a crash in
native code) costs only the document that killed it, which gets an error record; a document
that runs past the time limit gets one too. A run that is interrupted (Ctrl-C, SIGTERM) or fails
stops its workers at once, and on Linux a worker also dies with its parent if the parent is
killed outright (no orphans computing for nobody).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from .records import Record, Task, _crash_record, _task_id, _tasks, extract_one, timeout_record, worker_pipeline

#: How long past its own time limit the parent waits for a worker before killing it (a worker
#: stuck in native code cannot take the alarm that ends a slow document).
_GRACE = 5.0


@dataclass(frozen=True, slots=True)
class _Job:
    """What every document of a run is extracted with."""

    options: Mapping[str, Any] | None
    max_bytes: int | None
    timeout: float | None

    def submit(self, pool: ProcessPoolExecutor, task: Task) -> Future[Record]:
        return pool.submit(extract_one, task, self.options, self.max_bytes, self.timeout)

    @property
    def wait(self) -> float | None:
        return None if self.timeout is None else self.timeout + _GRACE


def extract_records(
    inputs: Iterable[Task | os.PathLike[str]],
    *,
    workers: int = 1,
    options: Mapping[str, Any] | None = None,
    max_bytes: int | None = None,
    progress: bool = False,
    total: int | None = None,
    mp_context: Any = None,
    timeout: float | None = None,
) -> Iterator[Record]:
    """Records for paths (or :class:`InputDoc` s), in input order, ``workers`` processes.

    ``workers=1`` runs in this process. The pipeline is built here first (bad options fail
    fast, and forked workers inherit it), then at most once in each worker. ``timeout`` (seconds)
    turns a document that takes longer into an error record. ``progress`` shows a tqdm bar on
    stderr (if tqdm is installed).
    """
    worker_pipeline(options)  # validate options now; forked workers inherit the cache
    job = _Job(options, max_bytes, timeout)
    records = (
        (extract_one(t, options, max_bytes, timeout) for t in _tasks(inputs))
        if workers <= 1
        else _pool_records(_tasks(inputs), workers, job, mp_context)
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
    """Once per worker process: die with the parent, leave Ctrl-C to it, build the pipeline."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the run and kills workers
    worker_pipeline(options)


class _Pools:
    """The current process pool; replaced when it breaks, killed when the run stops early."""

    def __init__(self, workers: int, options: Mapping[str, Any] | None, mp_context: Any) -> None:
        self._args = (workers, mp_context, options)
        self.pool = self._new()

    def _new(self) -> ProcessPoolExecutor:
        workers, mp_context, options = self._args
        return ProcessPoolExecutor(workers, mp_context=mp_context, initializer=_init_worker, initargs=(options,))

    def replace(self, kill: bool = False) -> ProcessPoolExecutor:
        self.close(kill=kill)
        self.pool = self._new()
        return self.pool

    def close(self, kill: bool) -> None:
        """Shut the pool down; ``kill`` stops workers in the middle of a document too."""
        procs = list(getattr(self.pool, "_processes", {}).values()) if kill else []
        for p in procs:
            with contextlib.suppress(OSError):
                p.kill()
        self.pool.shutdown(wait=not kill, cancel_futures=True)
        for p in procs:
            p.join(timeout=5)


def _pool_records(tasks: Iterator[Task], workers: int, job: _Job, mp_context: Any) -> Iterator[Record]:
    """Ordered results from a bounded window of futures; survives workers that die or hang.

    When the pool breaks, every unfinished document of the window is retried alone in a fresh
    pool, so the one that kills its worker again gets an error record and the others succeed.
    """
    pools = _Pools(workers, job.options, mp_context)
    pending: deque[tuple[Task, Future[Record] | None]] = deque()
    finished = False
    try:
        while True:
            _fill(pending, tasks, pools.pool, job, window=max(2, 4 * workers))
            if not pending:
                finished = True
                return
            task, fut = pending[0]
            try:
                rec = _result(fut, job)
            except BrokenProcessPool:
                yield from _recover(pending, pools, job, hung=False)
                continue
            except FutureTimeout:
                yield from _recover(pending, pools, job, hung=True)
                continue
            except Exception as e:  # noqa: BLE001 - e.g. a result that cannot be unpickled
                rec = {"doc_id": _task_id(task), "error": f"{_task_id(task)}: {str(e) or type(e).__name__}"}
            pending.popleft()
            yield rec
    finally:
        for _, fut in pending:
            if fut is not None:
                fut.cancel()
        pools.close(kill=not finished)


def _fill(
    pending: deque[tuple[Task, Future[Record] | None]],
    tasks: Iterator[Task],
    pool: ProcessPoolExecutor,
    job: _Job,
    window: int,
) -> None:
    """Submit inputs until the window is full. A future of None: the pool broke before the
    input could be submitted (a worker died meanwhile); it is retried like the unfinished ones."""
    while len(pending) < window:
        task = next(tasks, None)
        if task is None:
            return
        try:
            submitted: Future[Record] | None = job.submit(pool, task)
        except BrokenProcessPool:
            submitted = None
        pending.append((task, submitted))
        if submitted is None:
            return


def _result(fut: Future[Record] | None, job: _Job) -> Record:
    if fut is None:
        raise BrokenProcessPool("the pool broke before this input was submitted")
    return fut.result(timeout=job.wait)


def _recover(
    pending: deque[tuple[Task, Future[Record] | None]], pools: _Pools, job: _Job, hung: bool
) -> Iterator[Record]:
    """After a broken or hung pool: keep finished results, retry the rest alone in fresh pools.
    A hung head document gets a timeout record (its worker is killed with the old pool)."""
    if hung:
        task, _ = pending.popleft()
        pools.replace(kill=True)
        yield timeout_record(task, job.timeout)
    else:
        pools.replace(kill=False)
    while pending:
        task, fut = pending.popleft()
        if fut is not None and fut.done() and not fut.cancelled() and fut.exception() is None:
            yield fut.result()
            continue
        yield _retry_alone(pools, job, task)


def _retry_alone(pools: _Pools, job: _Job, task: Task) -> Record:
    try:
        return job.submit(pools.pool, task).result(timeout=job.wait)
    except BrokenProcessPool as e:
        pools.replace(kill=False)
        return _crash_record(task, e)
    except FutureTimeout:
        pools.replace(kill=True)
        return timeout_record(task, job.timeout)
