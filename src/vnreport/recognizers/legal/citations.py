"""Finding citations: type words, numbered citations ("Nghị định số 43/2011/NĐ-CP") and documents
cited by a bare number after a type word ("Chỉ thị số 16", "các Nghị quyết số 08 và 49").

Everything here works on the lower-cased normalised text (``doc.lower``) with normalised offsets;
a citation's date, trích yếu and issuer are attached later (:mod:`.attachment`).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from ...text.document import Doc
from .symbols import SYMBOL_RE, Symbol
from .tables import LegalLexicon, TypeWord

#: How sure a citation's type is: the type word itself, the number's abbreviation, a generic
#: word ("văn bản") or a default.
TYPE_FROM_WORD, TYPE_FROM_SYMBOL, TYPE_FROM_DEFAULT, NO_TYPE = 3, 2, 1, 0

# A bare number must not go on as a number, a code or a word: "43/2011", "1.000", "15A".
_NOT_AFTER = r"(?![\d/.,]\d|\s?[/-]\s?\w|\w)"
# Words after a bare number that make it a count, not a citation ("quyết định 5 nội dung").
_COUNTED = re.compile(
    r"\s*(?:%|‰|phần trăm|lần|người|đồng|triệu|tỷ|tỉ|nghìn|ngàn|trăm|điều|khoản|chương|mục|điểm|năm(?!\s+\d)"
    r"|tháng(?!\s+\d)|ngày(?!\s+\d)|tuần|giờ|phút|tuổi|km|ha|m2|tấn|kg|học sinh|sinh viên|hộ|xã|huyện|tỉnh"
    r"|trường|đơn vị|cơ sở|văn bản|nội dung|chỉ tiêu|nhiệm vụ|giải pháp|lĩnh vực|mục tiêu|việc|vấn đề|bước"
    r"|nhóm|loại|trang|bản|bộ|cán bộ|dự án|công trình)(?!\w)"
)
# After a number written with a verb-like type word ("quyết định"), what shows it is a citation.
_CITATION_END = re.compile(
    r"\s*(?:[,.;:)(]|$|\n|của\b|ngày\s+\d|năm\s+\d|về\b|mới\b|do\b|đã\b|có hiệu lực|buộc\b|quy định\b|hướng dẫn\b)"
)
_LIST_NEXT = re.compile(rf"\s*+(?:,|và|hoặc)\s*+(?:số\s*+)?(?P<num>\d{{1,5}}[a-zđ]?){_NOT_AFTER}")
# One word of a name between a type word and "số" ("Luật Giáo dục đại học số …").
_NAME_WORD = r"[^\s,.;:()\"?!\d]+"
# Between a type word and its number: "Nghị định 43/…", "Nghị định số 43/…", "văn bản (số 153/…",
# or, for a word that takes a name, "Luật Giáo dục đại học số 34/…". White space is taken
# possessively: split between adjacent greedy ``\s*`` a run of it is read in quadratic time.
_PLAIN_GAP = re.compile(r"\s*+(?:\(\s*+)?(?P<so>số\s*+)?\(?\s*+")
_NAMED_GAP = re.compile(rf"(?: +{_NAME_WORD}){{1,10}}? +số\s*")
_BARE_PLAIN = re.compile(rf"\s*+(?P<so>\(?\s*+số\s*+)?(?P<num>\d{{1,5}}[a-zđ]?){_NOT_AFTER}")
_BARE_NAMED = re.compile(rf"(?: +{_NAME_WORD}){{1,8}}? +(?P<so>số\s*)(?P<num>\d{{1,5}}[a-zđ]?){_NOT_AFTER}")
_LIST_GAP = re.compile(r"\s*+(?:,|;|và|hoặc)\s*+(?:số\s*+)?")
_SO_BEFORE = re.compile(r"(?:^|[\s(])số\s*\(?\s*\Z")
# How far before a number its type word may stand ("Luật Giáo dục đại học số …").
_WORD_REACH = 120


@dataclass(frozen=True, slots=True)
class Citation:
    """One citation in normalised offsets, before citations of one document are grouped."""

    start: int
    end: int
    word_start: int  # where its type word starts (the number's start if it has none)
    number: str
    symbol: Symbol | None  # None: cited by a bare number ("Chỉ thị số 16")
    doc_type: str | None
    type_rank: int  # TYPE_FROM_WORD … NO_TYPE
    signed_on: dt.date | None = None
    title: tuple[int, int] | None = None  # normalised span of the trích yếu
    who: str | None = None  # the issuer as the citation names it ("của Bộ Chính trị")

    @property
    def number_key(self) -> str:
        """The number without leading zeros ("0646" and "646" are the same document)."""
        return self.number.lstrip("0") or "0"

    @property
    def id(self) -> str:
        return self.symbol.id if self.symbol else self.number

    def with_details(self, signed_on: dt.date | None, title: tuple[int, int] | None, who: str | None) -> Citation:
        """This citation with what the text around it says (itself if nothing: on citation-dense
        text, building frozen objects twice per citation was a third of the recogniser's time)."""
        if signed_on is None and title is None and who is None:
            return self
        return Citation(
            self.start, self.end, self.word_start, self.number, self.symbol, self.doc_type, self.type_rank,
            signed_on, title, who,
        )  # fmt: skip


class TypeWordHit(NamedTuple):
    """A type word in the text (a tuple: one per type word of the document, hot)."""

    start: int
    end: int
    word: str  # lower case, a key of ``LegalLexicon.words``


_new_hit = tuple.__new__  # a TypeWordHit without NamedTuple's Python-level constructor (hot path)


class TypeWordHits:
    """Type words of one document, sorted and non-overlapping, with their ends for bisection."""

    def __init__(self, hits: list[TypeWordHit]) -> None:
        self.hits = hits
        self.ends = [h.end for h in hits]

    def ends_at(self, pos: int) -> bool:
        k = bisect_left(self.ends, pos)
        return k < len(self.ends) and self.ends[k] == pos


@dataclass(frozen=True, slots=True)
class _WordBefore:
    """The type word that introduces a number, and whether "số" stands between them."""

    start: int
    word: TypeWord
    has_so: bool


def find_type_words(lex: LegalLexicon, low: str) -> TypeWordHits:
    """Type words in ``low``: whole words (a digit may follow: "Nghị định116"), longest first."""
    hits: list[tuple[int, int, str]] = []
    n = len(low)
    for end_idx, w in lex.type_word_automaton.iter(low):
        start, end = end_idx - len(w) + 1, end_idx + 1
        if (start and low[start - 1].isalnum()) or (end < n and low[end].isalpha()):
            continue
        hits.append((start, end, w))
    hits.sort(key=lambda h: (h[0], -h[1]))
    kept: list[TypeWordHit] = []
    last_end = -1
    for h in hits:
        if h[0] >= last_end:
            kept.append(_new_hit(TypeWordHit, h))
            last_end = h[1]
    return TypeWordHits(kept)


def _word_before(lex: LegalLexicon, low: str, words: TypeWordHits, pos: int) -> _WordBefore | None:
    k = bisect_right(words.ends, pos) - 1
    nearest = True
    while k >= 0 and words.ends[k] >= pos - _WORD_REACH:
        hit = words.hits[k]
        info = lex.words[hit.word]
        if nearest:
            m = _PLAIN_GAP.fullmatch(low, hit.end, pos)
            if m is not None:
                return _WordBefore(hit.start, info, m["so"] is not None)
            nearest = False
        if info.takes_name and _NAMED_GAP.fullmatch(low, hit.end, pos):
            return _WordBefore(hit.start, info, True)
        k -= 1
    return None


def _symbol_type(lex: LegalLexicon, sym: Symbol) -> str | None:
    if sym.form == "party":
        return lex.party_abbr.get(sym.type_abbr or "")
    if sym.type_abbr:
        return lex.type_abbr.get(sym.type_abbr)
    if sym.form == "qppl" and sym.issuer_code:
        return lex.default_for.get(sym.issuer_code.rstrip("0123456789"))
    return None


def _resolve_type(lex: LegalLexicon, word: TypeWord | None, sym: Symbol | None) -> tuple[str | None, int]:
    sym_type = _symbol_type(lex, sym) if sym else None
    if word and word.word_wins and not word.generic:
        return word.doc_type, TYPE_FROM_WORD
    if sym_type:
        return sym_type, TYPE_FROM_SYMBOL
    if word:
        return word.doc_type, TYPE_FROM_DEFAULT
    if sym and sym.form == "congvan":
        return "Công văn", TYPE_FROM_DEFAULT
    return None, NO_TYPE


def _acceptable(lex: LegalLexicon, sym: Symbol, word: TypeWord | None, so: bool) -> bool:
    if sym.form == "numyear":
        return word is not None
    if word is not None or lex.parser.complete(sym):
        return True
    if so:  # "số 153/ ĐHNT-BGH" without a type word: an issuer and a unit, not "số 12/QĐ" or an address
        return sym.form == "congvan" and bool(sym.units) and len(sym.issuer_code or "") >= 2
    return False


def _glued_inside_word(doc: Doc, words: TypeWordHits, sym: Symbol) -> bool:
    """A letter right before the number that is not the end of "số" or of a type word: the number
    is part of a word or code ("H5N1/…")."""
    return bool(
        sym.start
        and doc.text[sym.start - 1].isalpha()
        and not doc.lower.endswith("số", 0, sym.start)
        and not words.ends_at(sym.start)
    )


def numbered_citations(lex: LegalLexicon, doc: Doc, words: TypeWordHits) -> list[Citation]:
    """Citations with a number and symbol, each with the type word before it if there is one."""
    low = doc.lower
    out: list[Citation] = []
    prev: Citation | None = None
    for m in SYMBOL_RE.finditer(doc.text):
        sym = lex.parser.parse(m)
        if sym is None or doc.is_boilerplate(sym.start, sym.end) or doc.claimed(sym.start, sym.end):
            continue
        if _glued_inside_word(doc, words, sym):
            continue
        before = _word_before(lex, low, words, sym.start)
        so = before.has_so if before else _SO_BEFORE.search(low, max(0, sym.start - 8), sym.start) is not None
        word = before.word if before else None
        if not _acceptable(lex, sym, word, so):
            continue
        doc_type, rank = _resolve_type(lex, word, sym)
        # "Thông báo số 5373/TM-XNK và 0646/TM-XNK": the second shares the first's type word.
        if (
            word is None
            and rank < TYPE_FROM_WORD
            and prev is not None
            and prev.type_rank == TYPE_FROM_WORD
            and _LIST_GAP.fullmatch(low, prev.end, sym.start)
        ):
            doc_type, rank = prev.doc_type, TYPE_FROM_WORD
        start = before.start if before else sym.start
        if before and "(" in doc.text[before.start : sym.start]:
            start = low.rfind("số", before.start, sym.start) if so else sym.start
        cite = Citation(start, sym.end, before.start if before else sym.start, sym.number, sym, doc_type, rank)
        out.append(cite)
        prev = cite
    return out


def _overlaps(spans: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
    """Does ``[s, e)`` overlap one of the sorted, non-nested ``spans``?"""
    k = bisect_right(starts, e - 1) - 1
    return k >= 0 and spans[k][1] > s


def _bare_ok(doc: Doc, info: TypeWord, so: bool, word_start: int, ns: int, ne: int) -> bool:
    """May the type word cite a document by the bare number ``[ns, ne)`` here?"""
    if _COUNTED.match(doc.lower, ne):
        return False
    if info.bare_number == "always" or so:
        return True
    if info.bare_number != "capitalised":
        return False
    if doc.text[word_start].isupper():
        return True
    num = doc.text[ns:ne]
    return (num.isdigit() and int(num) >= 100) or _CITATION_END.match(doc.lower, ne) is not None


def _listed_numbers(doc: Doc, first: Citation, pos: int) -> list[Citation]:
    """Further bare numbers listed after a first one: "các Nghị định 171, 172", "số 08 và 49"."""
    low = doc.lower
    out: list[Citation] = []
    while True:
        nxt = _LIST_NEXT.match(low, pos)
        if nxt is None or _COUNTED.match(low, nxt.end()) or doc.claimed(nxt.start("num"), nxt.end("num")):
            return out
        s, e = nxt.span("num")
        out.append(Citation(s, e, first.word_start, doc.text[s:e], None, first.doc_type, first.type_rank))
        pos = e


def bare_citations(lex: LegalLexicon, doc: Doc, taken: list[Citation], words: TypeWordHits) -> list[Citation]:
    """Documents cited by a bare number after a type word, outside the numbered citations."""
    out: list[Citation] = []
    low = doc.lower
    busy = sorted((c.word_start, c.end) for c in taken)
    busy_starts = [b[0] for b in busy]
    used_to = -1  # numbers already read (a name may hold another type word: "Luật … pháp luật số 34")
    for hit in words.hits:
        info = lex.words[hit.word]
        m = _BARE_PLAIN.match(low, hit.end)
        if m is None and info.takes_name:
            m = _BARE_NAMED.match(low, hit.end)
        if m is None:
            continue
        so = m["so"] is not None
        ns, ne = m.span("num")
        if (
            ns < used_to
            or doc.is_boilerplate(hit.start, ne)
            or _overlaps(busy, busy_starts, hit.start, ne)
            or doc.claimed(ns, ne)
            or not _bare_ok(doc, info, so, hit.start, ns, ne)
        ):
            continue
        rank = TYPE_FROM_WORD if not info.generic else TYPE_FROM_DEFAULT
        start = low.rfind("số", hit.start, ns) if "(" in doc.text[hit.start : ns] else hit.start
        first = Citation(start, ne, hit.start, doc.text[ns:ne], None, info.doc_type, rank)
        listed = _listed_numbers(doc, first, ne)
        out += [first, *listed]
        used_to = listed[-1].end if listed else ne
    return out
