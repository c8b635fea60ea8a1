"""Comparison keys and content-derived ids for linked entities.

Every value that decides whether two mentions are one entity goes through :func:`key`: the
spelling normalisation of report text (NFC, one tone-mark convention), case folded, runs of
white space collapsed. Ids are made from such keys with a fixed hash (not Python's ``hash()``,
which changes per process), so the same content gives the same id in every run and order.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from ..text.normalize import normalize_string

_SPACES = re.compile(r"\s+")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_MARKS = re.compile(r"[\u0300-\u036f]+")

#: Modifiers that do not change which ladder a title belongs to ("Phó Chủ tịch Thường trực" is
#: on the "Chủ tịch" ladder). Grammar of Vietnamese titles, not vocabulary: the title tables
#: list bare titles and the officials recogniser adds exactly these (see titles.tsv).
_LEADING_MODIFIERS = ("phó ", "quyền ")
_TRAILING_MODIFIERS = (" thường trực", " thứ nhất", " chuyên trách")
#: Separator of compound titles as the officials recogniser writes them ("Bộ trưởng - Chủ nhiệm").
_COMPOUND = " - "


@lru_cache(maxsize=1 << 16)
def key(text: str) -> str:
    """The comparison form of a name, title or organisation: normalised, case folded, one space.
    (Cached: a corpus repeats the same few thousand names and organisations.)"""
    return _SPACES.sub(" ", normalize_string(text)).strip().casefold()


def title_parts(title: str) -> list[str]:
    """The parts of a compound title, each as a key (``"Ủy viên - Phó Thủ tướng"`` → two)."""
    return [p for p in (part.strip() for part in key(title).split(_COMPOUND)) if p]


def without_trailing_modifier(title_key: str) -> str:
    """``"phó thủ tướng thường trực"`` → ``"phó thủ tướng"`` (one trailing modifier removed)."""
    for tail in _TRAILING_MODIFIERS:
        if title_key.endswith(tail) and len(title_key) > len(tail):
            return title_key[: -len(tail)]
    return title_key


def title_family(title_key: str) -> str:
    """The ladder a title is on: deputy, acting and standing forms removed (``"chủ tịch"``)."""
    family = without_trailing_modifier(title_key)
    for head in _LEADING_MODIFIERS:
        if family.startswith(head) and len(family) > len(head):
            family = family[len(head) :]
    return family


def slug(text: str) -> str:
    """ASCII slug of a name: ``"Nguyễn Mạnh Hùng"`` → ``"nguyen-manh-hung"``."""
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return _NOT_SLUG.sub("-", _MARKS.sub("", folded).lower()).strip("-") or "x"


def digest(*parts: str, size: int = 4) -> str:
    """A short hex digest of ``parts``, the same in every process and on every machine."""
    h = hashlib.blake2b(digest_size=size)
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


def entity_id(name: str, *parts: str) -> str:
    """``slug(name)-digest``: readable, and distinct for namesakes whose ``parts`` differ."""
    return f"{slug(name)}-{digest(key(name), *parts)}"
