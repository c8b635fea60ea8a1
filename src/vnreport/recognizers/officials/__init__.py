"""Officials: named people with their positions (title + organisation) and honorifics.

``tokens`` gives on-demand tokens, ``reader`` the grammar that reads names and positions around
a trigger (title, honorific), ``recognizer`` merges the reads into officials.
"""

from .recognizer import OfficialRecognizer

__all__ = ["OfficialRecognizer"]
