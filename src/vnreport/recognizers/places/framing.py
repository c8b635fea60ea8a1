"""Parse: how the report frames itself, national or provincial.

A national report's headline names a central body ("Điều động nhân sự tại Văn phòng Chính
phủ", "Ông Đinh La Thăng nhậm chức Phó ban Kinh tế Trung ương") or a region of several provinces
("Tình trạng phá rừng … trên địa bàn Tây Nguyên") and names no province; the
provinces in its body are where its people come from, examples or venues. A provincial report
refers to its own province without naming it ("UBND tỉnh", "toàn tỉnh", "Tỉnh ủy"), which a
national report does only right after naming the province ("UBND tỉnh Hà Giang công bố …
ông Bình, Phó Chánh Văn phòng UBND tỉnh"). The headline is the title, else the first content
line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from ...lexicon.orgnames import SpanMatcher
from ...text.document import Doc
from ...text.normalize import normalize_string
from ...text.scan import is_capitalised, token_at

_LINE = re.compile(r"\S[^\n]*")
#: How much of the first line stands for a headline when the page has no title.
_FRAME_CHARS = 300
#: An unnamed reference this close after a named place refers back to it.
_ANAPHOR_CHARS = 300


@dataclass(frozen=True, slots=True)
class FramingWords:
    """Read-only patterns (built once per pipeline)."""

    #: central bodies and regions ("Chính phủ", "Trung ương", "Tây Nguyên"), keyed in lower case
    #: with the forms as written: they match only in that case
    central: SpanMatcher[str]
    #: references to the report's own province ("ubnd tỉnh", "toàn tỉnh"), matched in lower case
    provincial_ref: SpanMatcher[str]
    #: words that make what follows a generic plural ("các tỉnh ủy, thành ủy"): no reference
    plural_before: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls, central: list[str], provincial_ref: list[str], plural_before: frozenset[str] = frozenset()
    ) -> FramingWords:
        refs: SpanMatcher[str] = SpanMatcher()
        refs.add_many((w, w) for w in provincial_ref)
        refs.by_start("")  # build the automaton now, not on the first document
        bodies: SpanMatcher[str] = SpanMatcher()
        bodies.add_many((w, normalize_string(w).strip()) for w in central)
        bodies.by_start("")
        return cls(central=bodies, provincial_ref=refs, plural_before=plural_before)


def _names_central(doc: Doc, words: FramingWords, headline: tuple[int, int]) -> bool:
    """The headline names a central body or a region, in its written case ("Trung ương", not
    "trung ương"), not as the start of an abbreviation ("TW." of "TW.HCM")."""
    s0, s1 = headline
    for start, end, forms in words.central.hits(doc.lower[s0:s1]):
        if doc.text[s0 + start : s0 + end] in forms and doc.text[s0 + end : s0 + end + 1] != ".":
            return True
    return False


@dataclass(frozen=True, slots=True)
class Framing:
    """The headline's span, whether it names a central body, whether the report refers to its
    own province without naming it (``provincial_ref``: away from any named place;
    ``anaphoric_ref``: right after one, "UBND tỉnh Đắk Nông họp. Toàn tỉnh có …")."""

    headline: tuple[int, int] | None
    central_headline: bool
    provincial_ref: bool
    anaphoric_ref: bool = False

    def in_headline(self, start: int) -> bool:
        return self.headline is not None and self.headline[0] <= start < self.headline[1]


def _headline(doc: Doc) -> tuple[int, int] | None:
    if doc.layout is not None and doc.layout.title is not None:
        return doc.layout.title
    for m in _LINE.finditer(doc.text):
        if not doc.is_boilerplate(m.start(), m.end()):
            return m.start(), min(m.end(), m.start() + _FRAME_CHARS)
    return None


def _refers_to_own_province(doc: Doc, words: FramingWords, named_at: Sequence[int]) -> tuple[bool, bool]:
    """``(unnamed, anaphoric)``: a reference like "UBND tỉnh" not followed by a name, outside
    boilerplate, away from a named place (``named_at``: sorted starts of the place mentions)
    or just after one."""
    anaphoric = False
    plural = False  # inside "các tỉnh ủy, thành ủy …": every reference of the list is generic
    last_end = -1
    for start, end, _ in words.provincial_ref.hits(doc.lower):
        before = doc.lower[max(0, start - 12) : start].split()
        if before and before[-1] in words.plural_before:
            plural, last_end = True, end
            continue
        if plural and doc.text[last_end:start].strip() in (",", "và"):
            last_end = end
            continue
        plural = False
        nxt = token_at(doc.text, end)
        if nxt is not None and nxt[0] - end <= 1 and is_capitalised(doc.text[nxt[0]]):
            continue
        if doc.is_boilerplate(start, end):
            continue
        k = bisect_right(named_at, start) - 1
        if k >= 0 and start - named_at[k] <= _ANAPHOR_CHARS:
            anaphoric = True
            continue
        return True, True
    return False, anaphoric


def framing(doc: Doc, words: FramingWords, named_at: Sequence[int]) -> Framing:
    headline = _headline(doc)
    central = headline is not None and _names_central(doc, words, headline)
    unnamed, anaphoric = _refers_to_own_province(doc, words, named_at)
    return Framing(headline, central, unnamed, anaphoric)
