"""Reading a few words on either side of a figure: cheap, bounded, local.

Every check of the recogniser looks at a handful of characters around one number (never a
scan of the whole text per figure), through these helpers.
"""

from __future__ import annotations

import re

# One token to the right of a position, on one line: a word, a digit or a punctuation mark.
TOKEN = re.compile(r"[ ]{0,2}(?:(?P<w>[^\W\d_]\w*(?:-\w+)*)|(?P<n>\d)|(?P<p>[^\w\s]))")
_SENTENCE_START_CHARS = frozenset(".!?:;\n\"'(“[-…")
_VIETNAMESE_LETTERS = frozenset("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ")
_LETTERS = re.compile(r"[^\W\d_]+")
_MARKED = re.compile(r"[^\W\d_]*[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]")


def has_vietnamese_letter(word: str) -> bool:
    return not _VIETNAMESE_LETTERS.isdisjoint(word)


#: Width of the stretches of text judged at once by :func:`looks_vietnamese`.
LANGUAGE_WINDOW = 80


def looks_vietnamese(lower: str, s: int) -> bool:
    """The line around ``s`` reads as Vietnamese: of its words near ``s`` (the stretch of
    ``LANGUAGE_WINDOW`` characters holding ``s`` and one stretch on either side), at least one in
    five carries a Vietnamese letter (a tone mark, ă â ê ô ơ ư đ). English ("On 19 July, the 5
    ministers met") has none, so its numbers are not read as counts of "July" or "ministers".
    Every ``s`` of one stretch gets the same answer, so a caller may remember it per stretch."""
    base = s - s % LANGUAGE_WINDOW
    lo, hi = max(0, base - LANGUAGE_WINDOW), min(len(lower), base + 2 * LANGUAGE_WINDOW)
    nl = lower.rfind("\n", lo, s)
    lo = nl + 1 if nl >= 0 else lo
    nl = lower.find("\n", s, hi)
    hi = nl if nl >= 0 else hi
    words = len(_LETTERS.findall(lower, lo, hi))
    return words < 4 or len(_MARKED.findall(lower, lo, hi)) * 5 >= words


def word_ends_before(lower: str, s: int) -> bool:
    """A word ends one or two spaces before ``s`` (a cheap test before a phrase search there)."""
    return (
        s >= 2
        and lower[s - 1] == " "
        and (lower[s - 2].isalpha() or (s >= 3 and lower[s - 2] == " " and lower[s - 3].isalpha()))
    )


def camel_split(text: str, start: int, end: int) -> int | None:
    """Offset in ``text[start:end]`` where a lower-case letter meets an upper-case one."""
    for i in range(start + 1, end):
        if text[i].isupper() and text[i - 1].islower():
            return i
    return None


def is_year(raw: str) -> bool:
    return len(raw) == 4 and raw.isdigit() and 1900 <= int(raw) <= 2100


def day_month(a: str, b: str) -> bool:
    return a.isdigit() and b.isdigit() and 1 <= int(a) <= 31 and 1 <= int(b) <= 12


def skip_token(text: str, pos: int) -> int:
    """End of the non-space run starting at ``pos`` (at most 64 characters)."""
    end = min(len(text), pos + 64)
    i = pos
    while i < end and not text[i].isspace():
        i += 1
    return i


def after_name(text: str, s: int) -> bool:
    """The number at ``s`` follows a capitalised word that does not open a sentence."""
    i = s - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    j = i
    while j >= 0 and (text[j].isalpha() or text[j] == "."):
        j -= 1
    word = text[j + 1 : i + 1]
    if not word or not word[0].isupper() or j + 1 == s:
        return False
    k = j
    while k >= 0 and text[k] == " ":
        k -= 1
    return k >= 0 and text[k] not in _SENTENCE_START_CHARS


def in_name(text: str, s: int) -> bool:
    """One of the two words before the number is a capitalised word inside a sentence."""
    i = s
    for _ in range(2):
        if after_name(text, i):
            return True
        while i > 0 and text[i - 1] == " ":
            i -= 1
        while i > 0 and text[i - 1].isalpha():
            i -= 1
        if i == s or i == 0 or text[i - 1] != " ":
            return False
    return False


def words_before(lower: str, s: int, n: int) -> list[str]:
    """Up to ``n`` words right before ``s``, separated by single spaces only, oldest first."""
    out: list[str] = []
    i = s
    lo = max(0, s - 40)
    while len(out) < n and i > lo:
        j = i
        if j > lo and lower[j - 1] == " ":
            j -= 1
        elif out:
            break
        k = j
        while k > lo and lower[k - 1].isalpha():
            k -= 1
        if k == j:
            break
        out.append(lower[k:j])
        i = k
    out.reverse()
    return out


def words_after(lower: str, pos: int, n: int) -> list[str]:
    """Up to ``n`` words from ``pos`` on; a digit ends the list (kept), punctuation ends it."""
    out: list[str] = []
    p = pos
    for _ in range(n):
        tm = TOKEN.match(lower, p)
        if tm is None or tm.group("p"):
            break
        if tm.group("n"):
            out.append(tm.group("n"))
            break
        out.append(tm.group("w"))
        p = tm.end()
    return out


def end_of_word(text: str, pos: int) -> int:
    """End of the first token after ``pos`` (``pos`` itself when there is none)."""
    tm = TOKEN.match(text, pos)
    return tm.end() if tm else pos
