"""Where records go: the output is planned and checked before any input is read, and replaced
atomically, so no run can destroy data.

* Everything is validated first: the format (from ``--format`` or the suffix of ``-o``; an
  unknown suffix is an error, not silent JSON lines), the paths, and that no output file is
  also an input (``vnreport extract v.txt -o v.txt`` would replace the report with its record).
* Records are written to temporary files beside the targets; only a run that completes renames
  them into place. An interrupted, failed or disk-full run leaves the previous output as it
  was (or nothing), never a truncated file, a lone ``[`` or CSVs cut to their headers.
* Parent folders are created (``-o newdir/run.jsonl`` works like ``-o newdir/``).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .records import Record

#: Output formats: record formats write one file, table formats one file (xlsx) or one per table.
RECORD_FORMATS = ("json", "jsonl")
TABLE_FORMATS = ("csv", "parquet", "xlsx")
FORMATS = RECORD_FORMATS + TABLE_FORMATS
_SUFFIXES = {"json": "json", "jsonl": "jsonl", "ndjson": "jsonl", "csv": "csv", "parquet": "parquet", "xlsx": "xlsx"}


class UsageError(Exception):
    """A bad command line or configuration: one line on stderr, exit status 2, nothing written."""


class OutputError(Exception):
    """The output could not be written (disk full, permission): exit status 3, old output kept."""


@dataclass(frozen=True, slots=True)
class OutputPlan:
    """The checked output of one run: its format and the final files (empty: standard output)."""

    fmt: str
    target: str | None
    files: dict[str, Path] = field(default_factory=dict)

    @property
    def to_stdout(self) -> bool:
        return self.target is None


def guess_format(output: str | None, fmt: str | None, n_inputs: int) -> str:
    """The format to write: ``fmt`` if given, else from ``output``'s suffix, else JSON for one
    input and JSON lines for several; an output whose suffix names no format is an error."""
    if fmt:
        return fmt
    if not output or output == "-":
        return "json" if n_inputs == 1 else "jsonl"
    if _is_folder(output):
        raise UsageError(f"-o {output} is a folder: give --format csv or --format parquet for one file per table there")
    suffix = Path(output).suffix.lower().lstrip(".")
    if suffix not in _SUFFIXES:
        shown = f"'.{suffix}'" if suffix else "no suffix"
        raise UsageError(
            f"cannot tell the output format of -o {output} ({shown}): use a name ending in "
            f".json, .jsonl, .csv, .parquet or .xlsx, or give --format"
        )
    return _SUFFIXES[suffix]


def _is_folder(output: str) -> bool:
    return output.endswith(("/", os.sep)) or Path(output).is_dir()


def plan_output(output: str | None, fmt: str | None, inputs: Iterable[str], *, many: bool = False) -> OutputPlan:
    """Check the output before anything runs; raise :class:`UsageError` with the reason.
    ``many``: the inputs hold many documents (a corpus file), whatever their number."""
    names = list(inputs)
    fmt = guess_format(output, fmt, 2 if many else len(names))
    if not output or output == "-":
        if fmt in ("csv", "parquet"):
            raise UsageError(f"--format {fmt} writes one file per table: give -o FOLDER/ or -o NAME.{fmt}")
        if fmt == "xlsx":
            raise UsageError("--format xlsx writes a workbook (one sheet per table): give -o NAME.xlsx")
        return OutputPlan(fmt, None)
    if fmt in ("csv", "parquet"):
        from .frames import table_paths  # noqa: PLC0415 - pandas only for table formats

        files = table_paths(output, fmt, create=False)
    else:
        if _is_folder(output):
            raise UsageError(f"{output} is a folder: --format {fmt} writes one file (use --format csv or parquet)")
        files = {"records": Path(output)}
    _refuse_inputs_as_outputs(files, names)
    return OutputPlan(fmt, output, files)


def _refuse_inputs_as_outputs(files: dict[str, Path], inputs: list[str]) -> None:
    outs = {_real(p): p for p in files.values()}
    for name in inputs:
        if name == "-":
            continue
        hit = outs.get(_real(Path(name)))
        if hit is not None:
            raise UsageError(f"the output {hit} is also an input: writing it would destroy that report")


def _real(p: Path) -> str:
    return os.path.normcase(os.path.realpath(p))


# ---------------------------------------------------------------------- staged (atomic) files
class StagedFiles:
    """Temporary files beside the final ones, renamed into place by :meth:`commit` only."""

    def __init__(self, finals: dict[str, Path]) -> None:
        self.finals = finals
        self.temps: dict[str, Path] = {}
        try:
            for key, final in finals.items():
                final.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".partial", dir=final.parent)
                os.close(fd)
                self.temps[key] = Path(tmp)
        except OSError as e:
            self.discard()
            raise OutputError(f"cannot write {final}: {e.strerror or e}") from e

    def commit(self) -> None:
        for key, tmp in self.temps.items():
            final = self.finals[key]
            with contextlib.suppress(OSError):  # keep the old file's permissions, like an editor
                os.chmod(tmp, final.stat().st_mode & 0o7777 if final.exists() else 0o666 & ~_umask())
            os.replace(tmp, final)
        self.temps = {}

    def discard(self) -> None:
        for tmp in self.temps.values():
            with contextlib.suppress(OSError):
                tmp.unlink()
        self.temps = {}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# ---------------------------------------------------------------------- writing
def record_json(rec: Record, indent: int | None = None) -> str:
    """One record as strict JSON (no NaN or Infinity: strict parsers reject them)."""
    return json.dumps(rec, ensure_ascii=False, indent=indent, allow_nan=False)


def write_records(records: Iterable[Record], fmt: str, out: IO[str], log: Callable[[Record], Any]) -> None:
    """Records as one JSON array (``json``) or JSON lines (``jsonl``)."""
    first = True
    if fmt == "json":
        out.write("[")
    for rec in records:
        log(rec)
        if fmt == "json":
            out.write(("\n" if first else ",\n") + record_json(rec, indent=1))
        else:
            out.write(record_json(rec) + "\n")
        first = False
    if fmt == "json":
        out.write("\n]\n" if not first else "]\n")


def write_plan(
    plan: OutputPlan, records: Iterator[Record], log: Callable[[Record], Any], *, csv_bom: bool = True
) -> None:
    """Write every record as planned; the files appear only once all records are written."""
    if plan.to_stdout:
        write_records(records, plan.fmt, sys.stdout, log)
        sys.stdout.flush()
        return
    staged = StagedFiles(plan.files)
    try:
        if plan.fmt in RECORD_FORMATS:
            with staged.temps["records"].open("w", encoding="utf-8") as fh:
                write_records(records, plan.fmt, fh, log)
                fh.flush()
                os.fsync(fh.fileno())
        else:
            from .frames import TableWriter  # noqa: PLC0415 - pandas only for table formats

            with TableWriter(staged.temps, plan.fmt, csv_bom=csv_bom) as writer:
                for rec in records:
                    log(rec)
                    writer.write(rec)
        staged.commit()
    except OSError as e:
        staged.discard()
        raise OutputError(f"cannot write {plan.target}: {e.strerror or e}; any previous output was kept") from e
    except BaseException:
        staged.discard()
        raise
