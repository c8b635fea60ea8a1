"""Parse: how the report frames itself, national or provincial.

A national report's headline names a central body ("Điều động nhân sự tại Văn phòng Chính
phủ", "Ông Đinh La Thăng nhậm chức Phó ban Kinh tế Trung ương") and names no province; the
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
from ...text.scan import is_capitalised, token_at

_LINE = re.compile(r"\S[^\n]*")
#: How much of the first line stands for a headline when the page has no title.
_FRAME_CHARS = 300
#: An unnamed reference this close after a named place refers back to it.
_ANAPHOR_CHARS = 300


@dataclass(frozen=True, slots=True)
class FramingWords:
    """Read-only patterns (built once per pipeline)."""

    #: central bodies as written ("Chính phủ", "Trung ương"), matched in their case
    central: re.Pattern[str]
    #: references to the report's own province ("ubnd tỉnh", "toàn tỉnh"), matched in lower case
    provincial_ref: SpanMatcher[str]

    @classmethod
    def of(cls, central: list[str], provincial_ref: list[str]) -> FramingWords:
        refs: SpanMatcher[str] = SpanMatcher()
        refs.add_many((w, w) for w in provincial_ref)
        refs.by_start("")  # build the automaton now, not on the first document
        return cls(central=_words(central), provincial_ref=refs)


def _words(words: list[str]) -> re.Pattern[str]:
    alternation = "|".join(sorted({re.escape(w) for w in words}, key=lambda w: (-len(w), w))) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{alternation})(?![\w.])")


@dataclass(frozen=True, slots=True)
class Framing:
    """The headline's span, whether it names a central body, whether the report refers to its
    own province without naming it."""

    headline: tuple[int, int] | None
    central_headline: bool
    provincial_ref: bool

    def in_headline(self, start: int) -> bool:
        return self.headline is not None and self.headline[0] <= start < self.headline[1]


def _headline(doc: Doc) -> tuple[int, int] | None:
    if doc.layout is not None and doc.layout.title is not None:
        return doc.layout.title
    for m in _LINE.finditer(doc.text):
        if not doc.is_boilerplate(m.start(), m.end()):
            return m.start(), min(m.end(), m.start() + _FRAME_CHARS)
    return None


def _refers_to_own_province(doc: Doc, words: FramingWords, named_at: Sequence[int]) -> bool:
    """A reference like "UBND tỉnh" not followed by a name nor just after a named place
    (``named_at``: sorted starts of the place mentions), outside boilerplate."""
    for start, end, _ in words.provincial_ref.hits(doc.lower):
        nxt = token_at(doc.text, end)
        if nxt is not None and nxt[0] - end <= 1 and is_capitalised(doc.text[nxt[0]]):
            continue
        k = bisect_right(named_at, start) - 1
        if k >= 0 and start - named_at[k] <= _ANAPHOR_CHARS:
            continue
        if not doc.is_boilerplate(start, end):
            return True
    return False


def framing(doc: Doc, words: FramingWords, named_at: Sequence[int]) -> Framing:
    headline = _headline(doc)
    central = headline is not None and words.central.search(doc.text, *headline) is not None
    return Framing(headline, central, _refers_to_own_province(doc, words, named_at))
