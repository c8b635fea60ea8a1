"""Placeholder: finds nothing yet (being implemented)."""

from __future__ import annotations

from ..document import Doc
from .base import Recognizer, register


@register("dates")
class DateRecognizer(Recognizer):
    label = "dates"

    def find(self, doc: Doc) -> list:
        return []
