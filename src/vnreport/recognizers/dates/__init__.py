"""Dates and periods: every date, the meeting date (``event_date``) and periods with ISO bounds.

``parse`` reads date shapes from lower-cased text (also used by the legal recogniser for
signing dates); ``recognizer`` turns them into :class:`~vnreport.models.DateMention` spans.
"""

from .recognizer import DateRecognizer

__all__ = ["DateRecognizer"]
