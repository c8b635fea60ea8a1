"""What follows a number: scale words, a unit, else the counted noun it counts.

Scale words (``tỷ``, gazetteer ``scale_words``) multiply; a unit (gazetteer ``units``: %,
đồng, USD, ha, tấn …) says what is measured; otherwise the counted noun (``72 kỳ``, ``34 F1``)
is the unit, and it must exist: a bare number counts nothing. The noun ends at a function word
or verb (``stop_words`` rows that end a ``counted_noun``), punctuation, a proper name, or after
four syllables.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ...text.document import Doc
from .around import TOKEN, camel_split
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


@dataclass(frozen=True, slots=True)
class CountedNoun:
    """The noun a number counts: where it ends, the unit, and the whole phrase read."""

    end: int
    unit: str
    phrase: str


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


def _unit_tail(vocab: FigureVocabulary, doc: Doc, p: int, scale: Decimal, had_scale: bool) -> FigureTail | None:
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
    end, after = qualifier_after(vocab, lower, end)
    return FigureTail(end, unit_text, unit.kind, scale, True, after)


def read_tail(vocab: FigureVocabulary, doc: Doc, pos: int) -> FigureTail | None:
    """Scale, unit or counted noun right after the number that ends at ``pos``."""
    text, lower = doc.text, doc.lower
    scale, had_scale, p = _scale_after(vocab, lower, pos)
    tail = _unit_tail(vocab, doc, p, scale, had_scale)
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
            return FigureTail(rate_end(vocab, doc, p), "VND", "currency", scale, True)
        return None
    return FigureTail(noun.end, noun.unit, "count", scale, had_scale, after, noun.phrase)


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
    for k in (3, 2, 1):
        if k <= len(words) and lower[words[0][0] : words[k - 1][1]] in vocab.counted_nouns:
            words = words[:k]
            break
    end = words[-1][1]
    if text.startswith("/", end):  # a rate: "10 phút/tuần", "600 mẫu/ngày"
        t2 = TOKEN.match(text, end + 1)
        if t2 and t2.group("w") and t2.start("w") == end + 1:
            end = t2.end("w")
            phrase = text[words[0][0] : end] if len(phrase) < end - words[0][0] else phrase
    return CountedNoun(end, text[words[0][0] : end], phrase)
