"""The pipeline: raw text → normalised Doc → layout → recognisers → typed Report.

``Pipeline`` is built once (gazetteers read, automata compiled) and reused for every document;
``vnreport.extract`` uses a process-wide default pipeline.
"""

from __future__ import annotations

import datetime as dt
import gc
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, Literal

from .lexicon import schema
from .lexicon.gazetteers import GazetteerError, Gazetteers, GazetteerSource
from .models import Entity, Place, Report
from .recognizers import BUILTINS, Recognizer, create
from .text import layout
from .text.document import Doc

#: Report list fields that built-in recognisers fill, by label.
_REPORT_FIELDS = ("dates", "places", "legal_documents", "standards", "metrics", "agencies", "officials")

TokenBackend = Literal["pyvi", "underthesea"]


class ExtractionError(RuntimeError):
    """A recogniser failed on a document; the message names the recogniser and document."""


def _check_text(text: object) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            "vnreport.extract() takes text (str), not bytes: decode it first, e.g. "
            "data.decode('utf-8'), or use the CLI, which reads files as UTF-8"
        )
    raise TypeError(
        f"vnreport.extract() takes the report text as a str, got {type(text).__name__}; "
        "read a file with Path(p).read_text(encoding='utf-8')"
    )


def _check_doc_id(doc_id: object) -> str | None:
    """Reject a bad ``doc_id`` before extracting, not after (pydantic would raise a
    ValidationError once the whole document had been read, and turn bytes into text silently)."""
    if doc_id is None or isinstance(doc_id, str):
        return doc_id
    raise TypeError(f"doc_id must be a str or None, got {type(doc_id).__name__}; convert it first, e.g. str(doc_id)")


#: What ``published=`` accepts: a datetime, a date (midnight) or an ISO 8601 string.
PublishedLike = dt.datetime | dt.date | str


def _check_published(published: object) -> dt.datetime | None:
    """The caller's page date as a datetime (a date is midnight, an ISO string is parsed), so a
    scraper's metadata can stand in where the text has no date line."""
    if published is None or isinstance(published, dt.datetime):
        return published
    if isinstance(published, dt.date):
        return dt.datetime(published.year, published.month, published.day)
    if isinstance(published, str):
        value = published.strip()
        try:
            return dt.datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
        except ValueError:
            raise ValueError(
                f"published={published!r} is not an ISO 8601 date or datetime (e.g. 2013-10-21 or 2013-10-21T16:57)"
            ) from None
    raise TypeError(f"published must be a datetime, a date or an ISO string, got {type(published).__name__}")


def _check_tables_are_read(gazetteers: Gazetteers, recognizers: Sequence[Recognizer]) -> None:
    """Refuse a table that neither the schema nor any recogniser of the pipeline reads: it is a
    misnamed or stray file whose rows would be silently ignored."""
    known = set(schema.TABLES) | {t for r in recognizers for t in r.tables}
    for table in gazetteers.names():
        if table in known:
            continue
        rows = gazetteers.rows(table)
        origin = rows[0].origin.rsplit(":", 1)[0] if rows else "<code>"
        raise GazetteerError(
            f"{origin}: no recogniser of this pipeline reads a gazetteer table {table!r}; the bundled "
            f"tables are {sorted(schema.TABLES)}. A table of your own recogniser: pass the recogniser "
            f"in extra_recognizers=[...] and name the table in its `tables = ({table!r},)`"
        )


#: Documents at least this long are extracted with the cyclic garbage collector paused.
GC_PAUSE_CHARS = 200_000
_gc_lock = threading.Lock()
_gc_state = {"paused": 0, "was_enabled": False}


@contextmanager
def _collector_paused(n_chars: int) -> Iterator[None]:
    """Pause the cyclic collector while a large document is extracted.

    Extraction allocates millions of short-lived objects that form no reference cycles; the
    collector's full passes over them cost up to 13 % of the time on multi-megabyte reports.
    The pause is counted across threads, so concurrent extractions share it, and the collector
    is switched back on (if it was on) when the last one ends.
    """
    if n_chars < GC_PAUSE_CHARS:
        yield
        return
    with _gc_lock:
        if _gc_state["paused"] == 0:
            _gc_state["was_enabled"] = gc.isenabled()
            gc.disable()
        _gc_state["paused"] += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_state["paused"] -= 1
            if _gc_state["paused"] == 0 and _gc_state["was_enabled"]:
                gc.enable()


def _display_name(r: Recognizer) -> str:
    """How messages name a recogniser: its name, else its label, else its class."""
    return r.name or r.label or type(r).__name__


class Pipeline:
    """A configured extractor.

    Args:
        gazetteers: extra gazetteer folders, ``.tsv`` files, mappings ``{table: [row, ...]}``
            or :class:`Gazetteers` objects, added after the bundled ones.
        disable: names of built-in recognisers to skip (``"metrics"``, ``"officials"`` …).
        extra_recognizers: user recognisers, run after the built-ins.
        token_backend: word segmenter used when tokens are asked for.
    """

    def __init__(
        self,
        gazetteers: Sequence[GazetteerSource] = (),
        *,
        disable: Iterable[str] = (),
        extra_recognizers: Sequence[Recognizer] = (),
        token_backend: TokenBackend = "pyvi",
        bundled_gazetteers: bool = True,
    ) -> None:
        if isinstance(gazetteers, (str, bytes)) or not isinstance(gazetteers, Sequence):
            gazetteers = [gazetteers]
        self.gazetteers = Gazetteers.load(*gazetteers, bundled=bundled_gazetteers)
        disabled = set(disable)
        unknown = disabled - set(BUILTINS)
        if unknown:
            raise ValueError(f"unknown recogniser(s) to disable: {sorted(unknown)}; built-ins are {list(BUILTINS)}")
        self.recognizers: list[Recognizer] = [create(name) for name in BUILTINS if name not in disabled]
        for r in extra_recognizers:
            if not isinstance(r, Recognizer):
                raise TypeError(f"extra recognisers must subclass vnreport.recognizers.Recognizer, got {r!r}")
            self.recognizers.append(r)
        self.token_backend: TokenBackend = token_backend
        _check_tables_are_read(self.gazetteers, self.recognizers)
        self.layout_vocabulary = layout.vocabulary_of(self.gazetteers)
        for r in self.recognizers:
            r.setup(self.gazetteers)

    @property
    def names(self) -> list[str]:
        return [r.name for r in self.recognizers]

    def add_recognizer(self, recognizer: Recognizer) -> None:
        """Append a recogniser (set up with this pipeline's gazetteers)."""
        if not isinstance(recognizer, Recognizer):
            raise TypeError(f"expected a Recognizer, got {recognizer!r}")
        recognizer.setup(self.gazetteers)
        self.recognizers.append(recognizer)

    # ------------------------------------------------------------------ running
    def make_doc(self, text: str, doc_id: str | None = None, *, published: PublishedLike | None = None) -> Doc:
        """Normalise and analyse layout, without running recognisers.

        ``published`` (the page date a scraper or an HTML page gives) is used where the text
        has no date line of its own: the text's own date, with its time, wins.
        """
        given = _check_published(published)
        doc = Doc(_check_text(text), doc_id=_check_doc_id(doc_id))
        doc.layout = layout.analyse(doc, self.layout_vocabulary)
        if doc.layout.published is None and given is not None:
            doc.layout.published = given
        doc.context.published = doc.layout.published
        return doc

    def run(self, doc: Doc) -> Doc:
        for r in self.recognizers:
            try:
                doc.found[r.label] = r.find(doc)
            except Exception as e:
                where = f" in document {doc.doc_id!r}" if doc.doc_id else ""
                raise ExtractionError(
                    f"recogniser {_display_name(r)!r} failed{where} (an internal error, please report it: "
                    f"{type(e).__name__}: {e})"
                ) from e
        return doc

    def __call__(
        self,
        text: str,
        *,
        doc_id: str | None = None,
        tokens: bool = False,
        published: PublishedLike | None = None,
        url: str | None = None,
    ) -> Report:
        """Extract a :class:`Report` from one report's text.

        ``published`` and ``url`` are page metadata the caller has (a scraper's fields): the
        date fills ``Report.published`` (and anchors years) where the text has no date line;
        the address goes to ``Report.url``.
        """
        if url is not None and not isinstance(url, str):
            raise TypeError(f"url must be a str or None, got {type(url).__name__}")
        with _collector_paused(len(text) if isinstance(text, str) else 0):
            doc = self.run(self.make_doc(text, doc_id, published=published))
            report = self.to_report(doc)
            report.url = url
            if tokens:
                from .text.segmentation import segment_normalized  # noqa: PLC0415 - heavy, only when asked

                report.tokens = segment_normalized(doc.norm, backend=self.token_backend)
        return report

    extract = __call__

    def pipe(self, texts: Iterable[str], *, tokens: bool = False) -> Iterator[Report]:
        """Reports for many texts, in order."""
        for text in texts:
            yield self(text, tokens=tokens)

    # ------------------------------------------------------------------ assembly
    def to_report(self, doc: Doc) -> Report:
        lay = doc.layout or layout.Layout()  # a Doc made without make_doc has no layout
        fields: dict[str, Any] = {name: list(doc.found.get(name) or []) for name in _REPORT_FIELDS}
        entities: list[Entity] = []
        for r in self.recognizers:
            if r.label not in _REPORT_FIELDS:
                entities += doc.found.get(r.label) or []
        entities.sort(key=lambda e: (e.start, e.end, e.label))
        province = doc.context.province
        return Report(
            doc_id=doc.doc_id,
            text_length=len(doc.original),
            title=doc.text[lay.title[0] : lay.title[1]] if lay.title else None,
            published=lay.published,
            source=lay.source,
            authors=[doc.text[s:e] for s, e in lay.authors],  # values are normalised; spans are original
            event_date=doc.context.event_date,
            province=province if isinstance(province, Place) else None,
            boilerplate=[doc.span(s, e) for s, e in doc.boilerplate_ranges()],
            entities=entities,
            **fields,
        )


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The process-wide pipeline behind :func:`extract` (built on first use)."""
    return Pipeline()


def extract(
    text: str,
    *,
    doc_id: str | None = None,
    tokens: bool = False,
    published: PublishedLike | None = None,
    url: str | None = None,
) -> Report:
    """Extract officials, agencies, legal documents, figures … from one report's text.

    Offsets in the result point into ``text`` as given. ``tokens=True`` also fills
    ``Report.tokens`` (word segmentation, slower). ``published`` (datetime, date or ISO
    string) and ``url`` are page metadata you already have: the date is used where the text
    has no date line of its own.
    """
    return default_pipeline()(text, doc_id=doc_id, tokens=tokens, published=published, url=url)
