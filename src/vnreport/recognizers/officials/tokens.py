"""Tokens read on demand, for rule readers that look at a few words around a trigger.

Tokenising a whole 5 MB report costs more than everything the officials reader does with it;
the reader only needs a handful of tokens after each title or honorific. :class:`Tokens` reads
one token at a time at any offset (and remembers it: readings of a list overlap), and
:class:`Stream` gives index access to the tokens after an offset, within a window.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ...lexicon.names import is_name_syllable

# One token: a newline, a word ("TT&TT", "GD-ĐT", "TP.HCM", "H'Hen" kept whole; the text is
# NFC, so Vietnamese letters are single \w characters), or one punctuation character. Linear:
# each repetition consumes a separator that \w cannot match.
TOKEN = re.compile(r"(\n)|(\w+(?:[.'&/\-]\w+)*)|([^\w\s])")
_KIND_CACHE: dict[str, str] = {}


class Tok(NamedTuple):
    start: int
    end: int
    text: str
    kind: str  # nl | punct | name | cap | upper | lower | num | other


def classify(text: str) -> str:
    kind = _KIND_CACHE.get(text)
    if kind is None:
        kind = classify_uncached(text)
        if len(_KIND_CACHE) < 50_000:
            _KIND_CACHE[text] = kind
    return kind


def classify_uncached(text: str) -> str:
    c = text[0]
    if c.isdigit():
        return "num"
    if c.islower():
        return "other" if "." in text else "lower"  # "hiệu.Tại": a missing space after a full stop
    if c.isupper():
        if is_name_syllable(text):
            return "name"
        letters = [ch for ch in text if ch.isalpha()]
        if len(letters) >= 2 and all(ch.isupper() for ch in letters):
            return "upper"
        return "cap"
    return "other"


new_tok = tuple.__new__  # Tok without the Python-level NamedTuple constructor (hot path)


class Tokens:
    """Tokens of a document, read on demand and cached by offset (readings overlap a lot)."""

    __slots__ = ("_at", "n", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)
        self._at: dict[int, Tok | None] = {}

    def after(self, pos: int) -> Tok | None:
        """The first token at or after ``pos`` (spaces skipped)."""
        at = self._at
        if pos in at:
            return at[pos]
        text = self.text
        j = pos
        n = self.n
        while j < n and (text[j] == " " or text[j] == "\t"):
            j += 1
        tok: Tok | None = None
        if j < n:
            m = TOKEN.match(text, j)
            if m is None:  # a lone character the pattern does not cover (e.g. "\r")
                tok = new_tok(Tok, (j, j + 1, text[j], "punct"))
            else:
                t = m.group()
                g = m.lastindex
                tok = new_tok(Tok, (j, m.end(), t, "nl" if g == 1 else "punct" if g == 3 else classify(t)))
        at[pos] = tok
        return tok


class Stream:
    """Tokens from ``pos`` on, within ``window`` characters."""

    __slots__ = ("_buf", "_limit", "_toks")

    def __init__(self, toks: Tokens, pos: int, window: int = 800) -> None:
        self._toks = toks
        self._limit = pos + window
        first = toks.after(pos)
        self._buf: list[Tok] = [first] if first is not None and first[1] <= self._limit else []

    def get(self, i: int) -> Tok | None:
        buf = self._buf
        if i < len(buf):
            return buf[i]
        if not buf:
            return None
        while len(buf) <= i:
            t = self._toks.after(buf[-1][1])
            if t is None or t[1] > self._limit:
                return None
            buf.append(t)
        return buf[i]
