"""Reading report files for batch work: files, folders and stdin, never losing a record.

Every input path yields exactly one :class:`InputDoc`; one that cannot be read as UTF-8 text
carries an ``error`` instead of text, so a batch writes one record per input, in order.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

#: Files larger than this are refused (a scraped report is a few kB; 50 MB is a runaway dump).
MAX_BYTES = 50_000_000


@dataclass(frozen=True, slots=True)
class InputDoc:
    doc_id: str
    text: str | None = None
    error: str | None = None


def decode_report(data: bytes, name: str) -> InputDoc:
    """UTF-8 text of a report, or an InputDoc with a clear error (binary, undecodable, empty)."""
    if b"\x00" in data[:8192]:
        return InputDoc(name, error=f"{name}: binary file (contains NUL bytes), not a text report")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        return InputDoc(name, error=f"{name}: not valid UTF-8 (byte 0x{data[e.start]:02x} at line {line}); "
                                    "convert it to UTF-8 first")
    if not text.strip():
        return InputDoc(name, error=f"{name}: empty file (no text to extract)")
    return InputDoc(name, text=text)


def expand_paths(paths: Iterable[str], pattern: str = "*.txt") -> Iterator[str]:
    """Files named directly, files under folders matching ``pattern`` (sorted), or ``-``."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            yield from (str(f) for f in sorted(path.rglob(pattern)) if f.is_file())
        else:
            yield p


def read_input(p: str, max_bytes: int = MAX_BYTES) -> InputDoc:
    """One input as an InputDoc (``-`` reads standard input)."""
    if p == "-":
        return decode_report(sys.stdin.buffer.read(), "<stdin>")
    path = Path(p)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return InputDoc(p, error=f"{p}: file too large ({size:,} bytes > {max_bytes:,}); split it first")
        data = path.read_bytes()
    except FileNotFoundError:
        return InputDoc(p, error=f"{p}: no such file")
    except IsADirectoryError:
        return InputDoc(p, error=f"{p}: is a directory")
    except OSError as e:
        return InputDoc(p, error=f"{p}: cannot read ({e.strerror or e})")
    return decode_report(data, p)


def iter_inputs(paths: Iterable[str], pattern: str = "*.txt") -> Iterator[InputDoc]:
    for p in expand_paths(paths, pattern):
        yield read_input(p)
