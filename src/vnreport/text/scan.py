"""Token-at-a-time scanning of normalised text, for rules that read a few words around a match.

Recognisers find candidates with an Aho-Corasick pass and then look only at the next or previous
few tokens, so no rule ever tokenises a whole document or backtracks over it. Tokens never cross
a line break: a name does not run on into the next paragraph.
"""

from __future__ import annotations

import re

#: A word (letters/digits, "TT&TT" joined by &) or one other non-space character.
_TOKEN = re.compile(r"[^\W_]+(?:&[^\W_]+)*|[^\s]")
_SPACES = " \t"


def token_at(text: str, pos: int, limit: int | None = None) -> tuple[int, int] | None:
    """``(start, end)`` of the first token at or after ``pos`` on the same line, or None."""
    n = len(text) if limit is None else min(limit, len(text))
    while pos < n and text[pos] in _SPACES:
        pos += 1
    if pos >= n or text[pos] == "\n":
        return None
    m = _TOKEN.match(text, pos, n)
    return (m.start(), m.end()) if m else None


def token_before(text: str, pos: int) -> tuple[int, int] | None:
    """``(start, end)`` of the token that ends before ``pos`` on the same line, or None."""
    i = pos
    while i > 0 and text[i - 1] in _SPACES:
        i -= 1
    if i == 0 or text[i - 1] == "\n":
        return None
    end = i
    c = text[i - 1]
    if not (c.isalnum()):
        return (i - 1, i)
    while i > 0 and (text[i - 1].isalnum() or (text[i - 1] == "&" and i > 1 and text[i - 2].isalnum())):
        i -= 1
    return (i, end)


def is_word(tok: str) -> bool:
    return bool(tok) and tok[0].isalnum()


def is_capitalised(tok: str) -> bool:
    """'Hậu', 'TT&TT', 'UBND': starts with an upper-case letter."""
    return bool(tok) and tok[0].isupper()


def is_all_caps(tok: str) -> bool:
    """An abbreviation such as 'UBND', 'TT&TT', 'CNTT' (two or more letters, all upper case)."""
    letters = [c for c in tok if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def clause_before(text: str, pos: int, width: int = 80) -> str:
    """The text before ``pos`` back to the previous clause break (``,;.:()`` or line start)."""
    lo = max(line_start(text, pos), pos - width)
    seg = text[lo:pos]
    cut = max(seg.rfind(c) for c in ',;.:()!?"')
    return seg[cut + 1 :] if cut >= 0 else seg
