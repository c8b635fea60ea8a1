"""Agencies: state, Party and mass organisations, public service units and state groups.

Organisation names are built (head + name + unit or parent), so the recogniser parses them
from the heads the lexicon finds, resolves the unit from context and groups mentions of one body
under one canonical name.
"""

from .recognizer import AgencyRecognizer

__all__ = ["AgencyRecognizer"]
