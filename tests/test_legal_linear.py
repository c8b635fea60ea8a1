"""The legal and dates recognisers run in linear time on hostile text: ratios, not seconds.

A regex that backtracks over a run of white space ("Theo Quyết định 12" + 1 600 newlines + "x")
took 25 s before it was made possessive. These tests time an input and its 4× and 16× longer
versions in CPU time of this process (other processes' load does not count), with the garbage
collector paused, and fail if the time grows faster than the text: a quadratic path gives ~256×
for 16× the text, a cubic one ~4 096×. Sizes n/16 and n/4 are compared first, so that a
superlinear path fails within seconds instead of running for minutes at n and 16n.

:func:`assert_linear` is also used by ``test_legal.py`` and ``test_dates.py``.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest

from vnreport.lexicon.gazetteers import Gazetteers
from vnreport.recognizers.dates import DateRecognizer
from vnreport.recognizers.legal import LegalRecognizer
from vnreport.text.document import Doc

GAZ = Gazetteers.bundled()
DATES = DateRecognizer()
LEGAL = LegalRecognizer()
DATES.setup(GAZ)
LEGAL.setup(GAZ)

SLACK = 1.6  # allowed excess over linear growth (timer and scheduler noise)
MIN_RUN_S = 0.01  # each measurement repeats the call until it lasts this long
ROUNDS = 3  # a failing comparison is re-measured this many times in all
SLOW_CALL_S = 0.5  # a call this slow is measured once


def _cpu_per_call(fn: Callable[[], object], min_s: float = MIN_RUN_S) -> float:
    """CPU seconds per call of ``fn`` (best of three batches, GC paused)."""
    best = float("inf")
    for _ in range(3):
        gc.collect()
        gc.disable()
        try:
            calls, t0 = 0, time.process_time()
            while True:
                fn()
                calls += 1
                spent = time.process_time() - t0
                if spent >= min_s:
                    break
        finally:
            gc.enable()
        best = min(best, spent / calls)
        if best > SLOW_CALL_S:
            break  # already far too slow: no need for a best of three
    return best


def _ratio(make: Callable[[int], Callable[[], object]], n: int, factor: int) -> tuple[float, str]:
    small = _cpu_per_call(make(n))
    large = _cpu_per_call(make(n * factor))
    why = f"{n * factor} vs {n}: {factor}× the text took {large / small:.1f}× the time"
    return large / small, f"{why} ({small * 1e3:.3f} ms → {large * 1e3:.3f} ms)"


def assert_linear(make: Callable[[int], Callable[[], object]], n: int) -> None:
    """``make(k)`` gives a call that processes a text of size ~k; from k = n to 16n its time must
    grow linearly. Quick checks from n/16 to n/4 and from n to 4n come first; a ratio far over the
    bound fails at once, a near miss is measured again."""
    for base, factor in ((max(1, n // 16), 4), (n, 4), (n, 16)):
        bound = factor * SLACK
        for attempt in range(ROUNDS):
            ratio, why = _ratio(make, base, factor)
            if ratio <= bound:
                break
            assert attempt < ROUNDS - 1 and ratio < 3 * bound, why


def recognise(text_of: Callable[[int], str]) -> Callable[[int], Callable[[], object]]:
    """A ``make`` for :func:`assert_linear`: run the dates and legal recognisers on ``text_of(k)``."""

    def make(k: int) -> Callable[[], object]:
        text = text_of(k)

        def call() -> object:
            doc = Doc(text)
            doc.found["dates"] = DATES.find(doc)
            return LEGAL.find(doc)

        return call

    return make


# ---------------------------------------------------------------------------- the reported inputs
def test_white_space_after_a_bare_citation() -> None:
    """``_TITLE_START`` and ``_WHO`` were cubic: 1 600 newlines took 25 s."""
    assert_linear(recognise(lambda k: "Theo Quyết định 12" + "\n" * k + "x"), 1600)


def test_white_space_between_a_citation_and_a_date() -> None:
    """``_DATE_NEAR_AFTER`` was quartic: 150 newlines took 3 s."""
    assert_linear(recognise(lambda k: "Nghị định số 43/2011/NĐ-CP" + "\n" * k + "x 12/3/2011"), 150)


@pytest.mark.parametrize(
    "text_of",
    [
        lambda k: "Nghị định số 43/2011/NĐ-CP của" + "\x1c" * k + "x ngày 12/3/2011",
        lambda k: "Nghị định số 43/2011/NĐ-CP của Chính phủ" + " \n" * k + ", ban hành ngày 12/3/2011",
        lambda k: "Quyết định 12 của x" + "\x1c" * k + "về việc",
        lambda k: "Ngày 19/7/2011" + "\x1c" * k + "x",
        lambda k: "Tiêu đề\n\nNgày 19/7/2011" + "\x1f" * k + "tại Sở",
        lambda k: "thông tư 65 ngày 2/7" + "\x1c" * k + "x",
    ],
    ids=["who-date", "who-comma-date", "who-title", "lead-date", "lead-date-tai", "bare-date"],
)
def test_white_space_inside_citation_phrases(text_of: Callable[[int], str]) -> None:
    assert_linear(recognise(text_of), 150)
