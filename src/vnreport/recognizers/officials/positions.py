"""Positions: a title with its organisation, and the lists of them one person holds.

Before a name: "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ Mai Tiến Dũng" (the name ends the
list). In apposition after a name: "Võ Minh Tâm – UVTV Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy",
"ông A (nguyên Giám đốc Sở …)", "ông A hiện là …" (copulas from ``title_words``).
"""

from __future__ import annotations

from dataclasses import replace

from .names import AGE_ASIDE_AFTER, AGE_SPAN, NAME_SEPARATORS
from .organisations import read_org
from .predicates import position_after_predicate
from .reads import NameSpan, PositionRead
from .state import DocumentReading
from .titles import generic_before, honorific_chain, read_title
from .tokens import Tok

_MAX_POSITIONS = 16  # positions of one person in one list


def read_position(
    reading: DocumentReading, pos: int, apposition: bool = False
) -> tuple[PositionRead, NameSpan | None] | None:
    """One position at ``pos`` (title + organisation, "Bộ trưởng - Chủ nhiệm …" joined), and
    the name read right after it, if any (``apposition``: the position follows its holder)."""
    tt = read_title(reading, pos)
    if tt is None:
        return None
    org = read_org(reading, tt.end, tt.end, apposition=apposition)
    end, name, title = max(tt.end, org.end), org.name, tt.title
    while name is None:
        s = reading.stream(end)
        t = s.get(0)
        nxt = s.get(1)
        if t is None or t.text != "-" or nxt is None or org.end > tt.end:
            break  # "Bộ trưởng - Chủ nhiệm …" is one post; after an organisation a dash opens the next
        tt2 = read_title(reading, nxt.start)
        if tt2 is None:
            break
        org = read_org(reading, tt2.end, tt2.end, apposition=apposition)
        end, name = max(tt2.end, org.end), org.name
        title = f"{title} - {tt2.title}"
    return PositionRead(tt.start, end, title, tt.end, tt.former, tt.info), name


def read_positions(
    reading: DocumentReading, pos: int, *, apposition: bool
) -> tuple[list[PositionRead], NameSpan | None]:
    """Positions joined by ",", "kiêm", "và" from ``pos``.

    ``apposition``: they follow a name ("Võ Minh Tâm – UVTV Tỉnh ủy, Trưởng Ban …"); a
    position that ends in another name belongs to the next person and stops the list.
    Otherwise they precede a name, which is returned with them.
    """
    out: list[PositionRead] = []
    while len(out) < _MAX_POSITIONS:
        got = read_position(reading, pos, apposition)
        if got is None:
            break
        draft, name = got
        if name is not None:
            if apposition:
                break
            out.append(draft)
            return out, name
        if apposition and (followed_by_la_name(reading, draft.end) or followed_by_honorific_name(reading, draft.end)):
            break  # "…, tổ phó tổ này là Lê Văn Thắng": the next person's post
        draft, nxt_pos = next_position_start(reading, draft, apposition)
        out.append(draft)
        if nxt_pos is None:
            break
        pos = nxt_pos
    return out, None


def followed_by_la_name(reading: DocumentReading, pos: int) -> bool:
    s = reading.stream(pos)
    t, nxt = s.get(0), s.get(1)
    return t is not None and t.text == "là" and nxt is not None and nxt.kind == "name"


def followed_by_honorific_name(reading: DocumentReading, pos: int) -> bool:
    """ "…, ông Nguyễn Văn A": the next person, introduced by an honorific."""
    t = reading.stream(pos).get(0)
    if t is None or (t.kind == "lower" and reading.title_at(t.start, honorific=True) is None):
        return False
    chain = honorific_chain(reading, t.start)
    if chain is None:
        return False
    nxt = reading.stream(chain.end).get(0)
    return nxt is not None and nxt.kind == "name"


def next_position_start(
    reading: DocumentReading, draft: PositionRead, apposition: bool
) -> tuple[PositionRead, int | None]:
    """``draft`` extended through further organisation segments (", Tổng cục …, Bộ …"), and
    where the next position of the same person starts (None when the list ends)."""
    while True:
        s = reading.stream(draft.end)
        t = s.get(0)
        nxt = s.get(1)
        if t is None or nxt is None:
            return draft, None
        if t.kind == "lower" and apposition and reading.lower.startswith("giữ chức ", t.start):
            nxt = reading.stream(t.start + 9).get(0)  # "…, Chánh Văn phòng UBND tỉnh giữ chức Giám đốc Sở"
            if nxt is not None and read_title(reading, nxt.start) is not None:
                return draft, nxt.start
            return draft, None
        if apposition and t.text == "(":
            return draft, _past_aside(reading, t)  # "Hiệu trưởng Trường X (TP.Quy Nhơn) rồi …"
        if apposition and (nxt_pos := _after_predicate(reading, t, nxt)) >= 0:
            return draft, nxt_pos  # "…, giữ chức Phó Vụ trưởng", "… được bổ nhiệm làm …", "… rồi …"
        if apposition and t.text == ";" and read_title(reading, nxt.start) is not None:
            # "Ủy viên Trung ương Đảng khóa XII; đại biểu Quốc hội khóa XIII", unless the posts
            # after ";" end in the next person's name ("…; Bí thư Tỉnh ủy, … Nguyễn Nhân Chiến")
            _, name = read_positions(reading, nxt.start, apposition=False)
            return draft, (nxt.start if name is None else None)
        if t.text in ("-", "–") and draft.end > draft.title_end and read_title(reading, nxt.start) is not None:
            return draft, nxt.start  # "Trưởng ban Kinh tế Trung ương - Trưởng Ban Chỉ đạo Tây Bắc"
        if t.text == "," or (t.kind == "lower" and (t.text == "kiêm" or (t.text == "và" and apposition))):
            if generic_before(reading, nxt.start) or (nxt.kind == "lower" and nxt.text in ("các", "những")):
                return draft, None
            if read_title(reading, nxt.start) is not None:
                return draft, nxt.start
            if t.text == "," and apposition and nxt.kind != "lower" and reading.org_head_at(nxt) is not None:
                org = read_org(reading, nxt.start, None)
                if org.name is not None or org.end <= nxt.start or _repeats(reading, draft, nxt.start, org.end):
                    return draft, None
                draft = replace(draft, end=org.end)
                continue
        return draft, None


def _past_aside(reading: DocumentReading, t: Tok) -> int | None:
    """After a short aside without a title ("(TP.Quy Nhơn)"), the start of a next position
    that a predicate leads to, or None."""
    close = reading.text.find(")", t.end, t.end + 60)
    if close < 0 or "\n" in reading.text[t.end : close] or has_title_word(reading, t.end, close):
        return None
    after = reading.stream(close + 1)
    t2, nxt = after.get(0), after.get(1)
    if t2 is None or nxt is None:
        return None
    found = _after_predicate(reading, t2, nxt)
    return found if found >= 0 else None


def _after_predicate(reading: DocumentReading, t: Tok, nxt: Tok) -> int:
    """After a position of a person: a predicate (after a comma or not) that leads to their
    next position, or -1."""
    if t.text == "," and nxt.kind == "lower":
        return position_after_predicate(reading, nxt.start)
    if t.kind == "lower" and t.text not in ("và", "kiêm"):
        return position_after_predicate(reading, t.start, continuing=True)
    return -1


def _repeats(reading: DocumentReading, draft: PositionRead, start: int, end: int) -> bool:
    """ "Giám đốc Sở KH&ĐT TP. Hà Nội, Sở KH&ĐT đã chỉ đạo": a segment naming the body the
    position already names starts a new clause (a body is not its own parent)."""
    segment = " ".join(reading.lower[start:end].split())
    return segment in " ".join(reading.lower[draft.title_end : draft.end].split())


def read_apposition(reading: DocumentReading, pos: int) -> list[PositionRead]:
    """Positions written after a name: "– Phó Chủ tịch …", ", Giám đốc …", "(nguyên …)"."""
    text = reading.text
    s = reading.stream(pos)
    t = s.get(0)
    if t is None:
        return []
    if t.text == "," and (m := AGE_ASIDE_AFTER.match(text, t.start, t.start + AGE_SPAN)):
        # "Đỗ Quang Hưng, 77 tuổi, Bí thư Đảng đoàn, …": skip the age aside
        s = reading.stream(m.end())
        t = s.get(0)
        if t is None:
            return []
    if t.text == "(" and read_title(reading, after_tan(reading, s.get(1))) is None:
        close = text.find(")", t.end, t.end + 160)
        if close < 0 or "\n" in text[t.end : close]:
            return []
        inner = paren_positions(reading, t.end, close)
        if inner:
            return inner
        # "ông Vương Trinh Quốc (sinh năm 1976), Chánh Văn phòng …": skip the aside
        if close - t.end > 80:
            return []
        s = reading.stream(close + 1)
        t = s.get(0)
        if t is None or not (t.text in ",-" or t.kind == "lower"):
            return []  # "bà Lê Thị Điển (vợ ông Toàn) lần lượt được bổ nhiệm …" goes on
    start = _apposition_start(reading, t, s.get(1))
    if start < 0:
        return []
    positions, _ = read_positions(reading, start, apposition=True)
    return positions


def _apposition_start(reading: DocumentReading, t: Tok, nxt: Tok | None) -> int:
    """Where the positions start after the separator or copula ``t``, or -1."""
    if t.text in NAME_SEPARATORS or t.text == ":":
        return after_tan(reading, nxt)
    if t.kind == "lower":
        return position_after_predicate(reading, t.start)
    return -1


def paren_positions(reading: DocumentReading, start: int, close: int) -> list[PositionRead]:
    """ "(Việt kiều Pháp, Chủ tịch Hội …)": positions after leading items that hold no title
    (origin, nationality, age); [] when no item after a comma starts with a title."""
    i = start
    while True:
        comma = reading.text.find(",", i, close)
        if comma < 0:
            return []
        if has_title_word(reading, i, comma):
            return []  # "(vợ Giám đốc Sở, …)", "(con trai ông …, …)": about someone else
        nxt = reading.stream(comma + 1).get(0)
        if nxt is None or nxt.start >= close:
            return []
        p = after_tan(reading, nxt)
        if read_title(reading, p) is not None:
            positions, _ = read_positions(reading, p, apposition=True)
            return [d for d in positions if d.end <= close]
        i = comma + 1


def has_title_word(reading: DocumentReading, start: int, end: int) -> bool:
    """Does a title or honorific ("con trai ông …") start at any word in ``[start, end)``?"""
    st = reading.stream(start)
    k = 0
    while (t := st.get(k)) is not None and t.start < end:
        if t.kind != "punct" and reading.title_at(t.start, honorific=None) is not None:
            return True
        k += 1
    return False


def after_tan(reading: DocumentReading, t: Tok | None) -> int:
    """Start of ``t``, past "tân" ("tân Giám đốc": the newly appointed), or -1."""
    if t is None:
        return -1
    if t.text == "tân":
        nxt = reading.stream(t.end).get(0)
        if nxt is not None and read_title(reading, nxt.start) is not None:
            return nxt.start
    return t.start
