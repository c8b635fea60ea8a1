"""Already-read inputs (corpus rows) through a Dask cluster, lazily and in order.

:func:`vnreport.batch.stream_records` maps a bag of *paths*, built in full on the client. A
corpus file of millions of rows cannot be listed first: here rows are cut into partitions as
they are read, at most ``in_flight`` partitions are on the cluster at once, and records come
back in input order. A partition whose worker dies is retried one input at a time (as in
``stream_records``), so only the input that kills a worker gets an error record.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Any

from .dask_engine import _extract_partition, _retry_each
from .records import Record, Task, _crash_record


def stream_inputs(
    inputs: Iterable[Task],
    *,
    client: Any = None,
    options: Mapping[str, Any] | None = None,
    partition_size: int = 25,
    in_flight: int | None = None,
    max_bytes: int | None = None,
) -> Iterator[Record]:
    """Records for ``inputs`` (InputDocs, paths or tasks) on a ``distributed`` client.

    Memory stays bounded by ``in_flight × partition_size`` inputs, whatever the corpus size.
    """
    if client is None:
        from distributed import get_client  # noqa: PLC0415

        client = get_client()
    opts = dict(options or {})
    if in_flight is None:
        workers = len(client.scheduler_info().get("workers", {})) or 1
        in_flight = 2 * workers + 1
    it = iter(inputs)
    pending: deque[tuple[list[Task], Any]] = deque()

    def submit_next() -> bool:
        chunk = list(islice(it, max(1, partition_size)))
        if not chunk:
            return False
        pending.append((chunk, client.submit(_extract_partition, chunk, opts, max_bytes, pure=False)))
        return True

    while len(pending) < in_flight and submit_next():
        pass
    while pending:
        chunk, fut = pending.popleft()
        try:
            records = fut.result()
        except Exception:  # noqa: BLE001 - KilledWorker, lost connection …
            records = _retry_each(client, chunk, opts, max_bytes)
        if len(records) != len(chunk):
            records = [_crash_record(t, RuntimeError("partition returned the wrong number of records")) for t in chunk]
        fut.release()
        submit_next()
        yield from records


__all__ = ["stream_inputs"]
