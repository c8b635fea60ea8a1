"""The officials reader: from a title or honorific, read the position and the person's name.

Used by :mod:`vnreport.recognizers.officials` (which merges what is read into one
:class:`~vnreport.models.Official` per person). All offsets here are normalised offsets of
``doc.text``. The shapes read are described in that module; the vocabulary comes from
:mod:`vnreport.titles`, the name rules from :mod:`vnreport.names`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import pairwise

from ...lexicon.names import MAX_SYLLABLES, NameRules, is_name_syllable
from ...lexicon.titles import (
    ACTING_WORDS,
    ADMIN_CAPS,
    ADMIN_WORDS,
    COPULAS,
    FORMER_WORDS,
    GENERIC_BEFORE,
    PLACE_NOUNS,
    STOP_PHRASES,
    STOP_WORDS,
    SUFFIX_MODIFIERS,
    VICE_WORD,
    TitleInfo,
    TitleLexicon,
    is_sentence_start,
)
from ...text.document import Doc
from .tokens import TOKEN, Stream, Tok, Tokens, classify, new_tok

_WINDOW = 800  # characters read after a trigger; a position never runs longer
_BACK_WINDOW = 120
_MAX_RUN = 12  # capitalised syllables in a row before reading stops
_MAX_LOWER_RUN = 6  # lower-case words in a row inside an organisation name
_MAX_ORG_TOKENS = 40  # an organisation's name is never longer
_MAX_POSITIONS = 16  # positions of one person in one list
_MODIFIER_PREFIXES = frozenset(w[:2] for w in (*FORMER_WORDS, *ACTING_WORDS, VICE_WORD))
_ADDRESS_NOT_IN_NAME = frozenset({"ông", "bà"})
_NAME_SEPARATORS = frozenset("-,(")
_INSTITUTION_WORDS = frozenset(
    {
        "trường",
        "đại học",
        "đh",
        "học viện",
        "thpt",
        "thcs",
        "th",
        "tiểu học",
        "mầm non",
        "cao đẳng",
        "cđ",
        "chuyên",
        "bệnh viện",
        "bv",
        "quốc gia",
        "đường",
        "phố",
        "giải",
        "quỹ",
        # companies are often named like people ("Công ty TNHH Hoàng Long", "Tập đoàn Hoàng Anh Gia Lai")
        "công ty",
        "tnhh",
        "cp",
        "cổ phần",
        "tập đoàn",
        "tổng công ty",
        "doanh nghiệp",
        "dntn",
        "htx",
        "hợp tác xã",
        "nhà máy",
        "xí nghiệp",
        "khách sạn",
        "nhà hàng",
        "cửa hàng",
    }
)
_VILLAGE_WORDS = frozenset({"thôn", "ấp", "bản", "khu phố", "tổ dân phố"})
_STREET_WORDS = frozenset({"đường", "phố", "giải", "quỹ"})


def _is_institution(word: str) -> bool:
    """ "Trường", "ĐH", "THPT" (a person's name may be the institution's): capitalised, or
    the street words; lower-case "trường" is usually the tail of "Môi trường"."""
    low = word.lower()
    if low in _STREET_WORDS:
        return True
    return low in _INSTITUTION_WORDS and not word.islower()


_ADMIN_SET = frozenset(w for w in ADMIN_WORDS if " " not in w)
# Titles ending in a unit word name that unit next ("Trưởng phòng tổ chức cán bộ"), so a word
# that is usually a verb ("tổ chức") is read as the unit's name there.
_TITLE_ENDS_WITH_UNIT = ("ban", "phòng", "khoa", "đoàn")
_UNIT_NAMES = ("tổ chức", "chỉ đạo", "chỉ huy", "kiểm tra", "tiếp công dân", "tiếp dân", "thi đua")
_COMMITTEES = frozenset({"tổ", "ban", "ban chỉ đạo", "hội đồng", "ủy ban", "tổ công tác", "nhóm"})
_DEMONSTRATIVES = frozenset({"này", "đó", "ấy", "trên"})
# An age or birth aside between a name and its positions: ", 30 tuổi,", ", sinh năm 1976,",
# "(45 tuổi)", "(sinh năm 1976)". Bounded patterns, matched on short slices only.
_AGE = r"(?:\d{1,3}\s+tuổi|(?:sinh\s+năm|năm\s+sinh|[Ss]N)\s*\d{4}|sinh\s+\d{4})"
_AGE_ASIDE_AFTER = re.compile(r",\s*" + _AGE + r"\s*(?=[,\-(])")
_AGE_ASIDE_BEFORE = re.compile(r"(?:,\s*" + _AGE + r"|\(\s*(?:" + _AGE + r"|\d{4})\s*\))\s*$")
_AGE_SPAN = 40  # characters an age aside can take
_BOUNDARY_BEFORE_BARE_NAME = frozenset({"tại", "ở", "về", "từ", "đến", "tới", "và", "cho", "với"})


@dataclass
class Name:
    start: int
    end: int
    words: list[str]

    @property
    def short(self) -> bool:
        return len(self.words) == 1


@dataclass
class PosDraft:
    start: int
    end: int
    title: str
    title_end: int
    former: bool = False


@dataclass
class Occ:
    name: Name
    honorific: tuple[int, int] | None
    positions: list[PosDraft]
    end: int


class Reader:
    """Reads one document; all offsets are normalised offsets of ``doc.text``."""

    def __init__(self, doc: Doc, lex: TitleLexicon, rules: NameRules) -> None:
        self.doc = doc
        self.text = doc.text
        self.lower = doc.lower
        self.n = len(doc.text)
        self.lex = lex
        self.rules = rules
        self.toks = Tokens(doc.text)
        # Readings overlap (a list is read from each of its titles): memoise the lookups.
        self._title_cache: dict[int, list[tuple[int, TitleInfo]]] = {}
        self._read_title_cache: dict[int, tuple[int, int, str, bool] | None] = {}
        self._head_cache: dict[int, int | None] = {}
        self.read_until = -1  # title triggers before this offset were read as part of a list
        spans = doc.context.agency_spans or []
        # An agency span that swallowed a person's name ("UBND tỉnh Nguyễn Thiện") is not used.
        self.agency_spans: list[tuple[int, int, int]] = sorted(
            (int(s), int(e), int(i))
            for s, e, i in spans
            if 0 <= int(s) < int(e) <= self.n and not self.name_tail(int(s), int(e))
        )
        self.agency_starts = [s for s, _, _ in self.agency_spans]
        self.agency_at: dict[int, int] = {}
        for s, e, _ in self.agency_spans:
            self.agency_at[s] = max(e, self.agency_at.get(s, 0))

    # ------------------------------------------------------------------ helpers
    def stream(self, pos: int) -> Stream:
        return Stream(self.toks, pos, _WINDOW)

    def title_at(self, pos: int, *, honorific: bool | None = False) -> tuple[int, TitleInfo] | None:
        """The title (or honorific) starting at ``pos``, respecting case rules."""
        cache = self._title_cache
        hits = cache.get(pos)
        if hits is None:
            hits = cache[pos] = [
                (end, info) for end, info in self.lex.titles.all_at(self.lower, pos) if self.case_ok(pos, end, info)
            ]
        for end, info in hits:
            if honorific is None or info.is_honorific == honorific:
                return end, info
        return None

    def case_ok(self, start: int, end: int, info: TitleInfo) -> bool:
        if info.exact:
            return self.text[start:end] == info.form
        if info.lower_only and not self.text[start].islower():
            return is_sentence_start(self.text, start)
        return True

    def is_stop(self, s: Stream, i: int) -> bool:
        t = s.get(i)
        if t is None or t.kind != "lower":
            return False
        if t.text in STOP_WORDS:
            return not (t.text == "mới" and self.lower.endswith("nông thôn ", 0, t.start))  # "nông thôn mới"
        nxt = s.get(i + 1)
        return nxt is not None and f"{t.text} {nxt.text.lower()}" in STOP_PHRASES

    def org_head_at(self, tok: Tok) -> int | None:
        pos = tok[0]
        cache = self._head_cache
        if pos not in cache:
            hit = self.lex.org_heads.at(self.lower, pos)
            cache[pos] = hit[0] if hit else None
        return cache[pos]

    def admin_at(self, tok: Tok) -> int | None:
        if tok.text in ADMIN_CAPS:
            return tok.end
        if tok.kind != "lower":
            return None
        hit = self.lex.admin.at(self.lower, tok.start)
        if hit is None:
            return None
        end, word = hit
        j = end
        while j < self.n and self.text[j] == " ":
            j += 1
        nxt = self.text[j : j + 1]
        if word in _VILLAGE_WORDS and not (nxt.isupper() or nxt.isdigit()):
            return None  # "văn bản", "bản thân": not the village "bản"
        if word == "xã" and self.lower.startswith("hội", j):
            return None  # "xã hội"
        return end

    def blocked(self, start: int, end: int) -> bool:
        """Inside an agency name or a place already claimed: not a person's name."""
        k = bisect.bisect_right(self.agency_starts, start) - 1
        if k >= 0 and self.agency_spans[k][1] > start:
            return True
        k2 = bisect.bisect_left(self.agency_starts, end)
        if k2 > k + 1:
            return True
        return self.doc.claimed(start, end, ("places", "agencies")) is not None

    def skip_to(self, s: Stream, i: int, end: int) -> int:
        """Index of the first token of ``s`` (from ``i``) that starts at or after ``end``."""
        while True:
            t = s.get(i)
            if t is None or t.start >= end:
                return i
            i += 1

    # ------------------------------------------------------------------ titles
    def read_title(self, pos: int) -> tuple[int, int, str, bool] | None:
        """``[nguyên|cựu|quyền] [Phó] TITLE [Thường trực]`` at ``pos``.

        Returns ``(start, end, expanded title, former)``; None if no title starts here.
        """
        if pos in self._read_title_cache:
            return self._read_title_cache[pos]
        found = self._read_title(pos)
        self._read_title_cache[pos] = found
        return found

    def _read_title(self, pos: int) -> tuple[int, int, str, bool] | None:
        i = pos
        former = acting = vice = False
        for _ in range(3):
            word_end = self.text.find(" ", i, i + 8)
            if word_end < 0 or self.title_at(i) is not None:
                break  # ("Phó ban", "Phó Đô đốc" are titles themselves)
            word = self.lower[i:word_end]
            capital_ok = self.text[i].islower() or is_sentence_start(self.text, i)
            if word in FORMER_WORDS and capital_ok and not former:
                former = True
            elif word in ACTING_WORDS and capital_ok and not acting:
                acting = True
            elif word == VICE_WORD and not vice:
                vice = True
            else:
                break
            i = word_end + 1
        hit = self.title_at(i)
        if hit is None:
            return None
        end, info = hit
        title = info.title
        if vice and not title.lower().startswith("phó"):
            title = "Phó " + title
        if acting:
            title = "Quyền " + title
        j = end
        while j < self.n and self.text[j] == " ":
            j += 1
        for mod in SUFFIX_MODIFIERS:
            if self.lower.startswith(mod, j):
                e2 = j + len(mod)
                if e2 >= self.n or not self.text[e2].isalnum():
                    title += " " + self.text[j:e2]
                    end = e2
                    break
        if end < j and self.text.startswith("TT ", j) and j + 3 < self.n and self.text[j + 3].isupper():
            title += " Thường trực"  # "Phó Bí thư TT Tỉnh ủy"
            end = j + 2
        if self.lower.startswith("phụ trách ", j) and self.text[j + 10 : j + 11].isupper():
            end = j + 9  # "Phó Giám đốc phụ trách Sở Xây dựng": the organisation follows
        return pos, end, title, former

    def left_modifiers(self, s: int) -> int:
        """Start of "nguyên Phó" etc. written before the title found at ``s``."""
        start = s
        low = self.lower
        if low.endswith(VICE_WORD + " ", 0, start) and (start - 4 == 0 or not low[start - 5].isalnum()):
            start -= 4
        for w in (*FORMER_WORDS, *ACTING_WORDS):
            ln = len(w) + 1
            if low.endswith(w + " ", 0, start) and (start - ln == 0 or not low[start - ln - 1].isalnum()):
                p = start - ln
                if self.text[p].islower() or is_sentence_start(self.text, p):
                    start = p
                break
        return start

    def generic_before(self, pos: int) -> bool:
        """'các Phó Thủ tướng', 'chức vụ thứ trưởng', 'Ban giám đốc', 'Hội nhạc sĩ'."""
        j = pos
        while j > 0 and self.text[j - 1] == " ":
            j -= 1
        i = j
        while i > 0 and self.text[i - 1].isalpha():
            i -= 1
        if i == j:
            return False
        word = self.lower[i:j]
        if word in GENERIC_BEFORE or self.lower[max(0, i - 5) : j] == "chức vụ":
            return True
        if word in ("chí", "vị") and self.lower[max(0, i - 9) : j].endswith(("các đồng chí", "các vị")):
            return True
        # "Hội nhạc sĩ", "Ban giám đốc": a title word right after an organisation word.
        return self.text[i].isupper() and word in ("hội", "ban", "chi hội")

    # ------------------------------------------------------------------ organisations
    def read_org(self, pos: int, title_end: int | None) -> tuple[int, Name | None]:
        """Read the organisation after a title from ``pos``; stop at a name, a verb or punctuation.

        Returns ``(end of the organisation text, name found right after it or None)``.
        ``title_end`` is the title's end when reading directly after a title (a short name
        may follow it: "Thứ trưởng Sơn"), None when reading a further organisation segment
        (", Tổng cục Giáo dục nghề nghiệp"), which must start with an organisation word.
        """
        s = self.stream(pos)
        i = 0
        accepted = pos
        committee = title_end is not None and self.lower.endswith(("ban", "tổ trưởng", "tổ phó"), 0, title_end)
        # inside an organisation's name: lower-case words may continue it ("Trưởng đoàn đại biểu …")
        in_org = title_end is not None and self.lower.endswith(_TITLE_ENDS_WITH_UNIT, 0, title_end)
        after_admin = False  # the last word was "tỉnh", "huyện" …: a place name may follow
        closed = False  # "… tỉnh Hậu Giang": the organisation ends with its place
        lower_run = 0
        run: list[Tok] = []
        run_ctx = (False, False, "")
        prev_text = ""
        head_end = -1  # end of the last organisation word ("Ban", "phòng")
        while True:
            t = s.get(i) if i < _MAX_ORG_TOKENS else None
            if t is not None and t[3] == "name" and len(run) < _MAX_RUN:
                head = self.org_head_at(t)
                head_breaks = head is not None and (not run or " " in self.lower[t[0] : head])
                if not head_breaks and not self.starts_title(t[0]):
                    if not run:
                        run_ctx = (after_admin, accepted == title_end, prev_text)
                    run.append(t)
                    i += 1
                    continue
            if run:
                k = self.resolve_run(
                    run,
                    s,
                    i,
                    after_admin=run_ctx[0],
                    right_after_title=run_ctx[1],
                    institution=_is_institution(run_ctx[2]),
                )
                if k is not None:
                    name = Name(run[k][0], run[-1][1], [x[2] for x in run[k:]])
                    return (run[k - 1][1] if k > 0 else accepted), name
                if len(run) >= _MAX_RUN:
                    break
                accepted = run[-1][1]
                closed = closed or run_ctx[0]
                in_org, after_admin, lower_run = True, False, 0
                prev_text = run[-1][2]
                run = []
            if t is None or t[3] == "nl":
                break
            kind = t[3]
            if title_end is None and not in_org and self.org_head_at(t) is None and kind != "upper":
                break  # a further segment must name an organisation
            # An agency recognised earlier: take it whole.
            a_end = self.agency_at.get(t[0])
            if a_end is not None and a_end > t[0]:
                accepted, in_org, after_admin, lower_run = a_end, True, False, 0
                i = self.skip_to(s, i, a_end)
                words = self.text[t[0] : a_end].split()
                prev_text = words[-1] if words and not words[-1].islower() else ""
                closed = closed or self.ends_with_place(words)
                continue
            hit = self.title_at(t[0], honorific=None)
            if hit is not None and not hit[1].exact and (kind != "lower" or hit[1].is_honorific):
                break
            if kind == "lower" and (closed or self.is_stop(s, i)):
                if t[2] == "về" and not closed and committee and self.about_clause(s, i + 1):
                    pass  # "tổ điều hành liên ngành về phân bổ quota dệt may"
                elif t[2] == "của" and in_org and not closed and self.org_head_follows(s, i + 1):
                    pass  # "Ban Công tác đại biểu của Quốc hội"
                elif not (
                    not closed
                    and accepted in (title_end, head_end)
                    and self.lower.endswith(_TITLE_ENDS_WITH_UNIT, 0, accepted)
                    and self.lower.startswith(_UNIT_NAMES, t[0])
                ):
                    break  # ("Trưởng ban tổ chức", "Ban chỉ đạo": a unit's name, not a verb)
            head = self.org_head_at(t)
            if head is not None and (kind != "lower" or accepted == title_end or in_org) and not closed:
                accepted, in_org, after_admin, lower_run = head, True, False, 0
                head_end = head
                i = self.skip_to(s, i, head)
                prev_text = self.text[t[0] : head]
                committee = prev_text.lower() in _COMMITTEES
                nxt = s.get(i)
                if nxt is not None and nxt[3] == "lower" and nxt[2] in _DEMONSTRATIVES:
                    accepted = nxt[1]  # "tổ phó tổ này"
                    break
                continue
            adm = self.admin_at(t)
            if adm is not None:
                accepted, after_admin, lower_run = adm, True, 0
                closed = closed or not self.text[adm : adm + 2].strip()[:1].isupper()
                i = self.skip_to(s, i, adm)
                prev_text = self.text[t[0] : adm]
                continue
            if kind in ("upper", "cap"):
                accepted, in_org, after_admin, lower_run = t[1], True, False, 0
            elif kind == "lower":
                if t[2] == "và":
                    if closed or not (
                        self.org_continues(s, i + 1, conjunction=True) or (in_org and self.lower_conjunct(s, i + 1))
                    ):
                        break
                elif t[2] == "của" and in_org and not closed and self.org_head_follows(s, i + 1):
                    pass  # "Ban Công tác đại biểu của Quốc hội"
                elif (not in_org and not (accepted == title_end and t[2] == "chỉ")) or lower_run >= (
                    _MAX_LOWER_RUN + 4 if committee else _MAX_LOWER_RUN
                ):
                    break
                accepted, after_admin = t[1], False
                lower_run += 1
            elif kind == "num":
                if not in_org or accepted != t[0] - 1:
                    break
                accepted = t[1]
            elif t[2] == "&":
                if not self.org_continues(s, i + 1):
                    break
            elif t[2] == "-":
                nxt = s.get(i + 1)
                if nxt is None or self.read_title(nxt[0]) is not None:
                    break
                dashed = self.dash_name(s, i + 1)
                if dashed is not None:
                    return accepted, dashed
                if not self.org_continues(s, i + 1):
                    break
            elif t[2] == ",":
                if closed or not (in_org and self.enumeration_follows(s, i + 1)):
                    break
            elif t[2] == "(":
                j = self.parenthetical_abbr(s, i)
                if j is None:
                    break
                accepted = s.get(j)[1]  # type: ignore[index]
                i = j
            else:
                break
            prev_text = t[2]
            i += 1
        if title_end is None and not any(c.isupper() for c in self.text[pos + 1 : accepted]):
            return pos, None  # ", Bộ xác định": a bare organisation word is not a further segment
        return accepted, None

    def ends_with_place(self, words: list[str]) -> bool:
        """ "Sở Y tế tỉnh Hà Nam": an administrative word followed by a capitalised place."""
        return any((w.lower() in _ADMIN_SET or w in ADMIN_CAPS) and nxt[:1].isupper() for w, nxt in pairwise(words))

    def about_clause(self, s: Stream, i: int) -> bool:
        """After "về" inside a committee's name: its topic runs to punctuation, no verb."""
        for j in range(i, i + 8):
            t = s.get(j)
            if t is None or t[3] in ("nl", "punct"):
                return j > i
            if t[3] == "lower" and self.is_stop(s, j):
                return False
        return False

    def org_continues(self, s: Stream, i: int, conjunction: bool = False) -> bool:
        """After "và", "&" or "-": does the organisation name go on?

        After "và" a new organisation word ("… MTTQ Việt Nam và Đoàn ĐBQH tỉnh") starts a
        second organisation, not the rest of this one ("Sở Giáo dục và Đào tạo")."""
        t = s.get(i)
        if t is None or t.kind not in ("name", "cap", "upper"):
            return not conjunction and t is not None and t.kind == "lower" and self.org_head_at(t) is not None
        if conjunction and t.kind != "upper" and self.org_head_at(t) is not None:
            return False
        return not self.starts_title(t.start)

    def lower_conjunct(self, s: Stream, i: int) -> bool:
        """ "Ủy ban Quốc phòng và an ninh của Quốc hội": lower-case words after "và" that end
        the name (punctuation, or "của" + organisation), without a verb among them."""
        for j in range(i, i + 5):
            u = s.get(j)
            if u is None or u.kind in ("nl", "punct"):
                return j > i
            if u.kind != "lower":
                return False
            if u.text == "của":
                return j > i and self.org_head_follows(s, j + 1)
            if self.is_stop(s, j) or (j == i and self.org_head_at(u) is not None):
                return False
        return False

    def org_head_follows(self, s: Stream, i: int) -> bool:
        t = s.get(i)
        return t is not None and t[3] in ("name", "upper") and self.org_head_at(t) is not None

    def starts_title(self, pos: int) -> bool:
        """A title ("Phó Chủ tịch", "nguyên Bộ trưởng") or honorific starts at ``pos``."""
        return self.title_at(pos, honorific=True) is not None or self.read_title(pos) is not None

    def enumeration_follows(self, s: Stream, i: int) -> bool:
        """ ", Thương binh và Xã hội" inside "Sở Lao động, Thương binh và Xã hội"."""
        t = s.get(i)
        if t is None or self.title_at(t.start, honorific=None) is not None:
            return False
        lower = t.kind == "lower"  # "Ủy ban Khoa học, công nghệ và môi trường của Quốc hội"
        if not lower and (t.kind != "name" or self.rules.surname_rank(t.text) is not None):
            return False
        if lower and (self.is_stop(s, i) or self.org_head_at(t) is not None):
            return False
        for j in range(i + 1, i + 6):
            u = s.get(j)
            if u is None or u.kind in ("nl", "punct"):
                return False
            if u.text == "và":
                return not lower or self.lower_conjunct(s, j + 1)
            if u.kind == "lower" and self.is_stop(s, j):
                return False
        return False

    def parenthetical_abbr(self, s: Stream, i: int) -> int | None:
        """ "Sở Tài nguyên và Môi trường (TN&MT)": index of the closing parenthesis."""
        t = s.get(i + 1)
        if t is None or not (t.kind == "upper" or (t.kind == "name" and self.org_head_at(t) is not None)):
            return None
        for j in range(i + 2, i + 8):  # "(TN&MT)", "(Bộ Ngoại giao)"
            u = s.get(j)
            if u is None or u.kind == "nl":
                return None
            if u.text == ")":
                return j
            if u.kind == "punct" and u.text not in "&-":
                return None
        return None

    def name_tail(self, start: int, end: int) -> bool:
        """Does an agency span end with what reads as a person's name? (then do not trust it)"""
        words = self.text[start:end].split()
        run: list[str] = []
        for w in reversed(words):
            if not is_name_syllable(w):
                break
            run.insert(0, w)
        if len(run) < 2 or len(run) == len(words):
            return False
        before = words[-len(run) - 1]
        after_admin = before.lower() in _ADMIN_SET or before in ADMIN_CAPS
        return self.rules.split_run(run, after_admin=after_admin) is not None

    def resolve_run(
        self,
        run: list[Tok],
        s: Stream,
        follow: int,
        *,
        after_admin: bool,
        right_after_title: bool,
        institution: bool = False,
    ) -> int | None:
        """Index in ``run`` where a person's name starts, or None if the run is organisation.

        ``institution``: the run follows "Trường", "ĐH", "THPT" …, whose names are often a
        person's ("Trường ĐH Tôn Đức Thắng"): a person's name can only come after it.
        """
        words = [t.text for t in run]
        if len(words) == 1:
            if not right_after_title or self.rules.is_excluded(words):
                return None
            nxt = s.get(follow)
            ends = nxt is None or nxt.kind in ("nl", "punct") or self.is_stop(s, follow)
            if ends and not self.blocked(run[0].start, run[0].end):
                return 0
            return None
        if institution:
            if len(words) < 4:
                return None
            k = self.rules.split_run(words[2:], after_admin=True)
            k = None if k is None else k + 2
        else:
            k = self.rules.split_run(words, after_admin=after_admin)
        if k is None or self.blocked(run[k].start, run[-1].end):
            return None
        if any(w.lower() in _ADDRESS_NOT_IN_NAME for w in words[k + 1 :]):
            return None
        return k

    def dash_name(self, s: Stream, i: int) -> Name | None:
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
        k = self.rules.split_run(words)
        if k != 0 or self.blocked(run[0].start, run[-1].end):
            return None
        return Name(run[0].start, run[-1].end, words)

    # ------------------------------------------------------------------ positions
    def read_position(self, pos: int) -> tuple[PosDraft, Name | None] | None:
        """One position at ``pos`` (title + organisation, "Bộ trưởng - Chủ nhiệm …" joined)."""
        tt = self.read_title(pos)
        if tt is None:
            return None
        start, tend, title, former = tt
        org_end, name = self.read_org(tend, tend)
        end = max(tend, org_end)
        while name is None:
            s = self.stream(end)
            t = s.get(0)
            nxt = s.get(1)
            if t is None or t.text != "-" or nxt is None:
                break
            tt2 = self.read_title(nxt.start)
            if tt2 is None:
                break
            org_end, name = self.read_org(tt2[1], tt2[1])
            end = max(tt2[1], org_end)
            title = f"{title} - {tt2[2]}"
        return PosDraft(start, end, title, tend, former), name

    def read_positions(self, pos: int, *, apposition: bool) -> tuple[list[PosDraft], Name | None]:
        """Positions joined by ",", "kiêm", "và" from ``pos``.

        ``apposition``: they follow a name ("Võ Minh Tâm – UVTV Tỉnh ủy, Trưởng Ban …"); a
        position that ends in another name belongs to the next person and stops the list.
        Otherwise they precede a name, which is returned with them.
        """
        out: list[PosDraft] = []
        while len(out) < _MAX_POSITIONS:
            got = self.read_position(pos)
            if got is None:
                break
            draft, name = got
            if name is not None:
                if apposition:
                    break
                out.append(draft)
                return out, name
            if apposition and (self.followed_by_la_name(draft.end) or self.followed_by_honorific_name(draft.end)):
                break  # "…, tổ phó tổ này là Lê Văn Thắng": the next person's post
            out.append(draft)
            nxt_pos = self.next_position_start(draft, apposition)
            if nxt_pos is None:
                break
            pos = nxt_pos
        return out, None

    def followed_by_la_name(self, pos: int) -> bool:
        s = self.stream(pos)
        t, nxt = s.get(0), s.get(1)
        return t is not None and t[2] == "là" and nxt is not None and nxt[3] == "name"

    def next_position_start(self, draft: PosDraft, apposition: bool) -> int | None:
        """Where the next position of the same person starts, extending ``draft`` through
        organisation segments (", Tổng cục …, Bộ …"); None when the list ends."""
        while True:
            s = self.stream(draft.end)
            t = s.get(0)
            nxt = s.get(1)
            if t is None or nxt is None:
                return None
            if t.kind == "lower" and apposition and self.lower.startswith("giữ chức ", t.start):
                nxt = self.stream(t.start + 9).get(0)  # "…, Chánh Văn phòng UBND tỉnh giữ chức Giám đốc Sở"
                if nxt is not None and self.read_title(nxt.start) is not None:
                    return nxt.start
                return None
            if t.text == "," or (t.kind == "lower" and (t.text == "kiêm" or (t.text == "và" and apposition))):
                if self.generic_before(nxt.start) or (nxt.kind == "lower" and nxt.text in ("các", "những")):
                    return None
                if self.read_title(nxt.start) is not None:
                    return nxt.start
                if t.text == "," and apposition and nxt.kind != "lower" and self.org_head_at(nxt) is not None:
                    org_end, name = self.read_org(nxt.start, None)
                    if name is not None or org_end <= nxt.start:
                        return None
                    draft.end = org_end
                    continue
            return None

    def read_apposition(self, pos: int) -> list[PosDraft]:
        """Positions written after a name: "– Phó Chủ tịch …", ", Giám đốc …", "(nguyên …)"."""
        s = self.stream(pos)
        t = s.get(0)
        if t is None:
            return []
        if t.text == "," and (m := _AGE_ASIDE_AFTER.match(self.text, t.start, t.start + _AGE_SPAN)):
            # "Đỗ Quang Hưng, 77 tuổi, Bí thư Đảng đoàn, …": skip the age aside
            s = self.stream(m.end())
            t = s.get(0)
            if t is None:
                return []
        if t.text == "(" and self.read_title(self.after_tan(s.get(1))) is None:
            close = self.text.find(")", t.end, t.end + 160)
            if close < 0 or "\n" in self.text[t.end : close]:
                return []
            inner = self.paren_positions(t.end, close)
            if inner:
                return inner
            # "ông Vương Trinh Quốc (sinh năm 1976), Chánh Văn phòng …": skip the aside
            if close - t.end > 80:
                return []
            s = self.stream(close + 1)
            t = s.get(0)
            if t is None or t.text not in ",-":
                return []
        if t.text in _NAME_SEPARATORS or t.text == ":":
            start = self.after_tan(s.get(1))
            if start < 0:
                return []
        elif t.kind == "lower":
            start = -1
            for cop in COPULAS:
                if self.lower.startswith(cop + " ", t.start):
                    start = t.start + len(cop) + 1
                    break
            if start < 0:
                return []
        else:
            return []
        positions, _ = self.read_positions(start, apposition=True)
        return positions

    def paren_positions(self, start: int, close: int) -> list[PosDraft]:
        """ "(Việt kiều Pháp, Chủ tịch Hội …)": positions after leading items that hold no title
        (origin, nationality, age); [] when no item after a comma starts with a title."""
        i = start
        while True:
            comma = self.text.find(",", i, close)
            if comma < 0:
                return []
            if self.has_title_word(i, comma):
                return []  # "(vợ Giám đốc Sở, …)", "(con trai ông …, …)": about someone else
            nxt = self.stream(comma + 1).get(0)
            if nxt is None or nxt.start >= close:
                return []
            p = self.after_tan(nxt)
            if self.read_title(p) is not None:
                positions, _ = self.read_positions(p, apposition=True)
                return [d for d in positions if d.end <= close]
            i = comma + 1

    def has_title_word(self, start: int, end: int) -> bool:
        """Does a title or honorific ("con trai ông …") start at any word in ``[start, end)``?"""
        st = self.stream(start)
        k = 0
        while (t := st.get(k)) is not None and t.start < end:
            if t.kind != "punct" and self.title_at(t.start, honorific=None) is not None:
                return True
            k += 1
        return False

    def after_tan(self, t: Tok | None) -> int:
        """Start of ``t``, past "tân" ("tân Giám đốc": the newly appointed), or -1."""
        if t is None:
            return -1
        if t.text == "tân":
            nxt = self.stream(t.end).get(0)
            if nxt is not None and self.read_title(nxt.start) is not None:
                return nxt.start
        return t.start

    # ------------------------------------------------------------------ names
    def read_name_after(self, pos: int) -> Name | None:
        """The name right after an honorific: 1-4 capitalised syllables."""
        s = self.stream(pos)
        run: list[Tok] = []
        i = 0
        while len(run) < MAX_SYLLABLES:
            t = s.get(i)
            if t is None or t.kind != "name":
                break
            if run and (t.text.lower() in _ADDRESS_NOT_IN_NAME or self.title_at(t.start, honorific=None)):
                break
            if run and self.org_head_at(t) is not None and " " in self.lower[t.start : self.org_head_at(t)]:
                break
            run.append(t)
            i += 1
        if not run:
            return None
        words = [t.text for t in run]
        for k in range(2, len(words) - 1):
            if self.rules.place_prefix(words[k:]) == len(words) - k:
                words, run = words[:k], run[:k]  # "ông Nguyễn Văn A Hà Nội": stop before the place
                break
        if (len(words) > 1 and self.rules.is_excluded(words)) or self.blocked(run[0].start, run[-1].end):
            return None
        return Name(run[0].start, run[-1].end, words)

    def read_name_before(self, pos: int, *, aside: bool = True, comma: bool = False) -> Name | None:
        """ "Hồ Quốc Dũng - Ủy viên …": a bare name written just before a position at ``pos``.

        An age or birth aside may come between ("Đinh Huy, 30 tuổi, huyện ủy viên …"); the
        name before it is then read as after a comma."""
        lo = max(0, pos - _BACK_WINDOW)
        j = pos - 1
        while j >= lo and self.text[j] == " ":
            j -= 1
        if j < lo or self.text[j] not in _NAME_SEPARATORS:
            return None  # the usual case: no "Name -" / "Name," / "Name (" before the title
        if aside and self.text[j] in ",-":
            m = _AGE_ASIDE_BEFORE.search(self.text, max(0, j - _AGE_SPAN), j)
            if m is not None:
                a = m.start()  # the aside's "," or "(": read the name before it with the comma rules
                return self.read_name_before(a + 1, aside=False, comma=True)
        lo = max(0, j - 60)
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
            for m in TOKEN.finditer(self.text, lo, pos)
        ]
        if lo > 0 and toks:
            toks = toks[1:]  # may be cut by the window
        if not toks or toks[-1].text not in _NAME_SEPARATORS:
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
        if (
            sep == ","
            and before is not None
            and (
                before.kind in ("cap", "upper", "num")
                or before.text.lower() in _BOUNDARY_BEFORE_BARE_NAME
                or self.admin_at(before) is not None
            )
        ):
            return None
        words = [t.text for t in run]
        k = self.rules.split_run(words)
        if k is None or (k > 0 and sep == ","):
            return None
        if self.blocked(run[k].start, run[-1].end) or self.doc.is_boilerplate(run[k].start, run[-1].end):
            return None
        if any(w.lower() in _ADDRESS_NOT_IN_NAME for w in words[k:]):
            return None
        return Name(run[k].start, run[-1].end, words[k:])

    # ------------------------------------------------------------------ triggers
    def honorific_chain(self, pos: int) -> tuple[int, int] | None:
        """ "đồng chí", "PGS.TS. BS.", "đồng chí Đại tá": the honorifics from ``pos``."""
        end = pos
        i = pos
        found = False
        for _ in range(4):
            hit = self.title_at(i, honorific=True)
            if hit is None:
                break
            end = hit[0]
            found = True
            i = end
            while i < self.n and self.text[i] in " .":
                i += 1
        return (pos, end) if found else None

    def from_honorific(self, s: int, e: int, info: TitleInfo) -> list[Occ]:
        if info.kind == "address":
            prev = s - 1
            while prev >= 0 and self.text[prev] == " ":
                prev -= 1
            if prev >= 0 and self.text[prev].isalpha():
                i = prev
                while i > 0 and self.text[i - 1].isalpha():
                    i -= 1
                prev_word = self.lower[i : prev + 1]
                if prev_word in ("các", "những", "hai", "ba", "bốn", "năm"):
                    return self.from_plural(s)  # "các ông La Văn Trân, …; Phạm Duy Hưng, …"
                if prev_word == "vị" or prev_word in PLACE_NOUNS:
                    return []  # "vị đồng chí", "đường Bà Triệu"
        chain = self.honorific_chain(s)
        if chain is None:
            return []
        hs, he = chain
        s2 = self.stream(he)
        t = s2.get(0)
        if t is None:
            return []
        if self.rules.is_excluded(self.text[s : t.end].split()):
            return []  # "Bà Rịa"
        got = self.read_positions(t.start, apposition=False) if t.kind != "name" or self.read_title(t.start) else None
        if got is not None:
            positions, name = got
            if name is None:
                return []
            more = self.read_apposition(name.end)
            return [Occ(name, (hs, he), positions + more, max([name.end] + [p.end for p in more]))]
        name = self.read_name_after(t.start)
        if name is None:
            return []
        positions = self.read_apposition(name.end)
        end = positions[-1].end if positions else name.end
        return [Occ(name, (hs, he), positions, end)]

    def from_plural(self, s: int) -> list[Occ]:
        """ "các đồng chí: A - X; B - Y", "các ông A, X; B, Y và C": every named member.

        Members need a listed surname (no single honorific vouches for each of them)."""
        chain = self.honorific_chain(s)
        if chain is None:
            return []
        out: list[Occ] = []
        pos = chain[1]
        st = self.stream(pos)
        if (t := st.get(0)) is not None and t.text == ":":
            pos = t.end
        for _ in range(64):
            st = self.stream(pos)
            t = st.get(0)
            if t is None or t.kind != "name" or self.starts_title(t.start):
                break
            name = self.read_name_after(t.start)
            if name is None or name.short or self.rules.surname_rank(name.words[0]) is None:
                break
            positions = self.read_apposition(name.end)
            end = positions[-1].end if positions else name.end
            out.append(Occ(name, chain, positions, end))
            st = self.stream(end)
            sep = st.get(0)
            if sep is not None and sep.text == "(":  # "(nay là Sở Nội vụ)"
                close = self.text.find(")", sep.end, sep.end + 120)
                if close < 0:
                    break
                sep = self.stream(close + 1).get(0)
            if sep is None or not (sep.text in ",;" or sep.text == "và"):
                break
            pos = sep.end
        return out

    def from_title(self, s: int) -> Occ | None:
        ls = self.left_modifiers(s)
        if self.generic_before(ls):
            return None
        positions, name = self.read_positions(ls, apposition=False)
        if not positions:
            return None
        # Titles inside what was just read would read the same tail again: skip them whatever
        # the outcome (keeps a list of 10 000 positions linear).
        self.read_until = max(self.read_until, positions[-1].end)
        if name is not None:
            more = self.read_apposition(name.end)
            return Occ(name, None, positions + more, max([name.end] + [p.end for p in more]))
        end = positions[-1].end
        occ = self.honorific_after(positions, end)  # "Phó Chủ tịch UBND tỉnh, ông Nguyễn Văn A"
        if occ is not None:
            return occ
        # "tổ phó tổ này là Lê Văn Thắng"
        st = self.stream(end)
        t = st.get(0)
        if t is not None and t.text == "là":
            nxt = st.get(1)
            if nxt is not None and nxt.kind == "name":
                name = self.read_name_after(nxt.start)
                if name is not None and not name.short and self.rules.surname_rank(name.words[0]) is not None:
                    return Occ(name, None, positions, name.end)
        name = self.read_name_before(ls)
        if name is None:
            return None
        return Occ(name, None, positions, end)

    def worth_reading(self, s: int, e: int, info: TitleInfo) -> bool:
        """Cheap test that a name can be attached to the trigger at ``[s, e)`` (most cannot:
        "Thủ tướng yêu cầu", "giáo viên theo", "cha ông")."""
        text, n = self.text, self.n
        j = e
        while j < n and text[j] == " ":
            j += 1
        if j >= n:
            return False
        c = text[j]
        if c.isupper():
            if info.is_honorific or self.separator_before(self.left_modifiers(s)):
                return True
            # "Giám đốc Giám đốc …": a title right after a title holds no name
            return self.read_title(j) is None or self.lower.startswith(SUFFIX_MODIFIERS, j)
        if info.kind == "address" or info.kind == "occupation":
            if info.kind == "address" and c.islower():
                low2 = self.lower[j : j + 2]
                if not (low2 in self.lex.office_prefixes or low2 in _MODIFIER_PREFIXES):
                    return False  # "cha ông ta", "bà con"
                return self.read_title(j) is not None
            return info.kind == "occupation" and self.separator_before(s)
        if c in "-(":
            return True
        if c == "," and not info.is_honorific and info.kind not in ("address", "occupation"):
            # "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ Mai Tiến Dũng": titles listed before one name
            k = j + 1
            while k < n and text[k] == " ":
                k += 1
            if k < n and self.read_title(k) is not None:
                return True
        if c.islower():
            word_end = j
            while word_end < n and text[word_end].isalpha():
                word_end += 1
            low = self.lower
            if (
                low[j:word_end] in ("là", "thường", "chuyên", "thứ", "kiêm")
                or self.lex.org_heads.at(low, j) is not None
                or self.lex.admin.at(low, j) is not None
            ):
                return True
        return self.separator_before(self.left_modifiers(s))

    def separator_before(self, pos: int) -> bool:
        j = pos - 1
        while j >= 0 and self.text[j] == " ":
            j -= 1
        return j >= 0 and self.text[j] in _NAME_SEPARATORS

    def honorific_after(self, positions: list[PosDraft], end: int) -> Occ | None:
        """ "Phó Chủ tịch UBND tỉnh, ông Nguyễn Văn A", "Trưởng Công an huyện Thượng tá Nguyễn
        Quang Thành": the position's holder is named after an honorific."""
        st = self.stream(end)
        t = st.get(0)
        comma = t is not None and t.text == ","
        if comma:
            t = st.get(1)
        if t is None:
            return None
        chain = self.honorific_chain(t.start)
        if chain is None:
            return None
        first = self.title_at(t.start, honorific=True)
        if comma and (first is None or first[1].kind != "address"):
            return None  # after a comma only "ông/bà/đồng chí": ", TS. Lê A" starts a new item
        nxt = self.stream(chain[1]).get(0)
        name = self.read_name_after(nxt.start) if nxt is not None and nxt.kind == "name" else None
        if name is None or name.short:
            return None
        more = self.read_apposition(name.end)
        return Occ(name, chain, positions + more, max([name.end] + [p.end for p in more]))

    def followed_by_honorific_name(self, pos: int) -> bool:
        t = self.stream(pos).get(0)
        if t is None or (t.kind == "lower" and self.title_at(t.start, honorific=True) is None):
            return False
        chain = self.honorific_chain(t.start)
        if chain is None:
            return False
        nxt = self.stream(chain[1]).get(0)
        return nxt is not None and nxt.kind == "name"

    def read(self) -> list[Occ]:
        occs: list[Occ] = []
        consumed = -1
        for m in self.lex.triggers.find(self.lower):
            s, e, info = m.start, m.end, m.payload
            if (
                s < consumed
                or s < self.read_until
                or not self.case_ok(s, e, info)
                or not self.worth_reading(s, e, info)
            ):
                continue
            if self.doc.is_boilerplate(s, e):
                continue
            if info.is_honorific:
                found = self.from_honorific(s, e, info)
            else:
                occ = self.from_title(s)
                found = [occ] if occ is not None else []
            for occ in found:
                if self.doc.is_boilerplate(occ.name.start, occ.name.end):
                    continue
                occs.append(occ)
                consumed = max(consumed, occ.end, occ.name.end)
        return occs
