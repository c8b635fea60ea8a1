"""The options of ``vnreport extract``: what to read, where to write, how to run, and the
argument types whose names argparse shows in its messages (``invalid size value``)."""

from __future__ import annotations

import argparse
import re

from ..recognizers import BUILTINS
from .outputs import FORMATS


def count(s: str) -> int:
    """A whole number ≥ 0 (argparse names the function in its errors: "invalid count value")."""
    try:
        v = int(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{s!r} is not a whole number") from None
    if v < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return v


_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?i?b?)?\s*", re.IGNORECASE)
_SIZE_UNITS = {
    "": 1,
    "b": 1,
    "k": 10**3,
    "m": 10**6,
    "g": 10**9,
    "t": 10**12,
    "ki": 2**10,
    "mi": 2**20,
    "gi": 2**30,
    "ti": 2**40,
}


def size(s: str) -> int:
    """A size in bytes: ``50000000``, ``50MB``, ``500kB``, ``2GiB``."""
    m = _SIZE.fullmatch(s)
    if not m:
        raise argparse.ArgumentTypeError(f"{s!r} is not a size (e.g. 50000000, 50MB, 500kB, 2GiB)")
    unit = (m.group(2) or "").lower().removesuffix("b")
    return int(float(m.group(1)) * _SIZE_UNITS[unit])


def seconds(s: str) -> float:
    """A positive number of seconds."""
    try:
        v = float(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{s!r} is not a number of seconds") from None
    if not v > 0 or v == float("inf"):
        raise argparse.ArgumentTypeError("must be a positive number of seconds")
    return v


_EXTRACT_EPILOG = f"""\
examples:
  vnreport extract reports/ -o run.jsonl                 one JSON record per report, in order
  vnreport extract a.txt                                 one input: a JSON array on stdout
  vnreport extract reports/ -o tables/ --format csv      one CSV per table (officials.csv …)
  vnreport extract reports/ -o run.xlsx                  one Excel sheet per table
  vnreport extract reports/ -o run.jsonl -w 0 --timeout 60
  vnreport extract page.html                             a saved portal page (main content only)
  vnreport extract corpus.jsonl --text-field content --id-field url -o run.jsonl
  cat a.txt | vnreport extract - --disable metrics

recognisers (for --disable): {", ".join(BUILTINS)}

exit status:
  0  every input extracted
  1  some inputs failed (each has a record with "error" and a line on stderr; the rest are written)
  2  usage or configuration error (bad option, gazetteer, output path); nothing was written
  3  the output could not be written (disk full, permission); any previous output was kept
  130, 143  interrupted (SIGINT, SIGTERM); workers stopped, any previous output kept
"""


def add_extract_arguments(ex: argparse.ArgumentParser) -> None:
    """Every option of ``extract`` but the input-format ones (see :mod:`vnreport.io.inputs`)."""
    _inputs_and_outputs(ex)
    _engines(ex)
    _pipeline_and_limits(ex)


def _inputs_and_outputs(ex: argparse.ArgumentParser) -> None:
    ex.add_argument(
        "paths", nargs="+", metavar="PATH", help="file, folder (searched recursively for --glob) or - for stdin"
    )
    ex.add_argument(
        "-o",
        "--output",
        help="output file (default: stdout), its format from the suffix (.json .jsonl .csv .parquet .xlsx); "
        "for csv/parquet a folder (out/) or a prefix (out/run.csv → out/run.officials.csv). Written "
        "atomically: replaced only when the run completes; never one of the inputs",
    )
    ex.add_argument(
        "--format",
        choices=FORMATS,
        help="json (one array), jsonl (one record per line; default for many inputs), "
        "csv or parquet (one file per table: documents, officials, agencies …), xlsx (one sheet per table)",
    )
    ex.add_argument(
        "--csv-bom",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="start CSV files with a UTF-8 byte-order mark so Excel shows Vietnamese correctly (default: on)",
    )
    ex.add_argument(
        "--glob", default="*.txt", help="file pattern inside folders, searched recursively (default: *.txt)"
    )


def _engines(ex: argparse.ArgumentParser) -> None:
    ex.add_argument(
        "-w", "--workers", type=count, default=1, help="parallel worker processes (default 1; 0 = one per CPU)"
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
    ex.add_argument(
        "--connect-timeout",
        type=seconds,
        default=10,
        metavar="S",
        help="with --scheduler: give up reaching the scheduler after S seconds (default 10)",
    )
    ex.add_argument(
        "--timeout",
        type=seconds,
        default=None,
        metavar="S",
        help="give up on a document after S seconds (an error record; the run goes on)",
    )
    ex.add_argument(
        "--read-on-client",
        action="store_true",
        help="with --engine dask: read files here and send their text to the workers "
        "(for clusters that cannot see your files)",
    )


def _pipeline_and_limits(ex: argparse.ArgumentParser) -> None:
    ex.add_argument(
        "--max-bytes",
        type=size,
        default=None,
        metavar="SIZE",
        help="refuse input files larger than SIZE, e.g. 2MB (default 50MB)",
    )
    ex.add_argument(
        "--disable",
        action="append",
        metavar="NAME",
        help=f"built-in recogniser(s) to skip, e.g. --disable metrics,dates (one of: {', '.join(BUILTINS)})",
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
