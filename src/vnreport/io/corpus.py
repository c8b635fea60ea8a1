"""Reading report files for batch work: files, folders and stdin, never losing a record.

Every input path yields exactly one :class:`InputDoc`; one that cannot be read as UTF-8 text
carries an ``error`` (naming the file) instead of text, so a batch writes one record per input,
in order. Inside a folder, every entry matching the pattern is an input, including ones that
cannot be read (a broken symlink, a directory named ``x.txt``): skipping them silently would
lose a record.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..lexicon.bundled import CHECKOUT_DATA, data_dir

#: Files larger than this are refused (a scraped report is a few kB; 50 MB is a runaway dump).
#: Override per call (``max_bytes=``), with ``vnreport extract --max-bytes`` or the
#: ``VNREPORT_MAX_BYTES`` environment variable.
MAX_BYTES = 50_000_000


def default_max_bytes() -> int:
    """``VNREPORT_MAX_BYTES`` if set (so worker processes agree), else :data:`MAX_BYTES`."""
    raw = os.environ.get("VNREPORT_MAX_BYTES", "").strip()
    return int(raw) if raw else MAX_BYTES


@dataclass(frozen=True, slots=True)
class InputDoc:
    doc_id: str
    text: str | None = None
    error: str | None = None


def decode_report(data: bytes, name: str) -> InputDoc:
    """UTF-8 text of a report, or an InputDoc with a clear error (binary, undecodable, empty).

    A UTF-16 file with a byte-order mark (Windows "Unicode" text) is decoded rather than
    reported as binary for its NUL bytes.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return InputDoc(name, error=f"{name}: starts with a UTF-16 byte-order mark but is not valid UTF-16")
        return _non_empty(text, name)
    if b"\x00" in data[:8192]:
        return InputDoc(name, error=f"{name}: binary file (contains NUL bytes), not a text report")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        return InputDoc(
            name,
            error=f"{name}: not valid UTF-8 (byte 0x{data[e.start]:02x} at line {line}); convert it to UTF-8 first",
        )
    return _non_empty(text, name)


def _non_empty(text: str, name: str) -> InputDoc:
    if not text.strip():
        return InputDoc(name, error=f"{name}: empty file (no text to extract)")
    return InputDoc(name, text=text)


def expand_paths(paths: Iterable[str], pattern: str = "*.txt") -> Iterator[str]:
    """Paths named directly, entries under folders matching ``pattern`` (sorted), or ``-``.

    Folder entries that match but are not regular files (broken symlinks, directories, FIFOs)
    are yielded too, so that reading them reports an error instead of dropping an input.
    """
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            yield from (str(f) for f in sorted(path.rglob(pattern)))
        else:
            yield p


def read_input(p: str, max_bytes: int | None = None, name: str | None = None) -> InputDoc:
    """One input as an InputDoc (``-`` reads standard input); errors name the file.

    ``name`` (default: ``p`` as given) is the ``doc_id`` and the name used in messages, so a
    file read through another path (an absolute one on a cluster worker) keeps its id.
    """
    limit = default_max_bytes() if max_bytes is None else max_bytes
    if p == "-":
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            return InputDoc("<stdin>", error=f"<stdin>: input too large (> {limit:,} bytes); split it first")
        return decode_report(data, "<stdin>")
    n = p if name is None else name
    path = Path(p)
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            return InputDoc(n, error=f"{n}: is a directory, not a report file")
        if not stat.S_ISREG(st.st_mode):
            # Reading a FIFO or device could block forever or never end.
            return InputDoc(n, error=f"{n}: not a regular file")
        if st.st_size > limit:
            return InputDoc(n, error=f"{n}: file too large ({st.st_size:,} bytes > {limit:,}); split it first")
        with path.open("rb") as fh:
            data = fh.read(limit + 1)  # the file may have grown since stat()
        if len(data) > limit:
            return InputDoc(n, error=f"{n}: file too large (> {limit:,} bytes); split it first")
    except FileNotFoundError:
        if path.is_symlink():
            return InputDoc(n, error=f"{n}: broken symbolic link (target {os.readlink(path)} does not exist)")
        return InputDoc(n, error=f"{n}: no such file")
    except OSError as e:
        return InputDoc(n, error=f"{n}: cannot read ({e.strerror or e})")
    return decode_report(data, n)


def iter_inputs(paths: Iterable[str], pattern: str = "*.txt", max_bytes: int | None = None) -> Iterator[InputDoc]:
    for p in expand_paths(paths, pattern):
        yield read_input(p, max_bytes)


# ---------------------------------------------------------------------- bundled samples
def samples_dir() -> Path:
    """The bundled sample reports: inside the installed package, or ``data/samples`` of a checkout."""
    folder = data_dir("samples")
    if folder is None:
        raise FileNotFoundError(
            f"bundled samples not found (looked in the package and {CHECKOUT_DATA / 'samples'}); reinstall vnreport"
        )
    return folder


def samples() -> dict[str, str]:
    """The bundled sample reports, ``{doc_id: text}`` in file order (doc_id = file stem)."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(samples_dir().glob("*.txt"))}
