"""Placeholder: finds nothing yet (being implemented)."""

from __future__ import annotations

from ..document import Doc
from .base import Recognizer, register


@register("officials")
class OfficialRecognizer(Recognizer):
    label = "officials"

    def find(self, doc: Doc) -> list:
        return []
