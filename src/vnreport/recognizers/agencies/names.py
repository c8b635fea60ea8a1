"""Reading the name after a head: a field, a unit number, or an open (proper) name.

"Sở | Thông tin và Truyền thông", "Quân khu | 5", "Trung tâm | Nghiên cứu và phát triển ...".
An open name runs over capitalised words and a few lower-case ones, and stops where the
sentence goes on: a stop word or predicate ("Sở Nội vụ | tổ chức"), a unit or place ("Sở Nội
vụ | tỉnh"), the next organisation, or a person's name after a title ("Giám đốc Sở Nội vụ |
Nguyễn Văn A").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...lexicon.orgnames import DistrictHit, Field, FieldHit, HeadHit, NamedHit, NegativeHit, ProvinceHit, UnitHit
from ...text.scan import clause_before, is_all_caps, is_capitalised, is_word, token_at
from .candidates import Candidate
from .scan import DocumentScan

#: At most this many lower-case words in a row inside an open name.
MAX_LOWER_RUN = 8
#: At most this many lower-case words between a head and the unit that lets them name it.
_MAX_LOWER_BEFORE_UNIT = 4
_NATIONAL = ("Việt Nam", "Trung ương", "trung ương", "T.Ư", "TƯ", "TW")
_WORDS = re.compile(r"[^\W\d_]+")
_PLACES = (ProvinceHit, DistrictHit)
_ORGS = (HeadHit, NamedHit)


def read_name(scan: DocumentScan, c: Candidate, pos: int, head_cap: bool) -> int:
    """Read the name of ``c`` (a head ending at ``pos``); return where the name ends."""
    kind = c.kind
    assert kind is not None
    if kind.name == "number":
        return number_name(scan, pos)
    got_field = abbreviated = False
    if kind.name in ("field", "field+open"):
        hit = field_at(scan, pos)
        if hit is not None:
            end, c.name_field = hit
            c.field_len = end - pos
            abbreviated = _is_abbreviation(scan.text[pos:end])
            pos, got_field = end, True
    if not got_field and kind.parent_ok and _parent_next(scan, pos):
        return pos  # "Văn phòng | UBND tỉnh": no name, the parent follows
    if not got_field or kind.name == "field+open":
        pos = _OpenName(scan, c, pos, head_cap, got_field, abbreviated).read()
    return pos


def _parent_next(scan: DocumentScan, pos: int) -> bool:
    """The next token opens a capitalised organisation (the first check of an open name)."""
    text = scan.text
    t = token_at(text, pos)
    if t is None or t[0] - pos > 1 or not text[t[0]].isupper():
        return False
    return any(type(h) is HeadHit or type(h) is NamedHit for _, h in scan.at(t[0]))


def _is_abbreviation(written: str) -> bool:
    """ "GD và ĐT", "TN-MT", "KH&CN": a field written as abbreviations (joined by và, -, &)."""
    words = [w for w in _WORDS.findall(written) if w != "và"]
    return bool(words) and all(len(w) >= 2 and w.isupper() for w in words)


def field_at(scan: DocumentScan, pos: int) -> tuple[int, Field] | None:
    """The longest capitalised field starting at the token after ``pos``, with its end."""
    text = scan.text
    t = token_at(text, pos)
    if t is None or t[0] - pos > 1:
        return None
    best: tuple[int, Field] | None = None
    for e, h in scan.at(t[0]):
        if isinstance(h, FieldHit) and (best is None or e > best[0]):
            best = (e, h.field)
    if best is None:
        return None
    if not text[t[0]].isupper() and not _unit_follows(scan, best[0]):
        return None  # a lower-case field only when a unit settles it: "Cục thuế tỉnh Bà Rịa - Vũng Tàu"
    return best


def _unit_follows(scan: DocumentScan, end: int) -> bool:
    """An administrative unit word right after ``end`` ("… tỉnh", "… thành phố")."""
    t = token_at(scan.text, end)
    return t is not None and t[0] - end <= 1 and any(isinstance(h, UnitHit) for _, h in scan.at(t[0]))


def number_name(scan: DocumentScan, pos: int) -> int:
    """ "Quân khu 5", "Sư đoàn 3 Sao Vàng": a number and the capitalised words after it."""
    text = scan.text
    t = token_at(text, pos)
    if t is None or not text[t[0] : t[1]].isdigit():
        return pos
    end = t[1]
    while True:
        n = token_at(text, end)
        if n is None or n[0] - end > 1 or not is_capitalised(text[n[0] : n[1]]):
            return end
        if scan.longest(n[0], HeadHit, NamedHit, UnitHit, ProvinceHit, DistrictHit) >= 0:
            return end
        end = n[1]


def national_at(text: str, ts: int) -> int:
    """Length of "Việt Nam" / "Trung ương" / "TW" / "T.Ư" at ``ts`` (0 if none)."""
    if text[ts] not in "VTt":
        return 0
    for w in _NATIONAL:
        if text.startswith(w, ts) and (ts + len(w) >= len(text) or not text[ts + len(w)].isalnum()):
            return len(w)
    return 0


def place_is_name_word(scan: DocumentScan, ts: int) -> bool:
    """A place name followed by a capitalised word is part of a longer proper name."""
    text = scan.text
    e = scan.longest(ts, *_PLACES)
    n = token_at(text, e)
    if n is None or n[0] - e > 1:
        return False
    ntok = text[n[0] : n[1]]
    # "Thành ủy Hà Nội Vũ Đức Bảo": a person's name may follow the place
    return (
        is_capitalised(ntok)
        and not is_all_caps(ntok)
        and ntok not in scan.vocab.surnames
        and scan.longest(n[0], UnitHit, HeadHit) < 0
    )


def _unit_breaks(scan: DocumentScan, ts: int) -> bool:
    """A unit word ends the name unless it is part of it ("Hợp tác xã tỉnh")."""
    text = scan.text
    e = scan.longest(ts, UnitHit)
    n = token_at(text, e)
    if n is None:
        return True
    if scan.vocab.unit_of.get(text[ts:e].lower()) in scan.vocab.commune_units:
        return is_capitalised(text[n[0] : n[1]])
    return True


def _initials(s: str) -> str:
    return "".join(w[0] for w in _WORDS.findall(s.lower()))


def _abbreviated_part(named: str, full: str, abbr: str) -> str:
    """What an abbreviation in parentheses stands for: the words whose initials it spells
    ("Ban quản lý Vườn quốc gia (VQG)" → "Vườn quốc gia"; "(BQL)" → the whole name), else the
    name after the head."""
    want = abbr.lower()
    if _initials(named) == want:
        return named
    for m in _WORDS.finditer(full):  # the longest tail of the name spelling the abbreviation
        tail = full[m.start() :]
        if _initials(tail) == want:
            return tail
    return named


@dataclass(slots=True)
class _OpenName:
    """One reading of an open name after a head, token by token (``cur``: the reading position,
    ``end``: the end of the name so far, ``accepted``: the name has begun)."""

    scan: DocumentScan
    cand: Candidate
    pos: int
    head_cap: bool
    accepted: bool
    #: the name began with an abbreviated field ("Phòng GD và ĐT"): no lower-case words follow
    after_abbreviation: bool = False
    end: int = 0
    cur: int = 0
    lower_run: int = 0
    title: bool | None = None

    def read(self) -> int:
        self.end = self.cur = self.pos
        text = self.scan.text
        while True:
            t = token_at(text, self.cur)
            if t is None or t[0] - self.cur > 1:
                break
            ts, te = t
            tok = text[ts:te]
            types = {type(h) for _, h in self.scan.at(ts)}
            if self._boundary(ts, tok, types):
                break
            if is_word(tok):
                if not self._word(ts, te, tok, types):
                    break
            elif not self._punctuation(ts, te, tok):
                break
        return self.end

    def _boundary(self, ts: int, tok: str, types: set[type]) -> bool:
        """The next organisation, a negative phrase, a unit or place, "Việt Nam" ends the name."""
        kind = self.cand.kind
        assert kind is not None
        if not self.accepted and (HeadHit in types or NamedHit in types) and kind.parent_ok and is_capitalised(tok):
            return True  # "Văn phòng | UBND tỉnh", "Văn phòng | VKSNDTC": the parent follows
        if NegativeHit in types:
            return True
        if not self.accepted:
            return False
        if national_at(self.scan.text, ts):
            if not _bilateral_pair(self.scan, ts):
                return True
            self.cand.national = "Việt Nam"  # a national body: no province is added
        if not types:
            return False
        if UnitHit in types and _unit_breaks(self.scan, ts):
            return True
        place = ProvinceHit in types or DistrictHit in types
        if place and is_capitalised(tok) and not place_is_name_word(self.scan, ts):
            return True
        return (HeadHit in types or NamedHit in types) and is_capitalised(tok)

    def _word(self, ts: int, te: int, tok: str, types: set[type]) -> bool:
        """Take a word into the name; False where the name ends before it."""
        text = self.scan.text
        if tok[0].isupper():
            if self.accepted and tok in self.scan.vocab.surnames:
                if self.title is None:
                    self.title = bool(self.scan.vocab.title_before.search(clause_before(text, self.cand.start)))
                if self.title and _person_follows(text, te) and not _later_surname(self.scan, te):
                    return False
            self.accepted, self.end, self.cur, self.lower_run = True, te, te, 0
            return True
        if tok[0].isdigit():
            if not self.accepted or (
                te < len(text) and text[te] in "/.:,-" and te + 1 < len(text) and text[te + 1].isdigit()
            ):
                return False
            self.end = self.cur = te
            return True
        return self._lower_word(ts, te, tok)

    def _lower_word(self, ts: int, te: int, tok: str) -> bool:
        text = self.scan.text
        vocab = self.scan.vocab
        kind = self.cand.kind
        assert kind is not None
        if self.after_abbreviation:
            return False  # "Phòng GD và ĐT | quản lý ...": the predicate
        if self.accepted and (self._name_phrase(ts) or (tok == "của" and self._owner(ts))):
            return True
        if not self.accepted and kind.kind == "Ban" and ts - self.cand.start <= 4:
            n = token_at(text, te)
            if n is not None and f"{tok} {text[n[0] : n[1]]}" in vocab.board_functions:
                # "Ban chỉ đạo ...", "Ban điều hành ...": the board's function, lower case
                self.accepted, self.end, self.cur = True, n[1], n[1]
                return True
        if tok == "về" and self.accepted and text[ts - 12 : ts].lower().rstrip().endswith(("quốc gia", "trung ương")):
            return self._topic(te)
        if tok == "và":
            return self._after_and(te)
        if not self.accepted and not (kind.lower_name and self.head_cap) and not self._unit_settles(ts):
            return False
        stops = vocab.stop_words
        if tok in stops and not (tok == "không" and text[self.cur - 5 : self.cur].lower().strip() == "hàng"):
            return False
        n = token_at(text, te)
        if n is not None and f"{tok} {text[n[0] : n[1]].lower()}" in stops:
            return False
        self.lower_run += 1
        if self.lower_run > MAX_LOWER_RUN:
            return False
        self.accepted, self.end, self.cur = True, te, te
        return True

    def _unit_settles(self, ts: int) -> bool:
        """ "Trung tâm | dạy nghề huyện Minh Hóa", "Trạm | y tế xã Trung Hóa": a lower-case name
        right after a capitalised head, when a few plain words end at an administrative unit."""
        scan, kind = self.scan, self.cand.kind
        assert kind is not None
        if not self.head_cap or kind.name not in ("open", "field+open"):
            return False
        stops, text, pos = scan.vocab.stop_words, scan.text, ts
        for _ in range(_MAX_LOWER_BEFORE_UNIT):
            t = token_at(text, pos)
            if t is None or t[0] - pos > 1:
                return False
            if UnitHit in scan.types_at(t[0]):
                return pos > ts
            w = text[t[0] : t[1]]
            if not (is_word(w) and w.islower()) or w in stops or scan.types_at(t[0]):
                return False
            pos = t[1]
        return False

    def _name_phrase(self, ts: int) -> bool:
        """ "Doanh nghiệp | nhỏ và vừa": a fixed lower-case phrase of names, stop words and all."""
        lower = self.scan.doc.lower
        for phrase in self.scan.vocab.name_phrases:
            e = ts + len(phrase)
            if lower.startswith(phrase, ts) and (e >= len(lower) or not lower[e].isalnum()):
                self.end = self.cur = e
                return True
        return False

    def _owner(self, ts: int) -> bool:
        """ "Hội đồng Tư vấn … | của Thủ tướng Chính phủ": the body a council belongs to."""
        kind = self.cand.kind
        assert kind is not None
        if kind.kind.lower() not in self.scan.vocab.committee_heads:
            return False
        lower = self.scan.doc.lower
        for phrase in self.scan.vocab.owner_phrases:
            e = ts + len(phrase)
            if lower.startswith(phrase, ts) and (e >= len(lower) or not lower[e].isalnum()):
                self.end = self.cur = e
                return True
        return False

    def _topic(self, te: int) -> bool:
        """ "Ban Chỉ đạo quốc gia về CNTT", "Ủy ban Quốc gia về ...": the topic follows."""
        text = self.scan.text
        n = token_at(text, te)
        if n is not None and is_word(text[n[0] : n[1]]) and text[n[0] : n[1]].lower() not in self.scan.vocab.stop_words:
            self.cur = te
            return True
        return False

    def _after_and(self, te: int) -> bool:
        """ "và" joins two capitalised parts of one name, or a lower-case tail of an open name."""
        text = self.scan.text
        kind = self.cand.kind
        assert kind is not None
        n = token_at(text, te)
        if (
            self.accepted
            and n is not None
            and is_capitalised(text[n[0] : n[1]])
            and not (self.scan.types_at(n[0]) & {HeadHit, NamedHit, ProvinceHit, DistrictHit, NegativeHit})
        ):
            self.cur = te
            return True
        if self.accepted and kind.name in ("open", "field+open") and _lower_tail_after_and(self.scan, te):
            # "Trung tâm Nghiên cứu và phát triển ...", "Trung tâm Quốc tế khoa học và
            # giáo dục liên ngành (ICISE)": a lower-case name goes on after "và"
            self.cur = te
            return True
        return False

    def _punctuation(self, ts: int, te: int, tok: str) -> bool:
        text = self.scan.text
        if not self.accepted:
            return False
        if tok == "," and text[ts - 5 : ts].lower() == "phòng" and text[te : te + 6].lower() == " chống":
            self.cur = te  # "Ban Chỉ huy phòng, chống thiên tai"
            return True
        if tok == "-":
            n = token_at(text, te)
            if n is not None and is_capitalised(text[n[0] : n[1]]):
                self.cur = te
                return True
            return False
        if tok == "(":
            return self._abbreviation(te)
        return False

    def _abbreviation(self, te: int) -> bool:
        """ "(BĐH 112)", "(ICISE)" after the name: an abbreviation of it, defined here."""
        text = self.scan.text
        a = token_at(text, te)
        close = token_at(text, a[1]) if a else None
        a_end = a[1] if a else -1
        if close and text[close[0]].isdigit() and close[0] - a_end <= 1:
            # "(BĐH 112)": an abbreviation with a number
            a_end = close[1]
            close = token_at(text, a_end)
        if not (a and close and text[close[0] : close[1]] == ")" and is_all_caps(text[a[0] : a[1]])):
            return False
        abbr = text[a[0] : a_end]
        named = _abbreviated_part(text[self.pos : self.end].strip(), text[self.cand.start : self.end].strip(), abbr)
        after = token_at(text, close[1])
        if after is not None and is_capitalised(text[after[0] : after[1]]):
            self.cand.local_abbr[abbr] = named
            self.end = self.cur = close[1]
            return True
        # the abbreviation defined right after the full name is an alias of it
        if " " not in abbr:
            self.cand.local_abbr[abbr] = named
        self.cand.alias = abbr
        return False


def _bilateral_pair(scan: DocumentScan, ts: int) -> bool:
    """ "Hội hữu nghị Việt Nam - Ấn Độ", "Trường Đại học Việt Nam - Đức": "Việt Nam", a dash and
    a capitalised word that opens no organisation is a pair of countries inside the name."""
    text = scan.text
    e = ts + national_at(text, ts)
    if not text.startswith("Việt Nam", ts):
        return False
    dash = token_at(text, e)
    if dash is None or dash[0] - e > 1 or text[dash[0] : dash[1]] not in ("-", "–"):
        return False
    n = token_at(text, dash[1])
    return (
        n is not None
        and n[0] - dash[1] <= 1
        and is_capitalised(text[n[0] : n[1]])
        and not (scan.types_at(n[0]) & {HeadHit, NamedHit, NegativeHit})
    )


def _later_surname(scan: DocumentScan, te: int) -> bool:
    """ "Bệnh viện Bạch Mai | Đào Xuân Cơ": a later surname in the same run of capitalised words
    starts the person's name of three or more words, so this one still belongs to the body."""
    text = scan.text
    words: list[str] = []
    pos = te
    while len(words) < 5:
        n = token_at(text, pos)
        if n is None or n[0] - pos > 1 or not is_capitalised(text[n[0] : n[1]]) or not is_word(text[n[0] : n[1]]):
            break
        words.append(text[n[0] : n[1]])
        pos = n[1]
    return any(w in scan.vocab.surnames and len(words) - i >= 3 for i, w in enumerate(words))


def _person_follows(text: str, te: int) -> bool:
    n = token_at(text, te)
    return n is not None and is_capitalised(text[n[0] : n[1]]) and not is_all_caps(text[n[0] : n[1]])


def _lower_tail_after_and(scan: DocumentScan, te: int) -> bool:
    """After "và": a lower-case word that is no predicate, followed by one more name word."""
    text = scan.text
    stops = scan.vocab.stop_words
    n = token_at(text, te)
    if n is None or n[0] - te > 1:
        return False
    w = text[n[0] : n[1]]
    if not (is_word(w) and w[0].islower()) or w in stops:
        return False
    m = token_at(text, n[1])
    if m is None or m[0] - n[1] > 1:
        return False
    w2 = text[m[0] : m[1]]
    return is_word(w2) and w2[0].islower() and w2 not in stops and f"{w} {w2}" not in stops
