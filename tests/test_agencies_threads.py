"""One Pipeline shared by threads gives every report exactly what a serial run gives.

A recogniser that kept per-document state on ``self`` (the document, its matches, a cursor)
gave ExtractionErrors and wrong agencies when eight threads shared one pipeline; the state now
lives in a per-call object. The test runs the whole shared corpus (seed, news and wide reports)
through eight threads with a tiny switch interval, so threads interleave inside ``find()``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import vnreport

_SUBSETS = ("seeds", "news", "wide")


def _shared_dir() -> Path | None:
    """The shared folder: $VNREPORT_SHARED, else a ``shared/`` beside the checkout or above it."""
    env = os.environ.get("VNREPORT_SHARED")
    if env:
        return Path(env)
    for parent in Path(__file__).resolve().parents:
        cand = parent / "shared"
        if (cand / "corpus").is_dir():
            return cand
    return None


def _reports() -> list[tuple[str, str]]:
    shared = _shared_dir()
    if shared is None:
        return []
    out: list[tuple[str, str]] = []
    for sub in _SUBSETS:
        for f in sorted((shared / "corpus" / sub).glob("*.txt")):
            out.append((f"{sub}/{f.name}", f.read_text(encoding="utf-8")))
    return out


@pytest.fixture()
def fast_switching() -> Iterator[None]:
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(old)


def test_eight_threads_sharing_one_pipeline_equal_the_serial_results(fast_switching: None) -> None:
    reports = _reports()
    if not reports:
        pytest.skip("the shared corpus is not beside this checkout")
    assert len(reports) > 300  # the whole corpus, not a sample that may miss the collisions
    nlp = vnreport.Pipeline()
    serial = {name: nlp(text, doc_id=name).model_dump_json() for name, text in reports}

    def run(item: tuple[str, str]) -> tuple[str, str]:
        name, text = item
        return name, nlp(text, doc_id=name).model_dump_json()

    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = dict(pool.map(run, reports))
    differ = sorted(name for name in serial if threaded[name] != serial[name])
    assert differ == [], f"{len(differ)} of {len(serial)} reports differ under threads: {differ[:10]}"


def test_agencies_alone_are_thread_safe(fast_switching: None) -> None:
    """The same with a pipeline of agencies only (its own state, not another recogniser's)."""
    reports = _reports()
    if not reports:
        pytest.skip("the shared corpus is not beside this checkout")
    nlp = vnreport.Pipeline(disable=("legal", "metrics", "officials"))
    serial = {name: [a.model_dump_json() for a in nlp(text).agencies] for name, text in reports}

    def run(item: tuple[str, str]) -> tuple[str, list[str]]:
        name, text = item
        return name, [a.model_dump_json() for a in nlp(text).agencies]

    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = dict(pool.map(run, reports))
    differ = sorted(name for name in serial if threaded[name] != serial[name])
    assert differ == [], f"{len(differ)} of {len(serial)} reports differ under threads: {differ[:10]}"
