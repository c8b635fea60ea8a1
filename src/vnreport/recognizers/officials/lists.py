"""Lists of people: "các đồng chí: A - X; B - Y", and appointment or membership lists whose
every member holds the list's position ("5 Phó Chủ tịch LĐLĐ tỉnh gồm các đồng chí: A, B, C",
"Dự có các Ủy viên Bộ Chính trị: A, Phó Chủ tịch Quốc hội; B, …", "Ba Phó ban kiêm nhiệm gồm:
ông A, …; ông B …"). The words that open a list ("gồm", "gồm có") are ``title_words`` rows of
role ``list_opening``.

Members need a listed surname: no single honorific or title vouches for each of them.
"""

from __future__ import annotations

from .names import listed_name_after
from .positions import read_apposition
from .reads import Extent, PersonMention, PositionRead
from .state import DocumentReading
from .titles import honorific_chain, starts_title
from .tokens import Tok

_MAX_MEMBERS = 64
_PLURALS = ("các", "những")


def member_list(reading: DocumentReading, positions: list[PositionRead]) -> list[PersonMention]:
    """The members listed after ``positions`` that no name followed ("… gồm: A, B"), each
    holding them; [] when no list opens there."""
    start = _list_start(reading, positions[-1].end)
    if start is None:
        return []
    return read_members(reading, start, None, positions)


def _list_start(reading: DocumentReading, pos: int) -> int | None:
    """Past ", gồm:", "gồm có", ":" after a position; None when no list opens at ``pos``."""
    st = reading.stream(pos)
    i = 0
    t = st.get(i)
    if t is not None and t.text == ",":
        i += 1
        t = st.get(i)
    if t is None:
        return None
    if t.text == ":":
        return t.end
    if t.kind != "lower":
        return None
    for opening in reading.words.list_openings:
        end = t.start + len(opening)
        if reading.lower.startswith(opening, t.start) and not reading.text[end : end + 1].isalnum():
            nxt = reading.stream(end).get(0)
            return nxt.end if nxt is not None and nxt.text == ":" else end
    return None


def _member_honorific(reading: DocumentReading, t: Tok) -> Extent | None:
    """ "ông", "các đồng chí" written before a member (or before the whole list)."""
    if t.kind == "lower" and t.text in _PLURALS:
        nxt = reading.stream(t.end).get(0)
        if nxt is None:
            return None
        return honorific_chain(reading, nxt.start)
    if reading.title_at(t.start, honorific=True) is None:
        return None
    return honorific_chain(reading, t.start)


def read_members(
    reading: DocumentReading, pos: int, chain: Extent | None, shared: list[PositionRead]
) -> list[PersonMention]:
    """Members from ``pos``, joined by ",", ";", "và", each with the ``shared`` positions, the
    honorific of the list (``chain``) or their own, and the positions written after them."""
    out: list[PersonMention] = []
    if (t := reading.stream(pos).get(0)) is not None and t.text == ":":
        pos = t.end
    for _ in range(_MAX_MEMBERS):
        t = reading.stream(pos).get(0)
        if t is None:
            break
        honorific = chain
        own = _member_honorific(reading, t)
        if own is not None:
            honorific = own
            if t.kind == "lower":  # "gồm các đồng chí: A, B, C": for every member
                chain = own
            after = reading.stream(own.end).get(0)
            t = reading.stream(after.end).get(0) if after is not None and after.text == ":" else after
            if t is None:
                break
        if t.kind != "name" or starts_title(reading, t.start):
            break
        name = listed_name_after(reading, t.start)
        if name is None:
            break
        more = read_apposition(reading, name.end)
        end = more[-1].end if more else name.end
        out.append(PersonMention(name, honorific, (*shared, *more), end))
        sep = reading.stream(end).get(0)
        if sep is not None and sep.text == "(":  # "(nay là Sở Nội vụ)"
            close = reading.text.find(")", sep.end, sep.end + 120)
            if close < 0:
                break
            sep = reading.stream(close + 1).get(0)
        if sep is not None and sep.text == "," and not _opens_member(reading, reading.stream(sep.end).get(0)):
            sep = _next_member_separator(reading, sep.end)  # "ông A, Cục X (Tổng cục Y) và ông B"
        if sep is None or not (sep.text in ",;" or sep.text == "và"):
            break
        pos = sep.end
    return out


#: Tokens of an organisation written after a member without a title, skipped to the next member.
_MAX_SKIPPED = 40


def _opens_member(reading: DocumentReading, t: Tok | None) -> bool:
    if t is None:
        return False
    if _member_honorific(reading, t) is not None:
        return True
    if t.kind != "name" or starts_title(reading, t.start):
        return False
    return listed_name_after(reading, t.start) is not None


def _next_member_separator(reading: DocumentReading, pos: int) -> Tok | None:
    """The ";" or "và" after a member's bare organisation, when another member follows it;
    None at the end of the sentence."""
    st = reading.stream(pos)
    for i in range(_MAX_SKIPPED):
        t = st.get(i)
        if t is None or t.kind == "nl" or t.text in (".", ":"):
            return None
        if t.text == ";" or t.text == "và":
            if _opens_member(reading, st.get(i + 1)):
                return t
            if t.text == ";":
                return None
            # a "và" inside the organisation's name ("Cục Kinh tế và Phát triển …"): go on
    return None
