"""The byline: the authors' names at the end of the article.

A byline stands alone on one of the last lines ("Xuân Hoàn - Anh Dũng", "HỒNG HÀ (Thực hiện)")
or ends the last paragraph after its final sentence ("… 5 vạn hội viên. Từ Lương", the shape of
pages whose body is one line). Around the names:

* a credit label: "Tin, ảnh: Thế Lập (TTXVN)", "Bài và ảnh: LÊ QUANG HỒI" name authors; "Ảnh:
  T.SỸ" is a photo credit and "Nguồn: …" a source, neither an author;
* "Theo": "Theo TTXVN Hoàng Trọng" → Hoàng Trọng; "Theo Quốc Thanh (NNVN)" → Quốc Thanh;
  "Theo Báo Chính phủ", "Theo Dân Trí" are sources;
* outlets after the names: "Lại Thìn/VOV online (ghi)", "Thu Hằng/VOV - Trung tâm Tin",
  "Hoàng Thị Hoa (TTXVN)": the outlet ends the names;
* notes: "(Thực hiện)", "(ghi)", "(Theo Dân Trí)", "Y.A ghi", and before the names in a
  paragraph's tail "(còn nữa)", "(Nguồn: …)";
* a generic byline is kept as written: "PV", "Nhóm PV", "Phóng viên TTXVN tại các địa phương".

The names are capitalised words (or initials "T.SỸ", "B.B.Đ"); a press outlet is never a name
("VnExpress", "TTXVN/Tin Tức", "Tuổi trẻ").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .lines import Line
from .vocabulary import BylineWords, LayoutVocabulary

_NAME_SEPARATOR = re.compile(r"\s-\s|\s?-$|,|&|\s+và\s+|/|;")
#: A byline is short; a longer line is prose.
_MAX_BYLINE_CHARS = 80
#: How many lines from the end a byline may stand (source lines may follow it).
_BYLINE_LINES = 3
#: A paragraph's final sentence end, then the tail that may be its byline: ". ", "./. ", "!” ".
_SENTENCE_END = re.compile(r"[.!?…]++(?:/\.)?[\"”’')»]*+\s++")
#: Only this much of a paragraph's end is searched for its final sentence end.
_TAIL_WINDOW = 120
_TERMINAL = frozenset(".!?…:;,")
_VOWELS = frozenset("aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


@dataclass(frozen=True, slots=True)
class Byline:
    """Where the byline stands (boilerplate: a whole line or a paragraph's tail) and its names."""

    span: Line
    names: list[tuple[int, int]]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in "-.,;:"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in "-,;:"):
        e -= 1
    return s, e


def _is_acronym(token: str) -> bool:
    """'TTXVN', 'VOV', 'KD&PL': capitals that are no Vietnamese syllable ('HỒNG' is one)."""
    head = re.split(r"[-/]", token, maxsplit=1)[0]
    if len(head) < 2 or not head.replace("&", "").isalpha() or not head.isupper():
        return False
    return "&" in head or not any(c in _VOWELS for c in head.lower()) or len(head) > 7


def _is_camel(token: str) -> bool:
    """'VnExpress', 'VietnamPlus': capitals inside a word, as outlet names write them (not the
    initials of 'H.Thủy')."""
    return any(len(p) > 2 and p[0].isupper() and not p.isupper() and not p[1:].islower() for p in token.split("."))


def is_outlet(segment: str, words: BylineWords) -> bool:
    """A press outlet or its desk ("VnExpress", "VOV - Trung tâm Tin", "Báo Cà Mau", "chinhphu.vn")."""
    tokens = segment.split()
    if not tokens:
        return False
    first = tokens[0]
    low = segment.lower()
    if (
        words.outlet.match(low)
        or words.outlet_head.match(low)
        or _is_camel(first)
        or re.search(r"\w\.(?:vn|com|net|org)\b", first)
    ):
        return True
    return _is_acronym(first) and not words.reporter.fullmatch(first.lower())


def _is_name_token(token: str) -> bool:
    """'Hoàn', 'HỒNG', 'T.SỸ', 'N.Hữu': capitalised pieces (no capital inside) joined by dots."""
    parts = token.rstrip(".").split(".")
    return all(p and p.isalpha() and p[0].isupper() and (p[1:].islower() or p.isupper()) for p in parts)


def _is_name(segment: str, words: BylineWords, in_tail: bool) -> bool:
    tokens = segment.split()
    if not 1 <= len(tokens) <= 5 or not all(_is_name_token(t) for t in tokens):
        return False
    if tokens[0].lower() in words.not_name or any(_is_acronym(t) for t in tokens):
        return False
    # in a paragraph's tail one capitalised word may be the sentence's last ("… tại buổi Lễ")
    return not in_tail or len(tokens) >= 2 or "." in tokens[0]


def _is_reporter(segment: str, words: BylineWords) -> bool:
    """A generic byline: "PV", "Nhóm PV", "Phóng viên TTXVN tại các địa phương"."""
    low = segment.lower()
    m = words.reporter.match(low)
    if m is None:
        return False
    rest = segment[m.end() :].split()
    return len(rest) <= 6 and all(t in words.reporter_words or t[:1].isupper() for t in rest)


@dataclass(slots=True)
class _Segment:
    """Per-call state of one byline reading: ``text[start:end]``, narrowed step by step."""

    text: str
    start: int
    end: int

    def trim(self) -> None:
        self.start, self.end = _trim(self.text, self.start, self.end)

    @property
    def value(self) -> str:
        return self.text[self.start : self.end]

    def drop_leading_notes(self) -> bool:
        """'(còn nữa) THIỆN VĂN', '(Nguồn: …) Thành Chung' → the names; False if unbalanced."""
        while self.start < self.end and self.text[self.start] == "(":
            close = self.text.find(")", self.start, self.end)
            if close < 0:
                return False
            self.start = close + 1
            self.trim()
        return True

    def drop_trailing_notes(self, words: BylineWords) -> None:
        """'(TTXVN)', '(ghi)', '(Theo Dân Trí)', bare 'ghi' after the names."""
        while self.end > self.start and self.text[self.end - 1] == ")":
            opening = self.text.rfind("(", self.start, self.end)
            inside = self.text[opening + 1 : self.end - 1].strip()
            if opening < 0 or not (words.note.fullmatch(inside.lower()) or is_outlet(inside, words)):
                return
            self.end = opening
            self.trim()
        tokens = self.value.split()
        for k in (2, 1):
            last = " ".join(tokens[-k:])
            if len(tokens) > k and last.islower() and words.note.fullmatch(last):
                self.end = self.text.rindex(tokens[-k], self.start, self.end)
                self.trim()
                return


def _after_label(seg: _Segment, words: BylineWords) -> bool:
    """Skip "Tin, ảnh:"; False when the label says the rest is no author (a photo, a source)."""
    m = words.label.match(seg.value.lower())
    if m is None:
        return True
    label_words = {w.strip() for w in re.split(r",|/|&|\bvà\b", m["words"])}
    if not label_words & words.author_labels:
        return False
    seg.start += m.end()
    seg.trim()
    return True


def _after_theo(seg: _Segment, words: BylineWords) -> bool:
    """Skip "Theo" and the outlet it names first ("Theo TTXVN Hoàng Trọng" → "Hoàng Trọng");
    False when it names only an outlet ("Theo Báo Chính phủ", "Theo Dân Trí")."""
    low = seg.value.lower()
    if not low.startswith("theo "):
        return True
    seg.start += 5
    seg.trim()
    rest = seg.value
    m = words.outlet_head.match(rest.lower())
    if m is not None:
        return False  # "Báo Cà Mau": the head's name follows, all of it the outlet
    m = words.outlet.match(rest.lower())
    if m is not None:
        seg.start += m.end()
    elif is_outlet(rest, words):
        seg.start += len(rest.split()[0])
    else:
        return True
    seg.trim()
    return seg.start < seg.end and seg.text[seg.start].isupper()


def read_byline(text: str, start: int, end: int, words: BylineWords, *, in_tail: bool) -> list[tuple[int, int]] | None:
    """The name spans if ``text[start:end]`` reads as a byline (see the module docstring)."""
    seg = _Segment(text, start, end)
    seg.trim()
    if not 0 < seg.end - seg.start <= _MAX_BYLINE_CHARS or any(c.isdigit() for c in seg.value):
        return None
    if not seg.drop_leading_notes():
        return None
    seg.drop_trailing_notes(words)
    if not _after_label(seg, words) or not _after_theo(seg, words) or seg.start >= seg.end:
        return None
    if _is_reporter(seg.value, words):
        return [(seg.start, seg.end)]
    names: list[tuple[int, int]] = []
    seen: set[str] = set()
    pos = seg.start
    for sep in [*_NAME_SEPARATOR.finditer(text, seg.start, seg.end), None]:
        s, e = _trim(text, pos, sep.start() if sep else seg.end)
        pos = sep.end() if sep else seg.end
        part = text[s:e]
        if not part:
            continue
        if is_outlet(part, words):
            break
        if not _is_name(part, words, in_tail):
            return None
        if part.lower() not in seen:
            seen.add(part.lower())
            names.append((s, e))
    return names or None


def _paragraph_tail(text: str, line: Line) -> tuple[int, int] | None:
    """What follows the last sentence of a paragraph ("… hội viên. Từ Lương" → "Từ Lương")."""
    window = max(line.start, line.end - _TAIL_WINDOW)
    last = None
    for last in _SENTENCE_END.finditer(text, window, line.end):  # noqa: B007 - the last one
        pass
    if last is None or text[line.end - 1] in _TERMINAL:
        return None
    return last.end(), line.end


def _is_source_line(line: str, words: BylineWords) -> bool:
    """A short line naming an organisation or a source ("Sở TT&TT Hậu Giang", "Theo Báo Bình
    Định", "Nguồn: VGP", "VnExpress"), which may follow a byline."""
    if len(line.split()) > 8 or line.endswith("."):
        return False
    low = line.lower()
    label = words.label.match(low)
    if label is not None and not {w.strip() for w in re.split(r",|/|&|\bvà\b", label["words"])} & words.author_labels:
        return True
    return bool(words.source_line.match(low)) or is_outlet(line, words)


def find_byline(text: str, content: Sequence[Line], title: Line | None, vocabulary: LayoutVocabulary) -> Byline | None:
    """The byline among the last content lines, looking past source lines; never the title or
    the first line."""
    words = vocabulary.byline
    for line in reversed(content[-_BYLINE_LINES:]):
        if line == title or line == content[0]:
            return None
        names = read_byline(text, line.start, line.end, words, in_tail=False)
        if names:
            return Byline(line, names)
        if _is_source_line(text[line.start : line.end], words):
            continue
        tail = _paragraph_tail(text, line)
        if tail is not None:
            names = read_byline(text, *tail, words, in_tail=True)
            if names:
                return Byline(Line(*tail), names)
        return None
    return None
