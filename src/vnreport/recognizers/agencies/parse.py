"""Reading one organisation mention where the matcher found a head, a named body or a bare head.

``parse_at`` weighs what starts at a position (the longest head, the longest named body, a
negative phrase, a place, a bare head), reads the name and qualifiers after a head
(:mod:`.names`, :mod:`.qualifiers`), a parent body after them ("Ban Tuyên giáo | Tỉnh ủy"),
and returns a :class:`Candidate` or None.
"""

from __future__ import annotations

from typing import NamedTuple

from ...lexicon.orgnames import BareHit, DistrictHit, HeadHit, Kind, Named, NamedHit, NegativeHit, ProvinceHit
from ...text.scan import is_all_caps, is_capitalised, is_word, token_at, token_before
from .candidates import Candidate
from .names import field_at, read_name
from .qualifiers import parent_allowed, read_qualifiers
from .scan import DocumentScan


class _Starts(NamedTuple):
    """What the matcher found starting at one position: the longest head and named body (with
    their ends), and the ends of the longest bare head, negative phrase and place (-1: none).
    (A NamedTuple: one is made per start, and a frozen dataclass costs a call per field.)"""

    head: Kind | None
    head_end: int
    named: Named | None
    named_end: int
    bare_end: int
    negative_end: int
    place_end: int


def _starts_at(scan: DocumentScan, s: int) -> _Starts:
    head: Kind | None = None
    named: Named | None = None
    head_end = named_end = bare_end = negative_end = place_end = -1
    for e, h in scan.at(s):
        if isinstance(h, HeadHit):
            if head is None or e > head_end:
                head, head_end = h.kind, e
        elif isinstance(h, NamedHit):
            if (named is None or e > named_end) and _named_ok(scan, s, e, h):
                named, named_end = h.named, e
        elif isinstance(h, NegativeHit):
            negative_end = max(negative_end, e)
        elif isinstance(h, (ProvinceHit, DistrictHit)):
            place_end = max(place_end, e)
        elif isinstance(h, BareHit):
            bare_end = max(bare_end, e)
    return _Starts(head, head_end, named, named_end, bare_end, negative_end, place_end)


def parse_at(scan: DocumentScan, s: int, depth: int) -> Candidate | None:
    """The mention starting at ``s`` (``depth`` 1: a parent after another mention), or None."""
    text = scan.text
    found = _starts_at(scan, s)
    head, named = found.head, found.named
    best = max(found.head_end if head else -1, found.named_end if named else -1)
    scan.skip_to = -1
    blocked = max(found.negative_end, found.place_end)
    if best < 0 or found.negative_end >= best or found.place_end > best:
        scan.skip_to = blocked if best <= blocked else -1
        return ministry_in_title(scan, s) if depth == 0 and best < 0 else None
    if head and (
        (_lower_case_head(text, s, found.head_end) and (not head.lower_head or not _lower_head_ok(scan, s)))
        or (head.title_word and (_after_title(scan, s) or _after_person(scan, s)))
    ):
        head = None
        if named is None:
            return None
    c = parse_head(scan, s, found.head_end, head, depth) if head else None
    longer_field = c is not None and c.name_field is not None and c.end > found.named_end
    if (
        named
        and not longer_field  # "Bộ VH-TT-DL" is the field VH-TT-DL, not the named "Bộ VH-TT"
        and (
            c is None
            or c.bare
            or found.named_end >= c.end
            or not (c.unit_type or c.place or c.districts or c.parent or c.national)
        )
    ):
        c = Candidate(s, found.named_end, named=named)
    if (
        depth == 0
        and found.bare_end > 0
        and (
            c is None
            or (c.end == found.bare_end and c.name_field is None and c.kind is not None and c.kind.name != "none")
        )
    ):
        b = bare_mention(scan, s, found.bare_end)
        if b is not None:
            return b
        if c is not None and c.end == found.bare_end:
            return None
    if c is not None and c.bare:
        return None
    return c


def _lower_head_ok(scan: DocumentScan, s: int) -> bool:
    """A lower-case head ("sở", "phòng") is a head only after a title or a preposition,
    never inside a compound word ("Thường vụ", "nhiệm vụ", "Đảng bộ", "thị trường")."""
    text = scan.text
    prev = token_before(text, s)
    if prev is None:
        return True
    ptok = text[prev[0] : prev[1]]
    if not is_word(ptok):
        return True
    return ptok.lower() in scan.vocab.lower_head_prev


def _lower_case_head(text: str, s: int, e: int) -> bool:
    """A head written in lower case ("sở", "phòng"); a long form with a proper name inside
    ("đoàn đại biểu Quốc hội") is a head whatever the case of its first word."""
    return text[s].islower() and not any(ch.isupper() for ch in text[s:e])


def _after_title(scan: DocumentScan, s: int) -> bool:
    """ "Phó Chủ tịch | Thường trực UBND": the head word ends a title, not a body's name."""
    prev = token_before(scan.text, s)
    return prev is not None and scan.text[prev[0] : prev[1]].lower() in scan.vocab.title_ends


def after_ministry_title(scan: DocumentScan, s: int) -> bool:
    """ "Bộ trưởng | Công Thương": a minister's title ends right before ``s``."""
    return scan.doc.lower.endswith(scan.vocab.ministry_titles, max(0, s - 16), s)


def _after_person(scan: DocumentScan, s: int) -> bool:
    """ "Đồng chí Nguyễn Đình Bàng, | Thường trực HĐND tỉnh": a title in apposition to a name."""
    text = scan.text
    prev = token_before(text, s)
    if prev is None or text[prev[0] : prev[1]] != ",":
        return False
    words: list[str] = []
    pos = prev[0]
    while len(words) < 5:
        t = token_before(text, pos)
        if t is None or not is_capitalised(text[t[0] : t[1]]) or not is_word(text[t[0] : t[1]]):
            break
        words.append(text[t[0] : t[1]])
        pos = t[0]
    return 2 <= len(words) <= 4 and words[-1] in scan.vocab.surnames


def ministry_in_title(scan: DocumentScan, s: int) -> Candidate | None:
    """ "Bộ trưởng Công Thương", "Thứ trưởng Kế hoạch & Đầu tư": a field right after a
    minister's title names the ministry (the mention is the field as written)."""
    kind = scan.vocab.lex.kinds.get("Bộ")
    if kind is None or not after_ministry_title(scan, s):
        return None
    hit = field_at(scan, s)
    if hit is None:
        return None
    end, fld = hit
    return Candidate(s, end, kind=kind, name_field=fld, field_len=end - s, name_start=s, name=scan.text[s:end])


def _named_ok(scan: DocumentScan, s: int, e: int, hit: NamedHit) -> bool:
    """A named body counts in its case (short all-caps forms exactly: "VNPT", not "vnpt"), and
    a short abbreviation not inside a code ("NQ-TW") or a span claimed by another recogniser."""
    form = hit.form
    text = scan.text
    surface = text[s:e]
    if hit.named.exact_case or (len(form) <= 4 and is_all_caps(form)):
        if surface != form:
            return False
    elif not any(ch.isupper() for ch in surface):
        return False
    if len(form) <= 5 and is_all_caps(form):
        if (s > 0 and text[s - 1] in "-/") or (e < len(text) and text[e] in "-/"):
            return False
        if scan.doc.claimed(s, e):
            return False
    return True


def parse_head(scan: DocumentScan, s: int, hend: int, kind: Kind, depth: int) -> Candidate | None:
    """A head of ``kind`` at ``[s, hend)``: its name, then its qualifiers."""
    text = scan.text
    c = Candidate(s, hend, kind=kind)
    prev = token_before(text, s)
    if prev is not None and text[prev[0] : prev[1]].lower() in scan.vocab.generic_before:
        c.generic = True
    head_cap = text[s].isupper()
    pos = hend
    if kind.takes_name:
        pos = read_name(scan, c, pos, head_cap)
        written = text[hend:pos]
        c.name = written.strip()
        c.name_start = hend + (len(written) - len(written.lstrip()))
        if not c.name:
            return _nameless(scan, c, pos, hend, depth)
    c.end = pos = _qualifiers(scan, c, pos, depth)
    if kind.needs == "unit" and not (c.unit_type or c.place or c.parent or c.national or c.districts):
        return None
    if kind.needs == "parent" and c.parent is None:
        return None
    if not kind.takes_name and not head_cap and not (c.unit_type or c.place or c.districts):
        return None
    return c


def _nameless(scan: DocumentScan, c: Candidate, pos: int, hend: int, depth: int) -> Candidate | None:
    """ "Văn phòng UBND tỉnh", "Đảng ủy xã X": no name, but a parent or unit follows; a
    capitalised head with neither is bare."""
    kind = c.kind
    assert kind is not None
    after = _qualifiers(scan, c, pos, depth) if (kind.parent_ok or kind.needs == "unit") else pos
    if after > pos and c.has_unit:
        c.end = after
        return c
    if kind.needs == "unit" or not scan.text[c.start].isupper():
        return None
    c.unit_type, c.place, c.districts, c.parent = None, None, (), None
    c.bare = True
    c.end = hend
    return c


def _qualifiers(scan: DocumentScan, c: Candidate, pos: int, depth: int) -> int:
    """The qualifiers of ``c`` and the parent body after them, if one may follow."""
    end, parent_at = read_qualifiers(scan, c, pos, depth)
    if parent_at is None:
        return end
    p = parse_at(scan, parent_at.start, depth + 1)
    if p is None or p.bare or not parent_allowed(p, c, scan.vocab.lex.kinds, parent_at.written):
        return end
    if parent_at.written != "plain":
        # "Ban Pháp chế - HĐND tỉnh" is that council's board; a central parent after a dash or
        # in parentheses ("Vụ Kế hoạch - Bộ GD-ĐT", "Cục Quản lý công sản (Bộ Tài chính)") is
        # noted but left out of the name, which stays as written; the parent is read next
        c.written_parent = p
        if parent_at.written == "paren" or p.named is not None or p.kind is None or p.kind.level == "central":
            return end
    c.parent = p
    c.generic = c.generic or p.generic
    return p.end


def _in_proper_name(scan: DocumentScan, prev: tuple[int, int]) -> bool:
    """The word before is part of a proper name: a capitalised surname, or a capitalised word
    after another one ("Văn" in "Trần Văn Trường"; a sentence's first word is neither)."""
    text = scan.text
    first = text[prev[0]]
    if not (first.isupper() and first.isalpha()):
        return False
    word = text[prev[0] : prev[1]]
    if word in scan.vocab.surnames:
        return True
    before = token_before(text, prev[0])
    if before is None or not (text[before[0]].isupper() and text[before[0]].isalpha()):
        return False
    return not is_all_caps(word)


def bare_mention(scan: DocumentScan, s: int, e: int) -> Candidate | None:
    """A bare head ("Sở đã ...", "lãnh đạo Bộ", "của sở") standing for the report's body."""
    text = scan.text
    vocab = scan.vocab
    surface = text[s:e]
    prev = token_before(text, s)
    written_prev = text[prev[0] : prev[1]] if prev else ""
    ptok = written_prev.lower()
    if ptok in vocab.generic_before:
        return None
    if prev is not None and _in_proper_name(scan, prev):
        return None  # "Trần Văn | Trường", "Tây Nam | Bộ": part of a name, not the report's body
    n = token_at(text, e)
    ntok = text[n[0] : n[1]] if n else ""
    if surface[0].islower():
        if surface not in vocab.lower_bare or ptok not in vocab.lower_bare_prev:
            return None
        if ntok and is_word(ntok) and ntok not in vocab.bare_next:
            return None
    elif ntok and is_word(ntok):
        if is_capitalised(ntok):
            return None
        nn = token_at(text, n[1]) if n else None
        pair = f"{ntok} {text[nn[0] : nn[1]].lower()}" if nn else ""
        if ntok not in vocab.stop_words and pair not in vocab.stop_words:
            return None
    elif ntok in ("(", "/", "-"):
        return None
    return Candidate(s, e, bare=True, name=surface)
