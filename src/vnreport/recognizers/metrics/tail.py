"""What follows a number: scale words, a unit, else the counted noun it counts.

Scale words (``tỷ``, gazetteer ``scale_words``) multiply; a unit (gazetteer ``units``: %,
đồng, USD, ha, tấn …) says what is measured; otherwise the counted noun (``72 kỳ``, ``34 F1``)
is the unit, and it must exist: a bare number counts nothing. The noun ends at a function word
or verb (``stop_words`` rows that end a ``counted_noun``), punctuation, a proper name, or after
four syllables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ...text.document import Doc
from .around import TOKEN, camel_split
from .numbers import DIGITS_PATTERN, parse_decimal
from .qualifiers import qualifier_after
from .vocabulary import FigureVocabulary

#: A bare "tỷ" (or more) with no unit is money in reports: "thu 15.000 tỷ, tăng 26%"; so is
#: any scale word followed by a rate ("10 triệu/tháng").
_MONEY_SCALE = Decimal(10) ** 9


@dataclass(frozen=True, slots=True)
class FigureTail:
    """What follows a number: its scale, its unit, and where the figure's text ends."""

    end: int
    unit: str
    kind: str  # percent | currency | measure | count
    scale: Decimal
    strong: bool  # a unit from the table or a scale word, not only a following noun
    after_qualifier: str | None = None
    phrase: str | None = None  # the whole counted noun phrase ("hộ xây nhà mới")
    per: str | None = None  # the denominator of a rate ("đồng/tháng" → "tháng")
    addend: Decimal = Decimal(0)  # the smaller groups of a compound amount ("566 tỷ 384 triệu")
    noun_start: int = -1  # where the counted noun starts (counts only)


@dataclass(frozen=True, slots=True)
class CountedNoun:
    """The noun a number counts: where it ends, the unit, and the whole phrase read."""

    end: int
    unit: str
    phrase: str
    per: str | None = None
    start: int = -1


# The next group of a compound amount: "566 tỷ | 384 triệu đồng", "2 triệu | 500 nghìn".
_NEXT_GROUP = re.compile(rf"[ ]({DIGITS_PATTERN})(?=[ ])")


def _scale_after(vocab: FigureVocabulary, lower: str, pos: int) -> tuple[Decimal, bool, int]:
    """``(multiplier, any scale word, end)`` of the scale words at ``pos`` ("1,5 triệu", "2 nghìn tỷ")."""
    scale = Decimal(1)
    had_scale = False
    p = pos
    for _ in range(3):
        sm = vocab.scale_re.match(lower, p)
        if sm is None:
            break
        scale *= vocab.scales[sm.group(1)]
        had_scale = True
        p = sm.end()
    return scale, had_scale, p


def _compound_rest(vocab: FigureVocabulary, lower: str, pos: int, scale: Decimal) -> tuple[Decimal, int]:
    """``(value, end)`` of the smaller groups after a scaled group ("566 tỷ | 384 triệu")."""
    total = Decimal(0)
    p = pos
    for _ in range(3):
        gm = _NEXT_GROUP.match(lower, p)
        if gm is None:
            break
        sm = vocab.scale_re.match(lower, gm.end())
        if sm is None or vocab.scales[sm.group(1)] >= scale:
            break
        try:
            group = parse_decimal(gm.group(1))
        except ValueError:
            break
        smaller = vocab.scales[sm.group(1)]
        if group >= scale / smaller:
            break  # "2 tỷ 3000 triệu" is no compound
        total += group * smaller
        scale = smaller
        p = sm.end()
    return total, p


def _per_of(text: str, pos: int, end: int) -> str | None:
    """The denominator of the rate written in ``text[pos:end]`` ("/tháng" → "tháng")."""
    slash = text.find("/", pos, end)
    return text[slash + 1 : end] if slash >= 0 and end > slash + 1 else None


def _unit_tail(
    vocab: FigureVocabulary, doc: Doc, p: int, scale: Decimal, had_scale: bool, addend: Decimal
) -> FigureTail | None:
    """The tail when a unit of the ``units`` table stands at ``p``."""
    lower = doc.lower
    um = vocab.unit_re.match(lower, p)
    if um is None:
        return None
    unit = vocab.units[um.group(1)]
    nm = TOKEN.match(lower, um.end())
    blocked = (
        not had_scale
        and nm is not None
        and nm.group("w") is not None
        and nm.start("w") > um.end()
        and nm.group("w") in unit.not_before
    )
    if blocked:
        return None
    end = rate_end(vocab, doc, um.end())
    unit_text = unit.unit
    if unit.kind == "measure" and end > um.end():
        unit_text += doc.text[um.end() : end]  # tạ/ha, km/h, m3/ngày đêm
    per = _per_of(doc.text, um.end(), end)
    end, after = qualifier_after(vocab, lower, end)
    return FigureTail(end, unit_text, unit.kind, scale, True, after, per=per, addend=addend)


def read_tail(vocab: FigureVocabulary, doc: Doc, pos: int) -> FigureTail | None:
    """Scale, unit or counted noun right after the number that ends at ``pos``."""
    text, lower = doc.text, doc.lower
    scale, had_scale, p = _scale_after(vocab, lower, pos)
    addend = Decimal(0)
    if had_scale:
        addend, p = _compound_rest(vocab, lower, p, scale)
    slash = _slash_noun(vocab, doc, p)
    if slash is not None:
        return FigureTail(
            slash.end, slash.unit, "count", scale, had_scale, phrase=slash.phrase, addend=addend, noun_start=slash.start
        )
    tail = _unit_tail(vocab, doc, p, scale, had_scale, addend)
    if tail is not None:
        return tail
    if p == pos and pos < len(text) and (text[pos].isalpha() or text[pos] == "+"):
        return None  # glued letters that are no unit: 20h, 5K, 4G, 9+
    end, after = qualifier_after(vocab, lower, p)
    if after is not None:
        p = end
    noun = counted_noun(vocab, doc, p)
    if noun is None:
        if had_scale and (scale >= _MONEY_SCALE or text.startswith("/", p)):
            # "chi 2.000 tỷ(…)", "lương 10 triệu/tháng": a bare large scale is money
            end = rate_end(vocab, doc, p)
            return FigureTail(end, "VND", "currency", scale, True, per=_per_of(text, p, end), addend=addend)
        return None
    return FigureTail(noun.end, noun.unit, "count", scale, had_scale, after, noun.phrase, noun.per, addend, noun.start)


def _slash_noun(vocab: FigureVocabulary, doc: Doc, p: int) -> CountedNoun | None:
    """A counted noun written with a slash ("2 đ/c" = 2 đồng chí, not 2 đồng per c)."""
    if vocab.slash_noun_re is None:
        return None
    sm = vocab.slash_noun_re.match(doc.lower, p)
    if sm is None:
        return None
    unit = doc.text[sm.start(1) : sm.end(1)]
    return CountedNoun(sm.end(1), unit, unit, start=sm.start(1))


#: A hyphenated part starting with a digit: no word of a rate's denominator.
_DIGIT_PART = re.compile(r"-\d")


def rate_end(vocab: FigureVocabulary, doc: Doc, pos: int) -> int:
    """End of a rate after a unit ("đồng/người/tháng", "tạ/ha"): part of the text only."""
    text = doc.text
    end = pos
    for _ in range(3):
        if end >= len(text) or text[end] != "/":
            break
        tm = TOKEN.match(text, end + 1)
        if not (tm and tm.group("w") and tm.start("w") == end + 1):
            break
        digit_part = _DIGIT_PART.search(tm.group("w"))
        if digit_part is not None:  # "GWh/năm-31.700 GWh/năm": a range goes on after the dash
            end = tm.start("w") + digit_part.start()
            break
        end = tm.end()
        t2 = TOKEN.match(text, end)  # "ngày học", "bệnh nhân"
        if t2 is None:
            continue
        w2 = t2.group("w")
        if (
            w2
            and w2.islower()
            and w2 not in vocab.noun_stops
            and w2 not in vocab.time_nouns
            and t2.start("w") == end + 1
        ):
            end = t2.end()
    return end


def _ends_noun(doc: Doc, vocab: FigureVocabulary, words: list[tuple[int, int]], ws: int, low: str) -> bool:
    """The word ``low`` at ``ws`` does not continue the noun read so far (``words``)."""
    text, lower = doc.text, doc.lower
    prev = lower[words[-1][0] : words[-1][1]]
    if prev + " " + low in vocab.noun_stops:
        return True
    first_word = text[words[0][0] : words[0][1]]
    if text[ws].isupper() and not first_word[0].isupper():
        return True  # "2 thôn Hoàng Các": the name is not the unit
    return "-" in low and any(ch.isdigit() for ch in low)


def _noun_words(vocab: FigureVocabulary, doc: Doc, pos: int) -> list[tuple[int, int]]:
    """Spans of the words of the counted noun at ``pos`` ([] when the first word is a stop)."""
    text, lower = doc.text, doc.lower
    words: list[tuple[int, int]] = []
    p = pos
    limit = 4
    while len(words) < limit:
        tm = TOKEN.match(text, p)
        if tm is None or tm.group("w") is None:
            break
        ws, we = tm.start("w"), tm.end("w")
        if words and ws == words[-1][1]:
            break
        glued = camel_split(text, ws, we)
        if glued:  # "2 caCovid-19": the scraper glued two words
            we = glued
        low = lower[ws:we]
        nm = TOKEN.match(lower, we)
        ahead = low + " " + nm.group("w") if nm is not None and nm.group("w") else ""
        if (low in vocab.noun_stops or ahead in vocab.noun_stops) and ahead not in vocab.counted_nouns:
            if not words:
                return []
            break  # ("chỉ tiêu", "chỉ số" are nouns although "chỉ" is an adverb)
        if words:
            if _ends_noun(doc, vocab, words, ws, low):
                break
        elif low in vocab.time_nouns:
            limit = 1
            second = vocab.time_second.get(low)
            if second and nm is not None and nm.group("w") in second:
                limit = 2
        words.append((ws, we))
        p = we
        if glued:
            break
    return words


def counted_noun(vocab: FigureVocabulary, doc: Doc, pos: int) -> CountedNoun | None:
    """The counted noun at ``pos`` (see the module doc)."""
    text, lower = doc.text, doc.lower
    words = _noun_words(vocab, doc, pos)
    if not words:
        return None
    phrase = text[words[0][0] : words[-1][1]]
    # a known counted noun is the unit by itself: "298 hộ | xây nhà mới", "2 ca | dương tính"
    # and so is a title of office: "5 Phó Chủ tịch | LĐLĐ tỉnh"
    for k in (3, 2, 1):
        head = lower[words[0][0] : words[k - 1][1]] if k <= len(words) else ""
        if (
            head in vocab.counted_nouns
            or head in vocab.office_titles
            or head.removeprefix("phó ") in vocab.office_titles
        ):
            words = words[:k]
            break
    end = words[-1][1]
    per = None
    if text.startswith("/", end):  # a rate: "10 phút/tuần", "600 mẫu/ngày"
        t2 = TOKEN.match(text, end + 1)
        if t2 and t2.group("w") and t2.start("w") == end + 1:
            per = t2.group("w")
            end = t2.end("w")
            phrase = text[words[0][0] : end] if len(phrase) < end - words[0][0] else phrase
    return CountedNoun(end, text[words[0][0] : end], phrase, per, words[0][0])
