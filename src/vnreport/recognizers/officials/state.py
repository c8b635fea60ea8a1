"""The state of reading one document: its text, tokens, lexicon and the caches of lookups.

One :class:`DocumentReading` is made per call of the recogniser (the recogniser itself is shared
by threads and keeps nothing per document). The stage modules (``titles``, ``organisations``,
``names``, ``positions``, ``triggers``) are functions of it; the primitive lookups that all of
them use (the title at an offset, whether a word ends a position, whether a range is inside an
agency or a place) live here.
"""

from __future__ import annotations

import bisect
from itertools import pairwise

from ...lexicon.names import NameRules, is_name_syllable
from ...lexicon.titles import TitleInfo, TitleLexicon, TitleWords, is_sentence_start
from ...text.document import Doc
from .reads import TitleRead
from .tokens import Stream, Tok, Tokens

WINDOW = 800  # characters read after a trigger; a position never runs longer


class DocumentReading:
    """One document being read; all offsets are normalised offsets of ``doc.text``."""

    __slots__ = (
        "agency_at",
        "agency_spans",
        "agency_starts",
        "doc",
        "head_cache",
        "lex",
        "lower",
        "n",
        "read_until",
        "rules",
        "text",
        "title_cache",
        "title_reads",
        "toks",
        "words",
    )

    def __init__(self, doc: Doc, lex: TitleLexicon, rules: NameRules) -> None:
        self.doc = doc
        self.text = doc.text
        self.lower = doc.lower
        self.n = len(doc.text)
        self.lex = lex
        self.words: TitleWords = lex.words
        self.rules = rules
        self.toks = Tokens(doc.text)
        # Readings overlap (a list is read from each of its titles): memoise the lookups.
        self.title_cache: dict[int, list[tuple[int, TitleInfo]]] = {}
        self.title_reads: dict[int, TitleRead | None] = {}
        self.head_cache: dict[int, int | None] = {}
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

    # ------------------------------------------------------------------ tokens
    def stream(self, pos: int) -> Stream:
        return Stream(self.toks, pos, WINDOW)

    def skip_to(self, s: Stream, i: int, end: int) -> int:
        """Index of the first token of ``s`` (from ``i``) that starts at or after ``end``."""
        while True:
            t = s.get(i)
            if t is None or t.start >= end:
                return i
            i += 1

    # ------------------------------------------------------------------ vocabulary at an offset
    def title_at(self, pos: int, *, honorific: bool | None = False) -> tuple[int, TitleInfo] | None:
        """The title (``honorific=False``), honorific (True) or either (None) starting at
        ``pos``, respecting case rules."""
        cache = self.title_cache
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
            return is_sentence_start(self.text, start) or self.capitalised_address(start, end)
        return True

    def capitalised_address(self, start: int, end: int) -> bool:
        """ "Tại hội nghị, Bà Nguyễn Thị Lan, Giám đốc …": a form of address capitalised
        mid-sentence still is one when no capitalised word precedes it (it is not inside a
        name: "Phạm Anh Tuấn") and a full name with a listed surname follows."""
        text = self.text
        j = start - 1
        while j >= 0 and text[j] == " ":
            j -= 1
        if j >= 0 and text[j].isalpha() and not text[j].islower():
            return False
        i = j
        while i >= 0 and text[i].isalpha():
            i -= 1
        if i < j and text[i + 1].isupper():
            return False
        first = self.toks.after(end)
        if first is None or first.kind != "name" or self.rules.surname_rank(first.text) is None:
            return False
        second = self.toks.after(first.end)
        return second is not None and second.kind == "name" and second.start == first.end + 1

    def is_stop(self, s: Stream, i: int) -> bool:
        """Does the lower-case token ``i`` of ``s`` end a position (a function word or a verb)?"""
        t = s.get(i)
        if t is None or t.kind != "lower":
            return False
        if t.text in self.words.stop_words:
            return not (t.text == "mới" and self.lower.endswith("nông thôn ", 0, t.start))  # "nông thôn mới"
        nxt = s.get(i + 1)
        return nxt is not None and f"{t.text} {nxt.text.lower()}" in self.words.stop_phrases

    def org_head_at(self, tok: Tok) -> int | None:
        """End of the organisation word ("Sở", "Ban chỉ đạo") starting at ``tok``, or None."""
        pos = tok.start
        cache = self.head_cache
        if pos not in cache:
            hit = self.lex.org_heads.at(self.lower, pos)
            cache[pos] = hit[0] if hit else None
        return cache[pos]

    def admin_at(self, tok: Tok) -> int | None:
        """End of the administrative word ("tỉnh", "TP") at ``tok`` that a place follows, or None."""
        if tok.text in self.words.admin_caps:
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
        if word in self.words.villages and not (nxt.isupper() or nxt.isdigit()):
            return None  # "văn bản", "bản thân": not the village "bản"
        if word == "xã" and self.lower.startswith("hội", j):
            return None  # "xã hội"
        return end

    def is_admin_word(self, word: str) -> bool:
        return word.lower() in self.words.admin_single or word in self.words.admin_caps

    def is_institution(self, word: str) -> bool:
        """ "Trường", "ĐH", "THPT" (a person's name may be the institution's): capitalised, or
        the street words; lower-case "trường" is usually the tail of "Môi trường"."""
        low = word.lower()
        if low in self.words.streets:
            return True
        return low in self.words.institutions and not word.islower()

    # ------------------------------------------------------------------ what is not a name
    def starts_time(self, t: Tok) -> bool:
        """ "Ngày 25.5, …", "Sáng 7/12": a time word before a number opens a new sentence
        (a heading often ends with a name and no full stop)."""
        if t.text.lower() not in self.words.time_words:
            return False
        nxt = self.toks.after(t.end)
        if nxt is None or nxt.kind != "num":
            return False
        if any(c in nxt.text for c in "/.-"):
            return True  # "Ngày 25.5", "Sáng 7/12"
        after = self.toks.after(nxt.end)
        return after is not None and after.text.lower() == "tháng"  # "Ngày 25 tháng 5"

    def blocked(self, start: int, end: int) -> bool:
        """Inside an agency name or a place already claimed: not a person's name."""
        k = bisect.bisect_right(self.agency_starts, start) - 1
        if k >= 0 and self.agency_spans[k][1] > start:
            return True
        k2 = bisect.bisect_left(self.agency_starts, end)
        if k2 > k + 1:
            return True
        return self.doc.claimed(start, end, ("places", "agencies")) is not None

    def ends_with_place(self, words: list[str]) -> bool:
        """ "Sở Y tế tỉnh Hà Nam": an administrative word followed by a capitalised place."""
        return any(self.is_admin_word(w) and nxt[:1].isupper() for w, nxt in pairwise(words))

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
        after_admin = self.is_admin_word(words[-len(run) - 1])
        return self.rules.split_run(run, after_admin=after_admin) is not None
