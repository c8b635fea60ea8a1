"""Dates and periods: every date, the meeting date (``event_date``) and periods with ISO bounds.

``parse`` reads date shapes from lower-cased text (also used by the legal recogniser for
signing dates); ``signing`` holds the phrasing that ties a citation to its signing date (read by
both recognisers); ``recognizer`` turns dates into :class:`~vnreport.models.DateMention` spans.
"""

from .recognizer import DateRecognizer

__all__ = ["DateRecognizer"]
