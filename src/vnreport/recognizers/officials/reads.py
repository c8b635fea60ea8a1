"""What the officials reader produces: small immutable records with normalised offsets.

All offsets are normalised offsets of ``doc.text``; the recogniser maps them back to the
caller's text when it builds :class:`~vnreport.models.Official` objects.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...lexicon.titles import TitleInfo


@dataclass(frozen=True, slots=True)
class NameSpan:
    """A person's name as read: ``[start, end)`` and its syllables as written."""

    start: int
    end: int
    words: tuple[str, ...]

    @property
    def short(self) -> bool:
        """A one-syllable reference ("ông Lập")."""
        return len(self.words) == 1


@dataclass(frozen=True, slots=True)
class Extent:
    """A plain ``[start, end)`` range (an honorific chain such as "đồng chí Đại tá")."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TitleRead:
    """A title with its modifiers: ``[nguyên|cựu|quyền] [Phó] TITLE [Thường trực]``."""

    start: int
    end: int
    title: str  # expanded, modifiers included ("Phó Chủ tịch Thường trực")
    former: bool
    info: TitleInfo  # the title's row (kind, the body a national office implies)


@dataclass(frozen=True, slots=True)
class PositionRead:
    """One position as read: title plus organisation, ``[start, end)``."""

    start: int
    end: int
    title: str
    title_end: int  # where the title stops and the organisation begins
    former: bool = False
    info: TitleInfo | None = None  # the (first) title's row


@dataclass(frozen=True, slots=True)
class PersonMention:
    """One reading around a trigger: a named person, the honorific and positions given there."""

    name: NameSpan
    honorific: Extent | None
    positions: tuple[PositionRead, ...]
    end: int  # where this reading stops (later triggers before it were consumed)


@dataclass(frozen=True, slots=True)
class OrgRead:
    """The organisation text after a title: where it ends, and the name found right after it."""

    end: int
    name: NameSpan | None = None
