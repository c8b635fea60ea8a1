"""Legal documents and standards: citations, their number and symbol, type, issuer and date.

By stage: ``tables`` (what the gazetteers say), ``standards``, ``citations`` (type words and
numbers, read by ``symbols``), ``attachment`` (signing date, trích yếu, named issuer),
``grouping`` (short forms join the full citation), ``issuers``; ``recognizer`` assembles them.
"""

from .recognizer import LegalRecognizer

__all__ = ["LegalRecognizer"]
