"""Whether a figure is a change, and against what: "tăng 157% so với cùng kỳ".

A verb of change right before the figure (past its qualifier) makes it a change: ``figure_words``
rows of use ``increase`` (tăng, vượt, cao hơn …) or ``decrease`` (giảm, cắt giảm, thấp hơn …).
The value stays positive ("giảm 9,77%" is 9.77). The base is the phrase after "so với" in the
same clause, after the figure ("tăng 8,9% so với cùng kỳ năm 2017") or opening the clause before
it ("So với tháng trước, số doanh nghiệp giảm 27,4%"), as written.
"""

from __future__ import annotations

import re

from .around import word_ends_before
from .vocabulary import FigureVocabulary

_COMPARED = re.compile(r"(?<!\w)so với ")
_BASE_END = re.compile(r"[,;:()\n\"“”]|\.(?!\d)|(?<!\w)(?:và|nhưng|trong khi|thì|là|đạt|tăng|giảm)(?!\w)")
_CLAUSE_GAP = re.compile(r"[,;:()\n]")
_ASIDE = re.compile(r"\([^()\n]{0,40}\)")  # "tăng 1.793 tỷ đồng (tăng 16%) so với năm 2018"


def change_of(vocab: FigureVocabulary, lower: str, start: int) -> str | None:
    """``"increase"``/``"decrease"`` when a verb of change ends right before ``start``."""
    if vocab.change_re is None or not word_ends_before(lower, start):
        return None
    cm = vocab.change_re.search(lower, max(0, start - 24), start)
    if cm is None:
        return None
    return "increase" if cm.group(1) in vocab.increase_words else "decrease"


def _base_from(text: str, lower: str, pos: int, limit: int) -> str | None:
    bm = _BASE_END.search(lower, pos, limit)
    stop = bm.start() if bm else limit
    while stop > pos and lower[stop - 1] == " ":
        stop -= 1
    if stop <= pos or stop - pos > 80:
        return None
    return text[pos:stop]


def change_base(text: str, lower: str, sentence: tuple[int, int], start: int, end: int) -> str | None:
    """What the change of the figure at ``[start, end)`` is measured against, if written."""
    a, b = sentence
    close = lower.find(")", end, end + 3)
    if close >= 0 and not lower[end:close].strip():
        end = close + 1  # a figure in an aside takes the base after it: "(tăng 16%) so với năm 2018"
    cm = _COMPARED.search(lower, end, min(b, end + 60))
    if cm is not None and _CLAUSE_GAP.search(_ASIDE.sub("", lower[end : cm.start()])) is None:
        return _base_from(text, lower, cm.end(), min(b, cm.end() + 120))
    matches = list(_COMPARED.finditer(lower, a, start))
    if matches:
        last = matches[-1]
        comma = lower.find(",", last.end(), start)
        if comma >= 0:
            return _base_from(text, lower, last.end(), comma)
    return None
