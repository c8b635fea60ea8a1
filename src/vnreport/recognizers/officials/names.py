"""Personal names around a trigger: after an honorific ("ông Trần Thành Lập"), before a
position ("Hồ Quốc Dũng - Ủy viên …"), and at the end of a capitalised run that follows a
title ("Phó Chủ tịch UBND tỉnh Hậu Giang Trần Thành Lập").

Where a run splits into organisation/place and name is decided by
:meth:`~vnreport.lexicon.names.NameRules.split_run`; this module decides which runs are worth
asking and which names to refuse (inside an agency, a claimed place, boilerplate).
"""

from __future__ import annotations

import re

from ...lexicon.names import MAX_SYLLABLES
from .reads import NameSpan
from .state import DocumentReading
from .tokens import TOKEN, Stream, Tok, classify, new_tok

_BACK_WINDOW = 120  # characters looked at before a position for a bare name
#: Forms of address that never stand inside a name ("Nguyễn Văn A ông B").
ADDRESS_NOT_IN_NAME = frozenset({"ông", "bà"})
#: Punctuation between a bare name and the position written after it.
NAME_SEPARATORS = frozenset("-,(")
# An age or birth aside between a name and its positions: ", 30 tuổi,", ", sinh năm 1976,",
# "(45 tuổi)", "(sinh năm 1976)". Bounded patterns, matched on short slices only.
_AGE = r"(?:\d{1,3}\s+tuổi|(?:sinh\s+năm|năm\s+sinh|[Ss]N)\s*\d{4}|sinh\s+\d{4})"
AGE_ASIDE_AFTER = re.compile(r",\s*" + _AGE + r"\s*(?=[,\-(])")
_AGE_ASIDE_BEFORE = re.compile(r"(?:,\s*" + _AGE + r"|\(\s*(?:" + _AGE + r"|\d{4})\s*\))\s*$")
AGE_SPAN = 40  # characters an age aside can take


def _name(run: list[Tok], words: list[str]) -> NameSpan:
    return NameSpan(run[0].start, run[-1].end, tuple(words))


def is_foreign_name_word(text: str) -> bool:
    """ "Xay-sổm-phon", "Phôm-vi-hản" (transliterations, later parts in lower case),
    "Saleumxay", "Kommasith" (Western words longer than a Vietnamese syllable)."""
    first, _, rest = text.partition("-")
    if not (first[:1].isupper() and first.isalpha() and (len(first) == 1 or first[1:].islower())):
        return False
    if not rest:
        return 8 < len(first) <= 20
    return all(part.isalpha() and part.islower() for part in rest.split("-"))


def read_name_after(reading: DocumentReading, pos: int) -> NameSpan | None:
    """The name right after an honorific: 1-4 capitalised syllables (or foreign name words)."""
    s = reading.stream(pos)
    run: list[Tok] = []
    i = 0
    while len(run) < MAX_SYLLABLES:
        t = s.get(i)
        if t is None or reading.starts_time(t):
            break
        if t.kind != "name" and not (t.kind == "cap" and is_foreign_name_word(t.text)):
            break
        if run and (t.text.lower() in ADDRESS_NOT_IN_NAME or reading.title_at(t.start, honorific=None)):
            break
        if run and (head := reading.org_head_at(t)) is not None and " " in reading.lower[t.start : head]:
            break
        run.append(t)
        i += 1
    if not run:
        return None
    words = [t.text for t in run]
    for k in range(2, len(words) - 1):
        if reading.rules.place_prefix(words[k:]) == len(words) - k:
            words, run = words[:k], run[:k]  # "ông Nguyễn Văn A Hà Nội": stop before the place
            break
    if (len(words) > 1 and reading.rules.is_excluded(words)) or reading.blocked(run[0].start, run[-1].end):
        return None
    return _name(run, words)


def listed_name_after(reading: DocumentReading, pos: int) -> NameSpan | None:
    """The full name at ``pos`` if its surname is listed: what vouches for a person where no
    honorific or title stands right before the name (list members, "… là A", after a field)."""
    name = read_name_after(reading, pos)
    if name is None or name.short or reading.rules.surname_rank(name.words[0]) is None:
        return None
    return name


def read_name_before(reading: DocumentReading, pos: int, *, aside: bool = True, comma: bool = False) -> NameSpan | None:
    """ "Hồ Quốc Dũng - Ủy viên …": a bare name written just before a position at ``pos``.

    An age or birth aside may come between ("Đinh Huy, 30 tuổi, huyện ủy viên …"); the
    name before it is then read as after a comma."""
    text = reading.text
    lo = max(0, pos - _BACK_WINDOW)
    j = pos - 1
    while j >= lo and text[j] == " ":
        j -= 1
    if j < lo or text[j] not in NAME_SEPARATORS:
        return None  # the usual case: no "Name -" / "Name," / "Name (" before the title
    if aside and text[j] in ",-":
        m = _AGE_ASIDE_BEFORE.search(text, max(0, j - AGE_SPAN), j)
        if m is not None:
            a = m.start()  # the aside's "," or "(": read the name before it with the comma rules
            return read_name_before(reading, a + 1, aside=False, comma=True)
    toks = _tokens_before(text, max(0, j - 60), pos)
    if not toks or toks[-1].text not in NAME_SEPARATORS:
        return None
    sep = "," if comma else toks[-1].text
    j = len(toks) - 2
    run: list[Tok] = []
    while j >= 0 and toks[j].kind == "name" and len(run) < MAX_SYLLABLES + 2:
        run.insert(0, toks[j])
        j -= 1
    if len(run) < 2:
        return None
    before = toks[j] if j >= 0 else None
    if before is not None and before.kind == "name":
        return None  # a longer capitalised run: organisation or place, not a bare name
    if sep == "," and before is not None and _boundary_before_name(reading, before):
        return None
    return _bare_name(reading, run, comma=sep == ",")


def _tokens_before(text: str, lo: int, pos: int) -> list[Tok]:
    """Tokens of ``text[lo:pos]``, the first dropped when the window may have cut it."""
    toks = [
        new_tok(
            Tok,
            (
                m.start(),
                m.end(),
                m.group(),
                "nl" if m.lastindex == 1 else "punct" if m.lastindex == 3 else classify(m.group()),
            ),
        )
        for m in TOKEN.finditer(text, lo, pos)
    ]
    return toks[1:] if lo > 0 and toks else toks


def _boundary_before_name(reading: DocumentReading, before: Tok) -> bool:
    """ "tại Hà Nội, …", "UBND Hà Nội, …": what precedes a run makes it a place, not a name."""
    return (
        before.kind in ("cap", "upper", "num")
        or before.text.lower() in reading.words.boundary_before_bare_name
        or reading.admin_at(before) is not None
    )


def _bare_name(reading: DocumentReading, run: list[Tok], *, comma: bool) -> NameSpan | None:
    words = [t.text for t in run]
    k = reading.rules.split_run(words)
    if k is None or (k > 0 and comma):
        return None
    if reading.blocked(run[k].start, run[-1].end) or reading.doc.is_boilerplate(run[k].start, run[-1].end):
        return None
    if any(w.lower() in ADDRESS_NOT_IN_NAME for w in words[k:]):
        return None
    return _name(run[k:], words[k:])


def resolve_run(
    reading: DocumentReading,
    run: list[Tok],
    s: Stream,
    follow: int,
    *,
    after_admin: bool,
    right_after_title: bool,
    institution: bool = False,
) -> int | None:
    """Index in ``run`` (capitalised tokens after a title) where a person's name starts, or
    None if the run is organisation; ``follow`` is the index in ``s`` of the token after it.

    ``institution``: the run follows "Trường", "ĐH", "THPT" …, whose names are often a
    person's ("Trường ĐH Tôn Đức Thắng"): a person's name can only come after it.
    """
    words = [t.text for t in run]
    rules = reading.rules
    if len(words) == 1:
        if not right_after_title or rules.is_excluded(words):
            return None
        nxt = s.get(follow)
        ends = nxt is None or nxt.kind in ("nl", "punct") or reading.is_stop(s, follow)
        if ends and not reading.blocked(run[0].start, run[0].end):
            return 0
        return None
    if institution:
        if len(words) < 4:
            return None
        k = rules.split_run(words[2:], after_admin=True)
        k = None if k is None else k + 2
    else:
        k = rules.split_run(words, after_admin=after_admin)
    if k is None or reading.blocked(run[k].start, run[-1].end):
        return None
    if any(w.lower() in ADDRESS_NOT_IN_NAME for w in words[k + 1 :]):
        return None
    return k


def dash_name(reading: DocumentReading, s: Stream, i: int) -> NameSpan | None:
    """ "Chủ tịch UBND tỉnh Hưng Yên - Đỗ Quốc Văn": a name after a dash ends the title."""
    run: list[Tok] = []
    j = i
    while True:
        t = s.get(j)
        if t is None or t.kind != "name" or len(run) >= MAX_SYLLABLES + 1:
            break
        run.append(t)
        j += 1
    nxt = s.get(j)
    if len(run) < 2 or (nxt is not None and nxt.kind not in ("nl", "punct", "lower")):
        return None
    words = [t.text for t in run]
    k = reading.rules.split_run(words)
    if k != 0 or reading.blocked(run[0].start, run[-1].end):
        return None
    return _name(run, words)
