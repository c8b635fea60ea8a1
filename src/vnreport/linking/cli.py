"""``vnreport link RECORDS... -o OUT``: link the records ``vnreport extract`` wrote.

    vnreport link records.jsonl -o tables/                  # tables/officials.csv, timeline.csv …
    vnreport link part-*.jsonl -o corpus.parquet            # corpus.officials.parquet, …
    vnreport link records.jsonl -o corpus.json              # the linked corpus as one JSON object
    vnreport extract reports/ | vnreport link - -o tables/  # straight from extraction

Inputs are JSON lines (one record per line) or a JSON array (``vnreport extract`` of one
file), read one record at a time. Failed records (with ``error``) are skipped and counted on
stderr; the exit status stays 0 for them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .linker import Corpus, Linker

FORMATS = ("csv", "parquet", "json")


def add_link_command(subparsers: Any) -> None:
    """Register ``link`` on the ``vnreport`` command line (``subparsers`` of argparse)."""
    p = subparsers.add_parser("link", help="link extracted records across reports (officials, agencies, documents)")
    p.add_argument("paths", nargs="+", metavar="RECORDS", help="JSONL/JSON files written by `vnreport extract`, or -")
    p.add_argument(
        "-o",
        "--output",
        help="a folder (out/) or prefix (out/run.csv) for one table per file; a .json file; default: JSON on stdout",
    )
    p.add_argument("--format", choices=FORMATS, help="csv or parquet (tables), json (default: from -o's suffix)")
    p.set_defaults(func=cmd_link)


def _records(path: str) -> Iterator[dict[str, Any]]:
    """The records of one file (or ``-``): JSON lines, or one JSON array."""
    fh: IO[str] = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115 - closed below
    try:
        lines = enumerate(fh, 1)
        for lineno, line in lines:
            if not line.strip():
                continue
            if line.lstrip().startswith("["):
                yield from _checked(json.loads(line + fh.read()), path)
                return
            yield _record(line, path, lineno)
            break
        for lineno, line in lines:
            if line.strip():
                yield _record(line, path, lineno)
    finally:
        if fh is not sys.stdin:
            fh.close()


def _record(line: str, path: str, lineno: int) -> dict[str, Any]:
    try:
        return _checked([json.loads(line)], path)[0]
    except json.JSONDecodeError as e:
        raise ValueError(f"{path}: line {lineno}: not a JSON record ({e.msg})") from None


def _checked(records: Any, path: str) -> list[dict[str, Any]]:
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise ValueError(f"{path}: expected records written by `vnreport extract` (JSON objects)")
    return records


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    suffix = Path(args.output).suffix.lower().lstrip(".") if args.output and args.output != "-" else "json"
    return suffix if suffix in FORMATS else ("json" if not args.output or args.output == "-" else "csv")


def write_json(corpus: Corpus, out: IO[str]) -> None:
    """The corpus as one JSON object: ``officials``, ``agencies``, ``legal_documents``."""
    doc = {
        "n_reports": corpus.n_reports,
        "n_failed": corpus.n_failed,
        "officials": [o.model_dump(mode="json") for o in corpus.officials],
        "agencies": [a.model_dump(mode="json") for a in corpus.agencies],
        "legal_documents": [d.model_dump(mode="json") for d in corpus.legal_documents],
    }
    json.dump(doc, out, ensure_ascii=False, indent=1)
    out.write("\n")


def cmd_link(args: argparse.Namespace) -> int:
    fmt = _format(args)
    if fmt != "json" and (not args.output or args.output == "-"):
        raise ValueError(f"--format {fmt} writes one file per table: give -o FOLDER/ or -o PREFIX.{fmt}")
    linker = Linker()
    for path in args.paths:
        linker.update(_records(path))
    corpus = linker.result()
    if fmt == "json":
        if args.output and args.output != "-":
            with open(args.output, "w", encoding="utf-8") as fh:
                write_json(corpus, fh)
        else:
            write_json(corpus, sys.stdout)
    else:
        frames = corpus.to_frame()
        (frames.to_csv if fmt == "csv" else frames.to_parquet)(args.output)
    if corpus.n_failed:
        print(f"vnreport: skipped {corpus.n_failed} failed record(s)", file=sys.stderr)
    print(f"vnreport: {corpus}", file=sys.stderr)
    return 0
