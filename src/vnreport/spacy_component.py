"""The spaCy component (entry point ``vnreport.spacy_component:make_vnreport``, public path);
see :mod:`vnreport.io.spacy_component`."""

from .io.spacy_component import (
    DISPLACY_OPTIONS,
    DISPLACY_SPAN_OPTIONS,
    LABEL_COLORS,
    SPANS_KEY,
    VnReportComponent,
    annotate,
    make_vnreport,
    render,
)

__all__ = [
    "DISPLACY_OPTIONS",
    "DISPLACY_SPAN_OPTIONS",
    "LABEL_COLORS",
    "SPANS_KEY",
    "VnReportComponent",
    "annotate",
    "make_vnreport",
    "render",
]
