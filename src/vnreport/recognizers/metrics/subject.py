"""What a percentage, sum or measure is of: its subject, read from the clause.

"47,9% viên chức của …": the noun phrase after a percentage or a measure; "tổng thu ngân sách
… đạt 16.500 tỷ đồng", "tỷ lệ cử tri … chiếm 96,39%": the clause before a linking verb
(``figure_words`` rows of use ``link_verb``); "…, tăng 26,5%": the subject of the figure just
before. A subject ends at a predicate or clause-level function word (``stop_words`` rows that
end a ``metric_subject``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...text.document import Doc
from .around import TOKEN, is_year, words_before
from .period import PERIOD
from .qualifiers import qualifier_match
from .shapes import NUMBER
from .tail import FigureTail
from .vocabulary import FigureVocabulary

#: A passive relative clause goes on a counted noun: "20 người | được đề nghị tặng thưởng".
_PASSIVE = frozenset({"được", "bị"})
_ABBREVIATION_IN_BRACKETS = re.compile(r"\([^\W\d_][\w&-]{0,9}\)")
_CLAUSE_BREAK = re.compile(r"[;!?\n:()\"“”]|\.(?!\d)|,(?!\d)")
_SUBJECT_END = re.compile(r"[;!?\n:()\"“”]|\.(?!\d)")
_LEADING_FILLERS = re.compile(
    r"(?:(?:trong đó|hiện nay|hiện|đến nay|tuy nhiên|ngoài ra|bên cạnh đó|cụ thể|riêng|theo đó|như vậy|và)"
    r"[, ]+)+",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class LastFigure:
    """Where the previous figure ended and its subject ("…, tăng 26,5%" borrows it)."""

    end: int
    subject: str | None


def subject_of(vocab: FigureVocabulary, doc: Doc, last: LastFigure | None, s: int, tail: FigureTail) -> str | None:
    """The subject of the (non-count) figure at ``s`` (see the module doc)."""
    verb, left = _subject_before(vocab, doc, last, s)
    if tail.kind == "currency" or verb in ("chiếm", "đạt"):
        return left or _subject_after(vocab, doc, tail.end, tail.kind)
    return _subject_after(vocab, doc, tail.end, tail.kind) or left


def count_subject(vocab: FigureVocabulary, doc: Doc, tail: FigureTail) -> str | None:
    """What a count is of: its counted noun with the words that qualify it ("33.800 thương
    binh", "10 cơ quan báo chí tham gia tuyên truyền"), up to a predicate or a clause end."""
    text = doc.text
    if tail.noun_start < 0 or not (text.startswith(" ", tail.end) and text[tail.end + 1 : tail.end + 2].isalpha()):
        return tail.phrase  # nothing to read past the noun ("12 người, …", "12 người 3 hộ")
    return _subject_after(vocab, doc, tail.noun_start, "count", _PASSIVE) or tail.phrase


def _link_verb_before(vocab: FigureVocabulary, lower: str, s: int) -> tuple[str, int] | None:
    """``(linking verb, its start)`` right before the figure at ``s`` (past a qualifier)."""
    i = s
    qm = qualifier_match(vocab, lower, s)
    if qm is not None and qm.group(1) not in vocab.link_verbs:
        i = qm.start(1) - 1
    at = i + 1 if i < s else s
    prev = words_before(lower, at, 1)
    if not prev or prev[-1] not in vocab.link_verbs:
        return None
    verb = prev[-1]
    return verb, at - 1 - len(verb)


def _subject_before(
    vocab: FigureVocabulary, doc: Doc, last: LastFigure | None, s: int
) -> tuple[str | None, str | None]:
    """``(linking verb, clause before it)`` for a figure that follows a linking verb."""
    linked = _link_verb_before(vocab, doc.lower, s)
    if linked is None:
        # no linking verb: the clause before the figure ("hỗ trợ chủ tàu, thuyền | trên 23 tỷ đồng")
        qm = qualifier_match(vocab, doc.lower, s)
        return None, _clause_before(vocab, doc, last, qm.start(1) if qm else s)
    verb, verb_start = linked
    return verb, _clause_before(vocab, doc, last, verb_start)


def _clause_before(vocab: FigureVocabulary, doc: Doc, last: LastFigure | None, verb_start: int) -> str | None:
    """The noun phrase of the clause that ends at ``verb_start`` (see :func:`_subject_before`)."""
    text, lower = doc.text, doc.lower
    lo = max(0, verb_start - 120)
    a = lo
    brk = None
    for bm in _CLAUSE_BREAK.finditer(text, lo, verb_start):
        if bm.group() in "()" and _ABBREVIATION_IN_BRACKETS.search(text, max(lo, bm.start() - 12), bm.end() + 12):
            continue  # "chỉ số sản xuất công nghiệp (IIP) tăng 21,08%": the name goes on
        a, brk = bm.end(), bm
    if brk is None and lo > 0:
        return None
    b = verb_start
    while b > a and text[b - 1] == " ":
        b -= 1
    while a < b and text[a] in " ,":
        a += 1
    for strip in (_LEADING_FILLERS, PERIOD, _LEADING_FILLERS):
        fm = strip.match(lower, a, b)
        if fm:
            a = fm.end()
            while a < b and text[a] in " ,":
                a += 1
    if b <= a:
        # "…, tăng 26,5%": the subject of the figure that ends the previous clause
        if brk is not None and brk.group() in ",(" and last is not None and 0 <= brk.start() - last.end <= 1:
            return last.subject  # also "… 1.793 tỷ đồng (tăng 16%)"
        return None
    if lower.startswith("so với", a):  # "… so với năm 2018 và tăng 4.247 tỷ đồng": the same subject
        return last.subject if last is not None else None
    a = _after_last_predicate(vocab, lower, a, b)
    if b - a > 100 or b <= a:
        return None
    return text[a:b]


def _after_last_predicate(vocab: FigureVocabulary, lower: str, a: int, b: int) -> int:
    """Start of the noun phrase that ends the clause ``[a, b)``: after its last reporting verb
    ("Luật Lao động quy định | giá tiêu dùng tăng 10%"; ``figure_words`` use ``reporting_verb``)."""
    start = a
    if vocab.reporting_re is not None:
        for rm in vocab.reporting_re.finditer(lower, a, b):
            start = rm.end()
    while start < b and lower[start] in " ,":
        start += 1
    return start


def _subject_limit(text: str, lower: str, a: int) -> int:
    """Where a subject starting at ``a`` must end: the next figure or a clause end."""
    end = min(len(text), a + 160)
    for nm in NUMBER.finditer(text, a, end):
        if is_year(nm.group()) and lower.endswith("năm ", 0, nm.start()):
            continue  # "kế hoạch năm 2025" goes on
        end = nm.start()
        break
    bm = _SUBJECT_END.search(text, a, end)
    return bm.start() if bm else end


def _subject_words_end(
    vocab: FigureVocabulary, lower: str, a: int, end: int, goes_on: frozenset[str] = frozenset()
) -> int:
    """End of the noun phrase in ``[a, end)``: at a predicate, or at a comma past a long piece.

    Commas go on a list of nouns ("sở, ban, ngành, huyện") but not into a new clause: a
    comma-separated piece longer than five words ends the subject.
    """
    piece_words = 0
    last_good = end
    for wm in TOKEN.finditer(lower, a, end):
        w = wm.group("w")
        if wm.group("p") == ",":
            last_good = wm.start("p")
            piece_words = 0
            continue
        if w is None:
            continue
        if w in goes_on and piece_words:
            piece_words += 1
            continue
        if w in vocab.subject_stops or (piece_words == 0 and last_good < end and w in vocab.noun_stops):
            return wm.start("w") if piece_words else last_good  # "… cấp xã | được trang bị"
        piece_words += 1
        if piece_words > 5 and last_good < end and last_good > a:
            return last_good  # "100% xã, | phổ cập dịch vụ mạng di động …"
    if piece_words > 5 and a < last_good < end:
        return last_good
    return end


def _subject_after(
    vocab: FigureVocabulary, doc: Doc, pos: int, kind: str, goes_on: frozenset[str] = frozenset()
) -> str | None:
    """The noun phrase after a figure, up to the next figure, a predicate or a clause end."""
    if kind == "currency":
        return None
    text, lower = doc.text, doc.lower
    tm = TOKEN.match(text, pos)
    if not (tm and tm.group("w")) or tm.group("w").lower() in vocab.noun_stops:
        return None
    a = tm.start("w")
    end = _subject_words_end(vocab, lower, a, _subject_limit(text, lower, a), goes_on)
    # the next figure's qualifier is not part of this subject: "…, trên 85%"
    qm = vocab.qualifier_before_re.search(lower, max(a, end - 24), end)
    if qm is not None and NUMBER.match(text, end) is not None:
        end = qm.start(1)
    end = _strip_trailing(lower, a, end)
    if end <= a:
        return None
    return text[a:end]


def _strip_trailing(lower: str, a: int, end: int) -> int:
    """Drop trailing spaces, commas and a dangling "và"/"hoặc"."""
    while True:
        while end > a and lower[end - 1] in " ,;":
            end -= 1
        for w in ("và", "hoặc"):
            if lower.endswith(w, a, end) and (end - len(w) == a or lower[end - len(w) - 1] == " "):
                end -= len(w)
                break
        else:
            return end
