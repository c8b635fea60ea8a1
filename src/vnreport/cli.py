"""Command line: ``vnreport extract PATH... [-o OUT] [--format json|jsonl]``.

One record per input, in input order; an input that fails (unreadable, binary, empty, or an
extraction error) gives a record with an ``error`` field and makes the exit status non-zero,
while the good records are all written.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from . import __version__
from .corpus import InputDoc, expand_paths, read_input
from .models import Report

FORMATS = ("json", "jsonl")


def record(inp: InputDoc, extract: Any) -> dict[str, Any]:
    """The output record for one input: the Report as JSON plus ``doc_id`` and ``error``."""
    if inp.error is not None:
        return {"doc_id": inp.doc_id, "error": inp.error}
    try:
        report: Report = extract(inp.text, doc_id=inp.doc_id)
    except Exception as e:  # noqa: BLE001 - one bad document must not sink the batch
        return {"doc_id": inp.doc_id, "error": f"{inp.doc_id}: {type(e).__name__}: {e}"}
    return {"error": None, **report.model_dump(mode="json")}


def iter_records(paths: Iterable[str], pattern: str = "*.txt") -> Iterator[dict[str, Any]]:
    from .pipeline import extract  # noqa: PLC0415 - keep `vnreport --help` fast

    for p in expand_paths(paths, pattern):
        yield record(read_input(p), extract)


def write_records(records: Iterable[dict[str, Any]], fmt: str, out: IO[str]) -> int:
    """Write records; return how many carried an error."""
    failed = 0
    first = True
    if fmt == "json":
        out.write("[")
    for rec in records:
        if rec.get("error"):
            failed += 1
            print(f"vnreport: {rec['error']}", file=sys.stderr)
        if fmt == "json":
            out.write(("\n" if first else ",\n") + json.dumps(rec, ensure_ascii=False, indent=1))
        else:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        first = False
    if fmt == "json":
        out.write("\n]\n")
    return failed


def _guess_format(out: str | None, n_inputs: int) -> str:
    if out and out != "-":
        suffix = Path(out).suffix.lower().lstrip(".")
        if suffix in FORMATS:
            return suffix
    return "json" if n_inputs == 1 else "jsonl"


def cmd_extract(args: argparse.Namespace) -> int:
    paths = list(expand_paths(args.paths, args.glob))
    if not paths:
        print(f"vnreport: no input files found in {args.paths} (pattern {args.glob!r})", file=sys.stderr)
        return 2
    fmt = args.format or _guess_format(args.output, len(paths))
    records = iter_records(paths, args.glob)
    if args.output and args.output != "-":
        with open(args.output, "w", encoding="utf-8") as fh:
            failed = write_records(records, fmt, fh)
    else:
        failed = write_records(records, fmt, sys.stdout)
    if failed:
        print(f"vnreport: {failed} of {len(paths)} input(s) failed", file=sys.stderr)
        return 1
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    json.dump(Report.model_json_schema(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="vnreport", description="Structured data from Vietnamese government reports.")
    ap.add_argument("--version", action="version", version=f"vnreport {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract reports from files, folders or - (stdin)")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="file, folder (searched for --glob) or - for stdin")
    ex.add_argument("-o", "--output", help="output file (default: stdout)")
    ex.add_argument("--format", choices=FORMATS, help="json (one array), jsonl (one record per line)")
    ex.add_argument("--glob", default="*.txt", help="file pattern inside folders (default: *.txt)")
    ex.set_defaults(func=cmd_extract)
    sc = sub.add_parser("schema", help="print the JSON Schema of a Report")
    sc.set_defaults(func=cmd_schema)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
