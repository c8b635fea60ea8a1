"""One document in a batch: its record, the per-process pipeline, and the per-document limits.

A *record* is the JSON form of a :class:`~vnreport.models.Report` (``error`` null), or
``{"doc_id": ..., "error": "..."}`` for an input that could not be read or extracted; both
validate as a ``Report`` (``vnreport schema``). An extraction never raises out of
:func:`extract_one`: a failure, or a document that runs past ``timeout``, becomes an error record.
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from .corpus import FileTask, InputDoc, read_input

if TYPE_CHECKING:
    from ..pipeline import Pipeline

Record = dict[str, Any]
#: A path, an already-read input, ``(doc_id, path)`` (read ``path``, call it ``doc_id``), or a
#: :class:`~vnreport.io.corpus.FileTask` (a path with reading options).
Task = str | InputDoc | tuple[str, str] | FileTask


class DocumentTimeout(BaseException):
    """A document took longer than the batch's per-document time limit. A BaseException, like
    KeyboardInterrupt, so that no ``except Exception`` inside the extraction swallows it."""


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


def make_record(inp: InputDoc, extract: Any, timeout: float | None = None) -> Record:
    """The output record for one input; an extraction exception, or a document that takes
    longer than ``timeout`` seconds, becomes an ``error``."""
    if inp.error is not None:
        return {"doc_id": inp.doc_id, "error": inp.error}
    try:
        with time_limit(timeout):
            report = _extract_input(inp, extract)
    except DocumentTimeout:
        return timeout_record(inp.doc_id, timeout)
    except Exception as e:  # noqa: BLE001 - one bad document must not sink the batch
        return {"doc_id": inp.doc_id, "error": f"{inp.doc_id}: {str(e) or type(e).__name__}"}
    return report.model_dump(mode="json")


def timeout_record(task: Task | str, timeout: float | None) -> Record:
    name = task if isinstance(task, str) else _task_id(task)
    return {"doc_id": name, "error": f"{name}: extraction took longer than the time limit ({timeout:g} s); skipped"}


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


def read_task(task: Task, max_bytes: int | None = None) -> InputDoc:
    """The input a task stands for: given, read from its corpus row or file, or read from a
    path (a ``(doc_id, path)`` pair names it); a read failure is the input's ``error``."""
    if isinstance(task, InputDoc):
        return task
    if isinstance(task, FileTask):
        return task.read(max_bytes)
    if isinstance(task, tuple):
        return read_input(task[1], max_bytes, name=task[0])
    return read_input(task, max_bytes)


def extract_one(
    task: Task, options: Mapping[str, Any] | None = None, max_bytes: int | None = None, timeout: float | None = None
) -> Record:
    """Read (if ``task`` is a path) and extract one input: always a record, never an exception."""
    inp = read_task(task, max_bytes)
    if inp.error is not None:
        return make_record(inp, None)
    return make_record(inp, worker_pipeline(options), timeout)


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


def _crash_record(task: Task, exc: BaseException) -> Record:
    name = _task_id(task)
    detail = str(exc).strip() or type(exc).__name__
    return {"doc_id": name, "error": f"{name}: worker process died while extracting this input ({detail})"}


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in this thread after ``seconds`` (main thread only:
    the regex engine checks for signals while matching, so even a runaway pattern stops)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _expired(signum: int, frame: Any) -> None:
        raise DocumentTimeout

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
