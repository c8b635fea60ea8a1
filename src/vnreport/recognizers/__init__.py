"""Recognisers: one class per entity kind, plus the registry users extend.

Built-in order matters (later ones read earlier results): dates → places → legal documents →
metrics → agencies → officials.
"""

from __future__ import annotations

from .base import PatternRecognizer, Recognizer, TextRecognizer, create, register, registered

#: Built-in recognisers in run order, as ``module:Class`` (imported on first use).
BUILTIN: tuple[tuple[str, str], ...] = (
    ("dates", "vnreport.recognizers.dates:DateRecognizer"),
    ("places", "vnreport.recognizers.places:PlaceRecognizer"),
    ("legal", "vnreport.recognizers.legal:LegalRecognizer"),
    ("metrics", "vnreport.recognizers.metrics:MetricRecognizer"),
    ("agencies", "vnreport.recognizers.agencies:AgencyRecognizer"),
    ("officials", "vnreport.recognizers.officials:OfficialRecognizer"),
)

__all__ = [
    "BUILTIN",
    "PatternRecognizer",
    "Recognizer",
    "TextRecognizer",
    "create",
    "register",
    "registered",
]
