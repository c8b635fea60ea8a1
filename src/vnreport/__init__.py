"""vnreport: structured, typed data from Vietnamese government news reports.

    >>> import vnreport
    >>> r = vnreport.extract(text)
    >>> r.officials[0].name, r.legal_documents[0].id, r.metrics[0].value

Offsets in every result point into the text you passed (``text[s.start:s.end] == s.text``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .lexicon.gazetteers import GazetteerError, Gazetteers
from .models import (
    Agency,
    DateMention,
    Entity,
    LegalDocument,
    Metric,
    Official,
    Period,
    Place,
    Position,
    Report,
    Span,
    Standard,
    Token,
    TokenList,
)
from .pipeline import ExtractionError, Pipeline, default_pipeline, extract

if TYPE_CHECKING:
    from .io.frames import Frames
    from .linking import Corpus

__version__ = "0.1.0"


def segment(text: str, backend: str = "pyvi") -> TokenList:
    """Word tokens of ``text`` with exact offsets (see :mod:`vnreport.text.segmentation`)."""
    from .text.segmentation import segment as _segment  # noqa: PLC0415 - loads a segmenter model

    return _segment(text, backend=backend)  # type: ignore[arg-type]


def sentences(text: str) -> list[Span]:
    """Sentence spans of ``text`` with exact offsets (see :mod:`vnreport.segmentation`)."""
    from .text.sentences import sentences as _sentences  # noqa: PLC0415

    return _sentences(text)


def to_frame(reports: Report | Iterable[Report | Mapping[str, Any]]) -> Frames:
    """Tidy pandas DataFrames, one per entity kind (see :mod:`vnreport.frames`; needs pandas)."""
    from .io.frames import to_frame as _to_frame  # noqa: PLC0415 - pandas stays optional

    return _to_frame(reports)


def link(reports: Iterable[Report | Mapping[str, Any]], gazetteers: Gazetteers | None = None) -> Corpus:
    """Link reports across a corpus: officials, agencies, legal documents with stable ids
    (see :mod:`vnreport.linking`). Takes Reports or ``vnreport extract`` records, consumed once."""
    from .linking import link as _link  # noqa: PLC0415 - linking loads its tables only when used

    return _link(reports, gazetteers)


def extract_html(html: str | bytes, *, url: str | None = None, **kwargs: Any) -> Report:
    """A :class:`Report` from an HTML page: main content only, title/date/author from the page's
    metadata where the body lacks them; ``report.text`` is the text the offsets point into
    (see :mod:`vnreport.io.html`; ``published=``, ``doc_id=``, ``pipeline=``, ``tokens=`` too)."""
    from .io.html import extract_html as _extract_html  # noqa: PLC0415 - the HTML stack only for pages

    return _extract_html(html, url=url, **kwargs)


def samples() -> dict[str, str]:
    """The bundled sample reports as ``{doc_id: text}`` (see :mod:`vnreport.corpus`)."""
    from .io.corpus import samples as _samples  # noqa: PLC0415

    return _samples()


__all__ = [
    "Agency",
    "DateMention",
    "Entity",
    "ExtractionError",
    "GazetteerError",
    "Gazetteers",
    "LegalDocument",
    "Metric",
    "Official",
    "Period",
    "Pipeline",
    "Place",
    "Position",
    "Report",
    "Span",
    "Standard",
    "Token",
    "TokenList",
    "__version__",
    "default_pipeline",
    "extract",
    "extract_html",
    "link",
    "samples",
    "segment",
    "sentences",
    "to_frame",
]
