"""Parse: how the report frames itself, national or provincial.

A national report's headline names a central body ("Điều động nhân sự tại Văn phòng Chính
phủ", "Ông Đinh La Thăng nhậm chức Phó ban Kinh tế Trung ương") and names no province; the
provinces in its body are where its people come from, examples or venues. A provincial report
refers to its own province without naming it ("UBND tỉnh", "toàn tỉnh", "Tỉnh ủy"), which a
national report never needs to. The headline is the title, else the first content line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...text.document import Doc
from ...text.scan import is_capitalised, token_at

_LINE = re.compile(r"\S[^\n]*")
#: How much of the first line stands for a headline when the page has no title.
_FRAME_CHARS = 300


@dataclass(frozen=True, slots=True)
class FramingWords:
    """Read-only patterns (built once per pipeline)."""

    #: central bodies as written ("Chính phủ", "Trung ương"), matched in their case
    central: re.Pattern[str]
    #: references to the report's own province ("ubnd tỉnh", "toàn tỉnh"), matched in lower case
    provincial_ref: re.Pattern[str]

    @classmethod
    def of(cls, central: list[str], provincial_ref: list[str]) -> FramingWords:
        return cls(central=_words(central), provincial_ref=_words(provincial_ref))


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


def _refers_to_own_province(doc: Doc, words: FramingWords) -> bool:
    """A reference like "UBND tỉnh" not followed by the province's name, outside boilerplate."""
    for m in words.provincial_ref.finditer(doc.lower):
        nxt = token_at(doc.text, m.end())
        named = nxt is not None and nxt[0] - m.end() <= 1 and is_capitalised(doc.text[nxt[0]])
        if not named and not doc.is_boilerplate(m.start(), m.end()):
            return True
    return False


def framing(doc: Doc, words: FramingWords) -> Framing:
    headline = _headline(doc)
    central = headline is not None and words.central.search(doc.text, *headline) is not None
    return Framing(headline, central, _refers_to_own_province(doc, words))
