"""Command line: ``vnreport extract PATH... [-o OUT] [--format json|jsonl|csv|parquet] [--workers N]``.

One record per input, in input order; an input that fails (unreadable, binary, empty, too
large, or an extraction error) gives a record with an ``error`` field, a line on stderr, and a
non-zero exit status, while the good records are all written. ``--workers N`` runs N local
processes; ``--engine dask`` runs on a Dask cluster (local, or ``--scheduler ADDRESS``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .. import __version__
from ..models import Report
from .batch import Record, extract_records, make_record
from .corpus import InputDoc, expand_paths, read_input
from .inputs import add_input_arguments, check_input_arguments, input_tasks, is_corpus_run

FORMATS = ("json", "jsonl", "csv", "parquet")
TABLE_FORMATS = ("csv", "parquet")

#: Kept for callers of the first CLI: the record for one input.
record = make_record


def iter_records(paths: Iterable[str], pattern: str = "*.txt") -> Iterator[Record]:
    """Records for files/folders/``-`` in this process (see :func:`vnreport.batch.extract_records`)."""
    return extract_records(expand_paths(paths, pattern))


class _ErrorLog:
    """Counts failed records and says why on stderr (above the progress bar, if any)."""

    def __init__(self, progress: bool) -> None:
        self.failed = 0
        self.seen = 0
        self.progress = progress

    def __call__(self, rec: Record) -> None:
        self.seen += 1
        if not rec.get("error"):
            return
        self.failed += 1
        msg = f"vnreport: {rec['error']}"
        if self.progress:
            try:
                from tqdm import tqdm  # noqa: PLC0415

                tqdm.write(msg, file=sys.stderr)
                return
            except ImportError:
                pass
        print(msg, file=sys.stderr)


def write_records(records: Iterable[Record], fmt: str, out: IO[str], log: Any = None) -> int:
    """Write records as one JSON array or JSON lines; return how many carried an error."""
    log = log or _ErrorLog(progress=False)
    first = True
    if fmt == "json":
        out.write("[")
    for rec in records:
        log(rec)
        if fmt == "json":
            out.write(("\n" if first else ",\n") + json.dumps(rec, ensure_ascii=False, indent=1))
        else:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        first = False
    if fmt == "json":
        out.write("\n]\n")
    return int(log.failed)


def write_tables(records: Iterable[Record], fmt: str, target: str, log: Any = None) -> int:
    """Write one CSV/Parquet file per table (see :mod:`vnreport.frames`); return failures."""
    from .frames import TableWriter  # noqa: PLC0415 - pandas only for table formats

    log = log or _ErrorLog(progress=False)
    with TableWriter(target, fmt) as writer:
        for rec in records:
            log(rec)
            writer.write(rec)
    return int(log.failed)


def _guess_format(out: str | None, n_inputs: int) -> str:
    if out and out != "-":
        suffix = Path(out).suffix.lower().lstrip(".")
        if suffix in FORMATS:
            return suffix
    return "json" if n_inputs == 1 else "jsonl"


def _pipeline_options(args: argparse.Namespace) -> dict[str, Any]:
    opts: dict[str, Any] = {}
    if args.disable:
        opts["disable"] = [n.strip() for d in args.disable for n in d.split(",") if n.strip()]
    if args.gazetteers:
        opts["gazetteers"] = [str(Path(g).resolve()) for g in args.gazetteers]
    return opts


def _records(paths: list[str], args: argparse.Namespace, options: dict[str, Any], progress: bool) -> Iterator[Record]:
    if args.engine == "dask":
        yield from _dask_records(paths, args, options, progress)
        return
    workers = args.workers if args.workers > 0 else (os.cpu_count() or 1)
    total = None if is_corpus_run(paths, args) else len(paths)  # corpus rows are counted as read
    yield from extract_records(
        input_tasks(paths, args, args.max_bytes),
        workers=workers,
        options=options,
        max_bytes=args.max_bytes,
        progress=progress,
        total=total,
    )


def _dask_records(
    paths: list[str], args: argparse.Namespace, options: dict[str, Any], progress: bool
) -> Iterator[Record]:
    from .batch import _with_progress  # noqa: PLC0415

    try:
        from distributed import Client, LocalCluster  # noqa: PLC0415
    except ImportError as e:
        raise _UsageError("--engine dask needs Dask: pip install 'vnreport[dask]'") from e
    cluster = None
    if args.scheduler:
        client = Client(args.scheduler, timeout=args.connect_timeout)
    else:
        workers = args.workers if args.workers > 0 else (os.cpu_count() or 1)
        with warnings.catch_warnings():  # "port 8787 in use": this throwaway cluster has no dashboard
            warnings.simplefilter("ignore", UserWarning)
            cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
            )
        client = Client(cluster)
    try:
        recs = _dask_stream(paths, args, options, client)
        yield from (_with_progress(recs, len(paths)) if progress else recs)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _dask_stream(paths: list[str], args: argparse.Namespace, options: dict[str, Any], client: Any) -> Iterator[Record]:
    """Plain files as a bag of paths; corpus rows, pages and forced encodings as read tasks."""
    from .batch import stream_records  # noqa: PLC0415

    if is_corpus_run(paths, args) or args.encoding or args.input_format != "auto" or any(map(_is_page, paths)):
        from .dask_stream import stream_inputs  # noqa: PLC0415

        tasks = input_tasks(paths, args, args.max_bytes)
        if not args.read_on_client:
            tasks = (_absolute(t) for t in tasks)
        return stream_inputs(tasks, client=client, options=options, max_bytes=args.max_bytes)
    return stream_records(
        paths,
        client=client,
        pattern=None,
        options=options,
        max_bytes=args.max_bytes,
        read_on_client=args.read_on_client,
    )


def _is_page(path: str) -> bool:
    from .corpus import is_html_path  # noqa: PLC0415

    return is_html_path(path)


def _absolute(task: Any) -> Any:
    """A file task read on a worker: an absolute path (its working directory may differ)."""
    from dataclasses import replace  # noqa: PLC0415

    from .corpus import FileTask  # noqa: PLC0415

    if isinstance(task, FileTask):
        return replace(task, path=os.path.abspath(task.path))
    if isinstance(task, str):
        return (task, os.path.abspath(task))
    return task


class _UsageError(Exception):
    """Bad command line: message on stderr, exit status 2."""


def _show_progress(args: argparse.Namespace) -> bool:
    if args.progress is not None:
        return bool(args.progress)
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def cmd_extract(args: argparse.Namespace) -> int:
    paths = list(expand_paths(args.paths, args.glob))
    if not paths:
        raise _UsageError(f"no input files found in {args.paths} (pattern {args.glob!r})")
    if args.engine == "dask" and "-" in paths:
        raise _UsageError("--engine dask reads files, not standard input ('-')")
    check_input_arguments(args)
    # A corpus file is many inputs: JSON lines by default, as for a folder.
    fmt = args.format or _guess_format(args.output, 2 if is_corpus_run(paths, args) else len(paths))
    if fmt in TABLE_FORMATS and (not args.output or args.output == "-"):
        raise _UsageError(f"--format {fmt} writes one file per table: give -o FOLDER/ or -o PREFIX.{fmt}")
    progress = _show_progress(args)
    log = _ErrorLog(progress)
    records = _records(paths, args, _pipeline_options(args), progress)
    if fmt in TABLE_FORMATS:
        failed = write_tables(records, fmt, args.output, log)
    elif args.output and args.output != "-":
        if Path(args.output).is_dir() or args.output.endswith(("/", os.sep)):
            raise _UsageError(
                f"{args.output} is a folder: --format {fmt} writes one file "
                "(use --format csv or parquet for a folder of tables)"
            )
        with open(args.output, "w", encoding="utf-8") as fh:
            failed = write_records(records, fmt, fh, log)
    else:
        failed = write_records(records, fmt, sys.stdout, log)
    if failed:
        print(f"vnreport: {failed} of {log.seen or len(paths)} input(s) failed", file=sys.stderr)
        return 1
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    json.dump(Report.model_json_schema(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _positive_int(s: str) -> int:
    v = int(s)
    if v < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return v


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="vnreport", description="Structured data from Vietnamese government reports.")
    ap.add_argument("--version", action="version", version=f"vnreport {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract reports from files, folders or - (stdin)")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="file, folder (searched for --glob) or - for stdin")
    ex.add_argument(
        "-o",
        "--output",
        help="output file (default: stdout); for csv/parquet a folder "
        "(out/) or a prefix (out/run.csv → out/run.officials.csv)",
    )
    ex.add_argument(
        "--format",
        choices=FORMATS,
        help="json (one array), jsonl (one record per line; default for many inputs), "
        "csv or parquet (one file per table: documents, officials, agencies …)",
    )
    ex.add_argument("--glob", default="*.txt", help="file pattern inside folders (default: *.txt)")
    ex.add_argument(
        "-w", "--workers", type=_positive_int, default=1, help="parallel worker processes (default 1; 0 = one per CPU)"
    )
    ex.add_argument(
        "--engine",
        choices=("processes", "dask"),
        default="processes",
        help="processes (local pool, default) or dask (a LocalCluster, or --scheduler)",
    )
    ex.add_argument(
        "--scheduler", metavar="ADDRESS", help="Dask scheduler to use with --engine dask, e.g. tcp://10.0.0.5:8786"
    )
    ex.add_argument("--connect-timeout", type=float, default=30, help=argparse.SUPPRESS)
    ex.add_argument(
        "--read-on-client",
        action="store_true",
        help="with --engine dask: read files here and send their text to the workers "
        "(for clusters that cannot see your files)",
    )
    ex.add_argument(
        "--max-bytes", type=_positive_int, default=None, help="refuse input files larger than this (default 50 MB)"
    )
    ex.add_argument(
        "--disable",
        action="append",
        metavar="NAME",
        help="built-in recogniser(s) to skip, e.g. --disable metrics,dates",
    )
    ex.add_argument(
        "--gazetteers", action="append", metavar="PATH", help="extra gazetteer folder or .tsv file (repeatable)"
    )
    ex.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: when stderr is a terminal)",
    )
    ex.set_defaults(func=cmd_extract)
    _add_io_commands(sub, ex)
    sub.add_parser("schema", help="print the JSON Schema of a Report").set_defaults(func=cmd_schema)
    return ap


def _add_io_commands(sub: Any, ex: argparse.ArgumentParser) -> None:
    """Reading options of ``extract`` (pages, corpora, encodings) and the ``render`` command."""
    from .render.cli import add_render_parser  # noqa: PLC0415

    add_input_arguments(ex)
    add_render_parser(sub)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "scheduler", None) and args.engine != "dask":
        args.engine = "dask"  # --scheduler implies the Dask engine
    try:
        return int(args.func(args))
    except _UsageError as e:
        print(f"vnreport: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except (ValueError, ImportError, OSError) as e:
        # Bad options (unknown recogniser, missing gazetteer folder, missing extra, unwritable
        # output): one clear line, not a traceback.
        print(f"vnreport: {type(e).__name__}: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


__all__ = ["FORMATS", "InputDoc", "build_parser", "iter_records", "main", "read_input", "record", "write_records"]
