"""Officials: named people with their positions (title + organisation) and honorifics.

Split by stage, data flowing one way: ``tokens`` (on-demand tokens) and ``state`` (one
document's reading: text, lexicon, caches, primitive lookups) → ``titles`` (a title and its
modifiers) → ``names`` (names before/after a trigger or at the end of a run) →
``organisations`` (the organisation after a title) → ``positions`` (lists and appositions) →
``triggers`` (where reading starts, what each trigger yields) → ``merge`` (one person per full
name) → ``recognizer`` (the :class:`~vnreport.models.Official` objects). ``reads`` holds the
typed records passed between them.
"""

from .recognizer import OfficialRecognizer

__all__ = ["OfficialRecognizer"]
