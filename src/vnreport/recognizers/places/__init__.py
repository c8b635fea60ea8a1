"""Places: provinces, districts and communes named in the report, and the report's province."""

from .recognizer import PlaceRecognizer

__all__ = ["PlaceRecognizer"]
