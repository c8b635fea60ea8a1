"""Predicates that lead from a name to its position: "ông A hiện là …", "bà B từng giữ chức …",
"ông C được bổ nhiệm làm …", "… Chánh Văn phòng, giữ chức Giám đốc Sở", "từ Trưởng phòng …
được bổ nhiệm làm Phó Giám đốc …".

The words are ``title_words`` rows: ``copula`` and ``appointment`` (a verb that gives the post),
``predicate_adverb`` (từng, đã, được … that may stand before them) and ``nomination`` (giới thiệu,
đề cử, dự kiến …): a post someone is only nominated for is not yet a position, so reading
stops there.
"""

from __future__ import annotations

from .state import DocumentReading
from .titles import read_title

_MAX_WORDS = 8  # predicate phrases before the position


def _phrase_at(reading: DocumentReading, pos: int) -> tuple[int, str] | None:
    """The longest predicate phrase at ``pos`` as ``(end, role)``, or None."""
    hit = reading.lex.predicates.at(reading.lower, pos)
    if hit is None or (pos > 0 and reading.text[pos - 1].isalnum()):
        return None
    return hit


def position_after_predicate(reading: DocumentReading, pos: int, *, continuing: bool = False) -> int:
    """Start of the position that a predicate at ``pos`` leads to, or -1.

    A verb (copula or appointment) must come first unless ``continuing`` a list of the same
    person's positions ("X rồi Y", "X được bổ nhiệm làm Y"), where any predicate word joins."""
    text, n = reading.text, reading.n
    i = pos
    verb = False
    words = 0
    for _ in range(_MAX_WORDS):
        while i < n and text[i] == " ":
            i += 1
        if i < n and text[i] == ":" and words:
            i += 1  # "các chức vụ: Phó hiệu trưởng, …"
            continue
        if words and (verb or continuing) and read_title(reading, i) is not None:
            return i
        hit = _phrase_at(reading, i)
        if hit is None:
            return -1
        end, role = hit
        if role == "nomination":
            return -1  # "được giới thiệu giữ chức …": not yet the post
        verb = verb or role in ("copula", "appointment")
        words += 1
        i = end
    return -1
