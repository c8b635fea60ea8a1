"""The linking scorer (eval/linking.py): what it takes from SOURCES.tsv dates, how it counts pairs."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest

import vnreport

_PATH = Path(__file__).resolve().parents[1] / "eval" / "linking.py"
_spec = importlib.util.spec_from_file_location("eval_linking", _PATH)
assert _spec and _spec.loader
scorer = importlib.util.module_from_spec(_spec)
sys.modules["eval_linking"] = scorer
_spec.loader.exec_module(scorer)


@pytest.mark.parametrize(
    ("cell", "exact", "years"),
    [
        ("2025-04-22", dt.date(2025, 4, 22), None),
        ("2013-10-21 (TIME field of .info.txt: 21/10/2013 16:57)", dt.date(2013, 10, 21), None),
        ("c. 2017-01-13 (first event date 'ngày 13/1' in text; crawl file committed 2017-05-08)", None, (2017, 2017)),
        ("2017 (baomoi id 21478425; crawl file committed 2017-05-08)", None, (2017, 2017)),
        ("2017-05", None, (2017, 2017)),
        ("2017–2021, exact date not recorded (hddtvn.com repost of customs-press news)", None, (2017, 2021)),
        ("c. 2004-2006", None, (2004, 2006)),
        ("2025-02-30", None, None),  # not a date
        ("", None, None),
        ("unknown", None, None),
    ],
)
def test_only_the_certain_part_of_a_sources_date_is_taken(
    cell: str, exact: dt.date | None, years: tuple | None
) -> None:
    assert scorer.parse_published(cell) == scorer.Dating(exact=exact, years=years)


def test_an_approximate_date_drops_a_report_date_outside_its_years() -> None:
    report = vnreport.Report(doc_id="w", event_date=dt.date(1947, 5, 19))
    assert scorer.dated(report, scorer.Dating(years=(2017, 2017))).event_date is None
    report = vnreport.Report(doc_id="w", event_date=dt.date(2017, 5, 19))
    assert scorer.dated(report, scorer.Dating(years=(2017, 2017))).event_date == dt.date(2017, 5, 19)
    assert scorer.dated(report, scorer.Dating(exact=dt.date(2017, 6, 1))).published == dt.datetime(2017, 6, 1)


def test_pairs_count_misses_as_splits() -> None:
    m = [scorer.Mention(f, "A", c, True) for f, c in (("f1", "x"), ("f2", "x"), ("f3", "x"), ("f4", "y"))]
    # the system merges f1 f2 and (wrongly) f4, and did not extract f3
    answers = {m[0]: "s1", m[1]: "s1", m[2]: None, m[3]: "s1"}
    s = scorer.pairwise(m, answers)
    assert (s["tp"], s["fp"], s["fn"]) == (1, 2, 2)
    assert s["precision"] == pytest.approx(1 / 3) and s["recall"] == pytest.approx(1 / 3)
