"""Reported figures: percentages, money, measures, durations and counts of a counted noun.

One compiled scan finds every run of digits; each is then judged by cheap local checks on a
few words around it (never a scan of the whole text per figure):

* its *shape*: dates (``19/7/2011``, ``30.4.1975``, ``20-7-2018``), times (``16:27``, ``20h``),
  document numbers (``43/2011/NĐ-CP``, ``66-NQ/TW``), codes glued to letters (``F1``,
  ``Covid-19``, ``5K``, ``4G``) and phone numbers are not figures, whatever the date and legal
  recognisers claimed before;
* what *follows*: scale words (``tỷ``, gazetteer ``scale_words``), a unit (gazetteer ``units``:
  %, đồng, USD, ha, tấn …), else the counted noun (``72 kỳ``, ``34 F1``), which must exist: a
  bare number counts nothing. The noun ends at a function word or verb (gazetteer
  ``counted_noun_stops``), punctuation, a proper name, or after four syllables;
* what *precedes*: a label makes the number a name or an ordinal (``lần thứ 37``, ``Sư đoàn 3``,
  ``tháng 3``, ``Chỉ thị số 16``; gazetteer ``number_labels``), a qualifier says how exact it is
  (``gần``, ``trên``, ``không quá``; gazetteer ``metric_qualifiers``).

Ranges (``15 - 20 HTX``) give two figures, a lower (``at_least``) and an upper (``at_most``)
bound; fractions (``95/155 xã``) give the part and the whole. ``6 tháng đầu năm`` is a period,
not a figure; it becomes the ``period`` of the figures of its sentence. Values (``unit``,
``subject``, ``period``) are in the normalised spelling, like every value of a Report;
``text``/``start``/``end`` are the caller's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ...lexicon.gazetteers import Gazetteers
from ...models import Metric
from ...text.document import Doc
from ..base import Recognizer, register
from .numbers import DIGITS_PATTERN, is_thousands_grouped, parse_decimal, scale_words

# A run of digits not glued to a word, a separator, a slash, a colon or a plus on its left
# (those are parts of codes, dates, times and chainages such as "Km 25+300"). Repetition is bounded,
# so a 5 MB line of "1.000." costs one short match per start position and never backtracks far.
_NUMBER = re.compile(rf"(?<![\w.,/:+]){DIGITS_PATTERN}(?!\d)")
_DATE_TAIL = re.compile(r"[/.-]\d{1,2}[/.-]\d{1,4}(?!\d)")  # 19/7/2011, 20-7-2018, 30.4.1975
_DOC_NUMBER_TAIL = re.compile(r"/\d{1,4}/[^\W\d_]")  # 43/2011/NĐ-CP
_CODE_TAIL = re.compile(r"[-/][^\W\d_][\w./-]{0,40}")  # 11/NQ-CP, 66-NQ/TW
_TIME_TAIL = re.compile(r":\d")  # 16:27, 9001:2008
_RANGE = re.compile(rf"[ ]?(?:-|đến|tới)[ ]?({DIGITS_PATTERN})(?![\d/.:-]?\d)(?![/:])")
_SLASH = re.compile(rf"/({DIGITS_PATTERN})(?![\d/])")
# One token to the right of a position, on one line: a word, a digit or a punctuation mark.
_TOKEN = re.compile(r"[ ]{0,2}(?:(?P<w>[^\W\d_]\w*(?:-\w+)*)|(?P<n>\d)|(?P<p>[^\w\s]))")
_CLAUSE_BREAK = re.compile(r"[;!?\n:()\"“”]|\.(?!\d)|,(?!\d)")
_SUBJECT_END = re.compile(r"[;!?\n:()\"“”]|\.(?!\d)")
_SENTENCE_START_CHARS = frozenset(".!?:;\n\"'(“[-…")

#: Units of time and age: the unit is the noun alone (plus an allowed second syllable), and a
#: period phrase or a clock time can follow them.
_TIME_NOUNS = frozenset({"tháng", "năm", "quý", "quí", "tuần", "ngày", "giờ", "phút", "giây", "tuổi"})
_TIME_SECOND = {"ngày": frozenset({"đêm"}), "năm": frozenset({"học"})}
# "6 tháng đầu năm", "9 tháng qua", "5 năm tới": the number names a period.
_PERIOD_NEXT = frozenset({"đầu", "cuối", "qua", "tới", "giữa", "trước", "sắp", "vừa", "này", "nay"})
# "20 giờ ngày 31", "9 giờ sáng", "11 giờ 47 phút": a clock time.
_CLOCK_NEXT = frozenset({"ngày", "sáng", "chiều", "tối", "trưa", "đêm", "hôm", "khuya", "đúng"})
_CLOCK_BEFORE = frozenset({"lúc", "vào", "giờ"})
_ANNIVERSARY = frozenset({"kỷ niệm", "kỉ niệm"})
# Verbs that put the measured thing before the figure: "tổng thu … đạt 16.500 tỷ đồng".
_LINK_VERBS = frozenset({"đạt", "là", "chiếm", "tăng", "giảm"})
# Words that end the noun phrase a figure is of: predicates and clause-level function words.
_SUBJECT_STOPS = frozenset(
    {
        "được",
        "bị",
        "có",
        "đạt",
        "là",
        "đã",
        "sẽ",
        "đang",
        "không",
        "chưa",
        "phải",
        "so",
        "với",
        "để",
        "cho",
        "nhằm",
        "theo",
        "do",
        "bởi",
        "vì",
        "nên",
        "thì",
        "mà",
        "nhưng",
        "nếu",
        "khi",
        "tăng",
        "giảm",
        "chiếm",
        "cũng",
        "đều",
        "vẫn",
        "còn",
        "gồm",
        "như",
    }
)
_LEADING_FILLERS = re.compile(
    r"(?:(?:trong đó|hiện nay|hiện|đến nay|tuy nhiên|ngoài ra|bên cạnh đó|cụ thể|riêng|theo đó|như vậy|và)"
    r"[, ]+)+",
    re.IGNORECASE,
)

_PERIOD = re.compile(
    r"(?<!\w)(?:(?:\d{1,2}|sáu|chín|ba) tháng (?:đầu|cuối) năm(?: \d{4})?"
    r"|(?:\d{1,2}|sáu|chín|ba) tháng(?: năm \d{4}| qua| vừa qua)"
    r"|quý (?:iv|i{1,3}|[1-4])(?:/\d{4}| năm \d{4})?"
    r"|(?:năm học|giai đoạn|nhiệm kỳ) \d{4} ?- ?\d{4}"
    r"|năm \d{4}|năm (?:qua|nay)|tháng \d{1,2}(?:/\d{4}| năm \d{4})?)(?!\w)"
)


#: A bare "tỷ" (or more) with no unit is money in reports: "thu 15.000 tỷ, tăng 26%"; so is
#: any scale word followed by a rate ("10 triệu/tháng").
_MONEY_SCALE = Decimal(10) ** 9


@dataclass(frozen=True, slots=True)
class _Unit:
    unit: str
    kind: str  # percent | currency | measure
    not_before: frozenset[str]


@dataclass(slots=True)
class _Tail:
    """What follows a number: its scale, its unit, and where the figure's text ends."""

    end: int
    unit: str
    kind: str  # percent | currency | measure | count
    scale: Decimal
    strong: bool  # a unit from the table or a scale word, not only a following noun
    after_qualifier: str | None = None
    phrase: str | None = None  # the whole counted noun phrase ("hộ xây nhà mới")


@dataclass(slots=True)
class _Scan:
    """Per-document state of one ``find`` call (kept off the recogniser: pipelines are shared)."""

    last: tuple[int, str | None] | None = None  # end and subject of the last figure
    before: tuple[int, int, tuple[int, int] | None] = (-1, -1, None)  # see _period
    after: tuple[int, int, tuple[int, int] | None] = (-1, -1, (-1, -1))  # see _period_after


def _alternation(phrases: list[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))


def _camel_split(text: str, start: int, end: int) -> int | None:
    """Offset in ``text[start:end]`` where a lower-case letter meets an upper-case one."""
    for i in range(start + 1, end):
        if text[i].isupper() and text[i - 1].islower():
            return i
    return None


def _is_year(raw: str) -> bool:
    return len(raw) == 4 and raw.isdigit() and 1900 <= int(raw) <= 2100


def _day_month(a: str, b: str) -> bool:
    return a.isdigit() and b.isdigit() and 1 <= int(a) <= 31 and 1 <= int(b) <= 12


@register("metrics")
class MetricRecognizer(Recognizer):
    """Every reported figure, as :class:`~vnreport.models.Metric` (see the module doc)."""

    label = "metrics"

    def __init__(self) -> None:
        self._ready = False

    # ------------------------------------------------------------------ setup
    def setup(self, gazetteers: Gazetteers) -> None:
        self._scales = scale_words(gazetteers)
        self._units: dict[str, _Unit] = {}
        for row in gazetteers.rows("units"):
            self._units[row.get("surface").lower()] = _Unit(
                row.get("unit"), row.get("kind", "measure"), frozenset(w.lower() for w in row.list("not_before"))
            )
        self._scale_re = re.compile(rf"[ ]?({_alternation(list(self._scales))})(?!\w)")
        self._unit_re = re.compile(rf"[ ]?({_alternation(list(self._units))})(?![\w²³])")
        before: dict[str, tuple[str, bool]] = {}
        after: dict[str, str] = {}
        for row in gazetteers.rows("metric_qualifiers"):
            phrase = row.get("phrase").lower()
            if row.get("position", "before") == "after":
                after[phrase] = row.get("qualifier")
            else:
                before[phrase] = (row.get("qualifier"), row.get("in_text", "yes") != "no")
        self._qual_before = before
        self._qual_after = after
        self._qual_before_re = re.compile(rf"(?<!\w)({_alternation(list(before))})[ ]{{1,2}}$")
        self._qual_after_re = re.compile(rf"[ ]{{1,2}}({_alternation(list(after))})(?!\w)") if after else None
        self._labels = {row.get("label").lower(): row.get("kind") for row in gazetteers.rows("number_labels")}
        self._stops = frozenset(row.get("word").lower() for row in gazetteers.rows("counted_noun_stops"))
        self._nouns = frozenset(row.get("noun").lower() for row in gazetteers.rows("counted_nouns"))
        self._ready = True

    # ------------------------------------------------------------------ scan
    def find(self, doc: Doc) -> list[Metric]:
        if not self._ready:
            self.setup(Gazetteers.bundled())
        out: list[Metric] = []
        consumed = 0
        sc = _Scan()
        for m in _NUMBER.finditer(doc.text):
            s, e = m.span()
            if s < consumed or doc.is_boilerplate(s, e) or doc.claimed(s, e) is not None:
                continue
            found, consumed = self._read(doc, sc, s, e)
            out += found
        return out

    # ------------------------------------------------------------------ one candidate
    def _read(self, doc: Doc, sc: _Scan, s: int, e: int) -> tuple[list[Metric], int]:
        """Figures starting with the number at ``[s, e)``, and the offset read up to."""
        text = doc.text
        raw = text[s:e]
        if s >= 1 and text[s - 1] == "-" and self._code_before_dash(text, s - 1):
            return [], e  # Covid-19, SARS-CoV-2, "Covid -19"
        if not self._plain_number(raw):
            return [], e  # phone numbers, codes, dotted dates
        nxt = text[e : e + 1]
        if nxt and nxt in "/.-":
            dm = _DATE_TAIL.match(text, e)
            if dm:
                return [], dm.end()
            if _DOC_NUMBER_TAIL.match(text, e):
                return [], self._skip_token(text, e)
            cm = _CODE_TAIL.match(text, e)
            if cm:
                return [], cm.end()
        if nxt == ":" and _TIME_TAIL.match(text, e):
            return [], self._skip_token(text, e)
        second: tuple[int, int] | None = None
        fraction = nxt == "/"
        if fraction:
            sm = _SLASH.match(text, e)
            if sm is None:
                return [], e + 1
            second = sm.span(1)
        else:
            rm = _RANGE.match(doc.lower, e)
            if rm and doc.claimed(*rm.span(1)) is None:
                second = rm.span(1)
        try:
            value = parse_decimal(raw)
            value2 = parse_decimal(text[second[0] : second[1]]) if second else None
        except ValueError:
            return [], second[1] if second else e
        if second and not self._plain_number(text[second[0] : second[1]]):
            return [], second[1]
        num_end = second[1] if second else e
        tail = self._tail(doc, num_end)
        if tail is None or not self._acceptable(doc, s, e, second, value, value2, fraction, tail):
            return [], num_end
        return self._build(doc, sc, s, value, second, value2, fraction, tail), tail.end

    # ------------------------------------------------------------------ shape checks
    @staticmethod
    def _code_before_dash(text: str, dash: int) -> bool:
        """The dash at ``dash`` joins a code to its number ("Covid-19", "Covid -19")."""
        i = dash - 1
        if i >= 0 and text[i] == " ":
            i -= 1
        return i >= 0 and text[i].isalpha()

    @staticmethod
    def _plain_number(raw: str) -> bool:
        """Digits that read as one figure: no phone/code shape, no leading zero on long runs."""
        intpart = re.split(r"[.,]", raw, maxsplit=1)[0]
        if len(intpart) >= 3 and intpart[0] == "0":
            return False  # 0912.345.678, 0646
        if raw.count(".") > 1 and not is_thousands_grouped(raw.split(",")[0], "."):
            return False  # 30.4.1975, 1.2.3
        return "." in raw or "," in raw or len(raw) <= 12

    @staticmethod
    def _skip_token(text: str, pos: int) -> int:
        """End of the non-space run starting at ``pos`` (at most 64 characters)."""
        end = min(len(text), pos + 64)
        i = pos
        while i < end and not text[i].isspace():
            i += 1
        return i

    # ------------------------------------------------------------------ right context
    def _tail(self, doc: Doc, pos: int) -> _Tail | None:
        """Scale, unit or counted noun right after the number that ends at ``pos``."""
        text, lower = doc.text, doc.lower
        scale = Decimal(1)
        had_scale = False
        p = pos
        for _ in range(3):  # "1,5 triệu", "2 nghìn tỷ"
            sm = self._scale_re.match(lower, p)
            if sm is None:
                break
            scale *= self._scales[sm.group(1)]
            had_scale = True
            p = sm.end()
        um = self._unit_re.match(lower, p)
        if um is not None:
            unit = self._units[um.group(1)]
            nm = _TOKEN.match(lower, um.end())
            blocked = (
                not had_scale
                and nm is not None
                and nm.group("w") is not None
                and nm.start("w") > um.end()
                and nm.group("w") in unit.not_before
            )
            if not blocked:
                end = self._rate_end(doc, um.end())
                unit_text = unit.unit
                if unit.kind == "measure" and end > um.end():
                    unit_text += text[um.end() : end]  # tạ/ha, km/h, m3/ngày đêm
                end, after = self._after_qualifier(lower, end)
                return _Tail(end, unit_text, unit.kind, scale, True, after)
        if p == pos and pos < len(text) and (text[pos].isalpha() or text[pos] == "+"):
            return None  # glued letters that are no unit: 20h, 5K, 4G, 9+
        end, after = self._after_qualifier(lower, p)
        if after is not None:
            p = end
        noun = self._counted_noun(doc, p)
        if noun is None:
            if had_scale and (scale >= _MONEY_SCALE or text.startswith("/", p)):
                # "chi 2.000 tỷ(…)", "lương 10 triệu/tháng": a bare large scale is money
                return _Tail(self._rate_end(doc, p), "VND", "currency", scale, True)
            return None
        n_end, unit_text, phrase = noun
        return _Tail(n_end, unit_text, "count", scale, had_scale, after, phrase)

    def _rate_end(self, doc: Doc, pos: int) -> int:
        """End of a rate after a unit ("đồng/người/tháng", "tạ/ha"): part of the text only."""
        text = doc.text
        end = pos
        for _ in range(3):
            if end >= len(text) or text[end] != "/":
                break
            tm = _TOKEN.match(text, end + 1)
            if not (tm and tm.group("w") and tm.start("w") == end + 1):
                break
            end = tm.end()
            t2 = _TOKEN.match(text, end)  # "ngày học", "bệnh nhân"
            if t2 is None:
                continue
            w2 = t2.group("w")
            if w2 and w2.islower() and w2 not in self._stops and w2 not in _TIME_NOUNS and t2.start("w") == end + 1:
                end = t2.end()
        return end

    def _after_qualifier(self, lower: str, end: int) -> tuple[int, str | None]:
        """``(end, qualifier)`` of "trở lên"/"trở xuống" right after ``end``, if any."""
        if self._qual_after_re is not None:
            am = self._qual_after_re.match(lower, end)
            if am:
                return am.end(), self._qual_after[am.group(1)]
        return end, None

    def _counted_noun(self, doc: Doc, pos: int) -> tuple[int, str, str] | None:
        """``(end, unit, noun phrase)`` of the counted noun at ``pos`` (see the module doc)."""
        text, lower = doc.text, doc.lower
        words: list[tuple[int, int]] = []
        p = pos
        limit = 4
        while len(words) < limit:
            tm = _TOKEN.match(text, p)
            if tm is None:
                break
            if tm.group("w") is None:
                break
            ws, we = tm.start("w"), tm.end("w")
            if words and ws == words[-1][1]:
                break
            glued = _camel_split(text, ws, we)
            if glued:  # "2 caCovid-19": the scraper glued two words
                we = glued
            low = lower[ws:we]
            nm = _TOKEN.match(lower, we)
            ahead = low + " " + nm.group("w") if nm is not None and nm.group("w") else ""
            if (low in self._stops or ahead in self._stops) and ahead not in self._nouns:
                if not words:
                    return None
                break  # ("chỉ tiêu", "chỉ số" are nouns although "chỉ" is an adverb)
            if words:
                prev = lower[words[-1][0] : words[-1][1]]
                if prev + " " + low in self._stops:
                    break
                first_word = text[words[0][0] : words[0][1]]
                if text[ws].isupper() and not first_word[0].isupper():
                    break  # "2 thôn Hoàng Các": the name is not the unit
                if "-" in low and any(ch.isdigit() for ch in low):
                    break
            else:
                if low in _TIME_NOUNS:
                    limit = 1
                    second = _TIME_SECOND.get(low)
                    if second and nm is not None and nm.group("w") in second:
                        limit = 2
            words.append((ws, we))
            p = we
            if glued:
                break
        if not words:
            return None
        phrase = text[words[0][0] : words[-1][1]]
        # a known counted noun is the unit by itself: "298 hộ | xây nhà mới", "2 ca | dương tính"
        for k in (3, 2, 1):
            if k <= len(words) and lower[words[0][0] : words[k - 1][1]] in self._nouns:
                words = words[:k]
                break
        end = words[-1][1]
        if text.startswith("/", end):  # a rate: "10 phút/tuần", "600 mẫu/ngày"
            t2 = _TOKEN.match(text, end + 1)
            if t2 and t2.group("w") and t2.start("w") == end + 1:
                end = t2.end("w")
                phrase = text[words[0][0] : end] if len(phrase) < end - words[0][0] else phrase
        return end, text[words[0][0] : end], phrase

    # ------------------------------------------------------------------ acceptance
    def _acceptable(
        self,
        doc: Doc,
        s: int,
        e: int,
        second: tuple[int, int] | None,
        value: Decimal,
        value2: Decimal | None,
        fraction: bool,
        tail: _Tail,
    ) -> bool:
        text, lower = doc.text, doc.lower
        raw = text[s:e]
        raw2 = text[second[0] : second[1]] if second else ""
        unit_low = tail.unit.lower()
        unit_words = tail.unit.split()
        known_noun = tail.kind == "count" and (
            unit_low.split(" ", 1)[0].split("/", 1)[0] in self._nouns or " ".join(unit_low.split()[:2]) in self._nouns
        )
        if fraction:
            if value2 is not None and value2 <= 31 and not known_noun:
                return False  # 24/24, 8/7: a clock phrase or a date, not a part of a whole
            if raw.startswith("0") or _is_year(raw2):
                return False  # 02/2003, 6/2011: a document or a month
            if value2 is not None and value2 < value:
                return False
            if _day_month(raw, raw2) and not known_noun:
                return False  # 8/7, 2/7: a date
        elif second is not None and (_is_year(raw) or _is_year(raw2)):
            return False  # 2021-2022
        if tail.kind != "count":
            return True
        # ---- counts: the noun must be what the number counts
        if "." in raw and "," not in raw and not is_thousands_grouped(raw, ".") and not tail.strong:
            return False  # "sáng 22.4": a dotted day and month ("1.2 triệu người" is a decimal)
        if _is_year(raw) and not tail.strong:
            return False
        prev = self._words_before(lower, s, 3)
        label = self._label(prev)
        if label is not None and label != "quantity":
            return False
        if (
            len(unit_words) >= 2
            and unit_words[0][:1].isupper()
            and not unit_words[0].isupper()
            and unit_words[1][:1].isupper()
        ):
            return False  # "3 Sao Vàng", "1 Nhơn Lộc": a name goes on
        if (self._after_name(text, s) and not known_noun) or (
            tail.unit[:1].isupper() and not unit_words[0].isupper() and self._in_name(text, s)
        ):
            return False  # "Quân khu 5", "cầu Văn Thánh 2 hư hỏng", "Ban Chỉ đạo 389 Quốc gia"
        first = unit_low.split(" ", 1)[0].split("/", 1)[0]
        if first in _TIME_NOUNS:
            nxt = self._words_after(lower, self._end_of_word(doc, tail, second[1] if second else e), 2)
            if nxt and nxt[0] in _PERIOD_NEXT:
                return False  # 6 tháng đầu năm, 9 tháng qua
            if nxt and first in ("năm", "tháng") and nxt[0].isdigit():
                return False  # 06 tháng 01 năm 2011
            if first in ("giờ", "phút") and (
                (nxt and (nxt[0] in _CLOCK_NEXT or nxt[0].isdigit()))
                or (prev and prev[-1] in _CLOCK_BEFORE)
                or (len(nxt) == 2 and nxt[0] in ("đến", "tới") and nxt[1].isdigit())
            ):
                return False  # 20 giờ ngày 31, lúc 11 giờ 47 phút, từ 7 giờ đến 11 giờ
            if first == "năm" and len(prev) >= 2 and " ".join(prev[-2:]) in _ANNIVERSARY:
                return False  # kỷ niệm 81 năm Ngày thành lập: an anniversary
        return True

    def _end_of_word(self, doc: Doc, tail: _Tail, num_end: int) -> int:
        """End of the first word of the unit after the number."""
        tm = _TOKEN.match(doc.text, num_end)
        return tm.end() if tm else num_end

    @staticmethod
    def _after_name(text: str, s: int) -> bool:
        """The number follows a capitalised word that does not open a sentence."""
        i = s - 1
        while i >= 0 and text[i] == " ":
            i -= 1
        j = i
        while j >= 0 and (text[j].isalpha() or text[j] == "."):
            j -= 1
        word = text[j + 1 : i + 1]
        if not word or not word[0].isupper() or j + 1 == s:
            return False
        k = j
        while k >= 0 and text[k] == " ":
            k -= 1
        return k >= 0 and text[k] not in _SENTENCE_START_CHARS

    @classmethod
    def _in_name(cls, text: str, s: int) -> bool:
        """One of the two words before the number is a capitalised word inside a sentence."""
        i = s
        for _ in range(2):
            if cls._after_name(text, i):
                return True
            while i > 0 and text[i - 1] == " ":
                i -= 1
            while i > 0 and text[i - 1].isalpha():
                i -= 1
            if i == s or i == 0 or text[i - 1] != " ":
                return False
        return False

    @staticmethod
    def _words_before(lower: str, s: int, n: int) -> list[str]:
        """Up to ``n`` words right before ``s``, separated by single spaces only, oldest first."""
        out: list[str] = []
        i = s
        lo = max(0, s - 40)
        while len(out) < n and i > lo:
            j = i
            if j > lo and lower[j - 1] == " ":
                j -= 1
            elif out:
                break
            k = j
            while k > lo and lower[k - 1].isalpha():
                k -= 1
            if k == j:
                break
            out.append(lower[k:j])
            i = k
        out.reverse()
        return out

    @staticmethod
    def _words_after(lower: str, pos: int, n: int) -> list[str]:
        out: list[str] = []
        p = pos
        for _ in range(n):
            tm = _TOKEN.match(lower, p)
            if tm is None or tm.group("p"):
                break
            if tm.group("n"):
                out.append(tm.group("n"))
                break
            out.append(tm.group("w"))
            p = tm.end()
        return out

    def _label(self, prev: list[str]) -> str | None:
        """The kind of the longest label that ends right before the number, if any."""
        for k in (3, 2, 1):
            if len(prev) >= k:
                kind = self._labels.get(" ".join(prev[-k:]))
                if kind is not None:
                    return kind
        return None

    # ------------------------------------------------------------------ assembly
    def _build(
        self,
        doc: Doc,
        sc: _Scan,
        s: int,
        value: Decimal,
        second: tuple[int, int] | None,
        value2: Decimal | None,
        fraction: bool,
        tail: _Tail,
    ) -> list[Metric]:
        lower = doc.lower
        qual, qstart = self._qualifier_before(lower, s)
        if tail.after_qualifier is not None:
            qual = tail.after_qualifier
            prev = self._words_before(lower, s, 1)
            if prev and prev[-1] == "từ":  # "từ 90% trở lên"
                qstart = s - 1 - len(prev[-1])
        start = qstart if qstart is not None else s
        figures: list[tuple[Decimal, str | None]]
        if second is None or value2 is None:
            figures = [(value, qual)]
        elif fraction:
            figures = [(value, qual), (value2, None)]
        else:
            figures = [(value, "at_least"), (value2, "at_most")]
        period = self._period(doc, sc, start, tail.end)
        if tail.kind == "count":
            subject = tail.phrase if tail.phrase and tail.phrase != tail.unit else None
        else:
            subject = self._subject(doc, sc, s, tail)
        sc.last = (tail.end, subject)
        os_, oe, otext = doc.orig_offsets(start, tail.end)
        doc.claim(start, tail.end, "metric")
        return [
            Metric(
                start=os_,
                end=oe,
                text=otext,
                value=float(v * tail.scale),
                unit=tail.unit,
                qualifier=q,  # type: ignore[arg-type]
                subject=subject,
                period=period,
            )
            for v, q in figures
        ]

    def _qualifier_before(self, lower: str, s: int) -> tuple[str | None, int | None]:
        """``(qualifier, start of its text or None)`` of the phrase right before ``s``."""
        qm = self._qual_before_re.search(lower, max(0, s - 24), s)
        if qm is None:
            return None, None
        qual, in_text = self._qual_before[qm.group(1)]
        return qual, (qm.start(1) if in_text else None)

    def _period(self, doc: Doc, sc: _Scan, s: int, end: int) -> str | None:
        """The period stated in the figure's sentence: the nearest one before it, else after it.

        Figures come left to right, so the part of a sentence already searched for the previous
        figure is not searched again: each character is read about once per sentence.
        """
        lower = doc.lower
        lo = max(0, s - 200)
        a = max(lower.rfind(c, lo, s) for c in ";!?\n") + 1
        dot = lower.rfind(". ", lo, s)
        a = max(a, dot + 2 if dot >= 0 else 0, lo)
        ca, cupto, cbest = sc.before
        if ca <= a <= cupto <= s:
            # [ca, cupto) was searched; its last period, if it starts before a, is out of reach
            start, best = cupto, (cbest if cbest is not None and cbest[0] >= a else None)
        else:
            start, best = a, None
        for pm in _PERIOD.finditer(lower, start, s):
            best = pm.span()
        sc.before = (a, s, best)
        if best is None:
            best = self._period_after(sc, lower, end)
        return doc.text[best[0] : best[1]] if best else None

    @staticmethod
    def _period_after(sc: _Scan, lower: str, end: int) -> tuple[int, int] | None:
        """The first period phrase after ``end`` in the same sentence (searched incrementally)."""
        hi = min(len(lower), end + 150)
        for c in ";!?\n":
            k = lower.find(c, end, hi)
            if k >= 0:
                hi = k
        k = lower.find(". ", end, hi)
        if k >= 0:
            hi = k
        fa, fhi, found = sc.after
        if found is not None and end <= found[0] and found[1] <= hi:
            return found
        start = fhi if found is None and fa <= end <= fhi else end
        pm = _PERIOD.search(lower, start, hi) if start < hi else None
        found = pm.span() if pm else None
        sc.after = (end if found else min(fa, end) if start == fhi else end, hi, found)
        return found

    def _subject(self, doc: Doc, sc: _Scan, s: int, tail: _Tail) -> str | None:
        """What a percentage, sum or measure is of.

        "47,9% viên chức của …": the noun phrase after a percentage or a measure;
        "tổng thu ngân sách … đạt 16.500 tỷ đồng", "tỷ lệ cử tri … chiếm 96,39%": the clause
        before a linking verb; "…, tăng 26,5%": the subject of the figure just before.
        """
        verb, left = self._subject_before(doc, sc, s)
        if tail.kind == "currency" or verb in ("chiếm", "đạt"):
            return left or self._subject_after(doc, tail.end, tail.kind)
        return self._subject_after(doc, tail.end, tail.kind) or left

    def _subject_before(self, doc: Doc, sc: _Scan, s: int) -> tuple[str | None, str | None]:
        """``(linking verb, clause before it)`` for a figure that follows a linking verb."""
        text, lower = doc.text, doc.lower
        i = s
        qm = self._qual_before_re.search(lower, max(0, s - 24), s)
        if qm is not None and qm.group(1) not in _LINK_VERBS:
            i = qm.start(1) - 1
        prev = self._words_before(lower, i + 1 if i < s else s, 1)
        if not prev or prev[-1] not in _LINK_VERBS:
            return None, None
        verb = prev[-1]
        verb_start = (i + 1 if i < s else s) - 1 - len(verb)
        lo = max(0, verb_start - 120)
        a = lo
        brk = None
        for bm in _CLAUSE_BREAK.finditer(text, lo, verb_start):
            a, brk = bm.end(), bm
        if brk is None and lo > 0:
            return verb, None
        b = verb_start
        while b > a and text[b - 1] == " ":
            b -= 1
        while a < b and text[a] in " ,":
            a += 1
        for strip in (_LEADING_FILLERS, _PERIOD, _LEADING_FILLERS):
            fm = strip.match(lower, a, b)
            if fm:
                a = fm.end()
                while a < b and text[a] in " ,":
                    a += 1
        if b <= a:
            # "…, tăng 26,5%": the subject of the figure that ends the previous clause
            last = sc.last
            if brk is not None and brk.group() == "," and last is not None and 0 <= brk.start() - last[0] <= 1:
                return verb, last[1]
            return verb, None
        if b - a > 100:
            return verb, None
        return verb, text[a:b]

    def _subject_after(self, doc: Doc, pos: int, kind: str) -> str | None:
        """The noun phrase after a figure, up to the next figure, a predicate or a clause end.

        Commas go on a list of nouns ("sở, ban, ngành, huyện") but not into a new clause: a
        comma-separated piece longer than four words ends the subject.
        """
        if kind == "currency":
            return None
        text, lower = doc.text, doc.lower
        tm = _TOKEN.match(text, pos)
        if not (tm and tm.group("w")) or tm.group("w").lower() in self._stops:
            return None
        a = tm.start("w")
        end = min(len(text), a + 160)
        for nm in _NUMBER.finditer(text, a, end):
            if _is_year(nm.group()) and lower.endswith("năm ", 0, nm.start()):
                continue  # "kế hoạch năm 2025" goes on
            end = nm.start()
            break
        bm = _SUBJECT_END.search(text, a, end)
        if bm:
            end = bm.start()
        piece_words = 0
        last_good = end
        for wm in _TOKEN.finditer(lower, a, end):
            w = wm.group("w")
            if wm.group("p") == ",":
                last_good = wm.start("p")
                piece_words = 0
                continue
            if w is None:
                continue
            if w in _SUBJECT_STOPS or (piece_words == 0 and last_good < end and w in self._stops):
                end = wm.start("w") if piece_words else last_good  # "… cấp xã | được trang bị"
                break
            piece_words += 1
            if piece_words > 5 and last_good < end and last_good > a:
                end = last_good  # "100% xã, | phổ cập dịch vụ mạng di động …"
                break
        else:
            if piece_words > 5 and a < last_good < end:
                end = last_good
        # the next figure's qualifier is not part of this subject: "…, trên 85%"
        qm = self._qual_before_re.search(lower, max(a, end - 24), end)
        if qm is not None and _NUMBER.match(text, end) is not None:
            end = qm.start(1)
        end = self._strip_trailing(lower, a, end)
        if end <= a:
            return None
        return text[a:end]

    @staticmethod
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
