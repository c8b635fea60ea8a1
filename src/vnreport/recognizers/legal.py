"""Placeholder: finds nothing yet (being implemented)."""

from __future__ import annotations

from ..document import Doc
from .base import Recognizer, register


@register("legal")
class LegalRecognizer(Recognizer):
    label = "legal_documents"

    def find(self, doc: Doc) -> list:
        return []
