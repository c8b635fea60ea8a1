"""Recognisers: one class per entity kind, plus the registry users extend.

Built-in order matters (later ones read earlier results): dates → places → legal documents →
metrics → agencies → officials.
"""

from __future__ import annotations

from .base import BUILTINS, PatternRecognizer, Recognizer, TextRecognizer, create, lookup, register, registered

__all__ = [
    "BUILTINS",
    "PatternRecognizer",
    "Recognizer",
    "TextRecognizer",
    "create",
    "lookup",
    "register",
    "registered",
]
