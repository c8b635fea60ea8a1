"""Whether a number and what follows it are a reported figure.

A label before the number makes it a name or an ordinal (``lần thứ 37``, ``Sư đoàn 3``,
``Chỉ thị số 16``; gazetteer ``number_labels``); a count right after a proper name is part of
the name (``Quân khu 5``); a time noun followed by a period word is a period (``6 tháng đầu
năm``), by a clock word a time (``20 giờ ngày 31``); slash shapes may be dates (``8/7``).
"""

from __future__ import annotations

from ...text.document import Doc
from .around import (
    LANGUAGE_WINDOW,
    after_name,
    day_month,
    end_of_word,
    has_vietnamese_letter,
    in_name,
    is_year,
    looks_vietnamese,
    words_after,
    words_before,
)
from .numbers import is_thousands_grouped
from .qualifiers import qualifier_match
from .shapes import NumberHit
from .tail import FigureTail
from .vocabulary import FigureVocabulary


def label_before(vocab: FigureVocabulary, prev: list[str]) -> str | None:
    """The kind of the longest label that ends right before the number, if any."""
    for k in (3, 2, 1):
        if len(prev) >= k:
            kind = vocab.labels.get(" ".join(prev[-k:]))
            if kind is not None:
                return kind
    return None


def _first_unit_word(unit: str) -> str:
    return unit.lower().split(" ", 1)[0].split("/", 1)[0]


def _is_known_noun(vocab: FigureVocabulary, tail: FigureTail) -> bool:
    unit_low = tail.unit.lower()
    return tail.kind == "count" and (
        _first_unit_word(unit_low) in vocab.counted_nouns or " ".join(unit_low.split()[:2]) in vocab.counted_nouns
    )


def _pair_acceptable(doc: Doc, hit: NumberHit, known_noun: bool) -> bool:
    """A fraction or a range is no date, document number or span of years."""
    text = doc.text
    raw = text[hit.start : hit.end]
    raw2 = text[hit.second[0] : hit.second[1]] if hit.second else ""
    value, value2 = hit.value, hit.value2
    if hit.fraction:
        if value2 is not None and value2 <= 31 and not known_noun:
            return False  # 24/24, 8/7: a clock phrase or a date, not a part of a whole
        if raw.startswith("0") or is_year(raw2):
            return False  # 02/2003, 6/2011: a document or a month
        if value2 is not None and value2 < value:
            return False
        if day_month(raw, raw2) and not known_noun:
            return False  # 8/7, 2/7: a date
    elif hit.second is not None and (is_year(raw) or is_year(raw2)):
        return False  # 2021-2022
    return True


def _time_noun_acceptable(
    vocab: FigureVocabulary, doc: Doc, hit: NumberHit, first: str, prev: list[str], quantified: bool
) -> bool:
    """A duration, not a period phrase, a date, a clock time or an anniversary.

    A qualifier or a quantity phrase before the number makes it a duration even when a period
    word follows ("gần 10 tháng qua", "trong vòng 1 tháng qua").
    """
    lower = doc.lower
    nxt = words_after(lower, end_of_word(doc.text, hit.numbers_end), 2)
    if nxt and nxt[0] in vocab.period_next and not quantified:
        return False  # 6 tháng đầu năm, 9 tháng qua
    if (
        first in vocab.calendar_nouns
        and prev
        and (prev[-1] in vocab.period_before or " ".join(prev[-2:]) in vocab.period_before)
    ):
        return False  # sơ kết 6 tháng, họp báo 6 tháng: the meeting of a period ("tổng kết 2 năm
        # thực hiện" is a duration: the years something has run)
    if nxt and first in ("năm", "tháng") and nxt[0].isdigit():
        return False  # 06 tháng 01 năm 2011
    if first in ("giờ", "phút") and (
        (nxt and (nxt[0] in vocab.clock_next or nxt[0].isdigit()))
        or (prev and prev[-1] in vocab.clock_before)
        or (len(nxt) == 2 and nxt[0] in ("đến", "tới") and nxt[1].isdigit())
    ):
        return False  # 20 giờ ngày 31, lúc 11 giờ 47 phút, từ 7 giờ đến 11 giờ
    # "kỷ niệm 81 năm Ngày thành lập": an anniversary
    return not (first == "năm" and len(prev) >= 2 and " ".join(prev[-2:]) in vocab.anniversary)


def _count_acceptable(vocab: FigureVocabulary, doc: Doc, hit: NumberHit, tail: FigureTail, known_noun: bool) -> bool:
    """The noun after the number is what the number counts."""
    text, lower = doc.text, doc.lower
    s = hit.start
    raw = text[s : hit.end]
    unit_words = tail.unit.split()
    if "." in raw and "," not in raw and not is_thousands_grouped(raw, ".") and not tail.strong:
        return False  # "sáng 22.4": a dotted day and month ("1.2 triệu người" is a decimal)
    if is_year(raw) and not tail.strong:
        return False
    prev = words_before(lower, s, 3)
    label = label_before(vocab, prev)
    if label is not None and label != "quantity":
        return False
    if (
        len(unit_words) >= 2
        and unit_words[0][:1].isupper()
        and not unit_words[0].isupper()
        and unit_words[1][:1].isupper()
        and not _is_office(vocab, tail.unit)
    ):
        return False  # "3 Sao Vàng", "1 Nhơn Lộc": a name goes on ("5 Phó Chủ tịch" counts holders)
    after_function_word = bool(prev) and prev[-1] in vocab.noun_stops  # "với 2 Huy chương vàng"
    if (after_name(text, s) and not known_noun) or (
        tail.unit[:1].isupper() and not unit_words[0].isupper() and not after_function_word and in_name(text, s)
    ):
        return False  # "Quân khu 5", "cầu Văn Thánh 2 hư hỏng", "Ban Chỉ đạo 389 Quốc gia"
    first = _first_unit_word(tail.unit)
    if first in vocab.time_nouns:
        quantified = label == "quantity" or qualifier_match(vocab, lower, s) is not None
        return _time_noun_acceptable(vocab, doc, hit, first, prev, quantified)
    return True


def _is_office(vocab: FigureVocabulary, unit: str) -> bool:
    """The counted noun is a title of office ("Phó Chủ tịch", "Ủy viên"): its holders are counted."""
    words = unit.lower().split()
    if words and words[0] == "phó":  # a deputy of any office: "Phó Chủ tịch", "Phó Giám đốc"
        words = words[1:]
    return any(" ".join(words[:k]) in vocab.office_titles for k in range(min(len(words), 4), 0, -1))


def acceptable(
    vocab: FigureVocabulary, doc: Doc, hit: NumberHit, tail: FigureTail, language: dict[int, bool] | None = None
) -> bool:
    """The number ``hit`` with ``tail`` after it is a reported figure (see the module doc).

    ``language`` remembers, per stretch of text, whether it reads as Vietnamese (one per ``find``).
    """
    known_noun = _is_known_noun(vocab, tail)
    if not _pair_acceptable(doc, hit, known_noun):
        return False
    if tail.kind == "count" and not _count_acceptable(vocab, doc, hit, tail, known_noun):
        return False
    return _in_vietnamese(doc, hit, tail, {} if language is None else language)


def _in_vietnamese(doc: Doc, hit: NumberHit, tail: FigureTail, language: dict[int, bool]) -> bool:
    """The figure is written in Vietnamese (cheap signs first: its unit or the word before it)."""
    if has_vietnamese_letter(tail.unit.lower()) or has_vietnamese_letter(doc.lower[max(0, hit.start - 12) : hit.start]):
        return True  # the unit or the words right before it are Vietnamese
    stretch = hit.start // LANGUAGE_WINDOW
    known = language.get(stretch)
    if known is None:
        known = language[stretch] = looks_vietnamese(doc.lower, hit.start)
    return known
