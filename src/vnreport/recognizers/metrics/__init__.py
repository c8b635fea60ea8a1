"""Metrics: reported figures with value in base units, unit, qualifier, subject and period.

``numbers`` reads Vietnamese number formats (``47,9``, ``270.000``, ``1,5 triệu``);
``recognizer`` finds figures and what they count.
"""

from .recognizer import MetricRecognizer

__all__ = ["MetricRecognizer"]
