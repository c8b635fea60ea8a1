"""Reading report files for batch work: files, folders and stdin, never losing a record.

Every input path yields exactly one :class:`InputDoc`; one that cannot be read as text carries
an ``error`` (naming the file) instead of text, so a batch writes one record per input, in
order. Inside a folder, every entry matching the pattern is an input, including ones that
cannot be read (a broken symlink, a directory named ``x.txt``): skipping them silently would
lose a record. Bytes become text through :mod:`vnreport.io.encodings` (UTF-8/16, Windows-1258,
the legacy TCVN3 and VNI font encodings); ``.html``/``.htm`` files are pages, extracted by
:mod:`vnreport.io.html`.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..lexicon.bundled import CHECKOUT_DATA, data_dir
from .encodings import EncodingError, decode_as, detect

#: What an input's text is: a plain report, or an HTML page to extract the report from.
InputFormat = Literal["text", "html"]
HTML_SUFFIXES = (".html", ".htm", ".xhtml")

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
    """One input, read: its text (or the error that kept it from being read) and metadata.

    ``published`` (ISO date or datetime) and ``url`` are page metadata from a corpus row or an
    HTML page; ``format="html"`` means ``text`` is a page to extract the report from;
    ``keep_text`` means the report should carry the text its offsets point into
    (``Report.text``), because it is not the input as the user holds it (a converted legacy
    encoding).
    """

    doc_id: str
    text: str | None = None
    error: str | None = None
    published: str | None = None
    url: str | None = None
    format: InputFormat = "text"
    keep_text: bool = False


def decode_report(data: bytes, name: str, encoding: str | None = None) -> InputDoc:
    """The text of a report file, or an InputDoc with a clear error (binary, undecodable, empty).

    ``encoding`` forces one (a Python codec, or ``tcvn3``/``vni``); otherwise it is detected
    (:func:`vnreport.io.encodings.detect`).
    """
    try:
        decoded = decode_as(data, encoding) if encoding else detect(data)
    except EncodingError as e:
        hint = "" if encoding or "binary" in str(e) else "; give its encoding with --encoding, or convert it to UTF-8"
        return InputDoc(name, error=f"{name}: {e}{hint}")
    if not decoded.text.strip():
        return InputDoc(name, error=f"{name}: empty file (no text to extract)")
    return InputDoc(name, text=decoded.text, keep_text=decoded.converted)


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


def is_html_path(p: str) -> bool:
    return p.lower().endswith(HTML_SUFFIXES)


def _decode_input(data: bytes, name: str, encoding: str | None, fmt: InputFormat | None, path: str) -> InputDoc:
    if fmt == "html" or (fmt is None and is_html_path(path)):
        from .html import decode_page  # noqa: PLC0415 - the HTML extractor only for pages

        return decode_page(data, name, encoding)
    return decode_report(data, name, encoding)


def read_input(
    p: str,
    max_bytes: int | None = None,
    name: str | None = None,
    *,
    encoding: str | None = None,
    input_format: InputFormat | None = None,
) -> InputDoc:
    """One input as an InputDoc (``-`` reads standard input); errors name the file.

    ``name`` (default: ``p`` as given) is the ``doc_id`` and the name used in messages, so a
    file read through another path (an absolute one on a cluster worker) keeps its id.
    ``encoding`` forces the encoding; ``input_format`` (default: ``html`` for ``.html``/``.htm``
    files, else ``text``) says whether the bytes are a page or a plain report.
    """
    limit = default_max_bytes() if max_bytes is None else max_bytes
    if p == "-":
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            return InputDoc("<stdin>", error=f"<stdin>: input too large (> {limit:,} bytes); split it first")
        return _decode_input(data, "<stdin>", encoding, input_format, p)
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
    return _decode_input(data, n, encoding, input_format, p)


@dataclass(frozen=True, slots=True)
class FileTask:
    """A file to read on a worker with reading options (``--encoding``, ``--input-format``)."""

    path: str
    name: str
    encoding: str | None = None
    input_format: InputFormat | None = None

    def read(self, max_bytes: int | None = None) -> InputDoc:
        return read_input(self.path, max_bytes, self.name, encoding=self.encoding, input_format=self.input_format)


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
