"""Qualifiers: how exact a figure is ("gần", "trên", "không quá" before it; "trở lên" after it).

The phrases are the gazetteer table ``metric_qualifiers``.
"""

from __future__ import annotations

import re

from .around import word_ends_before, words_before
from .vocabulary import FigureVocabulary


def qualifier_match(vocab: FigureVocabulary, lower: str, s: int) -> re.Match[str] | None:
    """The qualifier phrase ending right before ``s`` (one or two spaces before it), if any."""
    if not word_ends_before(lower, s):
        return None
    return vocab.qualifier_before_re.search(lower, max(0, s - 24), s)


def qualifier_before(vocab: FigureVocabulary, lower: str, s: int) -> tuple[str | None, int | None]:
    """``(qualifier, start of its text or None)`` of the phrase right before ``s``."""
    qm = qualifier_match(vocab, lower, s)
    if qm is None:
        return None, None
    entry = vocab.qualifiers_before[qm.group(1)]
    if entry.not_after:
        prev = words_before(lower, qm.start(1), 2)
        if prev and (prev[-1] in entry.not_after or " ".join(prev) in entry.not_after):
            return None, None  # "mức lương tối thiểu 350.000 đồng/tháng": a minimum wage, not a bound
    return entry.qualifier, (qm.start(1) if entry.in_text else None)


def qualifier_after(vocab: FigureVocabulary, lower: str, end: int) -> tuple[int, str | None]:
    """``(end, qualifier)`` of "trở lên"/"trở xuống" right after ``end``, if any."""
    if vocab.qualifier_after_re is not None:
        am = vocab.qualifier_after_re.match(lower, end)
        if am:
            return am.end(), vocab.qualifiers_after[am.group(1)]
    return end, None
