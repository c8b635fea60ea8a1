"""Normalised text with a map back to the caller's original offsets.

Rules and gazetteers see one spelling of every character; users get offsets into the string
they passed. Normalisation happens in two passes:

1. *length-changing*: NFC for combining-mark clusters (NFD input), ``\\r\\n`` → ``\\n``, runs
   of horizontal white space (NBSP, thin spaces, tabs) → one space, zero-width and soft-hyphen
   characters removed, HTML entities (``&amp;``) unescaped. Each replaced chunk is recorded.
2. *length-preserving*: dash variants → ``-``, ``Ð`` (Icelandic eth, common in scraped
   Vietnamese) → ``Đ``, typographic quotes → ASCII, and the tone mark of open ``oa``/``oe``/``uy``
   syllables moved to the first vowel (``hoá`` → ``hóa``, ``uỷ`` → ``ủy``), the convention of the
   gazetteers and the gold files.

Because pass 2 never changes lengths, one list of replaced chunks maps every offset.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_HSPACE = "\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_ZERO_WIDTH = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069"

# A space-like item: a horizontal space character or a no-break-space entity.
_SPACE_ITEM = rf"(?:[{_HSPACE}]|&nbsp;|&#160;|&#[xX]0*[aA]0;)"

# Pass 1: everything whose replacement may change the length. A run of spaces, no-break spaces
# (also as entities) and zero-width characters with at least one space in it becomes ONE space
# ("a&nbsp;&nbsp;b", "a \u200b b" → "a b"), so that the same words give the same matches
# whatever invisible debris a page left between them.
_PASS1 = re.compile(
    rf"(?P<mark>[^{_COMBINING}]?[{_COMBINING}]+)"
    r"|(?P<crlf>\r\n?|[\u2028\u2029\x0b\x0c\x85])"
    rf"|(?P<space>[{_ZERO_WIDTH}]*+{_SPACE_ITEM}(?:{_SPACE_ITEM}|[{_ZERO_WIDTH}])*+)"
    rf"|(?P<zw>[{_ZERO_WIDTH}]+)"
    r"|(?P<ent>&(?:amp|lt|gt|quot|apos|nbsp|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});|&(?:amp|lt|gt|quot)(?=[A-ZĐ]))"
)

# Every pass-1 match starts at, or one character before, a character of this class (a mark's
# base, or a plain space before another space). Plain " " is left out because it is everywhere:
# runs of plain spaces are found with ``str.find("  ")``. A single character class lets the
# regex engine skip clean text at C speed, where ``_PASS1.finditer`` tries all its branches at
# every position (pass 1 was 40 % of extract's time on clean reports).
_PASS1_TRIGGER = re.compile(
    rf"[{_COMBINING}\r\u2028\u2029\x0b\x0c\x85\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
    rf"{_ZERO_WIDTH}&]"
)

_TRANSLATE = str.maketrans(
    {
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
        "\u00d0": "\u0110",  # Ð (eth) → Đ
        "\u00f0": "\u0111",  # ð → đ
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2026": "…",
    }
)
# str.translate with a dict costs a dict lookup per character (19 M chars/s); a chain of
# ``in`` + ``str.replace`` over the few characters it changes scans at memchr speed (>800 M/s).
_REPLACEMENTS = tuple((chr(k), v) for k, v in _TRANSLATE.items() if chr(k) != v)

# Tone on the second vowel of an open oa/oe/uy syllable ("new style") → on the first.
_TONED_A = "àáảãạ"
_TONED_E = "èéẻẽẹ"
_TONED_Y = "ỳýỷỹỵ"
_TONE_MOVE = re.compile(
    rf"(?<![qQ])(?:[oO][{_TONED_A}{_TONED_A.upper()}{_TONED_E}{_TONED_E.upper()}]"
    rf"|[uU][{_TONED_Y}{_TONED_Y.upper()}])(?!\w)"
)
# A superset of _TONE_MOVE's matches that starts with a character class, so the regex engine
# skips to the next o/u at C speed (_TONE_MOVE's leading look-behind makes it try every
# position: a third of the foundation's time); _move_tone_checked keeps only real matches.
_TONE_CANDIDATE = re.compile(
    rf"[oOuU][{_TONED_A}{_TONED_A.upper()}{_TONED_E}{_TONED_E.upper()}{_TONED_Y}{_TONED_Y.upper()}](?!\w)"
)


# Anything fold_tones could change, in one pattern (for short strings).
_FOLD_ANY = re.compile("[" + "".join(old for old, _ in _REPLACEMENTS) + "]|" + _TONE_CANDIDATE.pattern)


def _move_tone(m: re.Match[str]) -> str:
    first, second = m.group(0)[0], m.group(0)[1]
    decomposed = unicodedata.normalize("NFD", second)
    base, marks = decomposed[0], decomposed[1:]
    return unicodedata.normalize("NFC", first + marks) + base


def _move_tone_checked(m: re.Match[str]) -> str:
    if _TONE_MOVE.match(m.string, m.start()) is None:  # "quá", or "oỳ": not an oa/oe/uy syllable
        return m.group(0)
    return _move_tone(m)


def _pass1_replacement(m: re.Match[str]) -> str:
    kind = m.lastgroup
    s = m.group(0)
    if kind == "mark":
        return unicodedata.normalize("NFC", s)
    if kind == "crlf":
        return "\n"
    if kind == "space":
        return " "
    if kind == "zw":
        return ""
    out = html.unescape(s)
    return " " if out == "\xa0" else out


def _pass1_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches ``_PASS1.finditer(text)`` would give, found from trigger characters.

    Each step scans at C speed to the next candidate and tries ``_PASS1.match`` there and one
    character before; the next trigger and the next double space are each searched only once
    the scan has passed them, so the whole walk stays linear.
    """
    n = len(text)
    pos = 0
    next_trigger = next_double = -1
    while pos < n:
        if next_trigger < pos:
            t = _PASS1_TRIGGER.search(text, pos)
            next_trigger = t.start() if t is not None else n
        if next_double < pos:
            d = text.find("  ", pos)
            next_double = d if d >= 0 else n
        cand = min(next_trigger, next_double)
        if cand >= n:
            return
        m = (_PASS1.match(text, cand - 1) if cand > pos else None) or _PASS1.match(text, cand)
        if m is None:  # e.g. "&" that starts no entity
            pos = cand + 1
            continue
        yield m
        pos = m.end()


def lower_same_length(text: str) -> str:
    """``text.lower()`` when that keeps offsets (it does for Vietnamese), else char by char."""
    low = text.lower()
    if len(low) == len(text):
        return low
    # U+0130 (İ → "i̇") is the only character whose lower() is longer; keep it as is. Splitting
    # on it keeps this linear in C (a per-character loop took seconds on a multi-MB text).
    return "\u0130".join(part.lower() for part in text.split("\u0130"))


def fold_tones(text: str) -> str:
    """Length-preserving pass: dashes, quotes, eth and tone-mark position (see module doc)."""
    if len(text) < 256 and _FOLD_ANY.search(text) is None:
        return text  # one regex call instead of a loop of ``in`` tests: gazetteer cells, words
    for old, new in _REPLACEMENTS:
        if old in text:
            text = text.replace(old, new)
    return _TONE_CANDIDATE.sub(_move_tone_checked, text)


def normalize_string(text: str) -> str:
    """The normalised form of ``text`` (no offsets): for gazetteer entries and user input.

    Called for every gazetteer cell (~18 000 at start-up): text with nothing for pass 1 skips
    the offset bookkeeping, which was a third of the first ``extract`` call.
    """
    if isinstance(text, str) and _PASS1_TRIGGER.search(text) is None and "  " not in text:
        return fold_tones(text)
    return NormalizedText.from_text(text).text


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """``text`` is the normalised string; ``to_original`` maps its offsets back.

    Replaced chunks are stored as parallel lists (normalised start/end, original start/end);
    between chunks the two strings agree character for character, shifted by a constant.
    """

    original: str
    text: str
    _n_start: list[int] = field(default_factory=list)
    _n_end: list[int] = field(default_factory=list)
    _o_start: list[int] = field(default_factory=list)
    _o_end: list[int] = field(default_factory=list)

    @classmethod
    def from_text(cls, original: str) -> NormalizedText:
        if not isinstance(original, str):
            raise TypeError(f"expected str, got {type(original).__name__}")
        n_start: list[int] = []
        n_end: list[int] = []
        o_start: list[int] = []
        o_end: list[int] = []
        parts: list[str] = []
        last = 0
        n_pos = 0
        for m in _pass1_matches(original):
            rep = _pass1_replacement(m)
            s, e = m.span()
            if rep == m.group(0):
                continue
            parts.append(original[last:s])
            n_pos += s - last
            n_start.append(n_pos)
            o_start.append(s)
            parts.append(rep)
            n_pos += len(rep)
            n_end.append(n_pos)
            o_end.append(e)
            last = e
        if not parts:
            return cls(original, fold_tones(original))
        parts.append(original[last:])
        return cls(original, fold_tones("".join(parts)), n_start, n_end, o_start, o_end)

    @property
    def is_identity(self) -> bool:
        """True when offsets in ``text`` and ``original`` coincide."""
        return not self._n_start

    def start_to_original(self, i: int) -> int:
        """Original offset of the character that starts at normalised offset ``i``."""
        k = bisect_right(self._n_start, i) - 1
        if k < 0:
            return i
        if i < self._n_end[k]:
            return self._o_start[k]
        return i + self._o_end[k] - self._n_end[k]

    def end_to_original(self, i: int) -> int:
        """Original offset just after the character that ends at normalised offset ``i``."""
        k = bisect_left(self._n_start, i) - 1
        if k < 0:
            return i
        if i <= self._n_end[k]:
            return self._o_end[k]
        return i + self._o_end[k] - self._n_end[k]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised ``[start, end)`` to the original string; never inverted."""
        if start >= end:
            s = self.start_to_original(start)
            return s, s
        s = self.start_to_original(start)
        e = self.end_to_original(end)
        return s, max(s, e)

    def original_span(self, start: int, end: int) -> tuple[int, int, str]:
        if not self._n_start:  # clean text (most reports): offsets coincide, no bisecting
            if end < start:
                end = start
            return start, end, self.original[start:end]
        s, e = self.to_original(start, end)
        return s, e, self.original[s:e]
