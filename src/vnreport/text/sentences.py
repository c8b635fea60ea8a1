"""Sentence spans with exact offsets (``vnreport.sentences``), by rule.

A line break always ends a sentence; ``.``/``!``/``?`` end one when followed by white space and
a capital, digit or opening bracket/quote, except after titles such as ``TP.``/``TS.``/
``PGS.TS.`` and list markers (``1.``, ``II.``); an ellipsis ends one only before a capital letter
("xã hội… Trong công tác"), never before lower case ("… tập trung").
"""

from __future__ import annotations

import re

from ..models import Span
from .normalize import NormalizedText
from .segmentation import _TITLES

# A candidate end: a run of terminal punctuation (starting only at the run's first character,
# so long runs stay linear), closing quotes/brackets, then horizontal space, or directly a
# letter after an ellipsis ("Hậu Giang…Về lĩnh vực"). Group 1 is the next character.
_TERMINAL = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’)\]»]*+(?:[^\S\n]++|(?<=…))(?=(\S))")
_LINE = re.compile(r"[^\n]+")
_LAST_WORD = re.compile(r"\w+$")
_LIST_MARKER = re.compile(r"\s*(?:\d{1,2}|[IVXL]{1,5}|[a-zđ])")  # "1. Kết quả", "II. Nhiệm vụ"
_OPENERS = frozenset("(\"'“‘[«-")
_TITLE_SET = frozenset(_TITLES) | {"Tr", "tr", "Q", "P"}


def _ends_sentence(s: str, m: re.Match[str], start: int) -> bool:
    """Whether the candidate ``m`` ends the sentence that began at ``start``."""
    nxt = m.group(1)
    term = m.group(0).rstrip()
    if term[0] == "…" or term.startswith(".."):
        return nxt.isupper()  # "… tập trung" goes on; "xã hội… Trong công tác" is a new one
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
        return False
    if "?" in term or "!" in term:
        return True
    a = m.start()
    if a - start <= 6 and _LIST_MARKER.fullmatch(s, start, a):
        return False
    w = _LAST_WORD.search(s, max(start, a - 12), a)
    return w is None or w.end() != a or w.group() not in _TITLE_SET


def sentences(text: str) -> list[Span]:
    """Sentence spans of ``text`` with exact offsets, trimmed of surrounding white space."""
    nt = NormalizedText.from_text(text)
    s = nt.text
    out: list[Span] = []

    def emit(a: int, b: int) -> None:
        seg = s[a:b]
        stripped = seg.strip()
        if stripped:
            a += len(seg) - len(seg.lstrip())
            b = a + len(stripped)
            oa, ob = nt.to_original(a, b)
            while text[oa].isspace() and oa < ob - 1:  # a mark cluster that began with a space
                oa += 1
            out.append(Span(start=oa, end=ob, text=text[oa:ob]))

    for line in _LINE.finditer(s):
        ls, le = line.span()
        start = ls
        for m in _TERMINAL.finditer(s, ls, le):
            if _ends_sentence(s, m, start):
                emit(start, m.end())
                start = m.end()
        emit(start, le)
    return out
