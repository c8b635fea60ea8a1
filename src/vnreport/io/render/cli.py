"""``vnreport render PATH... -o review/``: extract the inputs and write their review pages."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from collections.abc import Iterator
from typing import Any

from ..batch import Task, extract_records
from ..corpus import InputDoc, expand_paths
from ..inputs import add_input_arguments, check_input_arguments, input_tasks
from ..records import read_task


def add_render_parser(sub: Any) -> argparse.ArgumentParser:
    rp = sub.add_parser("render", help="write HTML review pages (entities marked, side panel, index) for inputs")
    rp.add_argument("paths", nargs="+", metavar="PATH", help="report files, pages, corpus files or folders")
    rp.add_argument("-o", "--output", required=True, metavar="FOLDER", help="folder for the pages and index.html")
    rp.add_argument("--glob", default="*.txt", help="file pattern inside folders (default: *.txt)")
    rp.add_argument(
        "-w", "--workers", type=int, default=1, help="parallel worker processes (default 1; 0 = one per CPU)"
    )
    rp.add_argument("--title", default="vnreport review", help="title of the index page")
    rp.add_argument("--max-bytes", type=int, default=None, help="refuse input files larger than this (default 50 MB)")
    add_input_arguments(rp)
    rp.set_defaults(func=cmd_render)
    return rp


def _with_text(task: Task, max_bytes: int | None) -> InputDoc:
    """The input read here, marked to keep its text in the record (the pages mark that text)."""
    return dataclasses.replace(read_task(task, max_bytes), keep_text=True)


def _docs(args: argparse.Namespace, paths: list[str]) -> Iterator[InputDoc]:
    for task in input_tasks(paths, args, args.max_bytes):
        yield _with_text(task, args.max_bytes)


def cmd_render(args: argparse.Namespace) -> int:
    from . import write_review  # noqa: PLC0415

    check_input_arguments(args)
    paths = list(expand_paths(args.paths, args.glob))
    if not paths:
        print(f"vnreport: no input files found in {args.paths} (pattern {args.glob!r})", file=sys.stderr)
        return 2
    workers = args.workers if args.workers > 0 else (os.cpu_count() or 1)
    failed = 0

    def records() -> Iterator[dict[str, Any]]:
        nonlocal failed
        for rec in extract_records(_docs(args, paths), workers=workers, max_bytes=args.max_bytes):
            if rec.get("error"):
                failed += 1
                print(f"vnreport: {rec['error']}", file=sys.stderr)
            yield rec

    written = write_review(records(), args.output, title=args.title)
    print(f"vnreport: {len(written) - 1} page(s) and {written[-1]} written", file=sys.stderr)
    return 1 if failed else 0


__all__ = ["add_render_parser", "cmd_render"]
