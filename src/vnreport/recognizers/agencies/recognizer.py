"""Agencies: state, Party and mass organisations, public service units and state groups.

General NER fails here because Vietnamese organisation names are built, not listed: a *head*
(Sở, UBND, Trung tâm, Ban ...) + a *name* (a field such as "Thông tin và Truyền thông", or a
proper name) + an administrative *unit* ("tỉnh Hậu Giang", bare "tỉnh", or nothing) or a
*parent* ("Văn phòng UBND tỉnh", "Ban Tuyên giáo Tỉnh ủy"). The rule finds every head with one
Aho-Corasick pass (heads, fields, named central bodies, place names and non-agency phrases from
the gazetteers), reads the few tokens after it, and builds a canonical name:

* abbreviations expanded, fields spelled one way ("Sở TT&TT" = "Sở Thông tin và Truyền thông"),
* the unit completed from context: bare "tỉnh" and unit-less provincial heads ("Sở Nội vụ",
  "Tỉnh ủy") take the report's main province; "UBND huyện" takes the district named last;
  "Viện Công nghệ Viễn thông" joins "Viện Công nghệ Viễn thông TP. Hồ Chí Minh",
* bare "Sở", "Bộ", "Liên minh" stand for the agency of that head the report is about.

Generic plurals ("các sở, ban, ngành", "UBND các huyện", "HĐND các cấp") are dropped unless the
recogniser is built with ``include_generic=True``, when they are kept with ``generic=True``.
Mentions inside positions count ("Phó Chủ tịch UBND tỉnh Nguyễn Thiện" → "UBND tỉnh"), and
``doc.context.agency_spans`` lists ``IndexedSpan(norm_start, norm_end, agency index)`` for the officials
rule.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from dataclasses import replace as dataclass_replace

from ...lexicon.gazetteers import Gazetteers
from ...lexicon.orgnames import Field, Kind, Named, OrgLexicon, capitalise, display_name, org_lexicon
from ...lexicon.places import COMMUNE_UNITS, DISTRICT_UNITS, UNIT_WORDS, District, Province
from ...models import Agency, Place
from ...text.document import Doc, IndexedSpan
from ...text.scan import clause_before, is_all_caps, is_capitalised, is_word, token_at, token_before
from ..base import Recognizer, register

# Lower-case words that end a name: the predicate starts there ("Sở Nội vụ tổ chức ...").
_STOP1 = frozenset(
    "của cho với về tại trong trên dưới đến tới từ theo để do bởi vì nên nhưng mà thì là có"
    " chưa đã đang sẽ vừa mới cũng còn được bị phải cần hãy đều luôn vẫn lại rất này đó kia ấy"
    " nào gì như nhằm khi sau trước năm ngày tháng gồm cùng các những mọi một thuộc trực"
    " kiêm hoặc hay tuy nếu nay đây đi ra vào lên xuống qua ông bà anh chị em họ chúng tôi ta"
    " nhiều ít hết đạt tăng giảm nhận trao tặng gửi nói nêu cho sáng chiều tối trưa lúc hôm tuần"
    " quý đợt lần và cấp không".split()
)
_STOP2 = frozenset(
    "tổ chức|triển khai|thực hiện|phối hợp|tham mưu|chủ trì|ban hành|cho biết|đề nghị|yêu cầu|"
    "báo cáo|đánh giá|chỉ đạo|hướng dẫn|tiếp tục|phát biểu|tham dự|trao tặng|ký kết|phê duyệt|"
    "công bố|nhấn mạnh|cho hay|quyết định|dự thảo|thông báo|hoàn thành|tập trung|đẩy mạnh|"
    "tăng cường|khai trương|phát hành|cấp phép|xử lý|đôn đốc|"
    "kiểm tra|giám sát|chủ động|phản ánh|góp phần|đảm bảo|bảo đảm|tiếp nhận|"
    "trình bày|lãnh đạo|làm việc|đón nhận|xem xét|kiến nghị|đề xuất|ghi nhận|biểu dương|"
    "trả lời|cung cấp|tuyên truyền|vận động|thẩm định|quán triệt|nghiên cứu|đồng ý|giao cho|"
    "giao nhiệm|tham dự|tham gia|yêu cầu|khẳng định|kết dư|cho rằng|cho phép|đề ra|ký kết|ký ban|"
    "tiến hành|chịu trách|có trách|phải có|sẽ có".split("|")
)
# Titles that, before a head, announce a person's name after the organisation.
_TITLE_BEFORE = re.compile(
    r"(?:giám đốc|chủ tịch|bí thư|trưởng|chánh|ủy viên|phó|biên tập|thường trực|đại diện|lãnh đạo)",
    re.IGNORECASE,
)
_LOWER_HEAD_PREV = frozenset(
    "cho tại với của ở và liên trưởng đốc tịch thư phó viên diện đạo giữa từ theo thuộc gửi trao tặng"
    " là qua vào về đến nhận trình các hai ba bốn năm cùng hoặc hay nhiều mỗi một thăm cấp".split()
)
_STARTERS = frozenset({"head", "named", "bare", "neg"})
_LIST_GAP = re.compile(r"\s*(?:,|-|và|&)\s*")
_LOWER_OK_KINDS = frozenset({"Sở", "Phòng", "Ban", "Trường", "Bộ", "Trung tâm", "Đại học", "Tỉnh ủy", "Thành ủy"})
_GENERIC_BEFORE = frozenset({"các", "những", "mọi", "từng"})
_LOWER_BARE_PREV = frozenset({"của", "phép", "với", "cho", "tại", "ở", "và"})
_PARTY_BY_DISTRICT = {"huyện": "Huyện ủy", "quận": "Quận ủy", "thị xã": "Thị ủy", "thành phố": "Thành ủy"}
_MAX_LOWER_RUN = 8
_BOARD_WORDS = frozenset({"chỉ đạo", "điều hành", "quản lý"})


@dataclass
class _Cand:
    start: int
    end: int
    kind: Kind | None = None
    named: Named | None = None
    fld: Field | None = None
    fld_len: int = 0
    name_start: int = 0
    name: str = ""
    unit_type: str | None = None
    place: Province | District | str | None = None
    districts: tuple[District, ...] = ()
    bare_place: bool = False
    place_surface: str = ""
    unit_word: str | None = None
    national: str | None = None
    parent: _Cand | None = None
    generic: bool = False
    bare: bool = False
    local_abbr: dict[str, str] = field(default_factory=dict)
    alias: str = ""
    lower_board: bool = False
    # filled when resolving
    canonical: str = ""
    base: str = ""
    level: str | None = None
    province: str | None = None
    resolved: bool = False


@register("agencies")
class AgencyRecognizer(Recognizer):
    label = "agencies"

    def __init__(self, include_generic: bool = False) -> None:
        self.include_generic = include_generic

    def setup(self, gazetteers: Gazetteers) -> None:
        self.lex: OrgLexicon = org_lexicon(gazetteers)
        self.surnames = frozenset(r["surname"] for r in gazetteers.rows("surnames") if r["surname"])

    # ================================================================== parsing
    def find(self, doc: Doc) -> list[Agency]:
        by_start = self.lex.matcher.by_start(doc.lower)
        self._doc, self._by = doc, by_start
        self._when = doc.context.report_date()
        self._skip_to = -1
        self._place_starts: list[int] | None = None
        cands: list[_Cand] = []
        consumed = -1
        starts = []
        for s, opts in by_start.items():
            for _, p in opts:
                if p[0] in _STARTERS:
                    starts.append(s)
                    break
        starts.sort()
        for s in starts:
            if s < consumed:
                continue
            c = self._parse(s, 0)
            if c is None:
                consumed = max(consumed, self._skip_to)
                continue
            consumed = c.end
            if doc.is_boilerplate(c.start, c.end):
                continue
            cands.append(c)
        self._truncate_tails(cands)
        self._distribute(cands)
        self._alias_mentions(cands)
        agencies, spans = self._assemble(cands)
        doc.context.agency_spans = spans
        self._doc = self._by = None  # type: ignore[assignment]
        return agencies

    def _opts(self, s: int) -> list[tuple[int, tuple[str, object]]]:
        return self._by.get(s, [])

    def _parse(self, s: int, depth: int) -> _Cand | None:
        text = self._doc.text
        opts = self._opts(s)
        head: tuple[int, Kind] | None = None
        named: tuple[int, Named] | None = None
        bare_end = neg_end = place_end = -1
        for e, (kd, p) in opts:
            if kd == "head" and (head is None or e > head[0]):
                head = (e, p)  # type: ignore[assignment]
            elif kd == "named" and (named is None or e > named[0]) and self._named_ok(s, e, p):  # type: ignore[arg-type]
                named = (e, p[0])  # type: ignore[index]
            elif kd == "neg":
                neg_end = max(neg_end, e)
            elif kd in ("prov", "dist"):
                place_end = max(place_end, e)
            elif kd == "bare":
                bare_end = max(bare_end, e)
        best = max(head[0] if head else -1, named[0] if named else -1)
        self._skip_to = -1
        if best < 0 or neg_end >= best or place_end > best:
            self._skip_to = max(neg_end, place_end) if best <= max(neg_end, place_end) else -1
            return None
        if head and text[s].islower() and (head[1].kind not in _LOWER_OK_KINDS or not self._lower_head_ok(s)):
            head = None
            if named is None:
                return None
        c = self._parse_head(s, head[0], head[1], depth) if head else None
        if named and (
            c is None
            or c.bare
            or named[0] >= c.end
            or not (c.unit_type or c.place or c.districts or c.parent or c.national)
        ):
            c = _Cand(s, named[0], named=named[1])
        if (
            depth == 0
            and bare_end > 0
            and (c is None or (c.end == bare_end and not c.fld and c.kind is not None and c.kind.name != "none"))
        ):
            b = self._bare(s, bare_end)
            if b is not None:
                return b
            if c is not None and c.end == bare_end:
                return None
        if c is not None and c.bare:
            return None
        return c

    def _lower_head_ok(self, s: int) -> bool:
        """A lower-case head ("sở", "phòng") is a head only after a title or a preposition,
        never inside a compound word ("Thường vụ", "nhiệm vụ", "Đảng bộ", "thị trường")."""
        text = self._doc.text
        prev = token_before(text, s)
        if prev is None:
            return True
        ptok = text[prev[0] : prev[1]]
        if not is_word(ptok):
            return True
        return ptok.lower() in _LOWER_HEAD_PREV

    def _named_ok(self, s: int, e: int, payload: tuple[Named, str]) -> bool:
        n, form = payload
        text = self._doc.text
        surface = text[s:e]
        if n.exact_case or (len(form) <= 4 and is_all_caps(form)):
            if surface != form:
                return False
        elif not any(ch.isupper() for ch in surface):
            return False
        if len(form) <= 5 and is_all_caps(form):
            if (s > 0 and text[s - 1] in "-/") or (e < len(text) and text[e] in "-/"):
                return False
            if self._doc.claimed(s, e):
                return False
        return True

    def _parse_head(self, s: int, hend: int, kind: Kind, depth: int) -> _Cand | None:
        text = self._doc.text
        c = _Cand(s, hend, kind=kind)
        prev = token_before(text, s)
        if prev is not None and text[prev[0] : prev[1]].lower() in _GENERIC_BEFORE:
            c.generic = True
        head_cap = text[s].isupper()
        pos = hend
        if kind.takes_name:
            start_name = pos
            if kind.name == "number":
                pos = self._number_name(pos)
            else:
                got_field = False
                if kind.name in ("field", "field+open"):
                    f = self._field_at(pos, head_cap)
                    if f is not None:
                        c.fld, pos = f[1], f[0]
                        c.fld_len = f[0] - start_name
                        got_field = True
                if not got_field or kind.name == "field+open":
                    pos = self._open_name(pos, kind, head_cap, got_field, s, c)
            c.name = text[start_name:pos].strip()
            c.name_start = start_name + (len(text[start_name:pos]) - len(text[start_name:pos].lstrip()))
            if not c.name:
                # "Văn phòng UBND tỉnh", "Đảng ủy xã X": no name, but a parent or unit follows
                after = self._qualifiers(c, pos, depth) if (kind.parent_ok or kind.needs == "unit") else pos
                if after > pos and (c.parent or c.unit_type or c.place or c.districts):
                    c.end = after
                    return c
                if kind.needs == "unit" or not head_cap:
                    return None
                c.unit_type, c.place, c.districts, c.parent = None, None, (), None
                c.bare = True
                c.end = hend
                return c
        pos = self._qualifiers(c, pos, depth)
        c.end = pos
        if kind.needs == "unit" and not (c.unit_type or c.place or c.parent or c.national or c.districts):
            return None
        if kind.needs == "parent" and c.parent is None:
            return None
        if not kind.takes_name and not head_cap and not (c.unit_type or c.place or c.districts):
            return None
        return c

    # ------------------------------------------------------------------ name parts
    def _field_at(self, pos: int, head_cap: bool) -> tuple[int, Field] | None:
        text = self._doc.text
        t = token_at(text, pos)
        if t is None or t[0] - pos > 1:
            return None
        best = None
        for e, (kd, p) in self._opts(t[0]):
            if kd == "field" and (best is None or e > best[0]):
                best = (e, p)
        if best is None:
            return None
        if not text[t[0]].isupper():
            return None
        return best  # type: ignore[return-value]

    def _number_name(self, pos: int) -> int:
        text = self._doc.text
        t = token_at(text, pos)
        if t is None or not text[t[0] : t[1]].isdigit():
            return pos
        end = t[1]
        while True:
            n = token_at(text, end)
            if n is None or n[0] - end > 1 or not is_capitalised(text[n[0] : n[1]]):
                return end
            if any(kd in ("head", "named", "unit", "prov", "dist") for _, (kd, _) in self._opts(n[0])):
                return end
            end = n[1]

    def _open_name(self, pos: int, kind: Kind, head_cap: bool, started: bool, s: int, c: _Cand) -> int:
        text = self._doc.text
        end = pos
        cur = pos
        accepted = started
        lower_run = 0
        title: bool | None = None
        while True:
            t = token_at(text, cur)
            if t is None or t[0] - cur > 1:
                break
            ts, te = t
            tok = text[ts:te]
            kinds = {kd for _, (kd, _) in self._opts(ts)}
            if not accepted and "head" in kinds and kind.parent_ok and is_capitalised(tok):
                break
            if "neg" in kinds:
                break
            if accepted and self._national_at(ts):
                break
            if accepted and kinds:
                if "unit" in kinds and self._unit_breaks(ts):
                    break
                if kinds & {"prov", "dist"} and is_capitalised(tok) and not self._place_is_name_word(ts):
                    break
                if kinds & {"head", "named"} and is_capitalised(tok):
                    break
            if is_word(tok):
                if tok[0].isupper():
                    if accepted and tok in self.surnames:
                        if title is None:
                            title = bool(_TITLE_BEFORE.search(clause_before(text, s)))
                        if title and self._person_follows(te):
                            break
                    accepted, end, cur, lower_run = True, te, te, 0
                    continue
                if tok[0].isdigit():
                    if not accepted or (
                        te < len(text) and text[te] in "/.:,-" and te + 1 < len(text) and text[te + 1].isdigit()
                    ):
                        break
                    end = cur = te
                    continue
                low = tok
                if not accepted and kind.kind == "Ban" and ts - s <= 4:
                    n = token_at(text, te)
                    if n is not None and f"{low} {text[n[0] : n[1]]}" in _BOARD_WORDS:
                        # "Ban chỉ đạo ...", "Ban điều hành ...": the board's function, lower case
                        c.lower_board = True
                        accepted, end, cur = True, n[1], n[1]
                        continue
                if (
                    low == "về"
                    and accepted
                    and text[ts - 12 : ts].lower().rstrip().endswith(("quốc gia", "trung ương"))
                ):
                    # "Ban Chỉ đạo quốc gia về CNTT", "Ủy ban Quốc gia về ...": the topic follows
                    n = token_at(text, te)
                    if n is not None and is_word(text[n[0] : n[1]]) and text[n[0] : n[1]].lower() not in _STOP1:
                        cur = te
                        continue
                    break
                if low == "và":
                    n = token_at(text, te)
                    if (
                        accepted
                        and n is not None
                        and is_capitalised(text[n[0] : n[1]])
                        and not ({kd for _, (kd, _) in self._opts(n[0])} & {"head", "named", "prov", "dist", "neg"})
                    ):
                        cur = te
                        continue
                    if accepted and kind.name in ("open", "field+open") and self._lower_tail_after_and(te):
                        # "Trung tâm Nghiên cứu và phát triển ...", "Trung tâm Quốc tế khoa học và
                        # giáo dục liên ngành (ICISE)": a lower-case name goes on after "và"
                        cur = te
                        continue
                    break
                if not accepted and not (kind.lower_name and head_cap):
                    break
                if low in _STOP1 and not (low == "không" and text[cur - 5 : cur].lower().strip() == "hàng"):
                    break
                n = token_at(text, te)
                if n is not None and f"{low} {text[n[0] : n[1]].lower()}" in _STOP2:
                    break
                lower_run += 1
                if lower_run > _MAX_LOWER_RUN:
                    break
                accepted, end, cur = True, te, te
                continue
            if (
                tok == ","
                and accepted
                and text[ts - 5 : ts].lower() == "phòng"
                and text[te : te + 6].lower() == " chống"
            ):
                cur = te
                continue
            if tok == "-" and accepted:
                n = token_at(text, te)
                if n is not None and is_capitalised(text[n[0] : n[1]]):
                    cur = te
                    continue
                break
            if tok == "(" and accepted:
                a = token_at(text, te)
                close = token_at(text, a[1]) if a else None
                a_end = a[1] if a else -1
                if close and text[close[0]].isdigit() and close[0] - a_end <= 1:
                    # "(BĐH 112)": an abbreviation with a number
                    a_end = close[1]
                    close = token_at(text, a_end)
                if a and close and text[close[0] : close[1]] == ")" and is_all_caps(text[a[0] : a[1]]):
                    abbr = text[a[0] : a_end]
                    named = text[pos:end].strip()
                    full = text[s:end].strip()
                    if _initials(full) == abbr.lower() and _initials(named) != abbr.lower():
                        named = full
                    after = token_at(text, close[1])
                    if after is not None and is_capitalised(text[after[0] : after[1]]):
                        c.local_abbr[abbr] = named
                        end = cur = close[1]
                        continue
                    # the abbreviation defined right after the full name is an alias of it
                    if " " not in abbr:
                        c.local_abbr[abbr] = named
                    c.alias = abbr
                break
            break
        return end

    def _lower_tail_after_and(self, te: int) -> bool:
        """After "và": a lower-case word that is no predicate, followed by one more name word."""
        text = self._doc.text
        n = token_at(text, te)
        if n is None or n[0] - te > 1:
            return False
        w = text[n[0] : n[1]]
        if not (is_word(w) and w[0].islower()) or w in _STOP1:
            return False
        m = token_at(text, n[1])
        if m is None or m[0] - n[1] > 1:
            return False
        w2 = text[m[0] : m[1]]
        return is_word(w2) and w2[0].islower() and w2 not in _STOP1 and f"{w} {w2}" not in _STOP2

    def _national_at(self, ts: int) -> int:
        """Length of "Việt Nam" / "Trung ương" / "TW" / "T.Ư" at ``ts`` (0 if none)."""
        text = self._doc.text
        if text[ts] not in "VTt":
            return 0
        for w in ("Việt Nam", "Trung ương", "trung ương", "T.Ư", "TƯ", "TW"):
            if text.startswith(w, ts) and (ts + len(w) >= len(text) or not text[ts + len(w)].isalnum()):
                return len(w)
        return 0

    def _unit_breaks(self, ts: int) -> bool:
        """A unit word ends the name unless it is part of it ("Hợp tác xã tỉnh")."""
        text = self._doc.text
        e = max(e for e, (kd, _) in self._opts(ts) if kd == "unit")
        n = token_at(text, e)
        if n is None:
            return True
        ntok = text[n[0] : n[1]]
        if UNIT_WORDS.get(text[ts:e].lower()) in COMMUNE_UNITS:
            return is_capitalised(ntok)
        return True

    def _place_is_name_word(self, ts: int) -> bool:
        """A place name followed by a capitalised word is part of a longer proper name."""
        text = self._doc.text
        e = max(e for e, (kd, _) in self._opts(ts) if kd in ("prov", "dist"))
        n = token_at(text, e)
        if n is None or n[0] - e > 1:
            return False
        ntok = text[n[0] : n[1]]
        # "Thành ủy Hà Nội Vũ Đức Bảo": a person's name may follow the place
        return (
            is_capitalised(ntok)
            and not is_all_caps(ntok)
            and ntok not in self.surnames
            and not any(kd in ("unit", "head") for _, (kd, _) in self._opts(n[0]))
        )

    def _person_follows(self, te: int) -> bool:
        text = self._doc.text
        n = token_at(text, te)
        return n is not None and is_capitalised(text[n[0] : n[1]]) and not is_all_caps(text[n[0] : n[1]])

    # ------------------------------------------------------------------ qualifiers
    def _qualifiers(self, c: _Cand, pos: int, depth: int) -> int:
        text = self._doc.text
        kind = c.kind
        assert kind is not None
        for _ in range(3):
            t = token_at(text, pos)
            if t is None or t[0] - pos > 1:
                break
            ts, te = t
            tok = text[ts:te]
            low = tok.lower()
            opts = self._opts(ts)
            if low in ("các", "cấp"):
                n = token_at(text, te)
                if n is not None and (
                    text[n[0] : n[1]].lower()
                    in ("cấp", "tỉnh", "huyện", "xã", "thành", "thị", "quận", "phường", "địa", "sở", "ngành")
                ):
                    c.generic = True
                    return n[1]
                break
            nat = self._national_at(ts)
            if nat and not any(kd == "named" and e > ts + nat for e, (kd, _) in opts):
                c.national = "Việt Nam" if text[ts] == "V" else "Trung ương"
                pos = ts + nat
                continue
            unit = place = org = -1
            for e, (kd, _) in opts:
                if kd == "unit":
                    unit = max(unit, e)
                elif kd == "prov" or kd == "dist":
                    place = max(place, e)
                elif kd == "head" or kd == "named":
                    org = max(org, e)
            if org > max(unit, place):
                unit = place = -1
            if unit > 0 and unit >= place:
                return self._unit(c, ts, unit)
            if place > 0 and is_capitalised(tok) and kind.unit in ("admin", "party", "name"):
                r = self._bare_place(c, ts, place)
                if r is not None:
                    return r
            if (
                depth == 0
                and (kind.parent_ok or kind.needs == "parent")
                and is_capitalised(tok)
                and any(kd in ("head", "named") for _, (kd, _) in opts)
            ):
                p = self._parse(ts, depth + 1)
                if p is not None and not p.bare and self._parent_allowed(p):
                    c.parent = p
                    c.generic = c.generic or p.generic
                    return p.end
            break
        return pos

    @staticmethod
    def _parent_allowed(p: _Cand) -> bool:
        if p.named is not None:
            return True
        assert p.kind is not None
        return p.kind.kind in {
            "UBND",
            "HĐND",
            "Tỉnh ủy",
            "Thành ủy",
            "Huyện ủy",
            "Quận ủy",
            "Thị ủy",
            "Sở",
            "Bộ",
            "Tổng cục",
            "Cục",
            "Trường",
            "Đại học",
            "Học viện",
            "Viện",
            "Đảng ủy",
            "UBMTTQ",
            "Đoàn ĐBQH",
            "Ban Chấp hành Đảng bộ",
        }

    def _unit(self, c: _Cand, us: int, ue: int) -> int:
        text = self._doc.text
        utype = UNIT_WORDS.get(text[us:ue].lower(), "tỉnh")
        c.unit_type, c.unit_word = utype, utype
        t = token_at(text, ue)
        if t is None or t[0] - ue > 1:
            return ue
        tok = text[t[0] : t[1]]
        if tok.lower() in ("các", "cấp") or tok == "/":
            c.generic = True
            return ue
        if not is_capitalised(tok):
            return ue
        best: tuple[int, str, str] | None = None
        for e, (kd, k) in self._opts(t[0]):
            if kd in ("prov", "dist") and (best is None or e > best[0]):
                best = (e, kd, k)  # type: ignore[assignment]
        if utype in COMMUNE_UNITS:
            end = ue
            cur = ue
            for _ in range(3):
                n = token_at(text, cur)
                if (
                    n is None
                    or n[0] - cur > 1
                    or not is_capitalised(text[n[0] : n[1]])
                    or not is_word(text[n[0] : n[1]])
                ):
                    break
                end = cur = n[1]
            if end > ue:
                c.place = text[ue:end].strip()
            return end
        if best is None:
            return ue
        e, _, k = best
        lex = self.lex.admin
        provinces = list(lex.province_keys.get(k, []))
        districts = lex.district_candidates(k)
        if utype == "tỉnh" and provinces:
            c.place = lex.province(k, self._when, text[t[0] : e])
            return e if c.place is not None else ue
        if utype == "thành phố":
            p = lex.province(k, self._when, text[t[0] : e]) if provinces else None
            if p is not None and p.is_city:
                c.place = p
                return e
            ds = [d for d in districts if d.type == "thành phố"] or districts
            if ds:
                c.districts = tuple(ds)
                return e
            return ue
        if utype in DISTRICT_UNITS and districts:
            c.districts = tuple(districts)
            return e
        return ue

    def _bare_place(self, c: _Cand, ts: int, pe: int) -> int | None:
        if self._place_is_name_word(ts):
            return None
        text = self._doc.text
        kind = c.kind
        assert kind is not None
        for e, (kd, k) in sorted(self._opts(ts), key=lambda x: -x[0]):
            if e != pe:
                continue
            if kd == "prov":
                p = self.lex.admin.province(k, self._when, text[ts:e])  # type: ignore[arg-type]
                if p is not None and kind.kind == "Thành ủy" and not p.is_city:
                    ds = [d for d in self.lex.admin.district_candidates(k) if d.type == "thành phố"]  # type: ignore[arg-type]
                    if ds:
                        c.districts, c.bare_place = tuple(ds), True
                        return e
                if p is not None:
                    c.place_surface = text[ts:e]
                    c.place, c.bare_place = p, True
                    return e
            if kd == "dist" and (kind.unit in ("party", "name")):
                ds = self.lex.admin.district_candidates(k)  # type: ignore[arg-type]
                if ds:
                    c.districts, c.bare_place = tuple(ds), True
                    return e
        return None

    # ------------------------------------------------------------------ bare heads
    def _bare(self, s: int, e: int) -> _Cand | None:
        text = self._doc.text
        surface = text[s:e]
        prev = token_before(text, s)
        ptok = text[prev[0] : prev[1]].lower() if prev else ""
        if ptok in _GENERIC_BEFORE:
            return None
        n = token_at(text, e)
        ntok = text[n[0] : n[1]] if n else ""
        if surface[0].islower():
            if surface not in ("bộ", "sở") or ptok not in _LOWER_BARE_PREV:
                return None
            if ntok and is_word(ntok) and ntok not in ("này", "đó"):
                return None
        elif ntok and is_word(ntok):
            if is_capitalised(ntok):
                return None
            nn = token_at(text, n[1]) if n else None
            pair = f"{ntok} {text[nn[0] : nn[1]].lower()}" if nn else ""
            if ntok not in _STOP1 and pair not in _STOP2:
                return None
        elif ntok in ("(", "/", "-"):
            return None
        return _Cand(s, e, bare=True, name=surface)

    # ================================================================== resolving
    def _alias_mentions(self, cands: list[_Cand]) -> None:
        """ "Ban Điều hành Đề án 112 (BĐH 112) ... BĐH 112 yêu cầu": an abbreviation defined in
        parentheses right after a name is that organisation wherever it stands alone later."""
        defs = [c for c in cands if c.alias][:20]
        if not defs:
            return
        text = self._doc.text
        n = len(text)
        starts = [c.start for c in cands]
        added: list[_Cand] = []
        for c in defs:
            a = c.alias
            i = text.find(a, c.end)
            while i >= 0 and len(added) < 10000:
                e = i + len(a)
                if (i == 0 or not text[i - 1].isalnum()) and (e >= n or not text[e].isalnum()):
                    j = bisect_left(starts, e) - 1
                    if j < 0 or cands[j].end <= i:
                        added.append(dataclass_replace(c, start=i, end=e, alias=""))
                i = text.find(a, e)
        if added:
            cands.extend(added)
            cands.sort(key=lambda x: x.start)

    def _truncate_tails(self, cands: list[_Cand]) -> None:
        """ "Vụ Xuất nhập khẩu dự thảo ..." where the report also says "Vụ Xuất nhập khẩu": the
        lower-case tail is the predicate, not part of the name."""
        by_kind: dict[str, list[_Cand]] = defaultdict(list)
        for c in cands:
            if c.kind is not None and c.name and not c.bare:
                by_kind[c.kind.kind].append(c)
        for group in by_kind.values():
            names = {c.name for c in group}
            if len(names) < 2:
                continue
            for c in group:
                if c.parent or c.unit_type or c.place or c.districts or c.national:
                    continue
                words = c.name.split()
                for other in sorted(names, key=len, reverse=True):
                    ow = other.split()
                    if (
                        len(ow) < len(words)
                        and words[: len(ow)] == ow
                        and all(w[0].islower() for w in words[len(ow) :])
                    ):
                        end = self._doc.text.find(ow[-1], c.name_start + len(" ".join(ow[:-1])))
                        if end >= 0:
                            c.name = other
                            c.end = end + len(ow[-1])
                            if c.fld is not None and c.fld_len > len(other):
                                c.fld_len = len(other)
                        break

    def _distribute(self, cands: list[_Cand]) -> None:
        """'Tỉnh ủy, HĐND, UBND tỉnh': a unit written after a list applies to its members."""
        text = self._doc.text
        for i in range(len(cands) - 1, 0, -1):
            last = cands[i]
            if not (last.unit_type or last.place or last.districts) or last.kind is None:
                continue
            j = i - 1
            while j >= 0:
                c, nxt = cands[j], cands[j + 1]
                gap = text[c.end : nxt.start]
                if not _LIST_GAP.fullmatch(gap) or c.kind is None or c.bare:
                    break
                if (
                    c.parent
                    or c.unit_type
                    or c.place
                    or c.districts
                    or c.kind.unit == "name"
                    or last.kind.unit == "name"
                    or c.kind.level == "central"
                ):
                    break
                c.unit_type, c.place, c.districts = last.unit_type, last.place, last.districts
                c.bare_place = last.bare_place
                c.generic = c.generic or last.generic
                j -= 1

    def _ctx_province(self) -> Province | None:
        p = self._doc.context.province
        if isinstance(p, Place):
            return self.lex.admin.province_by_name(p.name, self._when)
        return None

    def _nearest_place(self, pos: int, want: str, window: int) -> Place | None:
        """The last place of type ``want`` (province | district) named before ``pos``."""
        spans = self._doc.context.place_spans or []
        if self._place_starts is None:
            self._place_starts = [sp[0] for sp in spans]
        i = bisect_left(self._place_starts, pos)
        while i > 0:
            i -= 1
            s, _e, pl = spans[i]
            if pos - s > window:
                break
            is_prov = pl.kind in ("province", "city") and pl.province is None
            if (want == "province") == is_prov:
                return pl
        return None

    def _resolve(self, c: _Cand, ctx: Province | None) -> None:
        if c.resolved:
            return
        c.resolved = True
        if c.parent is not None:
            self._resolve(c.parent, ctx)
        if c.named is not None:
            c.canonical = c.base = c.named.name
            c.level = c.named.level
            return
        kind = c.kind
        assert kind is not None
        lex = self.lex.admin
        # pick a district among same-named ones
        if c.districts and not isinstance(c.place, (Province, District)):
            ds = list(c.districts)
            pick = [d for d in ds if ctx is not None and d.province == ctx.name] or ds
            if len(pick) > 1:
                named_near = self._nearest_place(c.start, "province", 5000)
                pick = [d for d in pick if named_near is not None and d.province == named_near.name] or pick[:1]
            c.place = pick[0]
        if c.place is None and c.parent is None:
            u = c.unit_type
            national = c.national or "quốc gia" in c.name.lower()
            if (
                u == "tỉnh"
                or (u is None and kind.scope == "province" and not national)
                or (u is None and kind.kind in ("Tỉnh ủy", "Ban Chấp hành Đảng bộ") and not national)
            ):
                if ctx is not None and not (u == "tỉnh" and ctx.is_city):
                    c.place = ctx
                elif u == "tỉnh" or kind.scope == "province":
                    near = self._nearest_place(c.start, "province", 400)
                    if near is not None:
                        c.place = lex.province_by_name(near.name, self._when)
            elif u == "thành phố" or (u is None and kind.kind == "Thành ủy"):
                if ctx is not None and ctx.is_city:
                    c.place = ctx
                elif kind.level == "province" and kind.kind != "Thành ủy":
                    near = self._nearest_place(c.start, "province", 3000)
                    if near is not None and near.kind == "city":
                        c.place = lex.province_by_name(near.name, self._when)
                else:
                    near = self._nearest_place(c.start, "district", 3000)
                    if near is not None and near.kind == "city":
                        c.place = self._district_of(near)
            elif u in DISTRICT_UNITS or (u is None and kind.kind in ("Huyện ủy", "Quận ủy", "Thị ủy")):
                near = self._nearest_place(c.start, "district", 3000)
                if near is not None:
                    c.place = self._district_of(near)
        # level and province
        if isinstance(c.place, Province):
            c.level, c.province = "province", c.place.name
        elif isinstance(c.place, District):
            c.level, c.province = "district", c.place.province
        elif isinstance(c.place, str) or c.unit_type in COMMUNE_UNITS:
            c.level = "commune"
            c.province = ctx.name if ctx else None
        elif c.parent is not None:
            c.level, c.province = c.parent.level, c.parent.province
        elif c.national or "quốc gia" in c.name.lower():
            c.level = "central"
        elif c.unit_type in DISTRICT_UNITS:
            c.level = "district"
        else:
            c.level = kind.level if kind.level in ("central", "province", "district", "commune") else None
            if kind.kind in ("Bộ",):
                c.level = "central"
        c.base, c.canonical = self._canonical(c)

    def _district_of(self, pl: Place) -> District | None:
        for d in self.lex.admin.district_candidates(pl.name.lower()):
            if d.province == pl.province:
                return d
        ds = self.lex.admin.district_candidates(" ".join(pl.name.lower().split()))
        return next((d for d in ds if d.province == pl.province), None)

    def _name_part(self, c: _Cand) -> str:
        if c.fld is not None:
            rest = c.name[c.fld_len :].strip() if c.fld_len else ""
            if rest:
                return f"{c.fld.canonical} {self.lex.expand(rest, self._local_abbr)}"
            return c.fld.canonical
        if not c.name:
            return ""
        kind = c.kind
        assert kind is not None
        if kind.name in ("field", "field+open"):
            f = self.lex.field_for(c.name)
            if f is not None:
                return f.canonical
        local = self._local_abbr
        name = c.name
        name = _PAREN_ABBR.sub(" ", name)
        return capitalise(self.lex.expand(name, local))

    def _canonical(self, c: _Cand) -> tuple[str, str]:
        kind = c.kind
        assert kind is not None
        name = self._name_part(c)
        head = "Trường Đại học" if kind.kind == "Đại học" and name else kind.canonical
        base = " ".join(x for x in (head, name) if x)
        if c.national and not (kind.level == "central" and c.national == "Việt Nam"):
            base = f"{base} {c.national}"
        place = c.place
        if kind.kind == "Ban Chấp hành Đảng bộ":
            if isinstance(place, Province):
                return base, f"{place.party_committee} {place.name}"
            if isinstance(place, District):
                return base, f"{_PARTY_BY_DISTRICT.get(c.unit_word or place.type, 'Huyện ủy')} {place.name}"
        if c.parent is not None:
            if _key(c.parent.canonical).startswith(_key(base)):
                return base, c.parent.canonical
            return base, f"{base} {c.parent.canonical}"
        if place is None:
            if c.unit_type and kind.unit == "admin":
                return base, f"{base} {c.unit_type}"
            return base, base
        if kind.unit == "party":
            pname = place if isinstance(place, str) else place.name
            return base, f"{base} {pname}"
        if isinstance(place, Province):
            if kind.unit == "name" and c.bare_place:
                written = c.place_surface
                if written.lower().startswith(("tp", "thành phố")):
                    return base, f"{base} {place.rendered()}"
                if _key(written).replace("-", " ") == _key(place.name) or not written:
                    return base, f"{base} {place.name}"
                return base, f"{base} {written}"
            return base, f"{base} {place.rendered()}"
        if isinstance(place, District):
            if kind.unit == "name" and c.bare_place:
                return base, f"{base} {place.name}"
            return base, f"{base} {c.unit_word or place.type} {place.name}"
        return base, f"{base} {c.unit_type or ''} {place}"

    # ================================================================== assembling
    def _assemble(self, cands: list[_Cand]) -> tuple[list[Agency], list[IndexedSpan]]:
        doc = self._doc
        ctx = self._ctx_province()
        full = [c for c in cands if not c.bare]
        self._local_abbr = {}
        for c in full:
            for x in (c, c.parent):
                if x is not None:
                    self._local_abbr.update(x.local_abbr)
        for c in full:
            self._resolve(c, ctx)
        groups: dict[str, list[_Cand]] = {}
        for c in full:
            if c.generic and not self.include_generic:
                continue
            groups.setdefault(_key(c.canonical), []).append(c)
        # a mention without unit joins the one organisation of the same name that has one
        placed: dict[str, list[str]] = defaultdict(list)
        for k, cs in groups.items():
            if any(x.place is not None or x.parent is not None for x in cs):
                placed[_key(cs[0].base)].append(k)
        for k in list(groups):
            cs = groups[k]
            if any(x.place is not None or x.parent is not None or x.unit_type for x in cs):
                continue
            targets = [t for t in placed.get(_key(cs[0].base), []) if t != k]
            if len(targets) == 1:
                groups[targets[0]].extend(cs)
                del groups[k]
        # "Bộ Giáo dục" = the one "Bộ Giáo dục và Đào tạo" of the report
        by_kind: dict[str, list[tuple[str, str, object]]] = defaultdict(list)
        for k, cs in groups.items():
            if cs[0].kind is not None and cs[0].kind.name == "field":
                by_kind[cs[0].kind.kind].append((k, _key(cs[0].base), cs[0].place))
        for k in list(groups):
            cs = groups[k]
            rep0 = cs[0]
            if rep0.kind is None or rep0.kind.name != "field" or rep0.fld is not None or rep0.named:
                continue
            pre = _key(rep0.base) + " "
            targets = [
                t
                for t, b, pl in by_kind.get(rep0.kind.kind, ())
                if t != k and t in groups and b.startswith(pre) and pl is rep0.place
            ]
            if len(targets) == 1:
                groups[targets[0]].extend(cs)
                del groups[k]
        # bare heads ("Sở", "Bộ", "Liên minh") refer to the organisation of that head
        bares = [c for c in cands if c.bare]
        if bares:
            heads = {b.name.lower() for b in bares}
            hits: dict[str, dict[str, list[int]]] = {h: {} for h in heads}
            for k, cs in groups.items():
                for x in cs:
                    # a body that is its own kind ("Bộ Chính trị", "Ban Bí thư") is never what a
                    # bare "Bộ"/"Ban" stands for: that is a ministry, a board with a field
                    if x.named is not None and x.named.kind == x.named.name:
                        continue
                    low = doc.lower[x.start : x.end]
                    for h in heads:
                        if low.startswith(h + " "):
                            hits[h].setdefault(k, []).append(x.start)
            for b in bares:
                cand = hits[b.name.lower()]
                if not cand:
                    continue
                top = max(len(v) for v in cand.values())
                tied = [k for k, v in cand.items() if len(v) == top]
                if len(tied) == 1:
                    groups[tied[0]].append(b)
                elif len(tied) <= 5:
                    last = {k: max((p for p in cand[k] if p < b.start), default=-1) for k in tied}
                    k = max(tied, key=lambda t: last[t])
                    if last[k] >= 0:
                        groups[k].append(b)
        agencies: list[Agency] = []
        spans: list[IndexedSpan] = []
        order = sorted(groups.values(), key=lambda cs: min(x.start for x in cs))
        for cs in order:
            cs.sort(key=lambda x: x.start)
            rep = next((x for x in cs if not x.bare and (x.place is not None or x.parent is not None)), None) or next(
                x for x in cs if not x.bare
            )
            kind = rep.named.kind if rep.named else (rep.kind.kind if rep.kind else None)
            if rep.kind is not None and rep.kind.kind == "Ban Chấp hành Đảng bộ":
                kind = rep.canonical.split(" ")[0] + " ủy" if " ủy " in rep.canonical else kind
            parent = rep.parent.canonical if rep.parent is not None else (rep.named.parent if rep.named else None)
            idx = len(agencies)
            agencies.append(
                Agency(
                    name=display_name(rep.canonical),
                    kind=kind,
                    level=rep.level,  # type: ignore[arg-type]
                    province=rep.province,
                    parent=display_name(parent) if parent else None,
                    generic=any(x.generic for x in cs),
                    mentions=[doc.span(x.start, x.end) for x in cs],
                )
            )
            spans += [IndexedSpan(x.start, x.end, idx) for x in cs]
        spans.sort()
        return agencies, spans


def _initials(s: str) -> str:
    return "".join(w[0] for w in _WORDS.findall(s.lower()))


_DASH = re.compile(r"\s*-\s*")
_PAREN_ABBR = re.compile(r"\s*\(\s*[^\W_]+\s*\)\s*")
_WORDS = re.compile(r"[^\W\d_]+")


def _key(s: str) -> str:
    return " ".join(_DASH.sub("-", s.lower()).split())
