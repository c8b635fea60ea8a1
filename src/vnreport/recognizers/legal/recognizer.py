"""Cited legal and administrative documents → ``doc.found["legal_documents"]`` (and standards →
``doc.found["standards"]``).

Three passes over the normalised text, then one merge:

1. standards (``ISO 9001:2008``, ``TCVN 6909:2001``) — claimed first so their numbers are not
   read as documents;
2. document numbers (:mod:`vnreport.legal_symbols`), each with the type word before it
   ("Nghị định số", "Luật Giáo dục đại học số", "văn bản (số");
3. documents cited by a bare number after a type word ("Chỉ thị số 16", "Nghị định 43",
   "các Nghị quyết số 08 và 49").

A citation's date ("… ngày 13/6/2011", "(số 162/VH-QĐ, ngày 29.11.1976)", "Ngày 10.3.2006, …
đã có văn bản (số 153/…)") comes from the dates recogniser's hits, its trích yếu from the
"về …"/"quy định …" clause after it. Short citations ("Nghị định 43", "Nghị định 03/CP",
"116/NĐ-CP") are merged into the fully numbered document they abbreviate. Type and issuer
tables are the ``doc_types`` and ``issuers`` gazetteers.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import ahocorasick

from ...lexicon import gazetteers as gz
from ...models import LegalDocument, Place, Standard
from ...text.document import Doc
from ..base import Recognizer, register
from ..dates.parse import infer_years, scan
from .symbols import SYMBOL_RE, Symbol, SymbolParser

#: Centrally-run cities: their issuers are "… thành phố X", "Thành ủy X".
_CITIES = {"hà nội", "hồ chí minh", "hải phòng", "đà nẵng", "cần thơ", "huế"}

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
_LIST_NEXT = re.compile(rf"\s*(?:,|và|hoặc)\s*(?:số\s*)?(?P<num>\d{{1,5}}[a-zđ]?){_NOT_AFTER}")
# One word of a name between a type word and "số" ("Luật Giáo dục đại học số …").
_NAME_WORD = r"[^\s,.;:()\"?!\d]+"
# Between a type word and its number: "Nghị định 43/…", "Nghị định số 43/…", "văn bản (số 153/…",
# or, for a word that takes a name, "Luật Giáo dục đại học số 34/…".
_PLAIN_GAP = re.compile(r"\s*(?:\(\s*)?(?P<so>số\s*)?\(?\s*")
_NAMED_GAP = re.compile(rf"(?: +{_NAME_WORD}){{1,10}}? +số\s*")
_BARE_PLAIN = re.compile(rf"\s*(?P<so>\(?\s*số\s*)?(?P<num>\d{{1,5}}[a-zđ]?){_NOT_AFTER}")
_BARE_NAMED = re.compile(rf"(?: +{_NAME_WORD}){{1,8}}? +(?P<so>số\s*)(?P<num>\d{{1,5}}[a-zđ]?){_NOT_AFTER}")
_LIST_GAP = re.compile(r"\s*(?:,|;|và|hoặc)\s*(?:số\s*)?")
_SO_BEFORE = re.compile(r"(?:^|[\s(])số\s*\(?\s*\Z")

# Date right after a citation: "… ngày 13/6/2011", "(ngày 21-5-2003)", ", ký ngày",
# "của Chính phủ, ban hành ngày 6-1-2006".
_DATE_NEAR_AFTER = re.compile(
    r"\s*\)?\s*(?P<comma>,)?\s*(?P<paren>\()?\s*(?:của\s+[^,.;()\n]{1,60}?\s*,?\s*)?"
    r"(?P<verb>(?:được\s+)?(?:ban hành|ký(?:\s+(?:ban hành|phát hành))?)\s+)?(?:vào\s+)?ngày\s+"
)
# After "<number>, ngày <date>" the citation must go on for the date to be its own; otherwise the
# comma opened a new clause ("… theo Chỉ thị 16/CT-TTg, ngày 1/4/2020 tỉnh đã …").
_CITATION_GOES_ON = re.compile(r"\s*(?:\)|;|\.(?:\s|$)|$|\n|của\b|về\b|quy định\b|hướng dẫn\b|ban hành\b|phê duyệt\b)")
# "…, được … ký phát hành ngày 26-11-2003" later in the same sentence.
_DATE_FAR_AFTER = re.compile(
    r"(?:[^.;!?\n]|\.(?=\S)){0,160}?\b(?:ký|ban hành)(?:\s+(?:ban hành|phát hành))?\s+(?:vào\s+)?ngày\s+"
)
# "Ngày 10.3.2006, Hiệu trưởng … đã có văn bản (số …" — the date opens the clause that issues it.
_DATE_BEFORE_GAP = re.compile(
    r"\s*,\s*(?:[^.;!?\n]|\.(?=\S)){0,160}?\b(?:(?:đã|vừa|tiếp tục|lại|cũng)\s+)*"
    r"(?:có|ký|ban hành|ra|gửi|phát hành)\s+(?:(?:bản|một)\s+)?"
)
_NGAY_BEFORE = re.compile(r"\bngày\s+\Z")

# Trích yếu: "về việc …", "quy định …" after the citation (and its date and issuer).
_TITLE_START = re.compile(
    r"\s*\)?\s*,?\s*(?:của\s+(?P<who>[^,.;()\n]{1,80}?)(?<!\svà)\s+)?"
    r"(?P<title>(?:về việc|v/v|về|quy định|hướng dẫn|phê duyệt|ban hành|sửa đổi|thành lập|triển khai)\b)"
)
_WHO = re.compile(r"\s*\)?\s*,?\s*của\s+(?P<who>[^,.;()\n]{1,80})")
# Where a trích yếu ends: a sentence or clause break, a bracket or quote, a comma (unless it
# only separates short list items: "khoa học, công nghệ và …", "phòng, chống …"), or the next
# citation ("… và Quyết định số …").
_TITLE_END = re.compile(r"[;\n()\"…]|\.(?:\s|$)|,\s|\s(?:và|cùng)\s(?=(?:nghị|quyết|chỉ|thông|công|luật)\b)")
_LIST_ITEM = re.compile(r",\s+(?:chống|bổ sung|(?:[^\s,;.]+\s+){0,2}[^\s,;.]+(?=\s+và\s|,\s))")

_PAREN_CODE = re.compile(r"\((\w[\w&-]{0,15})\)")
_ORG_HEADS = re.compile(
    r"\b(?:Trường|Đại học|Học viện|Viện|Sở|Bộ|Ban|Ủy ban|Cục|Tổng cục|Chi cục|Vụ|Văn phòng|Trung tâm|Đài|Báo"
    r"|Hội|Hội đồng|Công ty|Tổng công ty|Tập đoàn|Ngân hàng|Bệnh viện|Đảng ủy|Phòng|Quỹ|Liên đoàn|Thanh tra"
    r"|Tòa án|Viện kiểm sát)\b"
)
_PLACE_AFTER = re.compile(r"\s*(?P<place>[A-ZĐ][\w]*(?:\s+[A-ZĐ][\w]*){0,3})")
_UNIT_WORD = re.compile(r"\b(?P<lvl>tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn)\b", re.IGNORECASE)
_UNIT_IN_WHO = re.compile(
    r"\b(?P<lvl>tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn)\s+"
    r"(?P<name>[A-ZĐ]\w*(?:(?:\s+|\s?-\s?)[A-ZĐ]\w*){0,3})"
)


@dataclass(slots=True)
class _Word:
    doc_type: str
    bare: str  # always | capitalised | with_so
    named: bool
    precedence: str  # word | symbol
    generic: bool


@dataclass(slots=True)
class _Issuer:
    name: str
    level: str


@dataclass(slots=True)
class _Cite:
    """One citation in normalised offsets, before merging into documents."""

    start: int
    end: int
    word_start: int
    number: str
    sym: Symbol | None
    doc_type: str | None
    rank: int  # 3 type word, 2 number's abbreviation, 1 generic word / default
    signed_on: dt.date | None = None
    title: tuple[int, int] | None = None
    who: str | None = None

    @property
    def number_key(self) -> str:
        return self.number.lstrip("0") or "0"

    @property
    def id(self) -> str:
        return self.sym.id if self.sym else self.number


@dataclass
class _Tables:
    words: dict[str, _Word] = field(default_factory=dict)
    type_abbr: dict[str, str] = field(default_factory=dict)
    party_abbr: dict[str, str] = field(default_factory=dict)
    default_for: dict[str, str] = field(default_factory=dict)
    issuers: dict[str, _Issuer] = field(default_factory=dict)
    standard_bodies: list[str] = field(default_factory=list)


def _fold(s: str) -> str:
    """Upper-case letters without diacritics, Đ → D: for matching initials with codes."""
    s = s.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c)).upper()


def _words_alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _load_tables(gaz: gz.Gazetteers) -> _Tables:
    t = _Tables()
    for row in gaz.rows("doc_types"):
        doc_type = row.get("doc_type")
        cats = set(row.list("category"))
        if "standard" in cats:
            t.standard_bodies += row.list("abbr")
            continue
        for a in row.list("abbr"):
            t.type_abbr[a] = doc_type
        for a in row.list("party_abbr"):
            t.party_abbr[a] = doc_type
        for code in row.list("default_for"):
            t.default_for[code] = doc_type
        for w in row.list("words"):
            t.words[w.lower()] = _Word(
                doc_type,
                row.get("bare_number", "with_so"),
                row.get("named") == "yes",
                row.get("precedence", "word"),
                "generic" in cats,
            )
    for row in gaz.rows("issuers"):
        info = _Issuer(row.get("name"), row.get("level", "central"))
        for code in [row.get("code"), *row.list("variants")]:
            t.issuers[code] = info
    return t


@register("legal")
class LegalRecognizer(Recognizer):
    label = "legal_documents"

    def __init__(self) -> None:
        self._t = _Tables()
        self._parser: SymbolParser | None = None
        self._fingerprint: tuple[int, int] | None = None

    # ------------------------------------------------------------------ setup
    def setup(self, gazetteers: gz.Gazetteers) -> None:
        fp = gazetteers.fingerprint()
        if fp == self._fingerprint:
            return
        self._fingerprint = fp
        t = self._t = _load_tables(gazetteers)
        # Old numbers put the issuer first and close with the type of an act (162/VH-QĐ); a unit
        # code in that place is far more likely than a report or a plan, so only these close one.
        old_types = {
            a
            for a, type_ in t.type_abbr.items()
            if type_ in ("Quyết định", "Nghị định", "Chỉ thị", "Thông tư", "Nghị quyết")
        }
        self._parser = SymbolParser(set(t.type_abbr), set(t.party_abbr), set(t.issuers), old_types, set(t.default_for))
        # Type words are found with one Aho-Corasick pass per document (a regex alternation of
        # fifty words, tried at every position, was the slowest part of the recogniser).
        self._automaton = ahocorasick.Automaton()
        for w in t.words:
            self._automaton.add_word(w, w)
        self._automaton.make_automaton()
        bodies = _words_alternation(t.standard_bodies) if t.standard_bodies else "(?!)"
        self._standard = re.compile(
            rf"(?P<body>{bodies})\s?(?P<num>\d{{1,6}}(?:[-.]\d{{1,4}})*)"
            r"(?:\s?:\s?(?P<year>(?:19|20)\d\d))?(?:\s?/\s?(?P<iss>[A-ZĐ][A-ZĐa-z]{1,10}))?(?![\w])"
        )

    # ------------------------------------------------------------------ find
    def find(self, doc: Doc) -> list[LegalDocument]:
        if self._parser is None:
            self.setup(gz.Gazetteers.bundled())
        doc.found["standards"] = self._standards(doc)
        words = self._type_words(doc.lower)
        cites = self._symbol_cites(doc, words)
        cites += self._bare_cites(doc, cites, words)
        cites.sort(key=lambda c: c.start)
        ctx = _Context(doc, cites, self._days(doc))
        for i, c in enumerate(cites):
            self._attach_date_title(ctx, i, c)
        docs = self._merge(ctx, cites)
        for s, e in sorted((c.start, c.end) for c in cites):  # in order: Doc.claim inserts sorted
            doc.claim(s, e, "legal")
        return docs

    # ------------------------------------------------------------------ standards
    def _standards(self, doc: Doc) -> list[Standard]:
        found: dict[str, Standard] = {}
        text = doc.text
        if not any(b in text for b in self._t.standard_bodies):
            return []
        for m in self._standard.finditer(text):
            s, e = m.span()
            if (s and (text[s - 1].isalnum() or text[s - 1] in "/_")) or doc.is_boilerplate(s, e):
                continue
            body = re.sub(r"\s+", " ", m["body"])
            sid = f"{body} {m['num']}" + (f":{m['year']}" if m["year"] else "") + (f"/{m['iss']}" if m["iss"] else "")
            std = found.setdefault(sid, Standard(id=sid, body=body.split()[0].split("/")[0]))
            std.mentions.append(doc.span(s, e))
            doc.claim(s, e, "legal")
        return list(found.values())

    # ------------------------------------------------------------------ numbered citations
    def _type_words(self, low: str) -> _Words:
        """Type words in ``low``: whole words (a digit may follow: "Nghị định116"), longest first."""
        hits: list[tuple[int, int, str]] = []
        n = len(low)
        for end_idx, w in self._automaton.iter(low):
            start, end = end_idx - len(w) + 1, end_idx + 1
            if (start and low[start - 1].isalnum()) or (end < n and low[end].isalpha()):
                continue
            hits.append((start, end, w))
        hits.sort(key=lambda h: (h[0], -h[1]))
        kept: list[tuple[int, int, str]] = []
        for h in hits:
            if not kept or h[0] >= kept[-1][1]:
                kept.append(h)
        return _Words(kept)

    def _word_before(self, doc: Doc, words: _Words, pos: int) -> tuple[int, _Word, bool] | None:
        """(start, type word, has "số") of the type word that introduces a number at ``pos``."""
        low = doc.lower
        k = bisect_right(words.ends, pos) - 1
        nearest = True
        while k >= 0 and words.ends[k] >= pos - 120:
            ws, we, w = words.hits[k]
            info = self._t.words[w]
            if nearest:
                m = _PLAIN_GAP.fullmatch(low, we, pos)
                if m is not None:
                    return ws, info, m["so"] is not None
                nearest = False
            if info.named and _NAMED_GAP.fullmatch(low, we, pos):
                return ws, info, True
            k -= 1
        return None

    def _symbol_type(self, sym: Symbol) -> str | None:
        if sym.form == "party":
            return self._t.party_abbr.get(sym.type_abbr or "")
        if sym.type_abbr:
            return self._t.type_abbr.get(sym.type_abbr)
        if sym.form == "qppl" and sym.issuer_code:
            return self._t.default_for.get(sym.issuer_code.rstrip("0123456789"))
        return None

    def _resolve_type(self, word: _Word | None, sym: Symbol | None) -> tuple[str | None, int]:
        sym_type = self._symbol_type(sym) if sym else None
        if word and word.precedence == "word" and not word.generic:
            return word.doc_type, 3
        if sym_type:
            return sym_type, 2
        if word:
            return word.doc_type, 1
        if sym and sym.form == "congvan":
            return "Công văn", 1
        return None, 0

    def _symbol_cites(self, doc: Doc, words: _Words) -> list[_Cite]:
        parser = self._parser
        assert parser is not None
        out: list[_Cite] = []
        prev: _Cite | None = None
        for m in SYMBOL_RE.finditer(doc.text):
            sym = parser.parse(m)
            if sym is None or doc.is_boilerplate(sym.start, sym.end) or doc.claimed(sym.start, sym.end):
                continue
            if (
                sym.start
                and doc.text[sym.start - 1].isalpha()
                and not doc.lower.endswith("số", 0, sym.start)
                and not words.ends_at(sym.start)
            ):
                continue  # inside a word or code ("H5N1/…"), not glued to "số" or a type word
            wb = self._word_before(doc, words, sym.start)
            so = wb[2] if wb else _SO_BEFORE.search(doc.lower, max(0, sym.start - 8), sym.start) is not None
            word = wb[1] if wb else None
            if not self._acceptable(sym, word, so):
                continue
            doc_type, rank = self._resolve_type(word, sym)
            # "Thông báo số 5373/TM-XNK và 0646/TM-XNK": the second shares the first's type word.
            if (
                word is None
                and rank < 3
                and prev is not None
                and prev.rank == 3
                and _LIST_GAP.fullmatch(doc.lower, prev.end, sym.start)
            ):
                doc_type, rank = prev.doc_type, 3
            start = wb[0] if wb else sym.start
            if wb and "(" in doc.text[wb[0] : sym.start]:
                start = doc.lower.rfind("số", wb[0], sym.start) if so else sym.start
            cite = _Cite(start, sym.end, wb[0] if wb else sym.start, sym.number, sym, doc_type, rank)
            out.append(cite)
            prev = cite
        return out

    def _acceptable(self, sym: Symbol, word: _Word | None, so: bool) -> bool:
        parser = self._parser
        assert parser is not None
        if sym.form == "numyear":
            return word is not None
        if word is not None or parser.complete(sym):
            return True
        if so:  # "số 153/ ĐHNT-BGH" without a type word: an issuer and a unit, not "số 12/QĐ" or an address
            return sym.form == "congvan" and bool(sym.units) and len(sym.issuer_code or "") >= 2
        return False

    # ------------------------------------------------------------------ bare numbers
    def _bare_cites(self, doc: Doc, taken: list[_Cite], words: _Words) -> list[_Cite]:
        out: list[_Cite] = []
        low = doc.lower
        busy = sorted((c.word_start, c.end) for c in taken)
        busy_starts = [b[0] for b in busy]
        used_to = -1  # numbers already read (a name may hold another type word: "Luật … pháp luật số 34")
        for ws, we, w in words.hits:
            info = self._t.words[w]
            m = _BARE_PLAIN.match(low, we)
            if m is None and info.named:
                m = _BARE_NAMED.match(low, we)
            if m is None:
                continue
            so = m["so"] is not None
            ns, ne = m.span("num")
            if (
                ns < used_to
                or doc.is_boilerplate(ws, ne)
                or _overlaps(busy, busy_starts, ws, ne)
                or doc.claimed(ns, ne)
                or not self._bare_ok(doc, info, so, ws, ns, ne)
            ):
                continue
            used_to = ne
            doc_type, rank = (info.doc_type, 3 if not info.generic else 1)
            start = ws
            if "(" in doc.text[ws:ns]:
                start = low.rfind("số", ws, ns)
            out.append(_Cite(start, ne, ws, doc.text[ns:ne], None, doc_type, rank))
            pos = ne
            while True:  # "các Nghị định 171, 172", "Nghị quyết số 08 và 49"
                nxt = _LIST_NEXT.match(low, pos)
                if nxt is None or _COUNTED.match(low, nxt.end()) or doc.claimed(nxt.start("num"), nxt.end("num")):
                    break
                s2, e2 = nxt.span("num")
                out.append(_Cite(s2, e2, ws, doc.text[s2:e2], None, doc_type, rank))
                pos = used_to = e2
        return out

    def _bare_ok(self, doc: Doc, info: _Word, so: bool, ws: int, ns: int, ne: int) -> bool:
        if _COUNTED.match(doc.lower, ne):
            return False
        if info.bare == "always" or so:
            return True
        if info.bare != "capitalised":
            return False
        if doc.text[ws].isupper():
            return True
        num = doc.text[ns:ne]
        return (num.isdigit() and int(num) >= 100) or _CITATION_END.match(doc.lower, ne) is not None

    # ------------------------------------------------------------------ date and title
    @staticmethod
    def _days(doc: Doc) -> list[tuple[int, int, dt.date]]:
        """Day-precise dates (normalised start, end, date), from the dates recogniser if it ran."""
        spans = doc.context.date_spans
        found = doc.found.get("dates")
        if spans is not None and found is not None:
            out = []
            for s, e, i in spans:
                d = found[i]
                if d.kind == "date" and d.date_start is not None:
                    out.append((s, e, d.date_start))
            return out
        hits = scan(doc.lower, doc.boilerplate_ranges())
        infer_years(hits, doc.context.published_date())
        return [(h.start, h.end, h.date_start) for h in hits if h.kind == "date" and h.date_start is not None]

    def _attach_date_title(self, ctx: _Context, i: int, c: _Cite) -> None:
        doc, low = ctx.doc, ctx.doc.lower
        nxt_cite = ctx.starts[i + 1] if i + 1 < len(ctx.starts) else len(low)
        k = bisect_left(ctx.word_starts, c.end)
        nxt_word = ctx.word_starts[k] if k < len(ctx.word_starts) else len(low)
        after_end = c.end
        days = ctx.days
        k = bisect_left(ctx.day_starts, c.end)
        if k < len(days):
            s, e, d = days[k]
            if s <= c.end + 200 and s <= nxt_cite:
                near = _DATE_NEAR_AFTER.fullmatch(low, c.end, s)
                if near and not (
                    near["comma"] and not near["paren"] and not near["verb"] and not _CITATION_GOES_ON.match(low, e)
                ):
                    c.signed_on, after_end = d, e
                elif _DATE_FAR_AFTER.fullmatch(low, c.end, s):
                    c.signed_on = d
        if c.signed_on is None:
            prev_end = ctx.ends[i - 1] if i > 0 else 0
            k = bisect_right(ctx.day_ends, c.word_start) - 1
            if k >= 0:
                s, e, d = days[k]
                if (
                    s >= prev_end
                    and c.word_start - e <= 200
                    and _NGAY_BEFORE.search(low, max(0, s - 12), s)
                    and _DATE_BEFORE_GAP.fullmatch(low, e, c.word_start)
                ):
                    c.signed_on = d
        m = _TITLE_START.match(low, after_end)
        if m:
            t0 = m.start("title")
            limit = min(len(low), t0 + 300)
            end = limit
            quotes = 0
            for stop in _TITLE_END.finditer(low, t0, limit):
                if stop.group().startswith(",") and _LIST_ITEM.match(low, stop.start()):
                    continue
                if stop.group() == '"':
                    quotes += 1
                    if quotes % 2 == 1 and stop.start() > t0 and low[stop.start() - 1] == " ":
                        continue  # an opening quote: 'phê duyệt Đề án "Giáo dục …"'
                    if quotes % 2 == 0:
                        continue  # the matching closing quote
                end = stop.start()
                break
            while end > t0 and not low[end - 1].isalnum():
                end -= 1
            end = min(end, nxt_word)
            while end > t0 and not low[end - 1].isalnum():
                end -= 1
            if end > m.end("title") + 3:
                c.title = (t0, end)
            if m["who"]:
                c.who = doc.text[m.start("who") : m.end("who")]
        if c.who is None:
            w = _WHO.match(low, after_end)
            if w:
                c.who = doc.text[w.start("who") : w.end("who")]

    # ------------------------------------------------------------------ issuer
    def _province(self, doc: Doc, who: str | None) -> tuple[str, bool] | None:
        """(province name, is a centrally-run city) that issued a local document, if clear."""
        place = doc.context.province
        report = (
            (place.name, place.kind == "city" or place.name.lower() in _CITIES)
            if isinstance(place, Place) and place.name
            else None
        )
        if who:
            m = _UNIT_IN_WHO.search(who)
            if m:
                lvl = m["lvl"].lower().rstrip(".")
                name = re.sub(r"\s*-\s*", " - ", m["name"])
                if lvl == "tỉnh":
                    return name, False
                if lvl in ("thành phố", "tp") and name.lower() in _CITIES:
                    return name, True
                return None  # a district, a provincial city, a commune
            unit = _UNIT_WORD.search(who)
            if unit:  # "của UBND huyện", "của UBND thành phố" (which one? the report's, if a city)
                lvl = unit["lvl"].lower().rstrip(".")
                if lvl == "tỉnh" or (lvl in ("thành phố", "tp") and report and report[1]):
                    return report
                return None
        return report

    def _issuer_name(self, ctx: _Context, code: str, who: str | None) -> str | None:
        doc = ctx.doc
        info = self._t.issuers.get(code) or self._t.issuers.get(code.rstrip("0123456789"))
        if info is None:
            return self._defined_in_text(ctx, code)
        if not info.name or info.level not in ("central", "province"):
            return None
        if info.level == "central":
            return info.name
        prov = self._province(doc, who)
        if prov is None:
            return None
        name, city = prov
        return (
            info.name.replace("{unit}", f"{'thành phố' if city else 'tỉnh'} {name}")
            .replace("{ủy}", "Thành ủy" if city else "Tỉnh ủy")
            .replace("{name}", name)
        )

    def _issuer(self, ctx: _Context, sym: Symbol | None, who: str | None) -> str | None:
        if sym is None or not sym.issuer_code:
            return None
        codes = sym.issuer_code.split("-") if sym.form == "qppl" else [sym.issuer_code]
        names = [self._issuer_name(ctx, c, who) for c in codes]
        if any(n is None for n in names):
            return None
        return " - ".join(n for n in names if n)

    @staticmethod
    def _defined_in_text(ctx: _Context, code: str) -> str | None:
        """Name for ``code`` from a definition in the text: "Trường đại học Nghệ thuật (ĐHNT) Huế"."""
        text = ctx.doc.text
        want = [c for c in _fold(code) if c.isalpha()]
        if len(want) < 2:
            return None
        for pos in ctx.definitions().get(code, ()):
            window = text[max(0, pos - 100) : pos]
            cut = max(window.rfind(ch) for ch in ",.;:()\n")
            window = window[cut + 1 :]
            for h in reversed([m.start() for m in _ORG_HEADS.finditer(window)]):
                phrase = window[h:].strip()
                initials = [_fold(w)[0] for w in phrase.split() if w[0].isalpha()]
                if initials and initials[-1] == want[-1] and _is_subsequence(want, initials):
                    place = _PLACE_AFTER.match(text, pos + len(code) + 2)
                    return phrase + (f" {place['place']}" if place else "")
        return None

    # ------------------------------------------------------------------ merge
    @staticmethod
    def _compatible(a: _Cite, b: _Cite) -> bool:
        """Could two citations name the same document? Types agree, or one names none."""
        return a.doc_type is None or b.doc_type is None or a.doc_type == b.doc_type or a.rank <= 1 or b.rank <= 1

    @staticmethod
    def _covers(full: Symbol | None, short: Symbol | None) -> bool:
        """Is ``short`` ("116/NĐ-CP", "03/CP", "131/2018") an abbreviation of ``full``?"""
        if full is None or short is None or full.year is None:
            return False
        if short.year is None:
            if short.type_abbr and short.type_abbr != full.type_abbr:
                return False
            return not short.issuer_code or short.issuer_code == full.issuer_code
        return short.year == full.year and short.issuer_code is None and full.issuer_code is not None

    def _merge(self, ctx: _Context, cites: list[_Cite]) -> list[LegalDocument]:
        groups: list[list[_Cite]] = []
        by_id: dict[str, int] = {}
        by_number: dict[str, list[int]] = {}
        for c in cites:  # one group per distinct number (leading zeros and case aside)
            if c.sym is None:
                continue
            key = re.sub(r"(?<![0-9])0+(?=[0-9])", "", c.id.upper())
            if key not in by_id:
                by_id[key] = len(groups)
                by_number.setdefault(c.number_key, []).append(len(groups))
                groups.append([])
            groups[by_id[key]].append(c)
        for same in by_number.values():  # a short number joins the fuller one it abbreviates
            for gi in same:
                short = groups[gi][0]
                for hj in same:
                    h = groups[hj]
                    if hj != gi and h and self._compatible(h[0], short) and self._covers(h[0].sym, short.sym):
                        h += groups[gi]
                        groups[gi] = []
                        break
        bare_groups: dict[tuple[str, str | None], int] = {}
        for c in cites:  # a bare number: a short form of a numbered document, else its own document
            if c.sym is not None:
                continue
            cands = [gi for gi in by_number.get(c.number_key, ()) if groups[gi] and self._compatible(groups[gi][0], c)]
            before = [gi for gi in cands if groups[gi][0].start <= c.start]
            if before:
                best = max(before, key=lambda gi: groups[gi][0].start)
            elif cands:
                best = cands[0]
            else:
                bare_key = (c.number_key, c.doc_type)
                if bare_key not in bare_groups:
                    bare_groups[bare_key] = len(groups)
                    groups.append([])
                best = bare_groups[bare_key]
            groups[best].append(c)
        out = [self._document(ctx, sorted(g, key=lambda c: c.start)) for g in groups if g]
        out.sort(key=lambda d: d.mentions[0].start)
        return out

    def _document(self, ctx: _Context, g: list[_Cite]) -> LegalDocument:
        doc = ctx.doc
        with_sym = [c for c in g if c.sym is not None]
        main = max(with_sym, key=_completeness) if with_sym else g[0]
        typed = max(g, key=lambda c: (c.rank, -c.start))
        sym = main.sym
        signed = next((c.signed_on for c in g if c.signed_on), None)
        title_c = next((c for c in g if c.title), None)
        who = next((c.who for c in g if c.who), None)
        year = sym.year if sym and sym.year else (signed.year if signed else None)
        return LegalDocument(
            id=main.id,
            doc_type=typed.doc_type,
            number=main.number,
            year=year,
            issuer_code=sym.issuer_code if sym else None,
            issuer=self._issuer(ctx, sym, who),
            signed_on=signed,
            title=doc.orig_offsets(*title_c.title)[2] if title_c and title_c.title else None,
            mentions=[doc.span(c.start, c.end) for c in g],
        )


def _completeness(c: _Cite) -> tuple[bool, bool, bool, int]:
    """Order citations of one document: a year, an issuer and a type in the number beat a short form."""
    sym = c.sym
    assert sym is not None
    return sym.year is not None, sym.issuer_code is not None, sym.type_abbr is not None, -c.start


def _overlaps(spans: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
    """Does ``[s, e)`` overlap one of the sorted, non-nested ``spans``?"""
    k = bisect_right(starts, e - 1) - 1
    return k >= 0 and spans[k][1] > s


class _Words:
    """Type words of one document as sorted ``(start, end, word)``, with their ends for bisection."""

    def __init__(self, hits: list[tuple[int, int, str]]) -> None:
        self.hits = hits
        self.ends = [h[1] for h in hits]

    def ends_at(self, pos: int) -> bool:
        k = bisect_left(self.ends, pos)
        return k < len(self.ends) and self.ends[k] == pos


class _Context:
    """One document's citations and dates, indexed for bisection (everything stays linear)."""

    def __init__(self, doc: Doc, cites: list[_Cite], days: list[tuple[int, int, dt.date]]) -> None:
        self.doc = doc
        self.starts = [c.start for c in cites]
        self.ends = [c.end for c in cites]
        self.word_starts = sorted(c.word_start for c in cites)
        self.days = sorted(days)
        self.day_starts = [d[0] for d in self.days]
        self.day_ends = [d[1] for d in self.days]
        self._definitions: dict[str, list[int]] | None = None

    def definitions(self) -> dict[str, list[int]]:
        """Offsets of "(CODE)" in the text, by code (built once, on first use)."""
        if self._definitions is None:
            self._definitions = {}
            for m in _PAREN_CODE.finditer(self.doc.text):
                self._definitions.setdefault(m[1], []).append(m.start())
        return self._definitions


def _is_subsequence(needle: list[str], hay: list[str]) -> bool:
    it = iter(hay)
    return all(any(h == n for h in it) for n in needle)
