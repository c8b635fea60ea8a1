"""Where reading starts: every title or honorific of the document (one Aho-Corasick pass), and
what is read from each: a person named after an honorific ("ông A – Giám đốc …"), the members
of a plural ("các đồng chí: A - X; B - Y"), or the holder of a title ("Phó Chủ tịch UBND tỉnh A",
"Phó Chủ tịch UBND tỉnh, ông A", "A - Giám đốc Sở").
"""

from __future__ import annotations

from ...lexicon.titles import TitleInfo
from .lists import member_list, read_members
from .names import NAME_SEPARATORS, is_foreign_name_word, listed_name_after, read_name_after, read_name_before
from .positions import read_apposition, read_positions
from .predicates import position_after_predicate
from .reads import Extent, NameSpan, PersonMention, PositionRead
from .state import DocumentReading
from .titles import generic_before, honorific_chain, left_modifiers, plural_before, read_title

_PLURAL_BEFORE_ADDRESS = ("các", "những", "hai", "ba", "bốn", "năm")


def read_document(reading: DocumentReading) -> list[PersonMention]:
    """Every person mention of the document, in text order of their triggers."""
    out: list[PersonMention] = []
    consumed = -1
    doc = reading.doc
    last: dict[str, PersonMention] = {}  # the latest person addressed as "ông", "bà" …
    for m in reading.lex.triggers.find(reading.lower):
        s, e, info = m.start, m.end, m.payload
        if s < consumed or s < reading.read_until or not reading.case_ok(s, e, info) or doc.is_boilerplate(s, e):
            continue
        if info.kind == "address" and (pronoun := from_pronoun(reading, s, e, last)) is not None:
            found = [pronoun]
        elif not worth_reading(reading, s, e, info):
            continue
        else:
            found = from_honorific(reading, s, info) if info.is_honorific else from_title(reading, s)
        for mention in found:
            if doc.is_boilerplate(mention.name.start, mention.name.end):
                continue
            out.append(mention)
            consumed = max(consumed, mention.end, mention.name.end)
            if mention.honorific is not None:
                last[reading.lower[mention.honorific.start : mention.honorific.end]] = mention
    return out


_PRONOUN_REACH = 1500  # characters back to the person a pronoun "ông"/"bà" refers to


def from_pronoun(reading: DocumentReading, s: int, e: int, last: dict[str, PersonMention]) -> PersonMention | None:
    """ "Ông Đinh La Thăng 57 tuổi … Ông là Ủy viên Trung ương Đảng …", "Trước đó, ông làm Bộ
    trưởng …": a form of address with no name, then a predicate and a post, is the person last
    addressed that way (within a paragraph or two)."""
    before = last.get(reading.lower[s:e])
    if before is None or s - before.name.end > _PRONOUN_REACH:
        return None
    t = reading.stream(e).get(0)
    if t is None or t.kind != "lower":
        return None
    start = position_after_predicate(reading, t.start)
    if start < 0:
        return None
    positions, _ = read_positions(reading, start, apposition=True)
    if not positions:
        return None
    return PersonMention(before.name, None, tuple(positions), positions[-1].end)


def _with_apposition(
    reading: DocumentReading, name: NameSpan, honorific: Extent | None, positions: list[PositionRead]
) -> PersonMention:
    """The person with ``positions`` read before the name and those written after it."""
    more = read_apposition(reading, name.end)
    return PersonMention(name, honorific, tuple(positions + more), max([name.end] + [p.end for p in more]))


def _after_apposition(reading: DocumentReading, name: NameSpan, honorific: Extent | None) -> PersonMention:
    """The person with only the positions written after the name ("ông A, Giám đốc …")."""
    positions = read_apposition(reading, name.end)
    end = positions[-1].end if positions else name.end
    return PersonMention(name, honorific, tuple(positions), end)


def _address_blocked(reading: DocumentReading, s: int) -> bool | None:
    """Before "ông"/"bà": True when the word before makes it no honorific ("vị đồng chí",
    "đường Bà Triệu"); None when it is a plural ("các ông …"); False otherwise."""
    text = reading.text
    prev = s - 1
    while prev >= 0 and text[prev] == " ":
        prev -= 1
    if prev < 0 or not text[prev].isalpha():
        return False
    i = prev
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    prev_word = reading.lower[i : prev + 1]
    if prev_word in _PLURAL_BEFORE_ADDRESS:
        return None
    return prev_word == "vị" or prev_word in reading.words.place_nouns


def from_honorific(reading: DocumentReading, s: int, info: TitleInfo) -> list[PersonMention]:
    """ "ông Trần Thành Lập – Phó Chủ tịch …", "Đồng chí Phó Chủ tịch UBND tỉnh Nguyễn A"."""
    if info.kind == "address":
        blocked = _address_blocked(reading, s)
        if blocked is None:
            return from_plural(reading, s)  # "các ông La Văn Trân, …; Phạm Duy Hưng, …"
        if blocked:
            return []
    chain = honorific_chain(reading, s)
    if chain is None:
        return []
    t = reading.stream(chain.end).get(0)
    if t is None:
        return []
    if reading.rules.is_excluded(reading.text[s : t.end].split()):
        return []  # "Bà Rịa"
    foreign = t.kind == "cap" and is_foreign_name_word(t.text)  # "ông Xay-sổm-phon Phôm-vi-hản"
    if (t.kind != "name" and not foreign) or read_title(reading, t.start):
        positions, name = read_positions(reading, t.start, apposition=False)
        if name is None:
            return []
        return [_with_apposition(reading, name, chain, positions)]
    name = read_name_after(reading, t.start)
    if name is None:
        return []
    return [_after_apposition(reading, name, chain)]


def from_plural(reading: DocumentReading, s: int) -> list[PersonMention]:
    """ "các đồng chí: A - X; B - Y", "các ông A, X; B, Y và C": every named member."""
    chain = honorific_chain(reading, s)
    if chain is None:
        return []
    return read_members(reading, chain.end, chain, [])


def from_title(reading: DocumentReading, s: int) -> list[PersonMention]:
    """The holder of the title at ``s``: named after it, after an honorific, after "là", or
    written before it ("Hồ Quốc Dũng - Ủy viên …"); or the members of a list it opens."""
    ls = left_modifiers(reading, s)
    generic = generic_before(reading, ls)
    if generic and not plural_before(reading, ls):
        return []
    positions, name = read_positions(reading, ls, apposition=False)
    if not positions:
        return []
    # Titles inside what was just read would read the same tail again: skip them whatever
    # the outcome (keeps a list of 10 000 positions linear).
    reading.read_until = max(reading.read_until, positions[-1].end)
    if generic:  # "các Ủy viên Bộ Chính trị: A, …; B, …": only a list names its holders
        return member_list(reading, positions) if name is None else []
    if name is not None:
        return [_with_apposition(reading, name, None, positions)]
    end = positions[-1].end
    mention = honorific_after(reading, positions, end)  # "Phó Chủ tịch UBND tỉnh, ông Nguyễn Văn A"
    if mention is None:
        mention = _la_name(reading, positions, end)  # "tổ phó tổ này là Lê Văn Thắng"
    if mention is not None:
        return [mention]
    members = member_list(reading, positions)  # "5 Phó Chủ tịch gồm các đồng chí: A, B, C"
    if members:
        return members
    mention = _after_occupation_field(reading, positions, end)  # "Chuyên gia năng lượng Nguyễn Thành Sơn"
    if mention is not None:
        return [mention]
    name = read_name_before(reading, ls)
    if name is None:
        return []
    return [PersonMention(name, None, tuple(positions), end)]


#: Lower-case words of a field between an occupation and the name ("Chuyên gia | kinh tế | A").
_MAX_FIELD_WORDS = 3


def _after_occupation_field(reading: DocumentReading, positions: list[PositionRead], end: int) -> PersonMention | None:
    """ "Chuyên gia năng lượng Nguyễn Thành Sơn", "nhà nghiên cứu lịch sử Dương Trung Quốc": an
    occupation, a few lower-case words of its field, then the person's name."""
    info = positions[-1].info
    if info is None or info.kind != "occupation":
        return None
    st = reading.stream(end)
    for i in range(_MAX_FIELD_WORDS + 1):
        t = st.get(i)
        if t is None or (t.kind == "lower" and reading.is_stop(st, i)):
            return None
        if t.kind == "name":
            if i == 0:
                return None
            name = listed_name_after(reading, t.start)
            if name is None:
                return None
            return PersonMention(name, None, tuple(positions), name.end)
        if t.kind != "lower":
            return None
    return None


def _la_name(reading: DocumentReading, positions: list[PositionRead], end: int) -> PersonMention | None:
    st = reading.stream(end)
    t = st.get(0)
    if t is None or t.text != "là":
        return None
    nxt = st.get(1)
    if nxt is None or nxt.kind != "name":
        return None
    name = listed_name_after(reading, nxt.start)
    if name is None:
        return None
    return PersonMention(name, None, tuple(positions), name.end)


def honorific_after(reading: DocumentReading, positions: list[PositionRead], end: int) -> PersonMention | None:
    """ "Phó Chủ tịch UBND tỉnh, ông Nguyễn Văn A", "Trưởng Công an huyện Thượng tá Nguyễn
    Quang Thành": the position's holder is named after an honorific."""
    st = reading.stream(end)
    t = st.get(0)
    comma = t is not None and t.text == ","
    if comma:
        t = st.get(1)
    if t is None:
        return None
    chain = honorific_chain(reading, t.start)
    if chain is None:
        return None
    first = reading.title_at(t.start, honorific=True)
    if comma and (first is None or first[1].kind != "address"):
        return None  # after a comma only "ông/bà/đồng chí": ", TS. Lê A" starts a new item
    nxt = reading.stream(chain.end).get(0)
    name = read_name_after(reading, nxt.start) if nxt is not None and nxt.kind == "name" else None
    if name is None or name.short:
        return None
    return _with_apposition(reading, name, chain, positions)


def _field_then_capital(text: str, j: int) -> bool:
    """A few lower-case words and then a capitalised one ("năng lượng Nguyễn …")."""
    words = text[j : j + 60].split(" ", _MAX_FIELD_WORDS + 1)
    for w in words[1 : _MAX_FIELD_WORDS + 1]:
        if w[:1].isupper():
            return True
        if not w.isalpha() or not w.islower():
            return False
    return False


def worth_reading(reading: DocumentReading, s: int, e: int, info: TitleInfo) -> bool:
    """Cheap test that a name can be attached to the trigger at ``[s, e)`` (most cannot:
    "Thủ tướng yêu cầu", "giáo viên theo", "cha ông")."""
    text, n = reading.text, reading.n
    j = e
    while j < n and text[j] == " ":
        j += 1
    if j >= n:
        return False
    c = text[j]
    if c.isupper():
        if info.is_honorific or separator_before(reading, left_modifiers(reading, s)):
            return True
        # "Giám đốc Giám đốc …": a title right after a title holds no name
        return read_title(reading, j) is None or reading.lower.startswith(reading.words.suffix_modifiers, j)
    if c == ":" and info.kind == "address":
        return True  # "các đồng chí: A - X; B - Y"
    if info.kind == "address" or info.kind == "occupation":
        if info.kind == "address" and c.islower():
            low2 = reading.lower[j : j + 2]
            if not (low2 in reading.lex.office_prefixes or low2 in reading.words.modifier_prefixes):
                return False  # "cha ông ta", "bà con"
            return read_title(reading, j) is not None
        return info.kind == "occupation" and (separator_before(reading, s) or _field_then_capital(text, j))
    if c in "-(":
        return True
    if c == "," and not info.is_honorific and _title_follows_comma(reading, j + 1):
        return True  # "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ Mai Tiến Dũng": titles before one name
    if c.islower() and _lower_word_continues(reading, j):
        return True
    return separator_before(reading, left_modifiers(reading, s))


def _title_follows_comma(reading: DocumentReading, k: int) -> bool:
    text, n = reading.text, reading.n
    while k < n and text[k] == " ":
        k += 1
    return k < n and read_title(reading, k) is not None


def _lower_word_continues(reading: DocumentReading, j: int) -> bool:
    """A lower-case word after a title that may still lead to a name ("là", "kiêm", "sở")."""
    text, n, low = reading.text, reading.n, reading.lower
    word_end = j
    while word_end < n and text[word_end].isalpha():
        word_end += 1
    return (
        low[j:word_end] in ("là", "thường", "chuyên", "thứ", "kiêm")
        or reading.lex.org_heads.at(low, j) is not None
        or reading.lex.admin.at(low, j) is not None
    )


def separator_before(reading: DocumentReading, pos: int) -> bool:
    j = pos - 1
    while j >= 0 and reading.text[j] == " ":
        j -= 1
    return j >= 0 and reading.text[j] in NAME_SEPARATORS
