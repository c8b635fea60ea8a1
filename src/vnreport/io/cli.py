"""Command line: ``vnreport extract PATH... [-o OUT] [--format …] [--workers N] [--timeout S]``.

One record per input, in input order; an input that fails (unreadable, binary, empty, too
large, too slow, or an extraction error) gives a record with an ``error`` field, a line on
stderr, and exit status 1, while the good records are all written. Everything is checked before
the first input is read (options, gazetteers, output paths): a usage or configuration error
exits 2 and writes nothing. Outputs are replaced atomically (see :mod:`vnreport.io.outputs`):
a run that fails to write (disk full: exit 3) or is interrupted (SIGINT 130, SIGTERM 143)
leaves the previous output. ``--workers N`` runs N local processes, stopped with the run;
``--engine dask`` runs on a Dask cluster (local, or ``--scheduler ADDRESS``).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .. import __version__
from ..linking.cli import add_link_command
from ..models import Report
from ..recognizers import BUILTINS
from .batch import Record, extract_records, make_record, worker_pipeline
from .cli_args import _EXTRACT_EPILOG, add_extract_arguments
from .corpus import InputDoc, expand_paths, read_input
from .inputs import add_input_arguments, check_input_arguments, input_tasks, is_corpus_run
from .outputs import FORMATS, OutputError, UsageError, plan_output, write_plan
from .outputs import write_records as _write_records

#: Exit statuses (also in ``vnreport extract --help``).
EXIT_OK, EXIT_FAILED_INPUTS, EXIT_USAGE, EXIT_OUTPUT, EXIT_SIGINT, EXIT_SIGTERM = 0, 1, 2, 3, 130, 143

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
    _write_records(records, fmt, out, log)
    return int(log.failed)


def _pipeline_options(args: argparse.Namespace) -> dict[str, Any]:
    opts: dict[str, Any] = {}
    if args.disable:
        opts["disable"] = [n.strip() for d in args.disable for n in d.split(",") if n.strip()]
        unknown = sorted(set(opts["disable"]) - set(BUILTINS))
        if unknown:
            raise UsageError(
                f"--disable {','.join(unknown)}: unknown recogniser; the built-ins are {', '.join(BUILTINS)}"
            )
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
        timeout=args.timeout,
    )


def _dask_records(
    paths: list[str], args: argparse.Namespace, options: dict[str, Any], progress: bool
) -> Iterator[Record]:
    from .batch import _with_progress  # noqa: PLC0415

    try:
        from distributed import Client, LocalCluster  # noqa: PLC0415
    except ImportError as e:
        raise UsageError("--engine dask needs Dask: pip install 'vnreport[dask]'") from e
    cluster = None
    if args.scheduler:
        try:
            client = Client(args.scheduler, timeout=args.connect_timeout)
        except (OSError, TimeoutError) as e:
            raise UsageError(
                f"cannot reach the Dask scheduler at {args.scheduler} (gave up after {args.connect_timeout:g} s: {e}); "
                "check the address and that `dask scheduler` is running"
            ) from e
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


#: Kept for code written against the first CLI.
_UsageError = UsageError


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
        raise UsageError(f"no input files found in {args.paths} (pattern {args.glob!r}, searched recursively)")
    if args.engine == "dask" and "-" in paths:
        raise UsageError("--engine dask reads files, not standard input ('-')")
    if args.engine == "dask" and args.timeout:
        raise UsageError("--timeout needs the process engine (the default): Dask runs documents in worker threads")
    check_input_arguments(args)
    # Everything is checked before the first input is read and before any output is touched:
    # the output plan (format, paths, not an input) and the pipeline options (built here once).
    # A corpus file is many inputs: JSON lines by default, as for a folder.
    plan = plan_output(args.output, args.format, paths, many=is_corpus_run(paths, args))
    options = _pipeline_options(args)
    worker_pipeline(options)
    progress = _show_progress(args)
    log = _ErrorLog(progress)
    write_plan(plan, _records(paths, args, options, progress), log, csv_bom=args.csv_bom)
    if log.failed:
        print(f"vnreport: {log.failed} of {log.seen or len(paths)} input(s) failed", file=sys.stderr)
        return EXIT_FAILED_INPUTS
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    json.dump(Report.model_json_schema(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="vnreport", description="Structured data from Vietnamese government reports.")
    ap.add_argument("--version", action="version", version=f"vnreport {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser(
        "extract",
        help="extract reports from files, folders or - (stdin)",
        epilog=_EXTRACT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_extract_arguments(ex)
    ex.set_defaults(func=cmd_extract)
    _add_io_commands(sub, ex)
    sub.add_parser("schema", help="print the JSON Schema of a Report").set_defaults(func=cmd_schema)
    add_link_command(sub)
    return ap


def _add_io_commands(sub: Any, ex: argparse.ArgumentParser) -> None:
    """Reading options of ``extract`` (pages, corpora, encodings) and the ``render`` command."""
    from .render.cli import add_render_parser  # noqa: PLC0415

    add_input_arguments(ex)
    add_render_parser(sub)


class _Terminated(BaseException):
    """SIGTERM, raised in the main thread so that the run unwinds like on Ctrl-C."""


def _on_sigterm(signum: int, frame: Any) -> None:
    raise _Terminated


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "scheduler", None) and args.engine != "dask":
        args.engine = "dask"  # --scheduler implies the Dask engine
    previous = signal.signal(signal.SIGTERM, _on_sigterm) if _in_main_thread() else None
    try:
        return int(args.func(args))
    except UsageError as e:
        print(f"vnreport: {e}", file=sys.stderr)
        return EXIT_USAGE
    except OutputError as e:
        print(f"vnreport: {e}", file=sys.stderr)
        return EXIT_OUTPUT
    except BrokenPipeError:
        return EXIT_OK
    except (ValueError, ImportError, OSError) as e:
        # Bad options (unknown recogniser, bad gazetteer, missing extra): one clear line.
        print(f"vnreport: {_message(e)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("vnreport: interrupted; workers stopped, no output replaced", file=sys.stderr)
        return EXIT_SIGINT
    except _Terminated:
        print("vnreport: terminated; workers stopped, no output replaced", file=sys.stderr)
        return EXIT_SIGTERM
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _in_main_thread() -> bool:
    import threading  # noqa: PLC0415

    return threading.current_thread() is threading.main_thread()


def _message(e: BaseException) -> str:
    """An exception as a user reads it: its message, with the class name only when empty."""
    text = str(e).strip()
    if isinstance(e, OSError) and e.strerror:
        text = f"{e.filename}: {e.strerror}" if e.filename else e.strerror
    return text or type(e).__name__


__all__ = ["FORMATS", "InputDoc", "build_parser", "iter_records", "main", "read_input", "record", "write_records"]
