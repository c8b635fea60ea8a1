"""The organisation written after a title: "Phó Chủ tịch | UBND tỉnh Hậu Giang", "Trưởng Ban |
Tuyên giáo Tỉnh ủy", "Giám đốc | Sở Lao động, Thương binh và Xã hội".

Reading walks tokens from the end of the title and accepts organisation words (``org_heads``),
abbreviations, administrative words with their place (``unit_words``), agency spans recognised
earlier, and lower-case words inside an organisation's name; it stops at a verb or function word
(``stop_words`` ending a ``title``), at punctuation that does not continue the name, or at a
person's name, which it returns with the organisation's end.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .names import dash_name, resolve_run
from .reads import NameSpan, OrgRead
from .state import DocumentReading
from .titles import read_title, starts_title
from .tokens import Stream, Tok

_MAX_RUN = 12  # capitalised syllables in a row before reading stops
_MAX_LOWER_RUN = 6  # lower-case words in a row inside an organisation name
_MAX_ORG_TOKENS = 40  # an organisation's name is never longer


class _Step(Enum):
    NEXT = 1  # go on with the next token
    STOP = 2  # the organisation ends before this token
    NAME = 3  # a person's name was found: the reading is complete


@dataclass(frozen=True, slots=True)
class _RunStart:
    """What preceded a run of capitalised syllables (it decides where a name may start)."""

    after_admin: bool  # "tỉnh", "huyện" …: the run may start with a place
    right_after_title: bool  # "Thứ trưởng Sơn": a one-syllable name may follow a title
    prev_text: str  # the word before ("Trường", "THPT": an institution's name follows)


class _OrgScan:
    """The walk over the tokens after one title (made per reading, never shared)."""

    __slots__ = (
        "accepted",
        "after_admin",
        "apposition",
        "closed",
        "committee",
        "found",
        "head_end",
        "i",
        "in_org",
        "institution_seen",
        "lower_run",
        "pos",
        "prev_text",
        "reading",
        "run",
        "run_start",
        "s",
        "title_end",
    )

    def __init__(self, reading: DocumentReading, pos: int, title_end: int | None, apposition: bool = False) -> None:
        low = reading.lower
        self.reading = reading
        self.s = reading.stream(pos)
        self.pos = pos
        self.title_end = title_end
        self.i = 0
        self.accepted = pos  # end of the organisation text so far
        self.committee = title_end is not None and low.endswith(("ban", "tổ trưởng", "tổ phó"), 0, title_end)
        # inside an organisation's name: lower-case words may continue it ("Trưởng đoàn đại biểu …")
        self.in_org = title_end is not None and low.endswith(reading.words.title_ends_with_unit, 0, title_end)
        self.after_admin = False  # the last word was "tỉnh", "huyện" …: a place name may follow
        self.closed = False  # "… tỉnh Hậu Giang": the organisation ends with its place
        self.lower_run = 0
        self.run: list[Tok] = []
        self.run_start = _RunStart(False, False, "")
        self.prev_text = ""
        self.head_end = -1  # end of the last organisation word ("Ban", "phòng")
        self.found: OrgRead | None = None
        self.apposition = apposition
        self.institution_seen = False  # an institution word ("Công ty", "Trường") opened the organisation

    # ------------------------------------------------------------------ the walk
    def walk(self) -> OrgRead:
        s = self.s
        self.agency_through_title()
        while True:
            t = s.get(self.i) if self.i < _MAX_ORG_TOKENS else None
            if t is not None and t.kind == "name" and len(self.run) < _MAX_RUN and self.extends_run(t):
                continue
            if self.run:
                step = self.close_run()
                if step is _Step.NAME:
                    break
                if step is _Step.STOP:
                    return self.result()
            if t is None or t.kind == "nl":
                return self.result()
            step = self.token(t)
            if step is _Step.NAME:
                break
            if step is _Step.STOP:
                return self.result()
        assert self.found is not None
        return self.found

    def result(self) -> OrgRead:
        low_text = self.reading.text[self.pos + 1 : self.accepted]
        if self.title_end is None and not any(c.isupper() for c in low_text):
            return OrgRead(self.pos)  # ", Bộ xác định": a bare organisation word is not a further segment
        return OrgRead(self.accepted)

    def extends_run(self, t: Tok) -> bool:
        """Add a capitalised syllable to the current run unless an organisation or title starts."""
        reading = self.reading
        head = reading.org_head_at(t)
        head_breaks = head is not None and (not self.run or " " in reading.lower[t.start : head])
        if head_breaks or starts_title(reading, t.start) or reading.starts_time(t):
            return False
        if not self.run:
            self.run_start = _RunStart(self.after_admin, self.accepted == self.title_end, self.prev_text)
        self.run.append(t)
        self.i += 1
        return True

    def close_run(self) -> _Step:
        """A run of capitalised syllables ended: a name at its end, or part of the organisation."""
        run, ctx, reading = self.run, self.run_start, self.reading
        k = resolve_run(
            reading,
            run,
            self.s,
            self.i,
            after_admin=ctx.after_admin,
            right_after_title=ctx.right_after_title,
            institution=reading.is_institution(ctx.prev_text) or (self.apposition and self.institution_seen),
        )
        if k is not None:
            name = NameSpan(run[k].start, run[-1].end, tuple(x.text for x in run[k:]))
            self.found = OrgRead(run[k - 1].end if k > 0 else self.accepted, name)
            return _Step.NAME
        if len(run) >= _MAX_RUN:
            return _Step.STOP
        self.accepted = run[-1].end
        self.closed = self.closed or ctx.after_admin
        self.in_org, self.after_admin, self.lower_run = True, False, 0
        self.prev_text = run[-1].text
        self.run = []
        return _Step.NEXT

    def token(self, t: Tok) -> _Step:
        """One token that is not part of a capitalised run."""
        reading = self.reading
        if self.title_end is None and not self.in_org and reading.org_head_at(t) is None and t.kind != "upper":
            return _Step.STOP  # a further segment must name an organisation
        if self.agency(t):
            return _Step.NEXT
        hit = reading.title_at(t.start, honorific=None)
        if hit is not None and not hit[1].exact and (t.kind != "lower" or hit[1].is_honorific):
            return _Step.STOP
        if t.kind == "lower" and (self.closed or reading.is_stop(self.s, self.i)) and not self.stop_inside(t):
            return _Step.STOP
        step = self.head(t)
        if step is not None:
            return step
        if self.admin(t):
            return _Step.NEXT
        step = self.plain(t)
        if step is _Step.NEXT:
            self.prev_text = t.text
            self.i += 1
        return step

    # ------------------------------------------------------------------ kinds of token
    def agency(self, t: Tok) -> bool:
        """An agency recognised earlier starts here: take it whole."""
        reading = self.reading
        a_end = reading.agency_at.get(t.start)
        if a_end is None or a_end <= t.start:
            return False
        self.accepted, self.in_org, self.after_admin, self.lower_run = a_end, True, False, 0
        self.i = reading.skip_to(self.s, self.i, a_end)
        words = reading.text[t.start : a_end].split()
        self.prev_text = words[-1] if words and not words[-1].islower() else ""
        self.closed = self.closed or reading.ends_with_place(words)
        return True

    def agency_through_title(self) -> None:
        """ "Phó trưởng | Ban chỉ đạo Đổi mới và phát triển doanh nghiệp": the title's last word
        opens an agency recognised earlier; the organisation is that agency, whole."""
        reading, title_end = self.reading, self.title_end
        if title_end is None or not self.in_org:
            return
        word_start = reading.text.rfind(" ", 0, title_end) + 1
        a_end = reading.agency_at.get(word_start)
        if a_end is None or a_end <= self.pos:
            return
        self.accepted, self.lower_run = a_end, 0
        self.i = reading.skip_to(self.s, self.i, a_end)
        words = reading.text[word_start:a_end].split()
        self.prev_text = words[-1] if words and not words[-1].islower() else ""
        self.closed = self.closed or reading.ends_with_place(words)

    def stop_inside(self, t: Tok) -> bool:
        """A stop word that still belongs to the organisation's name."""
        reading, s, i = self.reading, self.s, self.i
        if t.text == "về" and not self.closed and self.committee and about_clause(reading, s, i + 1):
            return True  # "tổ điều hành liên ngành về phân bổ quota dệt may"
        if t.text == "của" and self.in_org and not self.closed and org_head_follows(reading, s, i + 1):
            return True  # "Ban Công tác đại biểu của Quốc hội"
        if t.text == "tại" and self.in_org and (nxt := s.get(i + 1)) is not None:
            return reading.text.startswith("Việt Nam", nxt.start)  # "Đại sứ Ấn Độ tại Việt Nam"
        # "Trưởng ban tổ chức", "Ban chỉ đạo": a unit's name, not a verb
        return (
            not self.closed
            and self.accepted in (self.title_end, self.head_end)
            and reading.lower.endswith(reading.words.title_ends_with_unit, 0, self.accepted)
            and reading.lower.startswith(reading.words.unit_names, t.start)
        )

    def head(self, t: Tok) -> _Step | None:
        """An organisation word ("Sở", "Ban chỉ đạo"): accepted, the name goes on after it."""
        reading = self.reading
        head = reading.org_head_at(t)
        if head is None or self.closed or not (t.kind != "lower" or self.accepted == self.title_end or self.in_org):
            return None
        self.accepted, self.in_org, self.after_admin, self.lower_run = head, True, False, 0
        self.head_end = head
        self.i = reading.skip_to(self.s, self.i, head)
        self.prev_text = reading.text[t.start : head]
        self.institution_seen = self.institution_seen or reading.is_institution(self.prev_text)
        self.committee = self.prev_text.lower() in reading.words.committees
        nxt = self.s.get(self.i)
        if nxt is not None and nxt.kind == "lower" and nxt.text in reading.words.demonstratives:
            self.accepted = nxt.end  # "tổ phó tổ này"
            return _Step.STOP
        return _Step.NEXT

    def admin(self, t: Tok) -> bool:
        """An administrative word ("tỉnh", "TP"): its place may follow."""
        reading = self.reading
        adm = reading.admin_at(t)
        if adm is None:
            return False
        self.accepted, self.after_admin, self.lower_run = adm, True, 0
        self.closed = self.closed or not reading.text[adm : adm + 2].strip()[:1].isupper()
        self.i = reading.skip_to(self.s, self.i, adm)
        self.prev_text = reading.text[t.start : adm]
        return True

    def plain(self, t: Tok) -> _Step:
        """Abbreviations, capitalised and lower-case words, numbers and punctuation."""
        kind = t.kind
        if kind in ("upper", "cap"):
            self.accepted, self.in_org, self.after_admin, self.lower_run = t.end, True, False, 0
            return _Step.NEXT
        if kind == "lower":
            return self.lower_word(t)
        if kind == "num":
            if not self.in_org or self.accepted != t.start - 1:
                return _Step.STOP
            self.accepted = t.end
            return _Step.NEXT
        return self.punctuation(t)

    def lower_word(self, t: Tok) -> _Step:
        reading, s, i = self.reading, self.s, self.i
        if t.text == "và":
            if self.closed or not (
                org_continues(reading, s, i + 1, conjunction=True)
                or (self.in_org and lower_conjunct(reading, s, i + 1))
            ):
                return _Step.STOP
        elif t.text == "của" and self.in_org and not self.closed and org_head_follows(reading, s, i + 1):
            pass  # "Ban Công tác đại biểu của Quốc hội"
        elif (not self.in_org and not (self.accepted == self.title_end and t.text == "chỉ")) or self.lower_run >= (
            _MAX_LOWER_RUN + 4 if self.committee else _MAX_LOWER_RUN
        ):
            return _Step.STOP
        self.accepted, self.after_admin = t.end, False
        self.lower_run += 1
        return _Step.NEXT

    def punctuation(self, t: Tok) -> _Step:
        reading, s, i = self.reading, self.s, self.i
        if t.text == "&":
            return _Step.NEXT if org_continues(reading, s, i + 1) else _Step.STOP
        if t.text == "-":
            nxt = s.get(i + 1)
            if nxt is None or read_title(reading, nxt.start) is not None:
                return _Step.STOP
            dashed = dash_name(reading, s, i + 1)
            if dashed is not None:
                self.found = OrgRead(self.accepted, dashed)
                return _Step.NAME
            return _Step.NEXT if org_continues(reading, s, i + 1) else _Step.STOP
        if t.text == ",":
            ok = not self.closed and self.in_org and enumeration_follows(reading, s, i + 1)
            return _Step.NEXT if ok else _Step.STOP
        if t.text == "(":
            j = parenthetical_abbr(reading, s, i)
            if j is None:
                return _Step.STOP
            close = s.get(j)
            assert close is not None
            self.accepted = close.end
            self.i = j
            return _Step.NEXT
        return _Step.STOP


def read_org(reading: DocumentReading, pos: int, title_end: int | None, *, apposition: bool = False) -> OrgRead:
    """Read the organisation after a title from ``pos``; stop at a name, a verb or punctuation.

    ``title_end`` is the title's end when reading directly after a title (a short name
    may follow it: "Thứ trưởng Sơn"), None when reading a further organisation segment
    (", Tổng cục Giáo dục nghề nghiệp"), which must start with an organisation word.
    ``apposition``: the position follows its holder ("ông A, Tổng giám đốc Công ty CP XNK Nam
    Thái Sơn cho rằng"), so a short capitalised run inside a company's name is the company's.
    """
    return _OrgScan(reading, pos, title_end, apposition).walk()


# ---------------------------------------------------------------------- look-ahead
def about_clause(reading: DocumentReading, s: Stream, i: int) -> bool:
    """After "về" inside a committee's name: its topic runs to punctuation, no verb."""
    for j in range(i, i + 8):
        t = s.get(j)
        if t is None or t.kind in ("nl", "punct"):
            return j > i
        if t.kind == "lower" and reading.is_stop(s, j):
            return False
    return False


def org_continues(reading: DocumentReading, s: Stream, i: int, conjunction: bool = False) -> bool:
    """After "và", "&" or "-": does the organisation name go on?

    After "và" a new organisation word ("… MTTQ Việt Nam và Đoàn ĐBQH tỉnh") starts a
    second organisation, not the rest of this one ("Sở Giáo dục và Đào tạo")."""
    t = s.get(i)
    if t is None or t.kind not in ("name", "cap", "upper"):
        return not conjunction and t is not None and t.kind == "lower" and reading.org_head_at(t) is not None
    if conjunction and t.kind != "upper" and reading.org_head_at(t) is not None:
        return False
    return not starts_title(reading, t.start)


def lower_conjunct(reading: DocumentReading, s: Stream, i: int) -> bool:
    """ "Ủy ban Quốc phòng và an ninh của Quốc hội": lower-case words after "và" that end
    the name (punctuation, or "của" + organisation), without a verb among them."""
    for j in range(i, i + 5):
        u = s.get(j)
        if u is None or u.kind in ("nl", "punct"):
            return j > i
        if u.kind != "lower":
            return False
        if u.text == "của":
            return j > i and org_head_follows(reading, s, j + 1)
        if reading.is_stop(s, j) or (j == i and reading.org_head_at(u) is not None):
            return False
    return False


def org_head_follows(reading: DocumentReading, s: Stream, i: int) -> bool:
    t = s.get(i)
    return t is not None and t.kind in ("name", "upper") and reading.org_head_at(t) is not None


def enumeration_follows(reading: DocumentReading, s: Stream, i: int) -> bool:
    """ ", Thương binh và Xã hội" inside "Sở Lao động, Thương binh và Xã hội"."""
    t = s.get(i)
    if t is None or reading.title_at(t.start, honorific=None) is not None:
        return False
    lower = t.kind == "lower"  # "Ủy ban Khoa học, công nghệ và môi trường của Quốc hội"
    if not lower and (t.kind != "name" or reading.rules.surname_rank(t.text) is not None):
        return False
    if lower and (reading.is_stop(s, i) or reading.org_head_at(t) is not None):
        return False
    for j in range(i + 1, i + 6):
        u = s.get(j)
        if u is None or u.kind in ("nl", "punct"):
            return False
        if u.text == "và":
            return not lower or lower_conjunct(reading, s, j + 1)
        if u.kind == "lower" and reading.is_stop(s, j):
            return False
    return False


def parenthetical_abbr(reading: DocumentReading, s: Stream, i: int) -> int | None:
    """ "Sở Tài nguyên và Môi trường (TN&MT)": index of the closing parenthesis."""
    t = s.get(i + 1)
    if t is None or not (t.kind == "upper" or (t.kind == "name" and reading.org_head_at(t) is not None)):
        return None
    for j in range(i + 2, i + 8):  # "(TN&MT)", "(Bộ Ngoại giao)"
        u = s.get(j)
        if u is None or u.kind == "nl":
            return None
        if u.text == ")":
            return j
        if u.kind == "punct" and u.text not in "&-":
            return None
    return None
