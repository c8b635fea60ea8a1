"""What the command line reads: report files, HTML pages and corpus files, as batch tasks.

``vnreport extract`` takes plain reports (``.txt``), pages (``.html``/``.htm``, or any file
with ``--input-format html``) and corpus files (``.jsonl``/``.csv``/``.parquet``: one report per
row, ``--text-field``/``--id-field``/``--meta-fields``). This module turns the paths into the
tasks :mod:`vnreport.io.batch` runs, lazily: corpus rows are read as the batch consumes them.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Iterator

from .corpus import FileTask, InputFormat, is_html_path, read_input
from .encodings import EncodingError, canonical_encoding
from .records import Task
from .records_in import CorpusFields, corpus_kind, iter_corpus

INPUT_FORMATS = ("auto", "text", "html", "jsonl", "csv", "parquet")


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """The reading options of ``vnreport extract`` (and ``render``)."""
    group = parser.add_argument_group("inputs")
    group.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        default="auto",
        help="auto (by suffix: .html/.htm pages, .jsonl/.csv/.parquet corpora, else plain text), text, html "
        "(also: the text field of a corpus holds pages), or force a corpus format",
    )
    group.add_argument(
        "--encoding",
        metavar="NAME",
        help="decode input files with this encoding (utf-8, utf-16, cp1258, tcvn3, vni …) instead of detecting it",
    )
    group.add_argument("--text-field", default="text", metavar="NAME", help="corpus column holding the report text")
    group.add_argument("--id-field", metavar="NAME", help="corpus column holding the record id (default: FILE:ROW)")
    group.add_argument(
        "--meta-fields",
        metavar="LIST",
        help="corpus columns passed into the report: published,url (default: those columns when present); "
        "FIELD=COLUMN renames, e.g. published=date",
    )


def check_input_arguments(args: argparse.Namespace) -> None:
    """Refuse bad reading options before any work (``ValueError`` → exit status 2)."""
    if args.encoding:
        try:
            canonical_encoding(args.encoding)
        except EncodingError as e:
            raise ValueError(str(e)) from None
    CorpusFields.parse_meta(args.meta_fields)


def _content_format(args: argparse.Namespace, path: str) -> InputFormat:
    if args.input_format == "html" or (args.input_format == "auto" and is_html_path(path)):
        return "html"
    return "text"


def _container(args: argparse.Namespace, path: str) -> str | None:
    if args.input_format in ("jsonl", "csv", "parquet"):
        return str(args.input_format)
    return corpus_kind(path) if path != "-" else None


def is_corpus_run(paths: Iterable[str], args: argparse.Namespace) -> bool:
    return any(_container(args, p) for p in paths)


def input_tasks(paths: Iterable[str], args: argparse.Namespace, max_bytes: int | None = None) -> Iterator[Task]:
    """One task per file, or one per corpus row, in order (lazily)."""
    for p in paths:
        kind = _container(args, p)
        fmt = _content_format(args, p)
        if kind is not None:
            fields = CorpusFields(args.text_field, args.id_field, CorpusFields.parse_meta(args.meta_fields), fmt)
            yield from iter_corpus(p, fields, kind=kind, encoding=args.encoding, max_bytes=max_bytes)
        elif p == "-":
            yield read_input("-", max_bytes, encoding=args.encoding, input_format=fmt)
        elif args.encoding or fmt == "html":
            yield FileTask(p, p, args.encoding, fmt)
        else:
            yield p  # the plain path: read on the worker as before


__all__ = ["INPUT_FORMATS", "add_input_arguments", "check_input_arguments", "input_tasks", "is_corpus_run"]
