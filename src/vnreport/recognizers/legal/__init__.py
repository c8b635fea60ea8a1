"""Legal documents and standards: citations, their number and symbol, type, issuer and date.

``symbols`` parses number/symbol strings (``43/2011/NĐ-CP``); ``recognizer`` finds citations,
resolves short forms to the full citation and attaches issuers and signing dates.
"""

from .recognizer import LegalRecognizer

__all__ = ["LegalRecognizer"]
