"""The layout rules take linear time on runs of whitespace and control characters.

Normalisation collapses runs of spaces, but the information separators U+001C–U+001F stay, and
Python's ``\\s`` matches them: a pattern with two ``\\s*`` around an optional part can split such
a run in every possible way ('Thứ hai, 25/01/2010 16:27' + '\\x1c' * 1600 + 'x' took 25 s in the
date-line pattern). Each trigger of a layout rule is followed by such a run, at the top and at
the bottom of a page, and a 16× longer run must cost at most ~16× the CPU time (a quadratic
pattern costs 256×). Ratios of CPU times, not seconds, so a loaded machine does not matter.
"""

from __future__ import annotations

import gc
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from vnreport.text import layout
from vnreport.text.document import Doc
from vnreport.text.layout.dateline import parse_date_line

BODY = "Ngày 19/7/2011, Sở Nội vụ tổ chức Hội nghị tổng kết công tác năm 2011 với nhiều nội dung."
ISSUE_INPUT = "Thứ hai, 25/01/2010 16:27" + "\x1c" * 1600 + "x"

#: the start of each layout rule's match, before its separators
TRIGGERS = [
    "Thứ hai, 25/01/2010 16:27",
    "Thứ hai, 25/01/2010 16:27 (GMT",
    "9:30 am",
    "Chủ nhật",
    "ngày 25/01/2010",
    "ĐÁNH GIÁ BÀI VIẾT(",
    "ĐÁNH GIÁ BÀI VIẾT( 0",
    "Email",
    "EmailPrint",
    "Sáng 31/5",
    "Sáng nay",
    "Ảnh:",
    "Ảnh: T.SỸ",
    "(Mic.gov.vn)",
    "(BĐ) -",
    "Xuân Hoàn",
    "Xuân Hoàn -",
    "HỒNG HÀ (Thực hiện",
    "Tin, ảnh:",
    "Tin, ảnh: Thế Lập (TTXVN",
    "Theo TTXVN",
    "* Mọi ý kiến",
    "Bộ Nông nghiệp tìm cách ổn định giá vật tư(09/06/2005",
]
FILLERS = ["\x1c", " \x1f"]
SHORT = 1000
RATIO = 16
MAX_RATIO = 40.0  # linear: ~16; quadratic: ~256
FLOOR_S = 0.02
ROUNDS = 3


@contextmanager
def _alarm(seconds: int) -> Iterator[None]:
    def on_alarm(signum: int, frame: object) -> None:
        raise TimeoutError(f"layout took over {seconds} s")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _cpu_best(fn: Callable[[], object], runs: int = 3) -> float:
    """Best CPU time of ``runs`` calls, the cyclic collector paused (its cost depends on where
    allocation thresholds fall, not on the algorithm)."""
    best = float("inf")
    gc.disable()
    try:
        for _ in range(runs):
            t0 = time.process_time()
            fn()
            best = min(best, time.process_time() - t0)
    finally:
        gc.enable()
    return best


def _assert_linear(make: Callable[[int], str]) -> None:
    short, long = Doc(make(SHORT)), Doc(make(SHORT * RATIO))
    ratio = 0.0
    for _ in range(ROUNDS):
        with _alarm(20):
            t_short = _cpu_best(lambda: layout.analyse(short))
            t_long = _cpu_best(lambda: layout.analyse(long))
        ratio = t_long / max(t_short, 1e-4)
        if t_long <= MAX_RATIO * t_short + FLOOR_S:
            return
    pytest.fail(f"{RATIO}× the run took {ratio:.0f}× the CPU time")


def test_the_reported_date_line_is_fast_and_grows_linearly() -> None:
    with _alarm(10):
        t = _cpu_best(lambda: layout.analyse(Doc(ISSUE_INPUT)), runs=1)
    assert t < 1.0
    _assert_linear(lambda n: "Thứ hai, 25/01/2010 16:27" + "\x1c" * n + "x")
    pattern = layout.bundled_vocabulary().date_line
    with _alarm(10):
        assert parse_date_line(pattern, "Thứ hai, 25/01/2010 16:27" + "\x1c" * 25_600 + "x") is None
    assert parse_date_line(pattern, "Thứ hai, 25/01/2010 16:27\x1c\x1c") is not None


@pytest.mark.parametrize("place", ["top", "bottom"])
@pytest.mark.parametrize("filler", FILLERS, ids=repr)
@pytest.mark.parametrize("trigger", TRIGGERS)
def test_runs_after_a_trigger(trigger: str, filler: str, place: str) -> None:
    if place == "top":
        _assert_linear(lambda n: f"{trigger}{filler * n}x\n{BODY}\n")
    else:
        _assert_linear(lambda n: f"Tiêu đề bài viết\n{BODY}\n{trigger}{filler * n}x")
