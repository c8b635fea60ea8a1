#!/usr/bin/env python3
"""Score cross-report person linking (``vnreport.link``) against ``eval/linking/clusters.json``.

    python eval/linking.py                       # corpus at ../shared/corpus (or /work/shared)
    python eval/linking.py --shared /work/shared --verbose
    python eval/linking.py --json linking.json
    python eval/linking.py --bench               # also time link() over the 300 wide reports

Every file of ``corpus/{news,seeds,wide}`` is extracted with ``vnreport.extract`` (doc_id
``"news/r015.txt"``), dated from its folder's ``SOURCES.tsv`` (below), and linked. A gold mention
is a (file, name) pair; the system's answer for it is the linked official of that report with
that name (names compared after normalisation). For every pair of gold mentions, the gold says
same person or not, and so does the system; a gold mention the system did not extract counts as
a miss in every pair (pairwise recall), and is reported separately as extraction coverage.

Dates. ``SOURCES.tsv``'s ``published`` is exact for some files ("2025-04-22") and approximate for
many ("c. 2017-02-05 (first event date …)", "2017 (baomoi id …)", "2017–2021, exact date not
recorded", "c. 2004-2006"). Only what is certain is used: an exact date becomes the report's
``published``; an approximate one only bounds the years, and a date the report gave itself
(its ``event_date``) outside those years is dropped (anniversary reports date themselves 1947).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import vnreport
from vnreport.linking import Corpus, LinkedOfficial
from vnreport.linking.keys import key

HERE = Path(__file__).resolve().parent
FOLDERS = ("news", "seeds", "wide")
_EXACT = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_APPROX_DAY = re.compile(r"c\.\s*(\d{4})-\d{2}-\d{2}")
_YEAR_RANGE = re.compile(r"(?:c\.\s*)?(\d{4})\s*[-–]\s*(\d{4})(?!-\d)")
_YEAR = re.compile(r"(?:c\.\s*)?(\d{4})(?:-\d{2})?(?![\d-])")


@dataclass(frozen=True)
class Dating:
    """What SOURCES.tsv says for certain: an exact date, or a span of years."""

    exact: dt.date | None = None
    years: tuple[int, int] | None = None


def parse_published(cell: str) -> Dating:
    """``"2025-04-22"`` → exact; ``"c. 2017-02-05 (…)"``, ``"2017-05"`` and ``"2017 (…)"`` → 2017;
    ``"2017–2021, …"``, ``"c. 2004-2006"`` → years 2017-2021; anything else → nothing."""
    cell = cell.strip()
    if not cell:
        return Dating()
    m = _APPROX_DAY.match(cell)
    if m:
        return Dating(years=(int(m.group(1)), int(m.group(1))))
    m = _EXACT.match(cell)
    if m:
        try:
            return Dating(exact=dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
        except ValueError:
            return Dating()
    m = _YEAR_RANGE.match(cell)
    if m:
        return Dating(years=(int(m.group(1)), int(m.group(2))))
    m = _YEAR.match(cell)
    if m:
        return Dating(years=(int(m.group(1)), int(m.group(1))))
    return Dating()


def read_sources(folder: Path) -> dict[str, Dating]:
    path = folder / "SOURCES.tsv"
    if not path.exists():
        return {}
    with open(path, encoding="utf-8", newline="") as fh:
        return {row["file"]: parse_published(row.get("published") or "") for row in csv.DictReader(fh, delimiter="\t")}


def dated(report: vnreport.Report, dating: Dating) -> vnreport.Report:
    """The report with the certain part of its SOURCES date applied (see the module docstring)."""
    if dating.exact is not None:
        return report.model_copy(update={"published": dt.datetime.combine(dating.exact, dt.time())})
    if dating.years is not None:
        lo, hi = dating.years
        update: dict[str, object] = {}
        if report.published is not None and not lo <= report.published.year <= hi:
            update["published"] = None
        if report.event_date is not None and not lo <= report.event_date.year <= hi:
            update["event_date"] = None
        return report.model_copy(update=update) if update else report
    return report


def extract_corpus(corpus: Path) -> list[vnreport.Report]:
    reports = []
    nlp = vnreport.default_pipeline()
    for folder in FOLDERS:
        sources = read_sources(corpus / folder)
        for path in sorted((corpus / folder).glob("*.txt")):
            doc_id = f"{folder}/{path.name}"
            report = nlp(path.read_text(encoding="utf-8"), doc_id=doc_id)
            reports.append(dated(report, sources.get(path.name, Dating())))
    return reports


@dataclass(frozen=True)
class Mention:
    file: str
    name: str
    cluster: str
    text_basis: bool


def gold_mentions(gold: dict) -> list[Mention]:
    return [
        Mention(m["file"], c["name"], c["id"], c.get("basis") == "text")
        for c in gold["clusters"]
        for m in c["mentions"]
    ]


def system_answers(corpus: Corpus, mentions: Iterable[Mention]) -> dict[Mention, str | None]:
    """The linked official id of each gold mention, or None if the report has no such official."""
    out: dict[Mention, str | None] = {}
    for m in mentions:
        ids = [
            e.id
            for e in corpus.in_report(m.file)
            if isinstance(e, LinkedOfficial) and any(key(n) == key(m.name) for n in e.names)
        ]
        out[m] = min(ids) if ids else None
    return out


def pairwise(mentions: list[Mention], answers: dict[Mention, str | None]) -> dict[str, float]:
    tp = fp = fn = 0
    for a, b in combinations(mentions, 2):
        gold_same = a.cluster == b.cluster
        sa, sb = answers[a], answers[b]
        sys_same = sa is not None and sa == sb
        tp += gold_same and sys_same
        fp += sys_same and not gold_same
        fn += gold_same and not sys_same
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"pairs_same_gold": tp + fn, "tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f}


def errors(mentions: list[Mention], answers: dict[Mention, str | None]) -> list[str]:
    """Lines naming every wrongly merged and wrongly split pair of gold mentions."""
    lines = []
    for a, b in combinations(mentions, 2):
        sa, sb = answers[a], answers[b]
        if a.cluster == b.cluster and (sa is None or sa != sb):
            why = "not extracted" if sa is None or sb is None else "split"
            lines.append(f"  {why:13s} {a.name}: {a.file} ({sa}) / {b.file} ({sb})  [{a.cluster}]")
        elif a.cluster != b.cluster and sa is not None and sa == sb:
            lines.append(f"  merged        {a.name}: {a.file} [{a.cluster}] / {b.file} [{b.cluster}]  ({sa})")
    return lines


def score(gold: dict, corpus: Corpus) -> dict[str, object]:
    mentions = gold_mentions(gold)
    answers = system_answers(corpus, mentions)
    found = [m for m in mentions if answers[m] is not None]
    text = [m for m in mentions if m.text_basis]
    return {
        "gold_clusters": len(gold["clusters"]),
        "gold_mentions": len(mentions),
        "coverage": len(found) / len(mentions) if mentions else 1.0,
        "all": pairwise(mentions, answers),
        "text_basis": pairwise(text, answers),
        "extracted_only": pairwise(found, answers),
        "errors": errors(mentions, answers),
    }


def bench(reports: list[vnreport.Report], folder: str = "wide", repeat: int = 5) -> dict[str, float]:
    """Best-of-``repeat`` seconds of ``vnreport.link`` over one folder's extractions, as records
    read back from JSONL (what ``vnreport link`` sees) and as ``Report`` objects."""
    chosen = [r for r in reports if (r.doc_id or "").startswith(folder + "/")]
    records = [json.loads(json.dumps({"error": None, **r.model_dump(mode="json")})) for r in chosen]
    out: dict[str, float] = {"reports": len(chosen)}
    for label, items in (("records", records), ("Reports", chosen)):
        vnreport.link(items)  # warm-up: caches, gazetteers
        best = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            vnreport.link(items)
            best = min(best, time.perf_counter() - t0)
        out[label] = best
    return out


def _row(label: str, s: dict[str, float]) -> str:
    return (
        f"{label:26s} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}"
        f"   (same-person pairs {s['pairs_same_gold']}, tp {s['tp']}, fp {s['fp']}, fn {s['fn']})"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default_shared = next((p for p in (HERE.parents[1] / "shared", Path("/work/shared")) if p.is_dir()), None)
    ap.add_argument("--shared", type=Path, default=default_shared, help="folder holding corpus/")
    ap.add_argument("--gold", type=Path, default=HERE / "linking" / "clusters.json")
    ap.add_argument("--verbose", action="store_true", help="list every wrong pair")
    ap.add_argument("--json", type=Path, help="write the figures as JSON")
    ap.add_argument("--bench", action="store_true", help="time link() over the 300 wide reports (best of 5)")
    args = ap.parse_args(argv)
    if args.shared is None:
        ap.error("give --shared (the folder holding corpus/)")
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    reports = extract_corpus(args.shared / "corpus")
    t0 = time.perf_counter()
    corpus = vnreport.link(reports)
    seconds = time.perf_counter() - t0
    result = score(gold, corpus)
    print(f"{len(reports)} reports linked in {seconds:.3f} s: {corpus}")
    print(f"gold: {result['gold_clusters']} clusters, {result['gold_mentions']} mentions")
    print(f"extraction coverage of gold mentions: {result['coverage']:.3f}")
    print(_row("pairwise, all mentions", result["all"]))  # type: ignore[arg-type]
    print(_row("pairwise, basis=text", result["text_basis"]))  # type: ignore[arg-type]
    print(_row("pairwise, extracted only", result["extracted_only"]))  # type: ignore[arg-type]
    timing = bench(reports) if args.bench else {}
    if timing:
        print(
            f"link() over the {timing['reports']:.0f} wide reports, best of 5: {timing['records']:.3f} s from "
            f"JSONL records, {timing['Reports']:.3f} s from Report objects"
        )
    if args.verbose:
        print("\n".join(result["errors"]))  # type: ignore[arg-type]
    if args.json:
        figures = {**result, "link_seconds": seconds, "bench": timing}
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
