"""Titles and their modifiers: "nguyên Phó Chủ tịch Thường trực", "Giám đốc phụ trách", and the
honorific chains ("đồng chí Đại tá", "PGS.TS. BS.") written before names.

The title forms come from the ``titles``/``honorifics`` tables, the modifiers from
``title_words`` (roles former, acting, vice, suffix_modifier, generic_before).
"""

from __future__ import annotations

from ...lexicon.titles import is_sentence_start
from .reads import Extent, TitleRead
from .state import DocumentReading


def read_title(reading: DocumentReading, pos: int) -> TitleRead | None:
    """``[nguyên|cựu|quyền] [Phó] TITLE [Thường trực]`` at ``pos``, or None if no title starts here."""
    cache = reading.title_reads
    if pos in cache:
        return cache[pos]
    found = _read_title(reading, pos)
    cache[pos] = found
    return found


def _read_title(reading: DocumentReading, pos: int) -> TitleRead | None:
    text, lower, words = reading.text, reading.lower, reading.words
    i = pos
    former = acting = False
    vice = prefix = ""
    for _ in range(4):
        word_end = text.find(" ", i, i + 8)
        if word_end < 0 or reading.title_at(i) is not None:
            break  # ("Phó ban", "Phó Đô đốc" are titles themselves)
        word = lower[i:word_end]
        capital_ok = text[i].islower() or is_sentence_start(text, i) or _after_separator(text, i)
        if word in words.former and capital_ok and not former:
            former = True
        elif word in words.acting and capital_ok and not acting:
            acting = True
        elif word in words.vice and not vice:
            vice = word
        elif not prefix and (p := _prefix_at(reading, i)):
            prefix = text[i:p]
            word_end = p
        else:
            break
        i = word_end + 1
    hit = reading.title_at(i)
    if hit is None:
        return None
    end, info = hit
    title = info.title
    if vice and not title.lower().startswith(vice):
        title = vice.capitalize() + " " + title
    if acting:
        title = "Quyền " + title
    if prefix:
        title = prefix[:1].upper() + prefix[1:] + " " + title
    end, title = _suffix_modifiers(reading, end, title)
    return TitleRead(pos, end, title, former, info)


def _after_separator(text: str, i: int) -> bool:
    """A capitalised "Quyền"/"Nguyên" right after a comma, dash, colon or bracket opens an
    apposition ("Bà Lê Thị Hoa, Quyền Giám đốc Sở …"), not a name ("Trần Quyền"); the title
    that must follow it is checked by the caller."""
    j = i - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    return j >= 0 and text[j] in ",;:-–—(("


def _prefix_at(reading: DocumentReading, i: int) -> int:
    """End of a title prefix ("Hàm", "tập sự") at ``i`` (any case), or 0."""
    for prefix in reading.words.prefixes:
        end = i + len(prefix)
        if reading.lower.startswith(prefix, i) and reading.text[end : end + 1] == " ":
            return end
    return 0


def _suffix_modifiers(reading: DocumentReading, end: int, title: str) -> tuple[int, str]:
    """Extend a title through "Thường trực", "TT", "chuyên trách"; stop before "phụ trách"."""
    text, lower, n = reading.text, reading.lower, reading.n
    j = end
    while j < n and text[j] == " ":
        j += 1
    for mod in reading.words.suffix_modifiers:
        if lower.startswith(mod, j):
            e2 = j + len(mod)
            if e2 >= n or not text[e2].isalnum():
                title += " " + text[j:e2]
                end = e2
                break
    if end < j and text.startswith("TT ", j) and j + 3 < n and text[j + 3].isupper():
        title += " Thường trực"  # "Phó Bí thư TT Tỉnh ủy"
        end = j + 2
    if lower.startswith("phụ trách ", j) and text[j + 10 : j + 11].isupper():
        end = j + 9  # "Phó Giám đốc phụ trách Sở Xây dựng": the organisation follows
    return end, title


def left_modifiers(reading: DocumentReading, s: int) -> int:
    """Start of "nguyên Phó" etc. written before the title found at ``s``."""
    start = s
    low, text, words = reading.lower, reading.text, reading.words
    for vice in words.vice:
        ln = len(vice) + 1
        if low.endswith(vice + " ", 0, start) and (start - ln == 0 or not low[start - ln - 1].isalnum()):
            start -= ln
            break
    for w in (*words.former, *words.acting):
        ln = len(w) + 1
        if low.endswith(w + " ", 0, start) and (start - ln == 0 or not low[start - ln - 1].isalnum()):
            p = start - ln
            if text[p].islower() or is_sentence_start(text, p):
                start = p
            break
    return start


def generic_before(reading: DocumentReading, pos: int) -> bool:
    """'các Phó Thủ tướng', 'chức vụ thứ trưởng', 'Ban giám đốc', 'Hội nhạc sĩ'."""
    text, lower = reading.text, reading.lower
    j = pos
    while j > 0 and text[j - 1] == " ":
        j -= 1
    i = j
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    if i == j:
        return False
    word = lower[i:j]
    if word in reading.words.generic_before or lower[max(0, i - 5) : j] == "chức vụ":
        return True
    if word in ("chí", "vị") and lower[max(0, i - 9) : j].endswith(("các đồng chí", "các vị")):
        return True
    # "Hội nhạc sĩ", "Ban giám đốc": a title word right after an organisation word.
    return text[i].isupper() and word in ("hội", "ban", "chi hội")


def plural_before(reading: DocumentReading, pos: int) -> bool:
    """ "các", "những" or a number before ``pos`` ("các Ủy viên Bộ Chính trị", "Ba Phó ban",
    "5 Phó Chủ tịch"): a title that a list of its holders may follow."""
    text, lower = reading.text, reading.lower
    j = pos
    while j > 0 and text[j - 1] == " ":
        j -= 1
    i = j
    while i > 0 and text[i - 1].isalnum():
        i -= 1
    word = lower[i:j]
    return word.isdigit() or word in reading.words.plurals


def starts_title(reading: DocumentReading, pos: int) -> bool:
    """A title ("Phó Chủ tịch", "nguyên Bộ trưởng") or honorific starts at ``pos``."""
    return reading.title_at(pos, honorific=True) is not None or read_title(reading, pos) is not None


def honorific_chain(reading: DocumentReading, pos: int) -> Extent | None:
    """ "đồng chí", "PGS.TS. BS.", "đồng chí Đại tá": the honorifics from ``pos``."""
    end = pos
    i = pos
    found = False
    for _ in range(4):
        hit = reading.title_at(i, honorific=True)
        if hit is None:
            break
        end = hit[0]
        found = True
        i = end
        while i < reading.n and reading.text[i] in " .":
            i += 1
    return Extent(pos, end) if found else None
